using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

/// <summary>What completing steps from evidence reads and writes: open steps sent mail may answer, completions, last contact.</summary>
public sealed class EvidenceStore
{
    private const string OpenStates = "('Pending', 'Prepared', 'Snoozed')";

    private const string SelectOpen = $"""
        SELECT s.id AS step_id, s.email_key, s.step AS kind, COALESCE(p.met_at, s.created_at) AS started_at, s.due_at, p.preferred_channel,
               s.draft_id, s.draft_conversation_id, s.draft_internet_message_id
        FROM follow_up_steps s JOIN people p ON p.mailbox_id = s.mailbox_id AND p.email_key = s.email_key
        WHERE s.mailbox_id = @mailboxId AND s.state IN {OpenStates}
        """;

    /// <summary>
    /// The open steps of the people a page of sent mail went to, and the open steps whose draft is among the page's
    /// messages (by id, internet message id or conversation id): one read per kind, not one per message.
    /// </summary>
    public async Task<IReadOnlyList<OpenStepFacts>> OpenStepsForAsync(
        StoreSession session, string mailboxId, IReadOnlyList<SentMessageFacts> sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var rows = new List<OpenRow>();
        rows.AddRange(await session.QueryInChunksAsync<OpenRow>(SelectOpen + " AND s.email_key IN @values",
            sent.SelectMany(m => m.RecipientKeys), chunk => new { mailboxId, values = chunk }, ct));
        rows.AddRange(await session.QueryInChunksAsync<OpenRow>(SelectOpen + " AND s.draft_id IN @values",
            sent.Select(m => m.Id), chunk => new { mailboxId, values = chunk }, ct));
        rows.AddRange(await session.QueryInChunksAsync<OpenRow>(SelectOpen + " AND s.draft_internet_message_id IN @values",
            sent.Select(m => m.InternetMessageId).OfType<string>(), chunk => new { mailboxId, values = chunk }, ct));
        rows.AddRange(await session.QueryInChunksAsync<OpenRow>(SelectOpen + " AND s.draft_conversation_id IN @values",
            sent.Select(m => m.ConversationId).OfType<string>(), chunk => new { mailboxId, values = chunk }, ct));
        return [.. rows.DistinctBy(r => r.StepId, StringComparer.Ordinal).Select(r => r.ToFacts())];
    }

    /// <summary>
    /// Completes a step from evidence, only while it is still open: a step the user already closed, or one an earlier
    /// page or process completed, is never completed twice.
    /// </summary>
    /// <returns>Whether the step was completed now.</returns>
    public async Task<bool> CompleteAsync(StoreSession session, StepCompletion completion, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var parameters = new
        {
            stepId = completion.StepId, via = completion.Via.ToString(), at = completion.At.ToUniversalTime(), evidenceId = completion.EvidenceId, now,
        };
        return await session.ExecuteAsync($"""
            UPDATE follow_up_steps SET state = 'Done', completed_via = @via, completed_at = @at, evidence_id = @evidenceId, note = NULL, updated_at = @now
            WHERE id = @stepId AND state IN {OpenStates}
            """, parameters, ct) == 1;
    }

    /// <summary>Mail from the user to these people is contact, for keep-in-touch; only a later mail moves it.</summary>
    public Task<int> TouchAsync(StoreSession session, string mailboxId, IEnumerable<string> emailKeys, DateTimeOffset sentAt, CancellationToken ct) =>
        session.ExecuteInChunksAsync("""
            UPDATE people SET last_mailed_at = @sentAt
            WHERE mailbox_id = @mailboxId AND email_key IN @keys AND (last_mailed_at IS NULL OR last_mailed_at < @sentAt)
            """, emailKeys, chunk => new { mailboxId, keys = chunk, sentAt = sentAt.ToUniversalTime() }, ct);

    /// <summary>The draft's conversation and internet message ids, which identify it after sending when its tag does not survive.</summary>
    public Task RecordDraftIdsAsync(StoreSession session, string stepId, string? conversationId, string? internetMessageId, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE follow_up_steps SET draft_conversation_id = @conversationId, draft_internet_message_id = @internetMessageId WHERE id = @stepId",
            new { stepId, conversationId, internetMessageId }, ct);

    private sealed class OpenRow
    {
        public string StepId { get; init; } = "";
        public string EmailKey { get; init; } = "";
        public FollowUpStepKind Kind { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public string? PreferredChannel { get; init; }
        public string? DraftId { get; init; }
        public string? DraftConversationId { get; init; }
        public string? DraftInternetMessageId { get; init; }

        public OpenStepFacts ToFacts() =>
            new(StepId, EmailKey, Kind, StartedAt, DueAt, PreferredChannel, DraftId, DraftConversationId, DraftInternetMessageId);
    }
}
