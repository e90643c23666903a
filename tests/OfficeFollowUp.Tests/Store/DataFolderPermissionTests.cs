using OfficeFollowUp.Api;

namespace OfficeFollowUp.Tests.Store;

/// <summary>
/// Personal data stays put (DESIGN.md rule 7): the real worker's real files — the SQLite database and the
/// -wal/-shm files SQLite makes beside it, the pairing key — are owner-only on disk, made so from the
/// start and put right when found otherwise. Meaningful where group and others would get read access
/// by default (a umask of 022, as on most machines; the test says so when it is not).
/// </summary>
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_new_data_folder_and_every_file_the_worker_makes_in_it_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var world = await SandboxWorld.StartAsync();
        var folder = Path.Combine(world.DataFolder, "new", "data");
        await using var worker = await world.StartWorkerAsync($"--Storage:DataFolder={folder}");
        await worker.SyncOnceAsync();
        world.Mailbox.AddContact(new SandboxContactSeed("Priya", "Raman", ["priya@harbourlaw.co.nz"]));
        await worker.SyncOnceAsync();
        _ = worker.Get<ApiKey>().Value;

        var database = worker.Get<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value.DatabasePath;
        // WAL mode keeps -wal and -shm beside the database while a connection is open (they are the files personal
        // data passes through); this one is held open because other tests clear the process's connection pools.
        await using var open = await worker.Get<Database>().OpenAsync(CancellationToken.None);
        await using (var read = open.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM people";
            Assert.True(Convert.ToInt64(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
        string[] expected = [database, database + "-wal", database + "-shm", Path.Combine(folder, "api-key")];
        Assert.All(expected, path => Assert.True(File.Exists(path), $"{Path.GetFileName(path)} was not made"));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
        foreach (var path in Directory.GetFiles(folder))
        {
            var mode = File.GetUnixFileMode(path);
            Assert.True(OwnerOnlyFile == mode, $"{Path.GetFileName(path)}: {mode}");
        }
        Assert.True(new FileInfo(database + "-wal").Length > 0 || new FileInfo(database).Length > 0);
    }

    [Fact]
    public async Task Files_found_readable_by_others_at_start_are_made_owner_only_with_one_warning_that_names_no_path()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var world = await SandboxWorld.StartAsync();
        var folder = Path.Combine(world.DataFolder, "restored");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var readable = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        // The worker's own database (which it then opens), the pairing key, the sign-in record and a stray file.
        // No -wal/-shm: SQLite removes those when the last connection closes, which other tests' pool clearing can cause at any time.
        string[] files = ["officefollowup.db", "api-key", "auth-record.json", "notes.txt"];
        foreach (var name in files)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, name == "api-key" ? new string('k', 43) : string.Empty);
            File.SetUnixFileMode(path, readable);
        }
        var logs = new LogCapture();

        await using var worker = await world.StartWorkerAsync(b => b.Logging.AddProvider(logs), $"--Storage:DataFolder={folder}");

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
        foreach (var name in files)
        {
            Assert.Equal((name, OwnerOnlyFile), (name, File.GetUnixFileMode(Path.Combine(folder, name))));
        }
        var about = logs.Warnings.Where(w => w.Contains("data folder", StringComparison.Ordinal)).ToList();
        Assert.True(about.Count == 1, "warnings: " + string.Join(" | ", logs.Warnings));
        var warning = about[0];
        Assert.Contains("(folder: True, files: 4)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(folder, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.UserName, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(files, name => warning.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_private_folder_starts_without_a_warning()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var world = await SandboxWorld.StartAsync();
        var folder = Path.Combine(world.DataFolder, "fresh");
        var logs = new LogCapture();
        await using (await world.StartWorkerAsync(b => b.Logging.AddProvider(logs), $"--Storage:DataFolder={folder}"))
        {
        }

        await using (await world.StartWorkerAsync(b => b.Logging.AddProvider(logs), $"--Storage:DataFolder={folder}"))
        {
        }

        Assert.DoesNotContain(logs.Warnings, w => w.Contains("data folder", StringComparison.Ordinal));
    }
}
