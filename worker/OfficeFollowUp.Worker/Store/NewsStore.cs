using OfficeFollowUp.BulkAdditions;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

/// <summary>
/// New people a contacts round found, held until the round is over, and the bulk prompts that ask the user whom
/// to follow up with when too many arrived at once.
/// </summary>
public sealed class NewsStore(Database database)
{
    private const string SelectCandidate = """
        SELECT email_key, email, display_name, given_name, company_name, contact_id, folder_id, met_at
        FROM news_candidates
        """;

    /// <summary>Holds a new person until the round ends; someone already held (a replayed page) is held once.</summary>
    public Task StageAsync(StoreSession session, string mailboxId, string folderId, NewAcquaintance person, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        return session.ExecuteAsync("""
            INSERT INTO news_candidates (mailbox_id, email_key, email, display_name, given_name, company_name, contact_id, folder_id, met_at, found_at, state)
            VALUES (@mailboxId, @key, @Email, @DisplayName, @GivenName, @CompanyName, @ContactId, @folderId, @metAt, @now, 'Staged')
            ON CONFLICT (mailbox_id, email_key) DO NOTHING
            """, new
        {
            mailboxId, key = EmailAddresses.Key(person.Email), person.Email, person.DisplayName, person.GivenName, person.CompanyName, person.ContactId,
            folderId, metAt = person.MetAt.ToUniversalTime(), now,
        }, ct);
    }

    /// <summary>The people held from the given folders, whose rounds have all finished.</summary>
    public Task<IReadOnlyList<NewsCandidate>> ListStagedAsync(StoreSession session, string mailboxId, IEnumerable<string> folderIds, CancellationToken ct) =>
        ReadAsync(session, SelectCandidate + " WHERE mailbox_id = @mailboxId AND state = 'Staged' AND folder_id IN @folderIds ORDER BY display_name, email_key",
            new { mailboxId, folderIds = folderIds.ToArray() }, ct);

    /// <summary>They started tracks: nothing more to hold.</summary>
    public Task ReleaseAsync(StoreSession session, string mailboxId, IEnumerable<string> emailKeys, CancellationToken ct) =>
        session.ExecuteInChunksAsync("DELETE FROM news_candidates WHERE mailbox_id = @mailboxId AND state = 'Staged' AND email_key IN @keys",
            emailKeys, chunk => new { mailboxId, keys = chunk }, ct);

    /// <summary>Too many at once: the held people wait in one new bulk prompt.</summary>
    /// <returns>The prompt's id.</returns>
    public async Task<string> OpenBulkPromptAsync(StoreSession session, string mailboxId, IEnumerable<string> emailKeys, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7(now).ToString();
        await session.ExecuteAsync("INSERT INTO bulk_prompts (id, mailbox_id, found_at, state) VALUES (@id, @mailboxId, @now, 'Open')", new { id, mailboxId, now }, ct);
        await session.ExecuteInChunksAsync("""
            UPDATE news_candidates SET state = 'Waiting', bulk_prompt_id = @id
            WHERE mailbox_id = @mailboxId AND state = 'Staged' AND email_key IN @keys
            """, emailKeys, chunk => new { id, mailboxId, keys = chunk }, ct);
        return id;
    }

    public async Task<IReadOnlyList<BulkPrompt>> ListOpenBulkPromptsAsync(string mailboxId, CancellationToken ct) =>
        await database.UseAsync(async s =>
        {
            var prompts = await s.QueryAsync<PromptRow>(
                "SELECT id, found_at FROM bulk_prompts WHERE mailbox_id = @mailboxId AND state = 'Open' ORDER BY found_at, id", new { mailboxId }, ct);
            var list = new List<BulkPrompt>();
            foreach (var prompt in prompts)
            {
                list.Add(new BulkPrompt(prompt.Id, prompt.FoundAt, await WaitingAsync(s, mailboxId, prompt.Id, ct)));
            }
            return (IReadOnlyList<BulkPrompt>)list;
        }, ct);

    /// <summary>An open bulk prompt with the people still waiting in it, or null.</summary>
    public Task<BulkPrompt?> GetOpenBulkPromptAsync(StoreSession session, string mailboxId, string id, CancellationToken ct) =>
        GetOpenAsync(session, mailboxId, id, ct);

    /// <summary>The user answered: the people picked are followed up, the rest dismissed, and the prompt closed.</summary>
    public async Task AnswerBulkPromptAsync(StoreSession session, string mailboxId, string id, IReadOnlyCollection<string> followedKeys, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteInChunksAsync("""
            UPDATE news_candidates SET state = 'Followed' WHERE mailbox_id = @mailboxId AND bulk_prompt_id = @id AND email_key IN @keys
            """, followedKeys, chunk => new { mailboxId, id, keys = chunk }, ct);
        await session.ExecuteAsync(
            "UPDATE news_candidates SET state = 'Dismissed' WHERE mailbox_id = @mailboxId AND bulk_prompt_id = @id AND state = 'Waiting'",
            new { mailboxId, id }, ct);
        await session.ExecuteAsync("UPDATE bulk_prompts SET state = @state, answered_at = @now WHERE mailbox_id = @mailboxId AND id = @id",
            new { mailboxId, id, now, state = followedKeys.Count > 0 ? "Answered" : "Dismissed" }, ct);
    }

    private async Task<BulkPrompt?> GetOpenAsync(StoreSession session, string mailboxId, string id, CancellationToken ct)
    {
        var prompt = await session.QuerySingleOrDefaultAsync<PromptRow>(
            "SELECT id, found_at FROM bulk_prompts WHERE mailbox_id = @mailboxId AND id = @id AND state = 'Open'", new { mailboxId, id }, ct);
        return prompt is null ? null : new BulkPrompt(prompt.Id, prompt.FoundAt, await WaitingAsync(session, mailboxId, prompt.Id, ct));
    }

    private static Task<IReadOnlyList<NewsCandidate>> WaitingAsync(StoreSession session, string mailboxId, string promptId, CancellationToken ct) =>
        ReadAsync(session, SelectCandidate + " WHERE mailbox_id = @mailboxId AND bulk_prompt_id = @promptId AND state = 'Waiting' ORDER BY display_name, email_key",
            new { mailboxId, promptId }, ct);

    private static async Task<IReadOnlyList<NewsCandidate>> ReadAsync(StoreSession session, string sql, object parameters, CancellationToken ct) =>
        [.. (await session.QueryAsync<CandidateRow>(sql, parameters, ct)).Select(r => r.ToCandidate())];

    private sealed class PromptRow
    {
        public string Id { get; init; } = "";
        public DateTimeOffset FoundAt { get; init; }
    }

    private sealed class CandidateRow
    {
        public string EmailKey { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? GivenName { get; init; }
        public string? CompanyName { get; init; }
        public string ContactId { get; init; } = "";
        public string FolderId { get; init; } = "";
        public DateTimeOffset MetAt { get; init; }

        public NewsCandidate ToCandidate() => new(EmailKey, Email, DisplayName, GivenName, CompanyName, ContactId, FolderId, MetAt);
    }
}
