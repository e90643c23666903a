using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

public sealed record PersonRecord(
    string Email,
    string DisplayName,
    string? CompanyName,
    bool IsAcquaintance,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? MetAt,
    string? EventId,
    string? EventSubject,
    string? Remember,
    string? Promised,
    string? PreferredChannel,
    string? ProfileUrl);

public sealed record MeetingRecord(string EventId, string Subject, DateTimeOffset Start);

/// <summary>The people the user knows, keyed by email address (case-insensitive), as the person card shows them.</summary>
public sealed class PeopleStore(Database database)
{
    public async Task<PersonRecord?> GetAsync(string mailboxId, string email, CancellationToken ct) =>
        (await database.UseAsync(s => s.QuerySingleOrDefaultAsync<PersonRow>("""
            SELECT p.email, p.display_name, p.company_name, p.is_acquaintance, p.first_seen_at, p.met_at, p.event_id, e.subject AS event_subject,
                   p.remember, p.promised, p.preferred_channel, p.profile_url
            FROM people p LEFT JOIN events e ON e.mailbox_id = p.mailbox_id AND e.id = p.event_id
            WHERE p.mailbox_id = @mailboxId AND p.email_key = @key
            """, new { mailboxId, key = EmailAddresses.Key(email) }, ct), ct))?.ToRecord();

    /// <summary>Which of <paramref name="keys"/> (email keys) belong to someone the store knows: one read, not one per address.</summary>
    public Task<IReadOnlySet<string>> KnownKeysAsync(string mailboxId, IEnumerable<string> keys, CancellationToken ct) =>
        database.UseAsync(s => KnownKeysAsync(s, mailboxId, keys, ct), ct);

    /// <inheritdoc cref="KnownKeysAsync(string, IEnumerable{string}, CancellationToken)"/>
    public async Task<IReadOnlySet<string>> KnownKeysAsync(StoreSession session, string mailboxId, IEnumerable<string> keys, CancellationToken ct) =>
        (await session.QueryInChunksAsync<string>(
            "SELECT email_key FROM people WHERE mailbox_id = @mailboxId AND email_key IN @keys", keys, chunk => new { mailboxId, keys = chunk }, ct))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Which of these people have an open follow-up step (pending, prepared or snoozed).</summary>
    public async Task<IReadOnlySet<string>> FollowingUpKeysAsync(string mailboxId, IEnumerable<string> keys, CancellationToken ct) =>
        (await database.UseAsync(s => s.QueryInChunksAsync<string>(
            "SELECT DISTINCT email_key FROM follow_up_steps WHERE mailbox_id = @mailboxId AND state IN ('Pending', 'Prepared', 'Snoozed') AND email_key IN @keys",
            keys, chunk => new { mailboxId, keys = chunk }, ct), ct))
        .ToHashSet(StringComparer.Ordinal);

    public Task<int> CountAcquaintancesAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(s => s.ScalarAsync<int>("SELECT COUNT(*) FROM people WHERE mailbox_id = @mailboxId AND is_acquaintance = 1", new { mailboxId }, ct), ct);

    /// <summary>The earliest calendar event (in the synced window) before <paramref name="before"/> with this person among the attendees: where they were likely met.</summary>
    public async Task<MeetingRecord?> FirstMeetingAsync(string mailboxId, string email, DateTimeOffset before, CancellationToken ct)
    {
        var key = EmailAddresses.Key(email);
        // Attendees are stored as JSON; the LIKE narrows the scan (its wildcards can only widen it), the exact check below confirms it.
        var candidates = await database.UseAsync(s => s.QueryAsync<MeetingRow>("""
            SELECT id, subject, start_at, end_at, attendees, is_cancelled, user_response FROM events
            WHERE mailbox_id = @mailboxId AND removed = 0 AND is_cancelled = 0 AND start_at <= @before AND LOWER(attendees) LIKE '%' || @key || '%'
            ORDER BY start_at ASC LIMIT 20
            """, new { mailboxId, before = before.ToUniversalTime(), key }, ct), ct);
        return candidates.FirstOrDefault(m => m.Attendees.Any(a => string.Equals(EmailAddresses.Key(a.Email), key, StringComparison.Ordinal))) is { } meeting
            ? new MeetingRecord(meeting.Id, meeting.Subject, meeting.StartAt)
            : null;
    }

    /// <summary>The notes the user wrote on this person's Outlook contact (personalNotes), from any contact with this address; null when none has any.</summary>
    public async Task<string?> ContactNotesAsync(string mailboxId, string email, CancellationToken ct)
    {
        var key = EmailAddresses.Key(email);
        // Emails are stored as JSON; the LIKE narrows the scan, the exact check below confirms it.
        var rows = await database.UseAsync(s => s.QueryAsync<NotesRow>("""
            SELECT emails, personal_notes FROM contacts
            WHERE mailbox_id = @mailboxId AND removed = 0 AND personal_notes IS NOT NULL AND personal_notes <> '' AND LOWER(emails) LIKE '%' || @key || '%'
            ORDER BY id LIMIT 20
            """, new { mailboxId, key }, ct), ct);
        return rows.FirstOrDefault(r => r.Emails.Any(e => string.Equals(EmailAddresses.Key(e), key, StringComparison.Ordinal)))?.PersonalNotes;
    }

    /// <summary>
    /// The latest one-to-one with this person that ended by <paramref name="before"/>: a meeting that qualifies as one
    /// (<see cref="Evidence.DecideOneToOneMeeting.IsOneToOneWith"/>), not a 12-person mixer they also attended.
    /// </summary>
    public async Task<MeetingRecord?> LastMeetingAsync(string mailboxId, string email, DateTimeOffset before, CancellationToken ct)
    {
        var key = EmailAddresses.Key(email);
        // Attendees are stored as JSON; the LIKE narrows the scan (its wildcards can only widen it), the rule below decides.
        // Enough rows that a run of recent mixers cannot hide the last real one-to-one.
        var candidates = await database.UseAsync(s => s.QueryAsync<MeetingRow>("""
            SELECT id, subject, start_at, end_at, attendees, is_cancelled, user_response FROM events
            WHERE mailbox_id = @mailboxId AND removed = 0 AND is_cancelled = 0 AND end_at <= @before AND LOWER(attendees) LIKE '%' || @key || '%'
            ORDER BY start_at DESC LIMIT 500
            """, new { mailboxId, before = before.ToUniversalTime(), key }, ct), ct);
        return candidates.FirstOrDefault(m => Evidence.DecideOneToOneMeeting.IsOneToOneWith(m.ToFacts(), key, before)) is { } meeting
            ? new MeetingRecord(meeting.Id, meeting.Subject, meeting.StartAt)
            : null;
    }

    /// <summary>Saves "the one thing to remember"; a person not known yet is remembered as a plain contact.</summary>
    public Task SetRememberAsync(string mailboxId, string email, string displayName, string remember, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO people (mailbox_id, email_key, email, display_name, first_seen_at, remember)
            VALUES (@mailboxId, @key, @email, @displayName, @now, @remember)
            ON CONFLICT (mailbox_id, email_key) DO UPDATE SET remember = @remember, row_version = people.row_version + 1
            """, new { mailboxId, key = EmailAddresses.Key(email), email = email.Trim(), displayName, now, remember }, ct), ct);

    /// <summary>Each usable address of a synced contact becomes a known person; people already known are left as they are.</summary>
    public Task RememberContactAsync(StoreSession session, string mailboxId, ContactFacts contact, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        // One statement per address (Dapper runs it for each element).
        return session.ExecuteAsync("""
            INSERT INTO people (mailbox_id, email_key, email, display_name, given_name, company_name, contact_id, first_seen_at)
            VALUES (@mailboxId, @key, @email, @DisplayName, @GivenName, @CompanyName, @Id, @now)
            ON CONFLICT (mailbox_id, email_key) DO NOTHING
            """, contact.Emails.Where(EmailAddresses.LooksValid).Select(email => new
        {
            mailboxId, key = EmailAddresses.Key(email), email = email.Trim(), contact.DisplayName, contact.GivenName, contact.CompanyName, contact.Id, now,
        }).ToList(), ct);
    }

    /// <summary>
    /// Makes the person an acquaintance met at <see cref="TrackStart.MetAt"/>. What is already known stays: when and where
    /// they were first met; what the user tells now (remember, promised, channel, profile) fills in or replaces.
    /// </summary>
    public Task MarkAcquaintanceAsync(StoreSession session, string mailboxId, TrackStart person, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        return session.ExecuteAsync("""
            INSERT INTO people (mailbox_id, email_key, email, display_name, given_name, company_name, contact_id, first_seen_at, met_at,
                is_acquaintance, event_id, remember, promised, preferred_channel, profile_url)
            VALUES (@mailboxId, @key, @Email, @DisplayName, @GivenName, @CompanyName, @ContactId, @now, @MetAt, 1, @EventId, @Remember, @Promised,
                @PreferredChannel, @ProfileUrl)
            ON CONFLICT (mailbox_id, email_key) DO UPDATE SET is_acquaintance = 1, met_at = COALESCE(people.met_at, @MetAt),
                event_id = COALESCE(people.event_id, @EventId), remember = COALESCE(@Remember, people.remember),
                promised = COALESCE(@Promised, people.promised), preferred_channel = COALESCE(@PreferredChannel, people.preferred_channel),
                profile_url = COALESCE(@ProfileUrl, people.profile_url), row_version = people.row_version + 1
            """, new
        {
            mailboxId, key = EmailAddresses.Key(person.Email), now, person.Email, person.DisplayName, person.GivenName, person.CompanyName, person.ContactId,
            person.MetAt, person.EventId, person.Remember, person.Promised, person.PreferredChannel, person.ProfileUrl,
        }, ct);
    }

    private sealed class PersonRow
    {
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? CompanyName { get; init; }
        public bool IsAcquaintance { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset? MetAt { get; init; }
        public string? EventId { get; init; }
        public string? EventSubject { get; init; }
        public string? Remember { get; init; }
        public string? Promised { get; init; }
        public string? PreferredChannel { get; init; }
        public string? ProfileUrl { get; init; }

        public PersonRecord ToRecord() => new(
            Email, DisplayName, CompanyName, IsAcquaintance, FirstSeenAt, MetAt, EventId, EventSubject, Remember, Promised, PreferredChannel, ProfileUrl);
    }

    private sealed class NotesRow
    {
        public IReadOnlyList<string> Emails { get; init; } = [];
        public string? PersonalNotes { get; init; }
    }

    private sealed class MeetingRow
    {
        public string Id { get; init; } = "";
        public string Subject { get; init; } = "";
        public DateTimeOffset StartAt { get; init; }
        public DateTimeOffset EndAt { get; init; }
        public IReadOnlyList<EventAttendee> Attendees { get; init; } = [];
        public bool IsCancelled { get; init; }
        public string? UserResponse { get; init; }

        public CalendarEventFacts ToFacts() =>
            new(Id, null, Subject, StartAt, EndAt, false, "busy", [], Attendees, IsCancelled) { UserResponse = UserResponse };
    }
}
