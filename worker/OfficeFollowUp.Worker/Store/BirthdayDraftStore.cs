using System.Security.Cryptography;
using System.Text;
using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Outbox;

namespace OfficeFollowUp.Store;

/// <summary>
/// Birthday drafts: who has a birthday and whether the user keeps in touch with them, one row per person and year (the
/// row's id, and so the outbox tag, is derived from the mailbox, the person and the year: a second plan of the same
/// birthday, from a restart or another process, finds the row and enqueues nothing), and what sent mail completes.
/// </summary>
public sealed class BirthdayDraftStore(Database database)
{
    private const string OpenStates = "('Planned', 'Prepared')";

    /// <summary>Contacts with a birthday, their preferred channel, and whether the user keeps in touch with them by default.</summary>
    public async Task<IReadOnlyList<BirthdayCandidate>> CandidatesAsync(string mailboxId, CancellationToken ct)
    {
        await using var session = await database.OpenSessionAsync(ct);
        var contacts = (await session.QueryAsync<ContactRow>(
            "SELECT id, display_name, emails, birthday FROM contacts WHERE mailbox_id = @mailboxId AND removed = 0 AND birthday IS NOT NULL", new { mailboxId }, ct))
            .Select(c => (c.Id, c.DisplayName, Email: c.Emails.FirstOrDefault(EmailAddresses.LooksValid), c.Birthday))
            .ToList();

        // A tier or cadence of their own, an open follow-up track, or a referral partner: the people keep-in-touch covers.
        var people = (await session.QueryInChunksAsync<PersonRow>($"""
            SELECT p.email_key, p.preferred_channel,
                CASE WHEN p.tier IS NOT NULL OR p.cadence_days IS NOT NULL
                    OR EXISTS (SELECT 1 FROM follow_up_steps s WHERE s.mailbox_id = p.mailbox_id AND s.email_key = p.email_key AND s.state IN ('Pending', 'Prepared', 'Snoozed'))
                    OR EXISTS (SELECT 1 FROM referrals r WHERE r.mailbox_id = p.mailbox_id AND r.partner_email_key = p.email_key)
                THEN 1 ELSE 0 END AS kept_in_touch
            FROM people p WHERE p.mailbox_id = @mailboxId AND p.email_key IN @keys
            """, contacts.Where(c => c.Email is not null).Select(c => EmailAddresses.Key(c.Email!)).Distinct(StringComparer.Ordinal),
            chunk => new { mailboxId, keys = chunk }, ct)).ToDictionary(p => p.EmailKey, StringComparer.Ordinal);

        return [.. contacts.Select(c =>
        {
            var person = c.Email is null ? null : people.GetValueOrDefault(EmailAddresses.Key(c.Email));
            return new BirthdayCandidate(c.DisplayName, c.Email, c.Birthday, person?.PreferredChannel, person?.KeptInTouch ?? false, c.Id);
        })];
    }

    /// <summary>The row id of a person's birthday in a year: the same wherever and however often it is planned.</summary>
    public static string IdOf(string mailboxId, string email, int year)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{mailboxId}\n{EmailAddresses.Key(email)}"));
        return $"birthday-{Convert.ToHexStringLower(hash.AsSpan(0, 10))}-{year}";
    }

    /// <summary>The outbox tag of a birthday draft: its row id, which names the person and the year.</summary>
    public static string TagOf(string birthdayId) => $"ofu-{birthdayId}";

    /// <summary>Records the plan and its outbox entry, in the caller's session; a birthday planned before enqueues nothing.</summary>
    /// <returns>Whether it was planned now.</returns>
    public async Task<bool> PlanAsync(StoreSession session, string mailboxId, BirthdayDraftPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var id = IdOf(mailboxId, plan.Email, plan.Year);
        var planned = await session.ExecuteAsync("""
            INSERT INTO birthday_drafts (id, mailbox_id, email_key, email, display_name, contact_id, year, birthday_on, window_from, window_until, state, created_at, updated_at)
            VALUES (@id, @mailboxId, @key, @Email, @DisplayName, @ContactId, @Year, @Date, @from, @until, 'Planned', @now, @now)
            ON CONFLICT (mailbox_id, email_key, year) DO NOTHING
            """, new
        {
            id, mailboxId, key = EmailAddresses.Key(plan.Email), plan.Email, plan.DisplayName, plan.ContactId, plan.Year, plan.Date,
            from = plan.WindowFrom.ToUniversalTime(), until = plan.WindowUntil.ToUniversalTime(), now,
        }, ct) == 1;
        if (planned)
        {
            await session.ExecuteAsync("""
                INSERT INTO outbox (id, mailbox_id, birthday_id, kind, tag, status, attempts, next_attempt_at, created_at)
                VALUES (@outboxId, @mailboxId, @id, @kind, @tag, 'Pending', 0, @now, @now)
                ON CONFLICT (tag) DO NOTHING
                """, new { outboxId = Guid.CreateVersion7(now).ToString(), mailboxId, id, kind = OutboxKind.BirthdayDraft.ToString(), tag = TagOf(id), now }, ct);
        }

        return planned;
    }

    /// <summary>A birthday draft with what its note may say: the contact's given name, company and notes, and what the user remembers.</summary>
    public async Task<BirthdayDraft?> GetAsync(string id, CancellationToken ct)
    {
        await using var session = await database.OpenSessionAsync(ct);
        var row = await session.QuerySingleOrDefaultAsync<Row>("""
            SELECT b.id, b.mailbox_id, b.email, b.display_name, b.year, b.birthday_on, b.state, b.draft_id, b.completed_via, b.completed_at,
                   c.given_name, c.company_name, c.personal_notes, p.remember
            FROM birthday_drafts b
            LEFT JOIN contacts c ON c.mailbox_id = b.mailbox_id AND c.id = b.contact_id
            LEFT JOIN people p ON p.mailbox_id = b.mailbox_id AND p.email_key = b.email_key
            WHERE b.id = @id
            """, new { id }, ct);
        return row?.ToDraft();
    }

    /// <summary>The birthday drafts of these people for the years given (each person's coming birthday), for the Keep in touch list.</summary>
    public async Task<IReadOnlyList<BirthdayDraft>> ListAsync(string mailboxId, IEnumerable<string> ids, CancellationToken ct)
    {
        await using var session = await database.OpenSessionAsync(ct);
        return [.. (await session.QueryInChunksAsync<Row>("""
            SELECT id, mailbox_id, email, display_name, year, birthday_on, state, draft_id, completed_via, completed_at FROM birthday_drafts
            WHERE mailbox_id = @mailboxId AND id IN @ids
            """, ids, chunk => new { mailboxId, ids = chunk }, ct)).Select(r => r.ToDraft())];
    }

    /// <summary>
    /// "Skip this year": the birthday is skipped and never drafted again that year. One not planned yet is planned now as
    /// skipped (<paramref name="plan"/>), so the lead day finds the row and plans nothing; a sent one stays sent.
    /// </summary>
    /// <returns>The birthday as it now is, or null when the mailbox has no such birthday.</returns>
    public async Task<BirthdayDraft?> SkipAsync(string mailboxId, string id, BirthdayDraftPlan? plan, DateTimeOffset now, CancellationToken ct)
    {
        await using (var session = await database.BeginAsync(ct))
        {
            if (plan is not null && IdOf(mailboxId, plan.Email, plan.Year) == id)
            {
                await session.ExecuteAsync("""
                    INSERT INTO birthday_drafts (id, mailbox_id, email_key, email, display_name, contact_id, year, birthday_on, window_from, window_until, state, created_at, updated_at)
                    VALUES (@id, @mailboxId, @key, @Email, @DisplayName, @ContactId, @Year, @Date, @from, @until, 'Skipped', @now, @now)
                    ON CONFLICT (mailbox_id, email_key, year) DO NOTHING
                    """, new
                {
                    id, mailboxId, key = EmailAddresses.Key(plan.Email), plan.Email, plan.DisplayName, plan.ContactId, plan.Year, plan.Date,
                    from = plan.WindowFrom.ToUniversalTime(), until = plan.WindowUntil.ToUniversalTime(), now,
                }, ct);
            }

            await session.ExecuteAsync($"""
                UPDATE birthday_drafts SET state = 'Skipped', updated_at = @now
                WHERE id = @id AND mailbox_id = @mailboxId AND state IN {OpenStates}
                """, new { id, mailboxId, now }, ct);
            await session.CommitAsync(ct);
        }

        return await GetInAsync(mailboxId, id, ct);
    }

    /// <summary>
    /// Undo of "Skip this year": back to prepared when its draft was made, else planned again. A draft the skip stopped
    /// before it was made is queued again; a birthday skipped before its lead day leaves the store, so the lead day plans it.
    /// </summary>
    /// <returns>The birthday as it now is (null also when the undo removed the not-yet-planned row), and whether a row was reopened.</returns>
    public async Task<(bool Reopened, BirthdayDraft? Birthday)> ReopenAsync(string mailboxId, string id, DateTimeOffset now, CancellationToken ct)
    {
        bool reopened;
        await using (var session = await database.BeginAsync(ct))
        {
            reopened = await session.ExecuteAsync("""
                UPDATE birthday_drafts SET state = CASE WHEN draft_id IS NULL THEN 'Planned' ELSE 'Prepared' END, updated_at = @now
                WHERE id = @id AND mailbox_id = @mailboxId AND state = 'Skipped'
                """, new { id, mailboxId, now }, ct) == 1;
            if (reopened)
            {
                await session.ExecuteAsync("""
                    UPDATE outbox SET status = 'Pending', attempts = 0, next_attempt_at = @now, completed_at = NULL, last_error = NULL, claimed_by = NULL, claimed_until = NULL
                    WHERE mailbox_id = @mailboxId AND birthday_id = @id AND status = 'Cancelled'
                        AND EXISTS (SELECT 1 FROM birthday_drafts b WHERE b.id = @id AND b.draft_id IS NULL)
                    """, new { id, mailboxId, now }, ct);
                await session.ExecuteAsync("""
                    DELETE FROM birthday_drafts WHERE id = @id AND mailbox_id = @mailboxId AND draft_id IS NULL
                        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.birthday_id = @id)
                    """, new { id, mailboxId }, ct);
            }

            await session.CommitAsync(ct);
        }

        return (reopened, await GetInAsync(mailboxId, id, ct));
    }

    private async Task<BirthdayDraft?> GetInAsync(string mailboxId, string id, CancellationToken ct) =>
        await GetAsync(id, ct) is { } birthday && birthday.MailboxId == mailboxId ? birthday : null;

    /// <summary>The draft is in Drafts: prepared, unless sent mail already completed the birthday.</summary>
    public Task MarkPreparedAsync(StoreSession session, string id, string graphId, MadeDraft? draft, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync("""
            UPDATE birthday_drafts SET draft_id = @graphId, draft_conversation_id = @conversationId, draft_internet_message_id = @internetMessageId,
                state = CASE WHEN state = 'Planned' THEN 'Prepared' ELSE state END, updated_at = @now
            WHERE id = @id
            """, new { id, graphId, conversationId = draft?.ConversationId, internetMessageId = draft?.InternetMessageId, now }, ct);

    /// <summary>
    /// The open birthdays a page of sent mail may answer: those of the page's recipients, and those whose draft is among
    /// the page's messages. A mail answers a birthday only inside its window (<see cref="OpenDutyFacts.EndsAt"/>).
    /// </summary>
    public static async Task<IReadOnlyList<OpenDutyFacts>> OpenForAsync(StoreSession session, string mailboxId, IReadOnlyList<SentMessageFacts> sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        const string select = $"""
            SELECT id, email_key, window_from, window_until, draft_id FROM birthday_drafts
            WHERE mailbox_id = @mailboxId AND state IN {OpenStates}
            """;
        var rows = new List<OpenRow>();
        rows.AddRange(await session.QueryInChunksAsync<OpenRow>(select + " AND email_key IN @values",
            sent.SelectMany(m => m.RecipientKeys).Distinct(StringComparer.Ordinal), chunk => new { mailboxId, values = chunk }, ct));
        foreach (var column in new[] { "draft_id", "draft_internet_message_id", "draft_conversation_id" })
        {
            rows.AddRange(await session.QueryInChunksAsync<OpenRow>($"{select} AND {column} IN @values",
                sent.SelectMany(m => new[] { m.Id, m.InternetMessageId, m.ConversationId }).OfType<string>(), chunk => new { mailboxId, values = chunk }, ct));
        }

        return [.. rows.DistinctBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new OpenDutyFacts(SentDutyKind.Birthday, r.Id, r.EmailKey, r.WindowFrom, r.WindowFrom, r.DraftId) { EndsAt = r.WindowUntil })];
    }

    private sealed class ContactRow
    {
        public string Id { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public IReadOnlyList<string> Emails { get; init; } = [];
        public DateOnly Birthday { get; init; }
    }

    private sealed class PersonRow
    {
        public string EmailKey { get; init; } = "";
        public string? PreferredChannel { get; init; }
        public bool KeptInTouch { get; init; }
    }

    private sealed class OpenRow
    {
        public string Id { get; init; } = "";
        public string EmailKey { get; init; } = "";
        public DateTimeOffset WindowFrom { get; init; }
        public DateTimeOffset WindowUntil { get; init; }
        public string? DraftId { get; init; }
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string MailboxId { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public int Year { get; init; }
        public DateOnly BirthdayOn { get; init; }
        public BirthdayDraftState State { get; init; }
        public string? DraftId { get; init; }
        public CompletedVia? CompletedVia { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
        public string? GivenName { get; init; }
        public string? CompanyName { get; init; }
        public string? PersonalNotes { get; init; }
        public string? Remember { get; init; }

        public BirthdayDraft ToDraft() =>
            new(Id, MailboxId, Email, DisplayName, Year, BirthdayOn, State, DraftId, CompletedVia, CompletedAt, GivenName, CompanyName, Remember, PersonalNotes);
    }
}
