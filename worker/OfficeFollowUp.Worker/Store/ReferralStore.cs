using System.Globalization;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Referrals;

namespace OfficeFollowUp.Store;

/// <summary>Referrals given and received, their duties' state and outcomes. Writes that belong together take the caller's session.</summary>
public sealed class ReferralStore(Database database)
{
    // The latest of the referral's outbox entries that stopped, joined as g: a correlated subquery rather than a
    // window function or SQLite's json_object, so PostgreSQL runs the same statement.
    private const string Select = $"""
        SELECT r.id, r.mailbox_id, r.direction, r.partner_email, r.partner_name, r.prospect_name, r.prospect_email, r.prospect_phone, r.note,
               r.copy_partner, r.source_message_id, r.referred_at, r.contacted_at, r.partner_followed_up, r.outcome, r.outcome_value,
               r.outcome_note, r.better_fit, r.outcome_at, r.intro_draft_id, r.check_in_draft_id, r.close_draft_id, r.created_at, r.row_version,
               r.contacted_via, r.checked_in_at, r.loop_closed_at,
               r.partner_answered_at, r.partner_nudged_at,
               {OutboxStore.GaveUpColumns}
        FROM referrals r
        LEFT JOIN outbox g ON g.id = (SELECT o.id FROM outbox o WHERE o.referral_id = r.id AND o.status = 'GaveUp' ORDER BY o.gave_up_at DESC LIMIT 1)
        """;

    public Task InsertAsync(StoreSession session, Referral r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        return session.ExecuteAsync("""
            INSERT INTO referrals (id, mailbox_id, direction, partner_email_key, partner_email, partner_name, prospect_name, prospect_email,
                prospect_phone, note, copy_partner, source_message_id, referred_at, created_at, updated_at)
            VALUES (@Id, @MailboxId, @direction, @partnerKey, @partnerEmail, @partnerName, @ProspectName, @ProspectEmail,
                @ProspectPhone, @Note, @CopyPartner, @SourceMessageId, @referredAt, @CreatedAt, @CreatedAt)
            """, new
        {
            r.Id, r.MailboxId, direction = r.Direction.ToString(), partnerKey = EmailAddresses.Key(r.Partner.Email), partnerEmail = r.Partner.Email,
            partnerName = r.Partner.DisplayName, r.ProspectName, r.ProspectEmail, r.ProspectPhone, r.Note, r.CopyPartner, r.SourceMessageId,
            referredAt = r.ReferredAt.ToUniversalTime(), r.CreatedAt,
        }, ct);
    }

    public Task<Referral?> GetAsync(string mailboxId, string id, CancellationToken ct) => database.UseAsync(s => GetAsync(s, mailboxId, id, ct), ct);

    public async Task<Referral?> GetAsync(StoreSession session, string mailboxId, string id, CancellationToken ct) =>
        (await ReadAsync(session, Select + " WHERE r.mailbox_id = @mailboxId AND r.id = @id", new { mailboxId, id }, ct)).FirstOrDefault();

    public async Task<Referral?> FindBySourceAsync(StoreSession session, string mailboxId, string sourceMessageId, CancellationToken ct) =>
        (await ReadAsync(session, Select + " WHERE r.mailbox_id = @mailboxId AND r.source_message_id = @sourceMessageId", new { mailboxId, sourceMessageId }, ct))
        .FirstOrDefault();

    /// <summary>By id alone: the outbox knows only the referral it works for.</summary>
    public async Task<Referral?> GetByIdAsync(string id, CancellationToken ct) =>
        (await database.UseAsync(s => ReadAsync(s, Select + " WHERE r.id = @id", new { id }, ct), ct)).FirstOrDefault();

    public Task<IReadOnlyList<Referral>> ListAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(s => ReadAsync(s, Select + " WHERE r.mailbox_id = @mailboxId ORDER BY r.referred_at DESC, r.id", new { mailboxId }, ct), ct);

    /// <summary>The referrals this person is in, as the partner or as the prospect, latest first.</summary>
    public Task<IReadOnlyList<Referral>> ListForPersonAsync(string mailboxId, string email, CancellationToken ct) =>
        database.UseAsync(s => ReadAsync(s, Select + " WHERE r.mailbox_id = @mailboxId AND (r.partner_email_key = @key OR LOWER(TRIM(r.prospect_email)) = @key) ORDER BY r.referred_at DESC, r.id",
            new { mailboxId, key = EmailAddresses.Key(email) }, ct), ct);

    public Task<IReadOnlyList<Referral>> ListForPartnerAsync(string mailboxId, string partnerEmail, CancellationToken ct) =>
        database.UseAsync(s => ReadAsync(s, Select + " WHERE r.mailbox_id = @mailboxId AND r.partner_email_key = @partnerKey ORDER BY r.referred_at DESC, r.id",
            new { mailboxId, partnerKey = EmailAddresses.Key(partnerEmail) }, ct), ct);

    /// <summary>
    /// Records the outcome if the referral is still at <paramref name="readVersion"/> (compare-and-swap): false when
    /// another process wrote it since it was read, and nothing is written; the caller reads again and decides again.
    /// A different outcome opens the loop again (its close-the-loop note is still to be sent).
    /// </summary>
    public async Task<bool> SetOutcomeAsync(
        StoreSession session, string id, long readVersion, ReferralOutcome outcome, decimal? value, string? note, string? betterFit, DateTimeOffset now,
        CancellationToken ct) =>
        await session.ExecuteAsync("""
            UPDATE referrals SET outcome = @outcome, outcome_value = @value, outcome_note = @note, better_fit = @betterFit, outcome_at = @now, updated_at = @now,
                loop_closed_at = CASE WHEN outcome = @outcome THEN loop_closed_at END,
                loop_evidence_id = CASE WHEN outcome = @outcome THEN loop_evidence_id END,
                row_version = row_version + 1
            WHERE id = @id AND row_version = @readVersion
            """, new { id, readVersion, outcome = outcome.ToString(), value = value?.ToString(CultureInfo.InvariantCulture), note, betterFit, now }, ct) == 1;

    /// <summary>Received: the user says they got in touch with the prospect (a call, say); a contact sent mail showed stays as it was.</summary>
    public Task MarkContactedAsync(string id, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            UPDATE referrals SET contacted_via = CASE WHEN contacted_at IS NULL THEN 'Marked' ELSE contacted_via END,
                contacted_at = COALESCE(contacted_at, @now), updated_at = @now, row_version = row_version + 1
            WHERE id = @id
            """, new { id, now }, ct), ct);

    /// <summary>Given: what the partner said when asked whether they reached the prospect, and when the user heard it.</summary>
    public Task SetPartnerFollowedUpAsync(string id, bool followedUp, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "UPDATE referrals SET partner_followed_up = @followedUp, partner_answered_at = @now, updated_at = @now, row_version = row_version + 1 WHERE id = @id", new { id, followedUp, now }, ct), ct);

    /// <summary>
    /// Given, after "not yet": the user nudged the partner. The answer (and a check-in mail before it) is cleared so the check-in comes back later;
    /// only a referral still waiting on a "not yet" is changed, so a nudge never undoes a "followed up" from elsewhere.
    /// </summary>
    /// <returns>Whether the nudge was recorded.</returns>
    public async Task<bool> MarkNudgedAsync(string id, DateTimeOffset now, CancellationToken ct) =>
        await database.UseAsync(s => s.ExecuteAsync(
            """
            UPDATE referrals SET partner_followed_up = NULL, partner_nudged_at = @now, checked_in_at = NULL, check_in_evidence_id = NULL, updated_at = @now,
                row_version = row_version + 1
            WHERE id = @id AND partner_followed_up = 0 AND outcome IS NULL
            """,
            new { id, now }, ct), ct) == 1;

    /// <summary>The draft the outbox made for the referral, on the referral.</summary>
    public Task SetDraftAsync(StoreSession session, string id, OutboxKind made, string graphId, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(made switch
        {
            OutboxKind.ReferralIntroDraft => "UPDATE referrals SET intro_draft_id = @graphId, updated_at = @now WHERE id = @id",
            OutboxKind.ReferralCheckInDraft => "UPDATE referrals SET check_in_draft_id = @graphId, updated_at = @now WHERE id = @id",
            OutboxKind.CloseTheLoopDraft => "UPDATE referrals SET close_draft_id = @graphId, updated_at = @now WHERE id = @id",
            _ => throw new InvalidOperationException($"Outbox kind {made} is not a referral draft."),
        }, new { id, graphId, now }, ct);

    private static async Task<IReadOnlyList<Referral>> ReadAsync(StoreSession session, string sql, object parameters, CancellationToken ct) =>
        [.. (await session.QueryAsync<ReferralRow>(sql, parameters, ct)).Select(r => r.ToReferral())];

    private sealed class ReferralRow : OutboxStore.GaveUpRow
    {
        public string Id { get; init; } = "";
        public string MailboxId { get; init; } = "";
        public ReferralDirection Direction { get; init; }
        public string PartnerEmail { get; init; } = "";
        public string? PartnerName { get; init; }
        public string ProspectName { get; init; } = "";
        public string? ProspectEmail { get; init; }
        public string? ProspectPhone { get; init; }
        public string? Note { get; init; }
        public bool CopyPartner { get; init; }
        public string? SourceMessageId { get; init; }
        public DateTimeOffset ReferredAt { get; init; }
        public DateTimeOffset? ContactedAt { get; init; }
        public bool? PartnerFollowedUp { get; init; }
        public ReferralOutcome? Outcome { get; init; }
        public string? OutcomeValue { get; init; }
        public string? OutcomeNote { get; init; }
        public string? BetterFit { get; init; }
        public DateTimeOffset? OutcomeAt { get; init; }
        public string? IntroDraftId { get; init; }
        public string? CheckInDraftId { get; init; }
        public string? CloseDraftId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public Evidence.CompletedVia? ContactedVia { get; init; }
        public DateTimeOffset? CheckedInAt { get; init; }
        public DateTimeOffset? LoopClosedAt { get; init; }
        public DateTimeOffset? PartnerAnsweredAt { get; init; }
        public DateTimeOffset? PartnerNudgedAt { get; init; }
        public long RowVersion { get; init; }

        public Referral ToReferral() => new(
            Id, MailboxId, Direction, new Party(PartnerEmail, PartnerName), ProspectName, ProspectEmail, ProspectPhone, Note, CopyPartner,
            SourceMessageId, ReferredAt, ContactedAt, PartnerFollowedUp, Outcome,
            OutcomeValue is { } value ? decimal.Parse(value, CultureInfo.InvariantCulture) : null,
            OutcomeNote, BetterFit, OutcomeAt, IntroDraftId, CheckInDraftId, CloseDraftId, CreatedAt)
        {
            DraftGaveUp = GaveUp(),
            ContactedVia = ContactedVia,
            CheckedInAt = CheckedInAt,
            LoopClosedAt = LoopClosedAt,
            PartnerAnsweredAt = PartnerAnsweredAt,
            PartnerNudgedAt = PartnerNudgedAt,
            RowVersion = RowVersion,
        };
    }
}
