using OfficeFollowUp.Sandbox;

namespace OfficeFollowUp.Testing;

/// <summary>
/// What every run against the worker stands on, in the tests, the drills and the benchmarks alike: the sandbox
/// mailbox served on loopback and a fresh data folder of its own under the temp folder. Disposing it stops the
/// sandbox and removes the folder once SQLite has let go of the file.
/// </summary>
/// <remarks>One source file linked into each of those projects (see their .csproj), not a project of its own.</remarks>
internal sealed class SandboxSite : IAsyncDisposable
{
    private readonly bool _keepDataFolder;

    private SandboxSite(SandboxMailbox mailbox, SandboxServer server, string dataFolder, bool keepDataFolder)
    {
        Mailbox = mailbox;
        Server = server;
        DataFolder = dataFolder;
        _keepDataFolder = keepDataFolder;
    }

    public SandboxMailbox Mailbox { get; }

    public SandboxServer Server { get; }

    public string DataFolder { get; }

    /// <param name="mailbox">The mailbox to serve, seeded as the caller needs it.</param>
    /// <param name="folderGroup">The temp folder's child the data folder goes in ("ofu-tests"), so leftovers are easy to find.</param>
    /// <param name="keepDataFolder">Leave the data folder behind when disposed, for a post-mortem.</param>
    public static async Task<SandboxSite> StartAsync(SandboxMailbox mailbox, string folderGroup, bool keepDataFolder = false)
    {
        var server = await SandboxServer.StartAsync(mailbox);
        var folder = Path.Combine(Path.GetTempPath(), folderGroup, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SandboxSite(mailbox, server, folder, keepDataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keepDataFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
