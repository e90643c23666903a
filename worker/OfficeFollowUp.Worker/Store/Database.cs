using System.Data.Common;
using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Store;

/// <summary>Opens sessions on the store (the SQLite file, or PostgreSQL) and applies migrations once at start.</summary>
public sealed class Database
{
    static Database() => ColumnMapping.Register();

    private readonly TimeProvider _time;
    private readonly StoreOptions _options;
    private readonly StoreDialect _dialect;
    private volatile bool _fileReady;

    public Database(IOptions<StoreOptions> options, TimeProvider time)
    {
        _time = time;
        _options = options.Value;
        _dialect = StoreDialect.For(_options);
        if (!_options.IsPostgreSql)
        {
            PrivateDataFolder.CreateFolderIfMissing(Path.GetDirectoryName(_options.DatabasePath)!);
        }
    }

    /// <inheritdoc cref="StoreDialect.SharedByProcesses"/>
    internal bool SharedByProcesses => _dialect.SharedByProcesses;

    /// <summary>A session for single statements, each committed on its own.</summary>
    public async Task<StoreSession> OpenSessionAsync(CancellationToken ct) => new(await OpenAsync(ct), null, _dialect.ArrayParameters);

    /// <summary>A session whose statements land together when it is committed, or not at all.</summary>
    public async Task<StoreSession> BeginAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        try
        {
            return new StoreSession(connection, await connection.BeginTransactionAsync(ct), _dialect.ArrayParameters);
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

    /// <summary>A raw connection: for migrations, and for tests that look at the store as it is.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        EnsureFile();
        var connection = _dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await _dialect.OnOpenAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (_options.ResetOnStart)
        {
            await _dialect.ResetAsync(ct);
            _fileReady = false;
        }

        await using var connection = await OpenAsync(ct);
        await using var migrating = await _dialect.LockForMigrationAsync(connection, ct);
        await Migrations.ApplyAsync(connection, _dialect.TimeType, _time.GetUtcNow(), ct);
    }

    /// <summary>
    /// SQLite would create the file with the process's umask (often 0644), and it makes -wal and -shm
    /// with the main file's mode: so the file is made owner-only before SQLite first opens it.
    /// </summary>
    private void EnsureFile()
    {
        if (!_fileReady && !_options.IsPostgreSql)
        {
            PrivateDataFolder.CreateEmptyIfMissing(_options.DatabasePath);
            _fileReady = true;
        }
    }
}
