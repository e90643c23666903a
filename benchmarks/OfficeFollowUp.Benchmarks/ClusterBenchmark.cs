using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using OfficeFollowUp.Sandbox;

/// <summary>
/// A team on one machine: N sandbox mailboxes × M contacts served by three real worker processes in one Orleans
/// cluster (Redis) on one PostgreSQL store, in application mode.
///   dotnet run -c Release --project benchmarks/OfficeFollowUp.Benchmarks -- cluster [mailboxes=1000] [contacts=200] [idle seconds=120, at least 2 polls] [latency samples=50]
/// Phase 1, notifications off (poll every Sync:PollInterval, 1 minute): time until every mailbox is baselined, memory
/// per process, Graph requests per idle minute once the rate is flat (per path). Phase 2, the same store with change
/// notifications on (one public address in front of the processes): requests per idle minute once flat (per path),
/// new contact → draft latency (p50/p99), then SIGKILL of one process and the time until the last of its mailboxes
/// made the draft for a contact added at that moment (default failure detection: probes 5 s × 3, reminder 1 minute). PostgreSQL and Redis: OFU_POSTGRES / OFU_REDIS, else started with
/// scripts/postgres.sh and scripts/redis.sh (stopped when this process ends).
/// </summary>
internal static partial class ClusterBenchmark
{
    private const int Processes = 3;

    public static async Task RunAsync(int mailboxCount, int contactsEach, TimeSpan idle, int samples)
    {
        // At least two poll intervals: a shorter window falls between two polls of the mailboxes that started together.
        idle = idle < TimeSpan.FromMinutes(2) ? TimeSpan.FromMinutes(2) : idle;
        var wall = Stopwatch.StartNew();
        var root = RepositoryRoot();
        var postgres = Environment.GetEnvironmentVariable("OFU_POSTGRES") is { Length: > 0 } pg ? pg : StartServer(root, "postgres.sh", "OFU_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("OFU_REDIS") is { Length: > 0 } rd ? rd : StartServer(root, "redis.sh", "OFU_REDIS");
        var dll = WorkerDll(root);
        Console.WriteLine($"OfficeFollowUp cluster benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores (load {LoadAverage()}), " +
            $".NET {Environment.Version}, {Processes} worker processes, {mailboxCount:N0} mailboxes × {contactsEach:N0} contacts, " +
            $"steady idle window {idle.TotalMinutes:0.#} min, {samples} latency samples");

        var seedClock = Stopwatch.StartNew();
        var tenant = new SandboxTenant(TimeProvider.System);
        var mailboxes = tenant.SeedMailboxes(mailboxCount, contactsEach);
        await using var server = await SandboxServer.StartAsync(tenant);
        Console.WriteLine($"seeded the sandbox in {seedClock.Elapsed.TotalSeconds:0.0} s");

        var database = "ofu_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var store = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = PoolPerProcess }.ConnectionString;
        var rows = new ReportedRows();
        var loads = new List<string>();
        var offRate = 0.0;
        try
        {
            // Phase 1: notifications off.
            await using (var team = new Team(dll, store, redis, server.BaseUrl.ToString(), mailboxes, notifications: false))
            {
                var clock = Stopwatch.StartNew();
                await team.StartAsync();
                var started = clock.Elapsed;
                Console.WriteLine($"phase 1 (notifications off): {Processes} processes listening after {started.TotalSeconds:0.0} s");
                await WaitAsync(async () => await BaselinedAsync(store) >= mailboxCount, TimeSpan.FromHours(2), "every mailbox baselined", team,
                    async () => $"{await BaselinedAsync(store)} of {mailboxCount} mailboxes baselined, RSS {team.Rss()}, load {LoadAverage()}");
                var baselined = clock.Elapsed;
                loads.Add($"baseline {LoadAverage()}");
                Console.WriteLine($"every mailbox baselined after {baselined.TotalSeconds:0.0} s");
                rows.Add(("processes started (all three at once) and listening", $"{started.TotalSeconds:0.0} s"));
                rows.Add(("time until every mailbox is baselined (from the first start)", $"{baselined.TotalSeconds:0.0} s ({mailboxCount * contactsEach / baselined.TotalSeconds:N0} contacts/s)"));
                rows.Add(("memory (RSS) per process after the baseline", team.Rss()));
                var off = await SteadyIdleAsync(tenant, mailboxes, idle, "notifications off");
                // After the idle window: the grains the first process activated have moved to their owners by then.
                rows.Add(("mailbox grains per process, notifications off", team.Grains()));
                rows.Add(("warnings and errors the processes logged, notifications off", team.Problems()));
                offRate = off.PerMinute;
                loads.Add($"idle off {LoadAverage()}");
                rows.Add(("Graph requests per idle minute, notifications off (poll 1 min; steady window)",
                    $"{off.PerMinute:N0} ({off.PerMinute / mailboxCount:0.00} per mailbox; flat after {off.SettledAfter.TotalMinutes:0} min)"));
            }

            // Phase 2: notifications on; the store is baselined already.
            await using (var team = new Team(dll, store, redis, server.BaseUrl.ToString(), mailboxes, notifications: true))
            {
                await team.StartAsync();
                Console.WriteLine("phase 2 (notifications on): processes listening");
                await WaitAsync(async () => await SubscribedAsync(store) >= 2 * mailboxCount, TimeSpan.FromHours(1), "every mailbox subscribed (contacts and events)", team,
                    async () => $"{await SubscribedAsync(store)} of {2 * mailboxCount} subscriptions, load {LoadAverage()}");
                Console.WriteLine("every mailbox subscribed (one public address in front of the three processes); settling");
                var on = await SteadyIdleAsync(tenant, mailboxes, idle, "notifications on");
                loads.Add($"idle on {LoadAverage()}");
                rows.Add(("Graph requests per idle minute, notifications on (safety poll 30 min; steady window)",
                    $"{on.PerMinute:N0} ({on.PerMinute / mailboxCount:0.00} per mailbox; flat after {on.SettledAfter.TotalMinutes:0} min)"));
                rows.Add(("… plus the safety poll's share (one idle pass per mailbox per 30 min, from the off rate)", $"{offRate / 30:N0}"));
                rows.Add(("memory (RSS) per process with notifications", team.Rss()));
                rows.Add(("mailbox grains per process, notifications on", team.Grains()));

                Console.WriteLine("measuring latency");
                var latencies = await LatenciesAsync(mailboxes, samples, team);
                loads.Add($"latency {LoadAverage()}");
                rows.Add(($"new contact → draft latency with notifications, p50 / p99 ({latencies.Count} samples, one every 250 ms)",
                    $"{Percentile(latencies, 0.50):0} ms / {Percentile(latencies, 0.99):0} ms"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms; killing one process"));

                rows.Add(Failover(await FailoverAsync(mailboxes, team)));
                loads.Add($"failover {LoadAverage()}");
                rows.Add(("warnings and errors the processes logged, notifications on (the kill included)", team.Problems()));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(postgres);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }

        rows.Add(("load average (1 / 5 / 15 min) at the end of each phase; 2 cores shared with other builds", string.Join("; ", loads)));
        rows.Add(("wall-clock time of the run", $"{wall.Elapsed.TotalMinutes:0.0} min"));
        Console.WriteLine();
        Console.WriteLine($"| {mailboxCount:N0} mailboxes × {contactsEach:N0} contacts, {Processes} processes, {DateTime.UtcNow:yyyy-MM-dd} | value |");
        Console.WriteLine("|---|---:|");
        foreach (var (what, value) in rows)
        {
            Console.WriteLine($"| {what} | {value} |");
        }
    }

    /// <summary>Each process's most PostgreSQL connections: three processes and this one stay well under the server's max_connections (200).</summary>
    private const int PoolPerProcess = 40;

    private sealed record FailoverRun(string Killed, int Held, int Mailboxes, double[] Seconds, int Late);

    /// <summary>
    /// SIGKILL of the process holding the most grains, and at that moment one new contact in every mailbox. A mailbox on a
    /// surviving process drafts within seconds (its notification); one that lived on the killed process drafts only after
    /// the cluster declared the process dead and its grain came back on a survivor. The failover time is from the SIGKILL
    /// until the last of those moved mailboxes made its draft.
    /// </summary>
    private static async Task<FailoverRun> FailoverAsync(IReadOnlyList<SandboxMailbox> mailboxes, Team team)
    {
        var (killed, held) = await team.KillOneAsync();
        var clock = Stopwatch.StartNew();
        var before = mailboxes.Select(m => m.Drafts.Count).ToArray();
        foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)))
        {
            mailbox.AddContact(new SandboxContactSeed($"Failover{i}", "Arrival", [$"failover{i}@arrivals.example"], null));
        }

        var seconds = new double[mailboxes.Count];
        Array.Fill(seconds, double.NaN);
        while (clock.Elapsed < TimeSpan.FromMinutes(5) && seconds.Any(double.IsNaN))
        {
            for (var i = 0; i < mailboxes.Count; i++)
            {
                if (double.IsNaN(seconds[i]) && mailboxes[i].Drafts.Count > before[i])
                {
                    seconds[i] = clock.Elapsed.TotalSeconds;
                }
            }

            await Task.Delay(100);
        }

        return new FailoverRun(killed, held, mailboxes.Count, seconds, seconds.Count(double.IsNaN));
    }

    private static (string What, string Value) Failover(FailoverRun run)
    {
        const string what = "failover: SIGKILL of the process with the most grains → the last of its mailboxes made the draft of a contact added at the kill";
        var done = run.Seconds.Where(s => !double.IsNaN(s)).Order().ToArray();
        if (run.Late > 0)
        {
            return (what, $"not reached in 5 min: {run.Late} of {run.Mailboxes} mailboxes still without the draft ({run.Killed})");
        }

        // The survivors' own mailboxes should draft first and the moved ones last; the split shows whether the drafts came
        // in two groups (failure detection) or one stream (a machine too busy to tell them apart).
        var held = Math.Clamp(run.Held, 1, done.Length);
        var survivors = done[..^held];
        var moved = done[^held..];
        return (what, string.Create(CultureInfo.InvariantCulture,
            $"{done[^1]:0.0} s ({run.Killed}; the last {held} drafts from {moved[0]:0.0} s to {moved[^1]:0.0} s, the first {survivors.Length} by {(survivors.Length > 0 ? survivors[^1] : 0):0.0} s)"));
    }

    /// <summary>The table's rows, each also printed as it is measured (a run cut short still shows what it measured).</summary>
    private sealed class ReportedRows : List<(string What, string Value)>
    {
        public new void Add((string What, string Value) row)
        {
            Console.WriteLine($"  {row.What}: {row.Value}");
            base.Add(row);
        }
    }

    /// <summary>
    /// Graph requests per idle minute once the rate is flat: one-minute slices (the poll interval, so every mailbox polls
    /// once per slice) until two in a row agree, then a <paramref name="window"/> (at least 2 minutes) measured, with the
    /// requests per path printed. A window right after a start would count the first passes, subscription creations and
    /// grain moves, not what an idle mailbox costs.
    /// </summary>
    private static async Task<IdleWindow> SteadyIdleAsync(SandboxTenant tenant, IReadOnlyList<SandboxMailbox> mailboxes, TimeSpan window, string label)
    {
        var settle = Stopwatch.StartNew();
        var previous = (IdleWindow?)null;
        while (true)
        {
            var slice = await MeasureWindowAsync(tenant, mailboxes, TimeSpan.FromMinutes(1));
            Console.WriteLine($"  settling ({label}), minute {settle.Elapsed.TotalMinutes:0}: {slice.PerMinute:N0} requests/min, load {LoadAverage()}");
            if (previous is not null && Flat(previous.PerMinute, slice.PerMinute))
            {
                break;
            }

            if (settle.Elapsed > TimeSpan.FromMinutes(20))
            {
                Console.WriteLine($"  ({label}) not flat after 20 minutes; measuring anyway");
                break;
            }

            PrintPaths(slice, $"  not flat yet ({label})");
            previous = slice;
        }

        var measured = await MeasureWindowAsync(tenant, mailboxes, window) with { SettledAfter = settle.Elapsed - window };
        PrintPaths(measured, $"  steady idle window ({label}), {window.TotalMinutes:0.#} min after {measured.SettledAfter.TotalMinutes:0} min settling");
        return measured;
    }

    // Two one-minute slices within 10 % (plus 5 requests, for a rate near zero) of each other.
    private static bool Flat(double a, double b) => Math.Abs(a - b) <= (0.1 * Math.Max(a, b)) + 5;

    private static void PrintPaths(IdleWindow window, string title)
    {
        Console.WriteLine($"{title}: {window.PerMinute:N1} requests/min; per path (requests/min):");
        foreach (var (path, count) in window.ByPath.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {count / window.Length.TotalMinutes,10:N1}  {path}"));
        }
    }

    private static async Task<IdleWindow> MeasureWindowAsync(SandboxTenant tenant, IReadOnlyList<SandboxMailbox> mailboxes, TimeSpan window)
    {
        tenant.Requests.Reset();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Requests.Reset();
        }

        await Task.Delay(window);
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var snapshot in mailboxes.Select(m => m.Requests.Snapshot()).Append(tenant.Requests.Snapshot()))
        {
            foreach (var (path, count) in snapshot.ByRoute)
            {
                byPath[path] = byPath.GetValueOrDefault(path) + count;
            }
        }

        return new IdleWindow(window, byPath.Values.Sum() / window.TotalMinutes, byPath, TimeSpan.Zero);
    }

    private sealed record IdleWindow(TimeSpan Length, double PerMinute, IReadOnlyDictionary<string, int> ByPath, TimeSpan SettledAfter);

    /// <summary>The 1, 5 and 15-minute load averages: the machine is shared, so every figure is read next to it.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>One contact at a time into a random mailbox, every 250 ms; each sample is the time until that mailbox holds one more draft.</summary>
    private static async Task<List<double>> LatenciesAsync(IReadOnlyList<SandboxMailbox> mailboxes, int samples, Team team)
    {
        var random = new Random(7);
        var pending = new List<Task<double>>();
        for (var i = 0; i < samples; i++)
        {
            var mailbox = mailboxes[random.Next(mailboxes.Count)];
            pending.Add(MeasureOneAsync(mailbox, i));
            await Task.Delay(250);
        }

        return [.. await Task.WhenAll(pending)];

        async Task<double> MeasureOneAsync(SandboxMailbox mailbox, int i)
        {
            var known = mailbox.Drafts.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var address = $"latency{i}@arrivals.example";
            var clock = Stopwatch.StartNew();
            mailbox.AddContact(new SandboxContactSeed($"Latency{i}", "Arrival", [address], null));
            while (!mailbox.Drafts.Any(d => !known.Contains(d.Id) && d.ToRecipients.Any(r => r.Address == address)))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException($"No draft for a new contact within 5 minutes.\n{team.RecentOutput}");
                }

                await Task.Delay(10);
            }

            return clock.Elapsed.TotalMilliseconds;
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static async Task<int> BaselinedAsync(string store) =>
        await CountAsync(store, "SELECT COUNT(*) FROM mailboxes WHERE baselined_at IS NOT NULL");

    private static async Task<int> SubscribedAsync(string store) => await CountAsync(store, "SELECT COUNT(*) FROM graph_subscriptions");

    private static async Task<int> CountAsync(string store, string sql)
    {
        try
        {
            await using var connection = new NpgsqlConnection(store);
            return await connection.ExecuteScalarAsync<int>(sql);
        }
        catch (PostgresException)
        {
            return 0; // not migrated yet
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan patience, string what, Team team, Func<Task<string>>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        while (!await done())
        {
            if (clock.Elapsed > patience)
            {
                throw new TimeoutException($"Not reached in {patience}: {what}.\n{team.RecentOutput}");
            }

            if (progress is not null && clock.Elapsed - reported > TimeSpan.FromSeconds(30))
            {
                reported = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds:0} s: {await progress()}");
            }

            await Task.Delay(200);
        }
    }

    private static string StartServer(string root, string script, string variable)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "scripts", script)) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("start");
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Single(kv => kv[0] == variable)[1].Trim('\'');
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OfficeFollowUp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OfficeFollowUp.sln not found above the benchmark.");
    }

    private static string WorkerDll(string root)
    {
        if (Environment.GetEnvironmentVariable("OFU_WORKER_DLL") is { Length: > 0 } given)
        {
            return given;
        }

        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var path = Path.Combine(root, "worker", "OfficeFollowUp.Worker", "bin", configuration, "net10.0", "OfficeFollowUp.Worker.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("Build the worker first (dotnet build -c Release worker/OfficeFollowUp.Worker).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();

    [GeneratedRegex(@"^(?:\d\d:\d\d:\d\d )?((?:warn|fail|crit): [^\s\[]+\[\d+\])")]
    private static partial Regex Problem();

    /// <summary>Three worker processes of one cluster; each stopped by its process id.</summary>
    private sealed class Team(string dll, string store, string redis, string graph, IReadOnlyList<SandboxMailbox> mailboxes, bool notifications) : IAsyncDisposable
    {
        private readonly string _cluster = "ofu-bench-" + Guid.NewGuid().ToString("N")[..8];
        private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(30) };
        private WebApplication? _balancer;
        private string? _publicUrl;
        private int _next;
        private readonly List<Worker> _workers = [];
        private readonly List<string> _folders = [];

        public string RecentOutput => string.Join("\n---\n", _workers.Select(w => $"[pid {w.Process.Id}]\n{string.Join('\n', w.Recent)}"));

        public async Task StartAsync()
        {
            if (notifications)
            {
                // What a team runs in front of its processes: one public address, any live process behind it, so a
                // subscription made by a process that later dies still reaches the cluster.
                var port = FreePort();
                _publicUrl = $"http://127.0.0.1:{port}";
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls(_publicUrl);
                _balancer = builder.Build();
                _balancer.Run(ForwardAsync);
                await _balancer.StartAsync();
            }

            // All at once, as a team starts them: one migrates the store under PostgreSQL's advisory lock while the others
            // wait for it. Started one after the other, the first activated every mailbox before the others joined, ran
            // every baseline alone, and two thirds of the mailboxes then moved, each move costing a pass with a profile read.
            _workers.AddRange(await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => StartOneAsync())));
        }

        public string Rss() => string.Join(", ", _workers.Where(w => !w.Process.HasExited).Select(w => $"{RssMiB(w.Process.Id):0} MiB"));

        /// <summary>Warnings and errors logged by the team's processes, by category and event id, most frequent first.</summary>
        public string Problems()
        {
            var all = _workers.SelectMany(w => w.Problems).GroupBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(g => (What: g.Key, Count: g.Sum(kv => kv.Value))).OrderByDescending(p => p.Count).ToList();
            return all.Count == 0 ? "none" : string.Join("; ", all.Take(6).Select(p => $"{p.Count} × {p.What}"));
        }

        public string Grains() => string.Join(", ", _workers.Where(w => !w.Process.HasExited).Select(w => $"{w.Activated - w.MovedAway}"));

        public async Task<(string Killed, int Held)> KillOneAsync()
        {
            var victim = _workers.Where(w => !w.Process.HasExited).OrderByDescending(w => w.Activated - w.MovedAway).First();
            var held = victim.Activated - victim.MovedAway;
            victim.Killed = true;
            victim.Process.Kill(entireProcessTree: false);
            await victim.Process.WaitForExitAsync();
            return ($"pid {victim.Process.Id}, {held} mailbox grains", held);
        }

        public async ValueTask DisposeAsync()
        {
            if (_balancer is not null)
            {
                await _balancer.DisposeAsync();
            }

            foreach (var worker in _workers.Where(w => !w.Process.HasExited))
            {
                worker.Killed = true;
                worker.Process.Kill(entireProcessTree: false);
                await worker.Process.WaitForExitAsync();
            }

            foreach (var folder in _folders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is harmless.
                }
            }
        }

        private async Task ForwardAsync(HttpContext http)
        {
            var live = _workers.Where(w => !w.Process.HasExited).ToList();
            if (live.Count == 0)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            var target = live[(int)((uint)Interlocked.Increment(ref _next) % (uint)live.Count)];
            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), $"http://127.0.0.1:{target.Port}{http.Request.Path}{http.Request.QueryString}");
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            if (http.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            try
            {
                using var answer = await _forward.SendAsync(request);
                http.Response.StatusCode = (int)answer.StatusCode;
                if (answer.Content.Headers.ContentType is { } answerType)
                {
                    http.Response.ContentType = answerType.ToString();
                }

                await answer.Content.CopyToAsync(http.Response.Body);
            }
            catch (HttpRequestException)
            {
                http.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        }

        private static double RssMiB(int pid)
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }

        private async Task<Worker> StartOneAsync()
        {
            var folder = Path.Combine(Path.GetTempPath(), "ofu-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            _folders.Add(folder);
            var port = FreePort();
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            string[] args =
            [
                dll,
                $"--urls=http://127.0.0.1:{port}",
                $"--Storage:DataFolder={folder}",
                "--Storage:Provider=PostgreSQL",
                $"--Storage:ConnectionString={store}",
                "--Mailbox:Mode=Application",
                $"--Mailbox:GraphBaseUrl={graph}",
                .. mailboxes.Select((m, i) => $"--Mailbox:Mailboxes:{i}={m.User.UserPrincipalName}"),
                "--Cluster:Mode=Redis",
                $"--Cluster:RedisConnectionString={redis}",
                $"--Cluster:ClusterId={_cluster}",
                $"--Cluster:ServiceId={_cluster}",
                "--Api:RequestsPerMinute=100000",
                "--TaskPane:DistFolder=/nonexistent-in-benchmarks",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
                "--Logging:LogLevel:OfficeFollowUp.Cluster=Information",
                .. notifications ? new[] { $"--Notifications:PublicUrl={_publicUrl}", "--Notifications:RequestsPerMinute=100000" } : [],
            ];
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var worker = new Worker(new Process { StartInfo = info, EnableRaisingEvents = true }, port);
            worker.Process.Exited += (_, _) =>
            {
                if (!worker.Killed)
                {
                    Console.WriteLine($"worker {worker.Process.Id} exited on its own ({worker.Process.ExitCode}); its last lines:\n{string.Join('\n', worker.Recent)}");
                }
            };
            worker.Process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
            worker.Process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data);
            worker.Process.Start();
            worker.Process.BeginOutputReadLine();
            worker.Process.BeginErrorReadLine();
            await worker.Listening.Task.WaitAsync(TimeSpan.FromMinutes(5));
            return worker;
        }
    }

    private sealed class Worker(Process process, int port)
    {
        public int Port { get; } = port;

        private int _activated;
        private int _movedAway;

        public Process Process { get; } = process;

        public bool Killed { get; set; }

        public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Recent { get; } = new();

        /// <summary>Warnings and errors the process logged, by category and event id.</summary>
        public ConcurrentDictionary<string, int> Problems { get; } = new(StringComparer.Ordinal);

        public int Activated => Volatile.Read(ref _activated);

        public int MovedAway => Volatile.Read(ref _movedAway);

        public void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            Recent.Enqueue(line);
            while (Recent.Count > 100 && Recent.TryDequeue(out _))
            {
            }

            // The worker's console format: "HH:mm:ss warn: Category[event id] message" on one line; counted by category and id.
            if (Problem().Match(line) is { Success: true } problem)
            {
                Problems.AddOrUpdate(problem.Groups[1].Value, 1, static (_, n) => n + 1);
            }

            if (line.Contains("A mailbox grain was activated", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _activated);
            }
            else if (line.Contains("A mailbox grain moves from", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _movedAway);
            }
            else if (Listening().IsMatch(line))
            {
                Listening.TrySetResult();
            }
        }
    }
}
