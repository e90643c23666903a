using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Tests.Store;

/// <summary>The providers every store test runs against: the SQLite file and a real PostgreSQL 15 server on loopback.</summary>
public static class StoreProviders
{
    public static TheoryData<string> All => new() { StoreOptions.Sqlite, StoreOptions.PostgreSql };
}

/// <summary>
/// The PostgreSQL server of this test run: the one test.sh started (OFU_POSTGRES), or else one this process starts with
/// scripts/postgres.sh, which stops it (by its process id) once this test process has ended. Each store gets a database of its own.
/// </summary>
internal static class TestPostgres
{
    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString => Server.Value;

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable("OFU_POSTGRES") is { Length: > 0 } given)
        {
            return given;
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "postgres.sh");
        // The script stops the server once this process is gone: the test host can be ended without running ProcessExit.
        var (output, _) = Run(script, "start", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1].Trim('\''), StringComparer.Ordinal);
        return values["OFU_POSTGRES"];
    }

    private static (string Output, int ExitCode) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? (output, 0) : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error}");
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

        throw new InvalidOperationException("OfficeFollowUp.sln not found above the test binaries.");
    }
}

/// <summary>A migrated, empty store of one provider, with the repositories over it; removed when disposed.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _pgDatabase;

    private TestStore(StoreOptions options, FakeTimeProvider time, string? folder, string? pgDatabase)
    {
        Options = options;
        Time = time;
        _folder = folder;
        _pgDatabase = pgDatabase;
        Database = NewDatabase();
    }

    public StoreOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public Database Database { get; }

    public static async Task<TestStore> CreateAsync(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        TestStore store;
        if (provider == StoreOptions.PostgreSql)
        {
            var name = $"ofu_test_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(TestPostgres.ConnectionString))
            {
                await admin.ExecuteAsync($"CREATE DATABASE {name}");
            }

            var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = name }.ToString();
            store = new TestStore(new StoreOptions { Provider = StoreOptions.PostgreSql, ConnectionString = connectionString }, time, null, name);
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("ofu-store-").FullName;
            store = new TestStore(new StoreOptions { DataFolder = folder }, time, folder, null);
        }

        await store.Database.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>A second <see cref="Store.Database"/> on the same store, with its own connections: what another process would have.</summary>
    public Database NewDatabase() => new(Microsoft.Extensions.Options.Options.Create(Options), Time);

    public async ValueTask DisposeAsync()
    {
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestPostgres.ConnectionString);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)");
        }

        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
