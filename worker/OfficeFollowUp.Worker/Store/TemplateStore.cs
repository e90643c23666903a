using OfficeFollowUp.Drafts;

namespace OfficeFollowUp.Store;

/// <summary>
/// Each mailbox's own draft templates, one row per kind it changed, with the language it is written in and a row version
/// (its ETag); a kind without a row uses the default, whose version is <see cref="DefaultVersion"/>.
/// </summary>
public sealed class TemplateStore(Database database)
{
    /// <summary>The version of a kind never saved (or reset): the wording is the default.</summary>
    public const long DefaultVersion = 0;

    private sealed record Row(string Kind, string Subject, string Body, string? Language);

    public Task<IReadOnlyDictionary<DraftKind, DraftTemplate>> ListAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync<IReadOnlyDictionary<DraftKind, DraftTemplate>>(async s =>
        {
            var rows = await s.QueryAsync<Row>("SELECT kind, subject, body, language FROM draft_templates WHERE mailbox_id = @mailboxId", new { mailboxId }, ct);
            var result = new Dictionary<DraftKind, DraftTemplate>();
            foreach (var row in rows)
            {
                // A kind this version no longer knows is left in the store, not shown.
                if (DraftKinds.Parse(row.Kind) is { } kind)
                {
                    result[kind] = new DraftTemplate(row.Subject, row.Body, row.Language);
                }
            }
            return result;
        }, ct);

    /// <summary>The user's template for a kind, or null when they use the default.</summary>
    public async Task<DraftTemplate?> GetAsync(string mailboxId, DraftKind kind, CancellationToken ct) =>
        (await ListAsync(mailboxId, ct)).TryGetValue(kind, out var template) ? template : null;

    /// <summary>Each saved kind's row version; a kind missing here is at <see cref="DefaultVersion"/>.</summary>
    public Task<IReadOnlyDictionary<DraftKind, long>> VersionsAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync<IReadOnlyDictionary<DraftKind, long>>(async s =>
            (await s.QueryAsync<VersionRow>("SELECT kind, version FROM draft_templates WHERE mailbox_id = @mailboxId", new { mailboxId }, ct))
                .Where(r => DraftKinds.Parse(r.Kind) is not null).ToDictionary(r => DraftKinds.Parse(r.Kind)!.Value, r => r.Version), ct);

    public async Task<long> VersionAsync(string mailboxId, DraftKind kind, CancellationToken ct) =>
        (await VersionsAsync(mailboxId, ct)).GetValueOrDefault(kind, DefaultVersion);

    /// <summary>Saves the kind's wording; with <paramref name="ifVersion"/>, only if the kind is still at that version (<see cref="DefaultVersion"/>: never saved).</summary>
    /// <returns>False when the kind moved on since that version: nothing was written.</returns>
    public async Task<bool> SaveAsync(string mailboxId, DraftKind kind, DraftTemplate template, long? ifVersion, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(template);
        var values = new
        {
            mailboxId, kind = DraftKinds.Name(kind), subject = template.Subject, body = template.Body, language = template.Language, now,
            stamp = now.ToUnixTimeMilliseconds(), ifVersion,
        };
        const string insert = """
            INSERT INTO draft_templates (mailbox_id, kind, subject, body, language, updated_at, version) VALUES (@mailboxId, @kind, @subject, @body, @language, @now, @stamp)
            """;
        return await database.UseAsync(s => ifVersion switch
        {
            null => s.ExecuteAsync(insert + """

                ON CONFLICT (mailbox_id, kind) DO UPDATE SET subject = @subject, body = @body, language = @language, updated_at = @now, version = draft_templates.version + 1
                """, values, ct),
            DefaultVersion => s.ExecuteAsync(insert + " ON CONFLICT (mailbox_id, kind) DO NOTHING", values, ct),
            _ => s.ExecuteAsync("""
                UPDATE draft_templates SET subject = @subject, body = @body, language = @language, updated_at = @now, version = version + 1
                WHERE mailbox_id = @mailboxId AND kind = @kind AND version = @ifVersion
                """, values, ct),
        }, ct) == 1;
    }

    /// <summary>Back to the default wording; with <paramref name="ifVersion"/>, only if the kind is still at that version.</summary>
    /// <returns>False when the kind moved on since that version: nothing was deleted.</returns>
    public async Task<bool> ResetAsync(string mailboxId, DraftKind kind, long? ifVersion, CancellationToken ct)
    {
        if (ifVersion == DefaultVersion)
        {
            // Already the default is a reset that holds; one saved since is a change the caller has not seen.
            return await VersionAsync(mailboxId, kind, ct) == DefaultVersion;
        }

        var deleted = await database.UseAsync(s => s.ExecuteAsync(
            "DELETE FROM draft_templates WHERE mailbox_id = @mailboxId AND kind = @kind" + (ifVersion is null ? "" : " AND version = @ifVersion"),
            new { mailboxId, kind = DraftKinds.Name(kind), ifVersion }, ct), ct);
        return ifVersion is null || deleted == 1;
    }

    private sealed class VersionRow
    {
        public string Kind { get; init; } = "";
        public long Version { get; init; }
    }
}
