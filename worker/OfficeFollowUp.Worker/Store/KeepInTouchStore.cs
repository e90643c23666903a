using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;

namespace OfficeFollowUp.Store;

/// <summary>Gathers the facts keep-in-touch needs: people and their tiers, referral partners, last meetings, completed follow-ups, birthdays.</summary>
public sealed class KeepInTouchStore(Database database)
{
    /// <summary>Meetings further back than this are not read; anyone whose last meeting is older is overdue on every tier anyway.</summary>
    private static readonly TimeSpan MeetingLookBack = TimeSpan.FromDays(730);

    public async Task<IReadOnlyList<TouchFacts>> LoadAsync(string mailboxId, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await database.OpenSessionAsync(ct);
        var people = (await session.QueryAsync<PersonRow>("""
            SELECT email_key, email, display_name, tier, cadence_days, is_acquaintance, COALESCE(met_at, first_seen_at) AS since, preferred_channel
            FROM people WHERE mailbox_id = @mailboxId
            """, new { mailboxId }, ct)).ToDictionary(p => p.EmailKey, StringComparer.Ordinal);

        var partners = (await session.QueryAsync<PartnerRow>("""
            SELECT partner_email_key, MIN(partner_email) AS email, MIN(COALESCE(partner_name, partner_email)) AS name, MIN(referred_at) AS since
            FROM referrals WHERE mailbox_id = @mailboxId GROUP BY partner_email_key
            """, new { mailboxId }, ct)).ToDictionary(p => p.PartnerEmailKey, StringComparer.Ordinal);

        var lastMeeting = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var meeting in await session.QueryAsync<MeetingRow>("""
            SELECT id, start_at, end_at, attendees, user_response FROM events
            WHERE mailbox_id = @mailboxId AND removed = 0 AND is_cancelled = 0 AND end_at <= @now AND end_at >= @from
              AND (user_response IS NULL OR user_response IN ('organizer', 'accepted'))
            """, new { mailboxId, now = now.ToUniversalTime(), from = (now - MeetingLookBack).ToUniversalTime() }, ct))
        {
            // A one-to-one with the person by the same rule that completes the one-to-one step, not a mixer they also attended.
            var asFacts = meeting.ToFacts();
            foreach (var key in meeting.Attendees.Select(a => a.Email).Where(EmailAddresses.LooksValid).Select(EmailAddresses.Key)
                .Where(key => Evidence.DecideOneToOneMeeting.IsOneToOneWith(asFacts, key, now)))
            {
                if (!lastMeeting.TryGetValue(key, out var seen) || seen < meeting.EndAt)
                {
                    lastMeeting[key] = meeting.EndAt;
                }
            }
        }

        var lastFollowUp = (await session.QueryAsync<FollowUpRow>("""
            SELECT email_key, MAX(at) AS at FROM (
                SELECT email_key, updated_at AS at FROM follow_up_steps WHERE mailbox_id = @mailboxId AND state = 'Done'
                UNION ALL
                SELECT email_key, done_at AS at FROM promises WHERE mailbox_id = @mailboxId AND state = 'Done' AND done_at IS NOT NULL
                UNION ALL
                SELECT email_key, last_mailed_at AS at FROM people WHERE mailbox_id = @mailboxId AND last_mailed_at IS NOT NULL) AS done
            GROUP BY email_key
            """, new { mailboxId }, ct)).ToDictionary(f => f.EmailKey, f => f.At, StringComparer.Ordinal);

        var facts = new List<TouchFacts>();
        foreach (var key in people.Keys.Union(partners.Keys))
        {
            var known = people.TryGetValue(key, out var p);
            var isPartner = partners.TryGetValue(key, out var partner);
            facts.Add(new TouchFacts(
                known ? p!.Email : partner!.Email, known ? p!.DisplayName : partner!.Name, known ? p!.Tier : null, known ? p!.CadenceDays : null,
                isPartner, known && p!.IsAcquaintance, known ? p!.Since : partner!.Since,
                lastMeeting.TryGetValue(key, out var met) ? met : null, lastFollowUp.TryGetValue(key, out var followed) ? followed : null,
                known ? p!.PreferredChannel : null));
        }
        return facts;
    }

    public async Task<IReadOnlyList<BirthdayFacts>> BirthdaysAsync(string mailboxId, CancellationToken ct)
    {
        await using var session = await database.OpenSessionAsync(ct);
        var rows = (await session.QueryAsync<BirthdayRow>(
            "SELECT display_name, emails, birthday FROM contacts WHERE mailbox_id = @mailboxId AND removed = 0 AND birthday IS NOT NULL", new { mailboxId }, ct))
            .Select(r => (r.DisplayName, Email: r.Emails.FirstOrDefault(EmailAddresses.LooksValid), r.Birthday))
            .ToList();

        // The person's preferred channel, for everyone with a birthday at once.
        var channels = (await session.QueryInChunksAsync<ChannelRow>(
            "SELECT email_key, preferred_channel FROM people WHERE mailbox_id = @mailboxId AND email_key IN @keys",
            rows.Where(r => r.Email is not null).Select(r => EmailAddresses.Key(r.Email!)), chunk => new { mailboxId, keys = chunk }, ct))
            .ToDictionary(c => c.EmailKey, c => c.PreferredChannel, StringComparer.Ordinal);

        return [.. rows.Select(r => new BirthdayFacts(r.DisplayName, r.Email, r.Birthday,
            r.Email is null ? null : channels.GetValueOrDefault(EmailAddresses.Key(r.Email))))];
    }

    /// <summary>Places a person in a tier and/or gives them their own cadence; someone not known yet is remembered.</summary>
    public Task SetCadenceAsync(string mailboxId, string email, string displayName, Tier? tier, int? cadenceDays, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO people (mailbox_id, email_key, email, display_name, first_seen_at, tier, cadence_days)
            VALUES (@mailboxId, @key, @email, @displayName, @now, @tier, @cadenceDays)
            ON CONFLICT (mailbox_id, email_key) DO UPDATE SET tier = @tier, cadence_days = @cadenceDays
            """, new { mailboxId, key = EmailAddresses.Key(email), email = email.Trim(), displayName, now, tier = tier?.ToString(), cadenceDays }, ct), ct);

    private sealed class PersonRow
    {
        public string EmailKey { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Tier? Tier { get; init; }
        public int? CadenceDays { get; init; }
        public bool IsAcquaintance { get; init; }
        public DateTimeOffset Since { get; init; }
        public string? PreferredChannel { get; init; }
    }

    private sealed class PartnerRow
    {
        public string PartnerEmailKey { get; init; } = "";
        public string Email { get; init; } = "";
        public string Name { get; init; } = "";
        public DateTimeOffset Since { get; init; }
    }

    private sealed class MeetingRow
    {
        public string Id { get; init; } = "";
        public DateTimeOffset StartAt { get; init; }
        public DateTimeOffset EndAt { get; init; }
        public IReadOnlyList<EventAttendee> Attendees { get; init; } = [];
        public string? UserResponse { get; init; }

        public CalendarEventFacts ToFacts() =>
            new(Id, null, "", StartAt, EndAt, false, "busy", [], Attendees, false) { UserResponse = UserResponse };
    }

    private sealed class FollowUpRow
    {
        public string EmailKey { get; init; } = "";
        public DateTimeOffset At { get; init; }
    }

    private sealed class BirthdayRow
    {
        public string DisplayName { get; init; } = "";
        public IReadOnlyList<string> Emails { get; init; } = [];
        public DateOnly Birthday { get; init; }
    }

    private sealed class ChannelRow
    {
        public string EmailKey { get; init; } = "";
        public string? PreferredChannel { get; init; }
    }
}
