using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Outbox;

namespace OfficeFollowUp.Store;

/// <summary>The steps of every follow-up track, with the person they are for and the outbox entry that stopped, if any.</summary>
public sealed class FollowUpStore(Database database)
{
    private const string OpenStates = "('Pending', 'Prepared', 'Snoozed')";

    private const string SelectItem = $"""
        SELECT s.id, s.mailbox_id, p.email, p.display_name, p.given_name, p.company_name, s.step, s.due_at, s.state,
               s.snoozed_until, s.skip_reason, s.draft_id, s.hold_event_id, s.note, p.met_at, p.event_id, e.subject AS event_subject,
               p.remember, p.promised, p.preferred_channel, p.profile_url, s.updated_at, s.completed_via, s.completed_at, s.hold_starts_at,
               {OutboxStore.GaveUpColumns},
               c.job_title, c.personal_notes
        FROM follow_up_steps s JOIN people p ON p.mailbox_id = s.mailbox_id AND p.email_key = s.email_key
        LEFT JOIN events e ON e.mailbox_id = p.mailbox_id AND e.id = p.event_id
        LEFT JOIN contacts c ON c.mailbox_id = p.mailbox_id AND c.id = p.contact_id AND c.removed = 0
        LEFT JOIN outbox g ON g.step_id = s.id AND g.status = 'GaveUp'
        """;

    /// <summary>The end of the statement that records a made draft or hold on its step.</summary>
    private const string Prepared = """
        updated_at = @now, note = NULL, state = CASE WHEN state = 'Pending' THEN 'Prepared' ELSE state END
        WHERE id = @stepId
        """;

    public Task<IReadOnlyList<FollowUpItem>> ListOpenAsync(string mailboxId, CancellationToken ct) =>
        ReadAsync(SelectItem + $" WHERE s.mailbox_id = @mailboxId AND s.state IN {OpenStates} ORDER BY s.due_at, s.id", new { mailboxId }, ct);

    /// <summary>Steps completed since <paramref name="since"/> (sent, met or marked by the user), newest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<FollowUpItem>> ListDoneSinceAsync(string mailboxId, DateTimeOffset since, int limit, CancellationToken ct) =>
        ReadAsync(SelectItem + " WHERE s.mailbox_id = @mailboxId AND s.state = 'Done' AND s.completed_at >= @since ORDER BY s.completed_at DESC, s.id LIMIT @limit",
            new { mailboxId, since = since.ToUniversalTime(), limit }, ct);

    public Task<IReadOnlyList<FollowUpItem>> ListAllAsync(string mailboxId, CancellationToken ct) =>
        ReadAsync(SelectItem + " WHERE s.mailbox_id = @mailboxId ORDER BY s.due_at, s.id", new { mailboxId }, ct);

    public Task<IReadOnlyList<FollowUpItem>> ListForPersonAsync(string mailboxId, string emailKey, CancellationToken ct) =>
        ReadAsync(SelectItem + " WHERE s.mailbox_id = @mailboxId AND s.email_key = @emailKey ORDER BY s.due_at, s.id", new { mailboxId, emailKey }, ct);

    public async Task<FollowUpItem?> GetAsync(string stepId, CancellationToken ct) =>
        (await ReadAsync(SelectItem + " WHERE s.id = @stepId", new { stepId }, ct)).FirstOrDefault();

    /// <summary>
    /// Writes the user's decision on a step. Done and skipped are final: the user's word wins, so the write is conditional
    /// on the step still being open (or already in this state) when it lands, not on what a caller read a moment earlier:
    /// a decision from another process in between is never overwritten.
    /// </summary>
    /// <returns>Whether the decision was written, and the step as it now is (null when there is no such step).</returns>
    public async Task<(bool Written, FollowUpItem? Item)> SetStateAsync(
        string stepId, FollowUpState state, DateTimeOffset? snoozedUntil, string? skipReason, DateTimeOffset now, CancellationToken ct)
    {
        var written = await database.UseAsync(s => s.ExecuteAsync("""
            UPDATE follow_up_steps SET state = @state, snoozed_until = @snoozedUntil, skip_reason = @skipReason, updated_at = @now,
                completed_via = CASE WHEN @state = 'Done' THEN COALESCE(completed_via, 'Marked') ELSE completed_via END,
                completed_at = CASE WHEN @state = 'Done' THEN COALESCE(completed_at, @now) ELSE completed_at END
            WHERE id = @stepId AND (state NOT IN ('Done', 'Skipped') OR state = @state)
            """, new { stepId, state = state.ToString(), snoozedUntil = snoozedUntil?.ToUniversalTime(), skipReason, now }, ct), ct);
        return (written == 1, await GetAsync(stepId, ct));
    }

    /// <summary>
    /// Undoes the user's own "Done" (never a completion the mailbox showed): the step is open again as it was, prepared when
    /// its draft or hold exists, and an outbox entry the done cancelled in between is armed again, together.
    /// </summary>
    /// <returns>Whether it was reopened, and the step as it now is (null when there is no such step).</returns>
    public async Task<(bool Written, FollowUpItem? Item)> ReopenMarkedAsync(string stepId, DateTimeOffset now, CancellationToken ct)
    {
        int written;
        await using (var session = await database.BeginAsync(ct))
        {
            written = await session.ExecuteAsync("""
                UPDATE follow_up_steps SET state = CASE WHEN draft_id IS NOT NULL OR hold_event_id IS NOT NULL THEN 'Prepared' ELSE 'Pending' END,
                    completed_via = NULL, completed_at = NULL, snoozed_until = NULL, updated_at = @now
                WHERE id = @stepId AND state = 'Done' AND completed_via = 'Marked'
                """, new { stepId, now }, ct);
            if (written == 1)
            {
                await session.ExecuteAsync(
                    "UPDATE outbox SET status = 'Pending', next_attempt_at = @now, completed_at = NULL, claimed_until = NULL WHERE step_id = @stepId AND status = 'Cancelled'",
                    new { stepId, now }, ct);
            }

            await session.CommitAsync(ct);
        }

        return (written == 1, await GetAsync(stepId, ct));
    }

    /// <returns>The new step's id, or null when the person already has this step (the user's earlier word on it stands).</returns>
    public async Task<string?> InsertStepAsync(StoreSession session, string mailboxId, string emailKey, PlannedStep step, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        var id = Guid.CreateVersion7(now).ToString();
        var inserted = await session.ExecuteAsync("""
            INSERT INTO follow_up_steps (id, mailbox_id, email_key, step, due_at, state, created_at, updated_at)
            VALUES (@id, @mailboxId, @emailKey, @step, @dueAt, @state, @now, @now)
            ON CONFLICT (mailbox_id, email_key, step) DO NOTHING
            """, new { id, mailboxId, emailKey, step = step.Kind.ToString(), dueAt = step.DueAt.ToUniversalTime(), state = nameof(FollowUpState.Pending), now }, ct);
        return inserted == 0 ? null : id;
    }

    /// <summary>The made draft or hold is on its step, which moves to prepared unless the user already closed it.</summary>
    /// <remarks>A draft's conversation and internet message ids, when known, identify it once sent.</remarks>
    public Task MarkPreparedAsync(
        StoreSession session, string stepId, OutboxKind made, string graphId, DateTimeOffset now, CancellationToken ct,
        string? conversationId = null, string? internetMessageId = null, DateTimeOffset? holdStartsAt = null) =>
        session.ExecuteAsync(made switch
        {
            OutboxKind.ThankYouDraft => "UPDATE follow_up_steps SET draft_id = @graphId, "
                + "draft_conversation_id = COALESCE(@conversationId, draft_conversation_id), "
                + "draft_internet_message_id = COALESCE(@internetMessageId, draft_internet_message_id), " + Prepared,
            OutboxKind.BookMeetingHold => "UPDATE follow_up_steps SET hold_event_id = @graphId, hold_starts_at = COALESCE(@holdStartsAt, hold_starts_at), " + Prepared,
            _ => throw new InvalidOperationException($"Outbox kind {made} makes nothing for a step."),
        }, new { stepId, graphId, now, conversationId, internetMessageId, holdStartsAt = holdStartsAt?.ToUniversalTime() }, ct);

    /// <summary>
    /// When the holds the product placed for this mailbox start, from <paramref name="from"/> on: what pacing counts per
    /// day and week. A hold the user deleted (its step skipped) no longer takes room; one turned into a meeting does.
    /// </summary>
    public Task<IReadOnlyList<DateTimeOffset>> ListHoldStartsAsync(string mailboxId, DateTimeOffset from, CancellationToken ct) =>
        database.UseAsync(async s => (IReadOnlyList<DateTimeOffset>)[.. await s.QueryAsync<DateTimeOffset>("""
            SELECT hold_starts_at FROM follow_up_steps
            WHERE mailbox_id = @mailboxId AND hold_starts_at IS NOT NULL AND hold_starts_at >= @from AND state <> 'Skipped'
            """, new { mailboxId, from = from.ToUniversalTime() }, ct)], ct);

    /// <summary>A note for the user on the step (e.g. no free slot: book it yourself).</summary>
    public Task SetNoteAsync(StoreSession session, string stepId, string note, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE follow_up_steps SET note = @note, updated_at = @now WHERE id = @stepId", new { stepId, note, now }, ct);

    /// <summary>A hold the user deleted in Outlook skips its open step; it is never re-created.</summary>
    /// <returns>How many steps were skipped.</returns>
    public Task<int> SkipForDeletedHoldsAsync(StoreSession session, string mailboxId, IEnumerable<string> eventIds, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteInChunksAsync($"""
            UPDATE follow_up_steps SET state = 'Skipped', skip_reason = 'You deleted the hold in Outlook.', updated_at = @now
            WHERE mailbox_id = @mailboxId AND hold_event_id IN @eventIds AND state IN {OpenStates}
            """, eventIds, chunk => new { mailboxId, eventIds = chunk, now }, ct);

    /// <summary>
    /// A one-to-one that happened with any of these people (email keys), after they were met, completes their open
    /// one-to-one step, recorded as met at the meeting's end with the event as evidence: a hold turned into an invitation,
    /// or a meeting booked some other way.
    /// </summary>
    /// <returns>How many steps were completed.</returns>
    public Task<int> CompleteOneToOnesAsync(
        StoreSession session, string mailboxId, IEnumerable<string> emailKeys, CalendarEventFacts meeting, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return session.ExecuteInChunksAsync($"""
            UPDATE follow_up_steps SET state = 'Done', note = NULL, updated_at = @now,
                completed_via = 'Meeting', completed_at = @meetingEnd, evidence_id = @eventId
            WHERE mailbox_id = @mailboxId AND email_key IN @emailKeys AND step = 'OneToOne' AND state IN {OpenStates}
              AND EXISTS (SELECT 1 FROM people p WHERE p.mailbox_id = follow_up_steps.mailbox_id AND p.email_key = follow_up_steps.email_key
                          AND p.met_at < @meetingStart)
            """, emailKeys, chunk => new
        {
            mailboxId, emailKeys = chunk, meetingStart = meeting.Start.ToUniversalTime(), meetingEnd = meeting.End.ToUniversalTime(), eventId = meeting.Id, now,
        }, ct);
    }

    private Task<IReadOnlyList<FollowUpItem>> ReadAsync(string sql, object parameters, CancellationToken ct) =>
        database.UseAsync(async s => (IReadOnlyList<FollowUpItem>)[.. (await s.QueryAsync<ItemRow>(sql, parameters, ct)).Select(r => r.ToItem())], ct);

    private sealed class ItemRow : OutboxStore.GaveUpRow
    {
        public string Id { get; init; } = "";
        public string MailboxId { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? GivenName { get; init; }
        public string? CompanyName { get; init; }
        public FollowUpStepKind Step { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public FollowUpState State { get; init; }
        public DateTimeOffset? SnoozedUntil { get; init; }
        public string? SkipReason { get; init; }
        public string? DraftId { get; init; }
        public string? HoldEventId { get; init; }
        public string? Note { get; init; }
        public DateTimeOffset? MetAt { get; init; }
        public string? EventId { get; init; }
        public string? EventSubject { get; init; }
        public string? Remember { get; init; }
        public string? Promised { get; init; }
        public string? PreferredChannel { get; init; }
        public string? ProfileUrl { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }
        public OfficeFollowUp.Evidence.CompletedVia? CompletedVia { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
        public DateTimeOffset? HoldStartsAt { get; init; }
        public string? JobTitle { get; init; }
        public string? PersonalNotes { get; init; }

        public FollowUpItem ToItem() => new(
            Id, MailboxId, Email, DisplayName, GivenName, CompanyName, Step, DueAt, State, SnoozedUntil, SkipReason, DraftId, HoldEventId, Note,
            MetAt, EventId, EventSubject, Remember, Promised, PreferredChannel, ProfileUrl, UpdatedAt, GaveUp(), CompletedVia, CompletedAt, HoldStartsAt, JobTitle, PersonalNotes);
    }
}
