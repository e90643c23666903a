using OfficeFollowUp.Outbox;

namespace OfficeFollowUp.Store;

/// <summary>Intent first, Graph call second, result third: the outbox is what makes a restart resume instead of repeat.</summary>
public sealed class OutboxStore(Database database)
{
    /// <summary>A stopped entry's columns, from an outbox row joined as <c>g</c>; read by <see cref="GaveUpRow"/>.</summary>
    internal const string GaveUpColumns =
        "g.id AS gave_up_id, g.kind AS gave_up_kind, g.give_up_reason AS gave_up_reason, g.attempts AS gave_up_attempts, g.gave_up_at AS gave_up_at";

    public Task EnqueueAsync(StoreSession session, string mailboxId, string stepId, OutboxKind kind, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO outbox (id, mailbox_id, step_id, kind, tag, status, attempts, next_attempt_at, created_at)
            VALUES (@id, @mailboxId, @stepId, @kind, @tag, 'Pending', 0, @now, @now)
            """, new { id = Guid.CreateVersion7(now).ToString(), mailboxId, stepId, kind = kind.ToString(), tag = $"ofu-{stepId}", now }, ct);

    /// <summary>
    /// A referral's draft, made no earlier than <paramref name="notBefore"/>. The tag names the referral and
    /// the purpose, so asking twice for the same draft (the same outcome recorded again) enqueues nothing.
    /// </summary>
    public async Task<bool> EnqueueForReferralAsync(
        StoreSession session, string mailboxId, string referralId, OutboxKind kind, string purpose, DateTimeOffset notBefore, DateTimeOffset now, CancellationToken ct) =>
        await session.ExecuteAsync("""
            INSERT INTO outbox (id, mailbox_id, referral_id, kind, tag, status, attempts, next_attempt_at, created_at)
            VALUES (@id, @mailboxId, @referralId, @kind, @tag, 'Pending', 0, @next, @now)
            ON CONFLICT (tag) DO NOTHING
            """, new
        {
            id = Guid.CreateVersion7(now).ToString(), mailboxId, referralId, kind = kind.ToString(), tag = ReferralTag(referralId, purpose),
            next = (notBefore > now ? notBefore : now).ToUniversalTime(), now,
        }, ct) > 0;

    public static string ReferralTag(string referralId, string purpose) => $"ofu-ref-{referralId}-{purpose}";

    /// <summary>Who claims entries for this store object: one per process in the worker; tests make two to play two processes.</summary>
    internal string Claimant { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Claims up to <paramref name="limit"/> entries due by <paramref name="dueBy"/> that no live claim holds, and returns
    /// them. Each claim is a conditional UPDATE that only one writer can win, on either store: on PostgreSQL a second
    /// process's UPDATE waits for the first's and then finds the row claimed; SQLite runs writes one at a time. A claim
    /// lapses after <paramref name="lease"/>, so the entries of a process that died are taken over.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(
        string mailboxId, DateTimeOffset dueBy, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var session = await database.OpenSessionAsync(ct);
        var candidates = await session.QueryAsync<string>("""
            SELECT id FROM outbox
            WHERE mailbox_id = @mailboxId AND status = 'Pending' AND next_attempt_at <= @dueBy AND (claimed_until IS NULL OR claimed_until <= @now)
            ORDER BY created_at, id LIMIT @limit
            """, new { mailboxId, dueBy, now, limit }, ct);
        var claimed = new List<string>(candidates.Count);
        foreach (var id in candidates)
        {
            var won = await session.ExecuteAsync("""
                UPDATE outbox SET claimed_by = @claimant, claimed_until = @until
                WHERE id = @id AND status = 'Pending' AND (claimed_until IS NULL OR claimed_until <= @now)
                """, new { id, claimant = Claimant, until = now + lease, now }, ct);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }

        return [.. (await session.QueryInChunksAsync<EntryRow>("""
            SELECT id, mailbox_id, step_id, kind, tag, attempts, referral_id, create_started_at, first_failed_at, birthday_id FROM outbox
            WHERE id IN @ids ORDER BY created_at, id
            """, claimed, chunk => new { ids = chunk }, ct)).Select(r => r.ToEntry())];
    }

    /// <summary>At start on SQLite, whose file one process serves: every claim in it belongs to a process that has stopped.</summary>
    public Task ReleaseAllClaimsAsync(CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_until IS NOT NULL", null, ct), ct);

    /// <summary>
    /// Committed before the create call goes out: if the process dies, or the answer is lost, after this point, the next
    /// try knows the item may exist and looks its tag up instead of creating it blindly.
    /// </summary>
    public Task MarkCreateStartedAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "UPDATE outbox SET create_started_at = COALESCE(create_started_at, @now) WHERE id = @Id", new { entry.Id, now }, ct), ct);

    /// <summary>The entry made its item; the caller records the item on its step or referral in the same session.</summary>
    public Task CompleteAsync(StoreSession session, OutboxEntry entry, string graphId, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE outbox SET status = 'Completed', graph_id = @graphId, completed_at = @now WHERE id = @Id", new { entry.Id, graphId, now }, ct);

    public Task RetryLaterAsync(OutboxEntry entry, string error, int failedAttempts, DateTimeOffset? firstFailedAt, DateTimeOffset nextAttemptAt, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            UPDATE outbox SET attempts = @failedAttempts, first_failed_at = @firstFailedAt, last_error = @error, next_attempt_at = @nextAttemptAt,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = @Id
            """, new { entry.Id, failedAttempts, firstFailedAt, error, nextAttemptAt }, ct), ct);

    /// <summary>Not yet (a hold waits until its person is ready, or for room): tried again then, and no try is counted.</summary>
    public Task DeferAsync(OutboxEntry entry, DateTimeOffset until, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "UPDATE outbox SET next_attempt_at = @until, claimed_by = NULL, claimed_until = NULL WHERE id = @Id",
            new { entry.Id, until = until.ToUniversalTime() }, ct), ct);

    /// <summary>
    /// The thank-you to these people was just sent: their waiting one-to-one holds are tried at the next pass instead of
    /// at their next look, so the hold follows the thank-you.
    /// </summary>
    public Task<int> WakeHoldsAsync(StoreSession session, string mailboxId, IEnumerable<string> emailKeys, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteInChunksAsync("""
            UPDATE outbox SET next_attempt_at = @now
            WHERE mailbox_id = @mailboxId AND kind = 'BookMeetingHold' AND status = 'Pending' AND next_attempt_at > @now
              AND step_id IN (SELECT id FROM follow_up_steps WHERE mailbox_id = @mailboxId AND email_key IN @keys)
            """, emailKeys, chunk => new { mailboxId, keys = chunk, now }, ct);

    /// <inheritdoc cref="WakeHoldsAsync(StoreSession, string, IEnumerable{string}, DateTimeOffset, CancellationToken)"/>
    public async Task<int> WakeHoldsAsync(string mailboxId, IEnumerable<string> emailKeys, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await database.BeginAsync(ct);
        var woken = await WakeHoldsAsync(session, mailboxId, emailKeys, now, ct);
        await session.CommitAsync(ct);
        return woken;
    }

    /// <summary>Stops the entry; it shows on its row and in Health with <paramref name="reason"/> until the user asks to try again.</summary>
    public Task GiveUpAsync(OutboxEntry entry, string error, string reason, int failedAttempts, DateTimeOffset? firstFailedAt, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            UPDATE outbox SET status = 'GaveUp', attempts = @failedAttempts, first_failed_at = @firstFailedAt, last_error = @error,
                give_up_reason = @reason, gave_up_at = @now
            WHERE id = @Id
            """, new { entry.Id, failedAttempts, firstFailedAt, error, reason, now }, ct), ct);

    /// <summary>
    /// "Try again": a stopped entry of this mailbox is pending again with a fresh count of tries. Whether an earlier try
    /// may have reached the mailbox is kept, so the next try still looks the tag up first and makes nothing twice.
    /// </summary>
    public async Task<OutboxRetryResult> RetryAsync(string mailboxId, string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await database.OpenSessionAsync(ct);
        // Conditional, not read-then-write: of two "try again"s (two processes) only one re-arms the entry.
        var rearmed = await session.ExecuteAsync("""
            UPDATE outbox SET status = 'Pending', attempts = 0, first_failed_at = NULL, gave_up_at = NULL, give_up_reason = NULL, next_attempt_at = @now,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = @id AND mailbox_id = @mailboxId AND status = 'GaveUp'
            """, new { id, mailboxId, now }, ct);
        if (rearmed == 1)
        {
            return OutboxRetryResult.Rearmed;
        }

        var status = await session.ScalarAsync<string>("SELECT status FROM outbox WHERE id = @id AND mailbox_id = @mailboxId", new { id, mailboxId }, ct);
        return status is null ? OutboxRetryResult.NotFound : OutboxRetryResult.NotGivenUp;
    }

    /// <summary>Stopped entries, newest first, with whom each was for.</summary>
    public Task<IReadOnlyList<OutboxGaveUpItem>> ListGaveUpAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(async s => (IReadOnlyList<OutboxGaveUpItem>)[.. (await s.QueryAsync<GaveUpItemRow>($"""
            SELECT {GaveUpColumns}, g.step_id, g.referral_id, p.display_name AS person_name, p.email AS person_email,
                   r.prospect_name, r.partner_name, r.partner_email, b.display_name AS birthday_name
            FROM outbox g
            LEFT JOIN follow_up_steps s ON s.id = g.step_id
            LEFT JOIN people p ON p.mailbox_id = s.mailbox_id AND p.email_key = s.email_key
            LEFT JOIN referrals r ON r.id = g.referral_id
            LEFT JOIN birthday_drafts b ON b.id = g.birthday_id
            WHERE g.mailbox_id = @mailboxId AND g.status = 'GaveUp'
            ORDER BY g.gave_up_at DESC, g.id
            """, new { mailboxId }, ct)).Select(r => r.ToItem())], ct);

    /// <summary>
    /// What Health says is still to be made. A one-to-one hold never tried whose person's thank-you is still open is not
    /// "waiting to be made": it waits for the thank-you (Calendar:HoldAfter), by design, and is counted apart.
    /// </summary>
    public Task<OutboxCounts> CountAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(async s => (await s.QuerySingleOrDefaultAsync<CountsRow>("""
            SELECT COUNT(*) AS total, COUNT(o.first_failed_at) AS retrying,
                COALESCE(SUM(CASE WHEN o.kind = 'BookMeetingHold' AND o.create_started_at IS NULL AND o.first_failed_at IS NULL AND EXISTS (
                    SELECT 1 FROM follow_up_steps h
                    JOIN follow_up_steps t ON t.mailbox_id = h.mailbox_id AND t.email_key = h.email_key
                    WHERE h.id = o.step_id AND t.step = 'ThankYou' AND t.state IN ('Pending', 'Prepared', 'Snoozed'))
                THEN 1 ELSE 0 END), 0) AS waiting_for_thank_you
            FROM outbox o WHERE o.mailbox_id = @mailboxId AND o.status = 'Pending'
            """, new { mailboxId }, ct))!.ToCounts(), ct);

    public Task CloseAsync(OutboxEntry entry, OutboxStatus status, string? error, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => CloseAsync(s, entry, status, error, now, ct), ct);

    public Task CloseAsync(StoreSession session, OutboxEntry entry, OutboxStatus status, string? error, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE outbox SET status = @status, last_error = @error, completed_at = @now WHERE id = @Id",
            new { entry.Id, status = status.ToString(), error, now }, ct);

    /// <summary>The columns of <see cref="GaveUpColumns"/>: the stopped entry, if the row had one.</summary>
    internal abstract class GaveUpRow
    {
        public string? GaveUpId { get; init; }
        public OutboxKind? GaveUpKind { get; init; }
        public string? GaveUpReason { get; init; }
        public int? GaveUpAttempts { get; init; }
        public DateTimeOffset? GaveUpAt { get; init; }

        public OutboxGaveUp? GaveUp() =>
            GaveUpId is null ? null : new OutboxGaveUp(GaveUpId, GaveUpKind!.Value, GaveUpReason ?? string.Empty, GaveUpAttempts!.Value, GaveUpAt!.Value);
    }

    private sealed class EntryRow
    {
        public string Id { get; init; } = "";
        public string MailboxId { get; init; } = "";
        public string? StepId { get; init; }
        public OutboxKind Kind { get; init; }
        public string Tag { get; init; } = "";
        public int Attempts { get; init; }
        public string? ReferralId { get; init; }
        public DateTimeOffset? CreateStartedAt { get; init; }
        public DateTimeOffset? FirstFailedAt { get; init; }
        public string? BirthdayId { get; init; }

        public OutboxEntry ToEntry() => new(Id, MailboxId, StepId, Kind, Tag, Attempts, ReferralId, CreateStartedAt, FirstFailedAt, BirthdayId);
    }

    private sealed class CountsRow
    {
        public int Total { get; init; }
        public int Retrying { get; init; }
        public int WaitingForThankYou { get; init; }

        public OutboxCounts ToCounts() => new(Total - WaitingForThankYou, Retrying, WaitingForThankYou);
    }

    private sealed class GaveUpItemRow : GaveUpRow
    {
        public string? StepId { get; init; }
        public string? ReferralId { get; init; }
        public string? PersonName { get; init; }
        public string? PersonEmail { get; init; }
        public string? ProspectName { get; init; }
        public string? PartnerName { get; init; }
        public string? PartnerEmail { get; init; }
        public string? BirthdayName { get; init; }

        public OutboxGaveUpItem ToItem()
        {
            var gaveUp = GaveUp()!;
            var who = gaveUp.Kind switch
            {
                OutboxKind.ThankYouDraft or OutboxKind.BookMeetingHold => NonEmpty(PersonName) ?? PersonEmail,
                OutboxKind.ReferralIntroDraft => ProspectName,
                OutboxKind.BirthdayDraft => BirthdayName,
                _ => NonEmpty(PartnerName) ?? PartnerEmail,
            };
            return new OutboxGaveUpItem(gaveUp, who ?? string.Empty, StepId, ReferralId);
        }

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
