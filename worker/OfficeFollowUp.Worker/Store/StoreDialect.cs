using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OfficeFollowUp.Store;

/// <summary>
/// What differs between the two stores, and only that: how a connection opens, the column type of a point in time
/// in the migrations, and how a database starts over. Every repository statement is written once and runs on both
/// (ON CONFLICT, COALESCE, LIMIT, 0/1 flags, quoted "window").
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>The migrations' <c>{time}</c> column type.</summary>
    public abstract string TimeType { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Runs once on every newly opened connection.</summary>
    public virtual Task OnOpenAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Holds off other processes migrating the same database at the same time, until the returned lock is disposed.</summary>
    public virtual Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken ct) => Task.FromResult(NoLock);

    /// <summary>
    /// Whether Dapper passes a C# array as one array parameter (Npgsql) instead of expanding <c>IN @values</c> into a list
    /// (SQLite); <see cref="StoreSession"/> then writes the list as <c>= ANY(@values)</c>.
    /// </summary>
    public abstract bool ArrayParameters { get; }

    private static readonly IAsyncDisposable NoLock = new Unlock(() => Task.CompletedTask);

    protected sealed class Unlock(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }

    /// <summary>Makes the database empty (sandbox mode starts each run from nothing).</summary>
    public abstract Task ResetAsync(CancellationToken ct);

    /// <summary>
    /// Whether an outbox claim can belong to another live process. A SQLite file is served by one process, so at start
    /// any claim in it belongs to a process that died; on PostgreSQL a claim lapses only when its lease runs out.
    /// </summary>
    public abstract bool SharedByProcesses { get; }

    public static StoreDialect For(StoreOptions options) =>
        options.IsPostgreSql ? new PostgreSqlDialect(options.ConnectionString!) : new SqliteDialect(options.DatabasePath);
}

internal sealed class SqliteDialect : StoreDialect
{
    private readonly string _path;
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string TimeType => "TEXT";

    public override bool SharedByProcesses => false;

    public override bool ArrayParameters => false;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    // WAL lets the API read while a sync round writes; foreign keys keep steps tied to people (PostgreSQL always enforces them).
    public override Task OnOpenAsync(DbConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;", cancellationToken: ct));

    public override Task ResetAsync(CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return Task.CompletedTask;
    }
}

internal sealed class PostgreSqlDialect(string connectionString) : StoreDialect
{
    /// <summary>Any fixed number: the key of the advisory lock that lets one process at a time migrate.</summary>
    private const long MigrationLockKey = 0x0FF1CE_F011;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    // timestamptz: compared as instants, not as text, whatever the database's collation.
    public override string TimeType => "timestamptz";

    public override bool SharedByProcesses => true;

    public override bool ArrayParameters => true;

    public override DbConnection CreateConnection() => _source.CreateConnection();

    // A session lock, released explicitly: the connection goes back to the pool, where a lock it still held would outlive the migration.
    public override async Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: ct));
        return new Unlock(() => connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey })));
    }

    /// <summary>Drops the product's tables only; anything else in the database is not ours to touch.</summary>
    public override async Task ResetAsync(CancellationToken ct)
    {
        await using var connection = _source.CreateConnection();
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE IF EXISTS {string.Join(", ", Migrations.Tables)} CASCADE", cancellationToken: ct));
    }
}
