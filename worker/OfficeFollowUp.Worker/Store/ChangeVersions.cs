using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace OfficeFollowUp.Store;

/// <summary>
/// A per-mailbox change version, so a list the pane polls can be revalidated without being built: the version moves in
/// the same transaction as every write that can change what a list shows. No writer has to remember it (and no trigger
/// is needed, so both stores work alike): <see cref="StoreSession"/> sees every statement a repository runs, reads the
/// table it writes and the <c>mailboxId</c> parameter it writes for, and bumps that mailbox's row before the write commits.
/// A write that names no mailbox (one step or referral by its id) bumps the shared row <see cref="Any"/>, which every
/// mailbox's version includes: the pane then builds its list once more than needed, never once less. Tables no list reads
/// (<see cref="Unshown"/>) bump nothing, so a sync poll that only moves its cursor keeps every tag.
/// </summary>
internal static partial class ChangeVersions
{
    /// <summary>The row for writes whose mailbox the statement does not name.</summary>
    public const string Any = "";

    /// <summary>Tables no versioned list reads: the sync cursors (Health reads them, and hashes its own answer), subscriptions and their failures, and this table.</summary>
    private static readonly HashSet<string> Unshown = new(StringComparer.OrdinalIgnoreCase)
    {
        "sync_state", "graph_subscriptions", "subscription_failures", "change_versions", "schema_migrations",
    };

    private static readonly ConcurrentDictionary<Type, Func<object, object?>?> MailboxReaders = new();

    /// <summary>
    /// The mailboxes a statement may change for lists: none for a read or a write to an unshown table; the mailbox named by
    /// its parameters; <see cref="Any"/> when it writes a shown table but names no mailbox (or the statement is not one this
    /// recognises, to be safe).
    /// </summary>
    public static IReadOnlyCollection<string> ChangedBy(string sql, object? parameters)
    {
        var match = WriteStatement().Match(sql);
        if (!match.Success)
        {
            return SelectStatement().IsMatch(sql) ? [] : [Any];
        }

        if (Unshown.Contains(match.Groups[1].Value))
        {
            return [];
        }

        var mailboxes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in parameters is IEnumerable many and not string ? many.Cast<object?>() : [parameters])
        {
            mailboxes.Add(MailboxOf(item) ?? Any);
        }

        return mailboxes.Count == 0 ? [] : mailboxes;
    }

    /// <summary>Moves the versions of <paramref name="mailboxes"/> on the transaction the write runs in, in one order so two writers never wait on each other in a cycle.</summary>
    public static async Task BumpAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> mailboxes, CancellationToken ct)
    {
        foreach (var mailboxId in mailboxes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO change_versions (mailbox_id, version) VALUES (@mailboxId, 1)
                ON CONFLICT (mailbox_id) DO UPDATE SET version = change_versions.version + 1
                """, new { mailboxId }, transaction, cancellationToken: ct));
        }
    }

    private static string? MailboxOf(object? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var reader = MailboxReaders.GetOrAdd(parameters.GetType(), static type =>
            type.GetProperty("mailboxId", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property
                ? property.GetValue
                : null);
        return reader?.Invoke(parameters) as string;
    }

    [GeneratedRegex(@"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+""?(\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    [GeneratedRegex(@"^\s*SELECT\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelectStatement();
}

/// <summary>Reads a mailbox's change version: what a list's ETag is derived from.</summary>
public sealed class ChangeVersionStore(Database database)
{
    /// <summary>The version of what the lists of <paramref name="mailboxId"/> show: its own row and the shared one, as one opaque token.</summary>
    public Task<string> CurrentAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(async s =>
        {
            var rows = await s.QueryAsync<VersionRow>(
                "SELECT mailbox_id AS MailboxId, version AS Version FROM change_versions WHERE mailbox_id IN @ids", new { ids = new[] { ChangeVersions.Any, mailboxId } }, ct);
            var any = rows.FirstOrDefault(r => r.MailboxId == ChangeVersions.Any)?.Version ?? 0;
            var own = rows.FirstOrDefault(r => r.MailboxId == mailboxId)?.Version ?? 0;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{any}.{own}");
        }, ct);

    private sealed class VersionRow
    {
        public string MailboxId { get; init; } = "";

        public long Version { get; init; }
    }
}
