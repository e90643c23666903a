using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Reflection;

namespace OfficeFollowUp.Reliability.Harness;

/// <summary>
/// The real built worker (<c>dotnet OfficeFollowUp.Worker.dll</c>) as a child process of the test, so it can be
/// killed with SIGKILL and its SQLite file outlives it. Stopped by its process id only, also when a drill fails.
/// </summary>
internal sealed partial class WorkerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    // Every worker any drill started, so the test host never leaves one behind, even when it is itself stopping.
    private static readonly ConcurrentDictionary<int, Process> Started = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _errorLines;
    private int _grainActivations;

    static WorkerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Started.Values)
            {
                TryKill(process);
            }
        };
    }

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public int ProcessId => _process.Id;

    public Uri BaseAddress { get; private set; } = null!;

    public bool HasExited => _process.HasExited;

    /// <summary>Log lines at error or critical level ("fail:", "crit:") the worker wrote.</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    /// <summary>Mailbox grains activated in this process (its "A mailbox grain was activated" log lines, Information level).</summary>
    public int GrainActivations => Volatile.Read(ref _grainActivations);

    /// <summary>The last lines the worker wrote (stdout and stderr), for a failing drill's message.</summary>
    public string RecentOutput => string.Join('\n', _recent);

    /// <summary>The worker dll built next to this test project (worker/bin/…), or OFU_WORKER_DLL.</summary>
    public static string WorkerDll
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("OFU_WORKER_DLL");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            var built = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkerDll").Value!;
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "OfficeFollowUp.Worker.dll");
        }
    }

    public static async Task<WorkerProcess> StartAsync(IEnumerable<string> args, TimeSpan timeout)
    {
        var dll = WorkerDll;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root: the worker's appsettings.json sits next to its dll.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Nothing from the test host's environment may point the worker at another mailbox or store.
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("Mailbox__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data);
        process.Exited += (_, _) => worker._listening.TrySetException(new InvalidOperationException("The worker exited before it was listening."));
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start the worker process.");
        }

        Started[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            worker.BaseAddress = await worker._listening.Task.WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            var output = worker.RecentOutput;
            var exited = process.HasExited;
            await worker.DisposeAsync();
            throw exited
                ? new WorkerExitedException($"The worker exited before it was listening. Its output:\n{output}", ex)
                : new InvalidOperationException($"The worker did not start listening within {timeout.TotalSeconds:0} s. Its output:\n{output}", ex);
        }

        return worker;
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>kill -9: no shutdown, no flush, no finally blocks in the worker.</summary>
    public async Task KillHardAsync()
    {
        TryKill(_process);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Started.TryRemove(_process.Id, out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            TryKill(_process);
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                // Reported by the drill's own timeout; nothing more can be done for a process that ignores SIGKILL.
            }
        }

        Started.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private static void TryKill(Process process)
    {
        try
        {
            // On Linux and macOS this is SIGKILL to exactly this process id.
            process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Already gone, or exiting.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _recent.Enqueue(line);
        while (_recent.Count > KeptLines && _recent.TryDequeue(out _))
        {
        }

        if (line.Contains("fail: ", StringComparison.Ordinal) || line.Contains("crit: ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
        }

        if (line.Contains("A mailbox grain was activated", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _grainActivations);
        }

        var listening = Listening().Match(line);
        if (listening.Success)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    // ASP.NET Core's own start-up line (Microsoft.Hosting.Lifetime, kept at Information by the drills).
    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

/// <summary>The worker process ended on its own before it listened (e.g. Orleans declared a joining silo dead and it stopped itself).</summary>
internal sealed class WorkerExitedException(string message, Exception inner) : InvalidOperationException(message, inner);
