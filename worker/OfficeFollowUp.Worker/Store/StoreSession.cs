using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace OfficeFollowUp.Store;

/// <summary>
/// One open connection to the store and, when the work must land together or not at all, its transaction.
/// Repositories run their statements on a session; a use case that writes through several of them begins one
/// (<see cref="Database.BeginAsync"/>), hands it to each and commits once. Disposing a session whose transaction
/// was not committed rolls the work back. Only repositories run SQL on it.
/// </summary>
public sealed partial class StoreSession : IAsyncDisposable
{
    /// <summary>
    /// Values per statement for an <c>IN @values</c> list: well under SQLite's (32,766) and PostgreSQL's (65,535)
    /// parameter limits, and portable, unlike SQLite's json_each or PostgreSQL's arrays.
    /// </summary>
    private const int InListChunk = 500;

    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly bool _arrayParameters;

    /// <summary>The mailboxes this transaction's writes changed: their versions move when it commits (<see cref="ChangeVersions"/>).</summary>
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    internal StoreSession(DbConnection connection, DbTransaction? transaction, bool arrayParameters)
    {
        _connection = connection;
        _transaction = transaction;
        _arrayParameters = arrayParameters;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("This session has no transaction: it was opened for single statements.");
        }

        // Last, so the version rows are locked only for the moment before the commit.
        await ChangeVersions.BumpAsync(_connection, _transaction, _changed, ct);
        _changed.Clear();
        await _transaction.CommitAsync(ct);
    }

    /// <summary>
    /// A write: on a transaction, it notes the mailboxes whose lists it changed for <see cref="CommitAsync"/>; on its own, it
    /// runs in a short transaction with their version bump, so a list never sees the write without the new version.
    /// </summary>
    internal Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct) =>
        WriteAsync(ChangeVersions.ChangedBy(sql, parameters), transaction => _connection.ExecuteAsync(Command(sql, parameters, transaction, ct)), ct);

    private async Task<int> WriteAsync(IReadOnlyCollection<string> changes, Func<DbTransaction?, Task<int>> write, CancellationToken ct)
    {
        if (changes.Count == 0 || _transaction is not null)
        {
            var affected = await write(_transaction);
            if (affected > 0)
            {

                _changed.UnionWith(changes);
            }
            return affected;
        }

        await using var transaction = await _connection.BeginTransactionAsync(ct);
        var written = await write(transaction);
        if (written > 0)
        {

            await ChangeVersions.BumpAsync(_connection, transaction, changes, ct);
        }
        await transaction.CommitAsync(ct);
        return written;
    }

    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct) =>
        (await _connection.QueryAsync<T>(Command(sql, parameters, ct))).AsList();

    internal Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken ct) =>
        _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, ct));

    internal Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken ct) =>
        _connection.ExecuteScalarAsync<T>(Command(sql, parameters, ct));

    /// <summary>
    /// Runs a query whose <c>@values</c> is an <c>IN</c> list once per chunk of <paramref name="values"/> (one statement for
    /// a page, not one per item) and gathers the rows. <paramref name="parameters"/> builds the statement's parameters
    /// around each chunk, which must stay an array: Dapper expands arrays into lists.
    /// </summary>
    internal async Task<IReadOnlyList<T>> QueryInChunksAsync<T>(
        string sql, IEnumerable<string> values, Func<string[], object> parameters, CancellationToken ct)
    {
        var rows = new List<T>();
        foreach (var chunk in values.Distinct(StringComparer.Ordinal).Chunk(InListChunk))
        {
            rows.AddRange(await _connection.QueryAsync<T>(Command(sql, parameters(chunk), ct)));
        }

        return rows;
    }

    /// <summary>
    /// The statement once per chunk of <paramref name="values"/> (see <see cref="QueryInChunksAsync{T}"/>); rows affected, added up.
    /// Outside a transaction the chunks land together, with their version bump (see <see cref="ExecuteAsync"/>).
    /// </summary>
    internal Task<int> ExecuteInChunksAsync(string sql, IEnumerable<string> values, Func<string[], object> parameters, CancellationToken ct)
    {
        var chunks = values.Distinct(StringComparer.Ordinal).Chunk(InListChunk).Select(parameters).ToList();
        var changes = chunks.SelectMany(chunk => ChangeVersions.ChangedBy(sql, chunk)).Distinct(StringComparer.Ordinal).ToList();
        return WriteAsync(changes, async transaction =>
        {
            var affected = 0;
            foreach (var chunk in chunks)
            {
                affected += await _connection.ExecuteAsync(Command(sql, chunk, transaction, ct));
            }
            return affected;
        }, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    /// <summary>
    /// The one place the two stores' SQL differs at run time: Dapper expands <c>IN @values</c> into a list of parameters
    /// for SQLite, but hands Npgsql the array whole, which PostgreSQL compares with <c>= ANY(@values)</c>.
    /// </summary>
    private string InList(string sql) => _arrayParameters ? InListPattern().Replace(sql, "= ANY(@$1)") : sql;

    [GeneratedRegex(@"\bIN @(\w+)")]
    private static partial Regex InListPattern();

    /// <summary>Every statement goes through here, so an <c>IN @values</c> list works on both stores whichever method runs it.</summary>
    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) => Command(sql, parameters, _transaction, ct);

    private CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken ct) =>
        new(InList(sql), parameters, transaction, cancellationToken: ct);
}
