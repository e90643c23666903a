using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;
using OfficeFollowUp.Api;
using OfficeFollowUp.Hosting;
using OfficeFollowUp.Testing;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// A sandbox mailbox on loopback plus a data folder; workers started against it are the real
/// worker process composition (Kestrel, SQLite file, Graph SDK), with only time faked.
/// </summary>
public sealed class SandboxWorld : IAsyncDisposable
{
    private readonly SandboxSite _site;

    private SandboxWorld(SandboxSite site, FakeTimeProvider time)
    {
        _site = site;
        Time = time;
    }

    public SandboxMailbox Mailbox => _site.Mailbox;

    public SandboxServer Server => _site.Server;

    public FakeTimeProvider Time { get; }

    public string DataFolder => _site.DataFolder;

    /// <summary>
    /// For tests about how holds are made (exactly once, in working hours, …) rather than when: holds are placed as the
    /// track starts, without waiting for the thank-you, and the daily and weekly limits do not get in the way.
    /// </summary>
    public static readonly string[] HoldsAtOnce = ["--Calendar:HoldAfter=TrackStart", "--Calendar:MaxHoldsPerDay=20", "--Calendar:MaxHoldsPerWeek=100"];

    public static async Task<SandboxWorld> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        return new SandboxWorld(await SandboxSite.StartAsync(SandboxMailbox.WithSampleData(time), "ofu-tests"), time);
    }

    public Task<RunningWorker> StartWorkerAsync(params string[] extraArgs) => StartWorkerAsync(null, extraArgs);

    /// <summary>The same worker, with a test's own additions to the composition (a log capture, say).</summary>
    public async Task<RunningWorker> StartWorkerAsync(Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataFolder={DataFolder}",
            $"--Mailbox:GraphBaseUrl={Server.BaseUrl}",
            "--Mailbox:ContactsPageSize=5",
            "--Sync:Enabled=false",
            "--TaskPane:DistFolder=/nonexistent-in-tests",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = WorkerApp.Build(args, b =>
        {
            b.Services.AddSingleton<TimeProvider>(Time);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return new RunningWorker(app);
    }

    /// <summary>First connection: the worker baselines what the mailbox already holds.</summary>
    public async Task<RunningWorker> StartBaselinedWorkerAsync(params string[] extraArgs)
    {
        var worker = await StartWorkerAsync(extraArgs);
        await worker.SyncOnceAsync();
        return worker;
    }

    /// <summary>
    /// A built task pane in this world's data folder, for --TaskPane:DistFolder: each file by its path under
    /// the dist folder ("assets/taskpane.js") and its content. Returns the folder.
    /// </summary>
    public async Task<string> WriteBuiltPaneAsync(IReadOnlyDictionary<string, string> files)
    {
        var dist = Path.Combine(DataFolder, "dist");
        foreach (var (path, content) in files)
        {
            var file = Path.Combine(dist, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content);
        }

        return dist;
    }

    public async ValueTask DisposeAsync()
    {
        var invitations = Mailbox.InvitationsSent;
        await _site.DisposeAsync();

        // Draft, never send: no worker test may ever make the mailbox send an invitation.
        Assert.Equal(0, invitations);
    }
}

public sealed class RunningWorker(WebApplication app) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public Task<MailboxRun> SyncOnceAsync() => Get<SyncMailbox>().RunOnceAsync(CancellationToken.None);

    public HttpClient Client(bool paired = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (paired)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Get<ApiKey>().Value);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>A test class that needs one baselined worker against its own sandbox, and a paired API client.</summary>
/// <param name="workerArgs">The test class's own settings for its worker, as command-line arguments.</param>
public abstract class PairedWorkerTests(params string[] workerArgs) : IAsyncLifetime
{
    protected SandboxWorld World { get; private set; } = null!;

    protected RunningWorker Worker { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await SandboxWorld.StartAsync();
        Worker = await World.StartBaselinedWorkerAsync(workerArgs);
        Client = Worker.Client();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Worker.DisposeAsync();
        await World.DisposeAsync();
    }
}
