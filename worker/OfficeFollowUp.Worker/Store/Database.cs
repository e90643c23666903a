using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Store;

/// <summary>Opens sessions on the worker's SQLite file and applies migrations once at start.</summary>
public sealed class Database
{
    static Database() => ColumnMapping.Register();

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly StoreOptions _options;
    private volatile bool _fileReady;

    public Database(IOptions<StoreOptions> options, TimeProvider time)
    {
        _time = time;
        _options = options.Value;
        var path = options.Value.DatabasePath;
        PrivateDataFolder.CreateFolderIfMissing(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>A session for single statements, each committed on its own.</summary>
    public async Task<StoreSession> OpenSessionAsync(CancellationToken ct) => new(await OpenAsync(ct), null);

    /// <summary>A session whose statements land together when it is committed, or not at all.</summary>
    public async Task<StoreSession> BeginAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        try
        {
            return new StoreSession(connection, await connection.BeginTransactionAsync(ct));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a session of its own: what a repository does for a caller with no session.</summary>
    internal async Task<T> UseAsync<T>(Func<StoreSession, Task<T>> work, CancellationToken ct)
    {
        await using var session = await OpenSessionAsync(ct);
        return await work(session);
    }

    /// <inheritdoc cref="UseAsync{T}"/>
    internal async Task UseAsync(Func<StoreSession, Task> work, CancellationToken ct)
    {
        await using var session = await OpenSessionAsync(ct);
        await work(session);
    }

    /// <summary>A raw connection: for migrations, and for tests that look at the file as it is.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        EnsureFile();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        // SQLite-specific: WAL lets the API read while a sync round writes; foreign keys keep steps tied to people.
        // A PostgreSQL store sets none of these.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (_options.ResetOnStart)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_options.DatabasePath + suffix);
            }
            _fileReady = false;
        }

        await using var connection = await OpenAsync(ct);
        await Migrations.ApplyAsync(connection, _time.GetUtcNow(), ct);
    }

    /// <summary>
    /// SQLite would create the file with the process's umask (often 0644), and it makes -wal and -shm
    /// with the main file's mode: so the file is made owner-only before SQLite first opens it.
    /// </summary>
    private void EnsureFile()
    {
        if (!_fileReady)
        {
            PrivateDataFolder.CreateEmptyIfMissing(_options.DatabasePath);
            _fileReady = true;
        }
    }
}
