using Microsoft.AspNetCore.Builder;
using OfficeFollowUp.Hosting;
using OfficeFollowUp.Sandbox;

/// <summary>
/// What one measured run stands on: the sandbox mailbox served on loopback and a fresh data folder for the
/// worker. Disposing it removes the folder (after SQLite lets go of the file) and stops the sandbox.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    private BenchWorld(SandboxMailbox mailbox, SandboxServer server, string folder)
    {
        Mailbox = mailbox;
        Server = server;
        Folder = folder;
    }

    public SandboxMailbox Mailbox { get; }

    public SandboxServer Server { get; }

    public string Folder { get; }

    /// <summary>Serves a mailbox the caller has seeded to the size it measures.</summary>
    public static async Task<BenchWorld> StartAsync(SandboxMailbox mailbox)
    {
        var server = await SandboxServer.StartAsync(mailbox);
        var folder = Path.Combine(Path.GetTempPath(), "ofu-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new BenchWorld(mailbox, server, folder);
    }

    /// <summary>The real worker on this folder and sandbox, with sync left to the measurement to drive.</summary>
    public async Task<WebApplication> StartWorkerAsync(params string[] extra)
    {
        var app = WorkerApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataFolder={Folder}",
            $"--Mailbox:GraphBaseUrl={Server.BaseUrl}",
            "--Sync:Enabled=false",
            "--TaskPane:DistFolder=/nonexistent",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ]);
        await app.StartAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
        finally
        {
            await Server.DisposeAsync();
        }
    }
}
