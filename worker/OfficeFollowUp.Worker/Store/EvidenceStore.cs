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

    /// <summary>
    /// The open referral duties, "by email" promises and birthdays a page of sent mail may answer: every open referral duty
    /// of the mailbox (few, and the prospect's address is stored as typed), and the promises and birthdays of the page's recipients.
    /// </summary>
    public async Task<IReadOnlyList<OpenDutyFacts>> OpenDutiesForAsync(
        StoreSession session, string mailboxId, IReadOnlyList<SentMessageFacts> sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var duties = new List<OpenDutyFacts>();
        foreach (var r in await session.QueryAsync<OpenReferralRow>("""
            SELECT id, direction, partner_email_key, prospect_email, referred_at, outcome_at, intro_draft_id, check_in_draft_id, close_draft_id,
                   source_message_id, contacted_at, checked_in_at, partner_followed_up, outcome, loop_closed_at, partner_nudged_at
            FROM referrals
            WHERE mailbox_id = @mailboxId AND ((contacted_at IS NULL AND outcome IS NULL) OR (checked_in_at IS NULL AND partner_followed_up IS NULL AND outcome IS NULL)
                OR (outcome IS NOT NULL AND loop_closed_at IS NULL))
            """, new { mailboxId }, ct))
        {
            duties.AddRange(r.Duties());
        }

        duties.AddRange((await session.QueryInChunksAsync<OpenPromiseRow>("""
            SELECT id, email_key, created_at, due_at FROM promises
            WHERE mailbox_id = @mailboxId AND state <> 'Done' AND channel = 'Email' AND email_key IN @values
            """, sent.SelectMany(m => m.RecipientKeys), chunk => new { mailboxId, values = chunk }, ct))
            .DistinctBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new OpenDutyFacts(SentDutyKind.Promise, p.Id, p.EmailKey, p.CreatedAt, p.DueAt)));
        duties.AddRange(await BirthdayDraftStore.OpenForAsync(session, mailboxId, sent, ct));
        return duties;
    }

    /// <summary>Completes a referral duty or promise from sent mail, only while it is still open: never twice, never over the user's word.</summary>
    /// <returns>Whether it was completed now.</returns>
    public async Task<bool> CompleteDutyAsync(StoreSession session, DutyCompletion completion, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var parameters = new { id = completion.Id, at = completion.At.ToUniversalTime(), evidenceId = completion.EvidenceId, now };
        return await session.ExecuteAsync(completion.Kind switch
        {
            SentDutyKind.ReferralContact => """
                UPDATE referrals SET contacted_at = @at, contacted_via = 'Sent', contact_evidence_id = @evidenceId, updated_at = @now
                WHERE id = @id AND contacted_at IS NULL
                """,
            SentDutyKind.ReferralCheckIn => """
                UPDATE referrals SET checked_in_at = @at, check_in_evidence_id = @evidenceId, updated_at = @now WHERE id = @id AND checked_in_at IS NULL
                """,
            SentDutyKind.CloseTheLoop => """
                UPDATE referrals SET loop_closed_at = @at, loop_evidence_id = @evidenceId, updated_at = @now WHERE id = @id AND loop_closed_at IS NULL
                """,
            SentDutyKind.Promise => """
                UPDATE promises SET state = 'Done', done_at = @at, done_via = 'Sent', evidence_id = @evidenceId, updated_at = @now
                WHERE id = @id AND state <> 'Done'
                """,
            SentDutyKind.Birthday => """
                UPDATE birthday_drafts SET state = 'Done', completed_via = 'Sent', completed_at = @at, evidence_id = @evidenceId, updated_at = @now
                WHERE id = @id AND state IN ('Planned', 'Prepared')
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(completion), completion.Kind, "Unknown duty."),
        }, parameters, ct) == 1;
    }

    private sealed class OpenReferralRow
    {
        public string Id { get; init; } = "";
        public Referrals.ReferralDirection Direction { get; init; }
        public string PartnerEmailKey { get; init; } = "";
        public string? ProspectEmail { get; init; }
        public DateTimeOffset ReferredAt { get; init; }
        public DateTimeOffset? OutcomeAt { get; init; }
        public string? IntroDraftId { get; init; }
        public string? CheckInDraftId { get; init; }
        public string? CloseDraftId { get; init; }
        public string? SourceMessageId { get; init; }
        public DateTimeOffset? ContactedAt { get; init; }
        public DateTimeOffset? CheckedInAt { get; init; }
        public bool? PartnerFollowedUp { get; init; }
        public string? Outcome { get; init; }
        public DateTimeOffset? LoopClosedAt { get; init; }
        public DateTimeOffset? PartnerNudgedAt { get; init; }

        public IEnumerable<OpenDutyFacts> Duties()
        {
            var received = Direction == Referrals.ReferralDirection.Received;
            if (received && ContactedAt is null && Outcome is null && ProspectEmail is { } prospect)
            {
                yield return new OpenDutyFacts(SentDutyKind.ReferralContact, Id, EmailAddresses.Key(prospect), ReferredAt, ReferredAt, IntroDraftId, SourceMessageId);
            }

            if (!received && CheckedInAt is null && PartnerFollowedUp is null && Outcome is null)
            {
                // After a nudge the check-in starts again: the nudge itself (sent before the user said so) does not answer it.
                var since = PartnerNudgedAt ?? ReferredAt;
                yield return new OpenDutyFacts(SentDutyKind.ReferralCheckIn, Id, PartnerEmailKey, since, since, CheckInDraftId, SourceMessageId);
            }

            if (received && Outcome is not null && LoopClosedAt is null && OutcomeAt is { } outcomeAt)
            {
                yield return new OpenDutyFacts(SentDutyKind.CloseTheLoop, Id, PartnerEmailKey, outcomeAt, outcomeAt, CloseDraftId, SourceMessageId);
            }
        }
    }

    private sealed class OpenPromiseRow
    {
        public string Id { get; init; } = "";
        public string EmailKey { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }

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
