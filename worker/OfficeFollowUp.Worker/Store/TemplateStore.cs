using OfficeFollowUp.Drafts;

namespace OfficeFollowUp.Store;

/// <summary>Each mailbox's own draft templates, one row per kind it changed, with the language it is written in; a kind without a row uses the default.</summary>
public sealed class TemplateStore(Database database)
{
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

    public Task SaveAsync(string mailboxId, DraftKind kind, DraftTemplate template, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO draft_templates (mailbox_id, kind, subject, body, language, updated_at) VALUES (@mailboxId, @kind, @subject, @body, @language, @now)
            ON CONFLICT (mailbox_id, kind) DO UPDATE SET subject = @subject, body = @body, language = @language, updated_at = @now
            """, new { mailboxId, kind = DraftKinds.Name(kind), subject = template.Subject, body = template.Body, language = template.Language, now }, ct), ct);

    public Task ResetAsync(string mailboxId, DraftKind kind, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "DELETE FROM draft_templates WHERE mailbox_id = @mailboxId AND kind = @kind", new { mailboxId, kind = DraftKinds.Name(kind) }, ct), ct);
}
