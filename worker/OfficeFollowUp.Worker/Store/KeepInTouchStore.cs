using System.Globalization;
using System.Text.Json;
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
        await using var connection = await database.OpenAsync(ct);
        var people = new Dictionary<string, (string Email, string Name, Tier? Tier, int? Days, bool Acquaintance, DateTimeOffset Since, string? Channel)>(StringComparer.Ordinal);
        await using (var command = connection.Command("""
            SELECT email_key, email, display_name, tier, cadence_days, is_acquaintance, COALESCE(met_at, first_seen_at), preferred_channel
            FROM people WHERE mailbox_id = $m
            """).With("$m", mailboxId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                people[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2),
                    reader.GetNullableString(3) is { } tier ? Enum.Parse<Tier>(tier) : null, reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.GetInt64(5) != 0, reader.GetTime(6), reader.GetNullableString(7));
            }
        }

        var partners = new Dictionary<string, (string Email, string Name, DateTimeOffset Since)>(StringComparer.Ordinal);
        await using (var command = connection.Command("""
            SELECT partner_email_key, MIN(partner_email), MIN(COALESCE(partner_name, partner_email)), MIN(referred_at)
            FROM referrals WHERE mailbox_id = $m GROUP BY partner_email_key
            """).With("$m", mailboxId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                partners[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), reader.GetTime(3));
            }
        }

        var lastMeeting = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var command = connection.Command("""
            SELECT end_at, attendees FROM events
            WHERE mailbox_id = $m AND removed = 0 AND is_cancelled = 0 AND end_at <= $now AND end_at >= $from
            """).With("$m", mailboxId).With("$now", now.ToUniversalTime()).With("$from", (now - MeetingLookBack).ToUniversalTime()))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var end = reader.GetTime(0);
                foreach (var attendee in JsonSerializer.Deserialize<List<EventAttendee>>(reader.GetString(1)) ?? [])
                {
                    if (EmailAddresses.LooksValid(attendee.Email))
                    {
                        var key = EmailAddresses.Key(attendee.Email);
                        if (!lastMeeting.TryGetValue(key, out var seen) || seen < end)
                        {
                            lastMeeting[key] = end;
                        }
                    }
                }
            }
        }

        var lastFollowUp = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var command = connection.Command("""
            SELECT email_key, MAX(at) FROM (
                SELECT email_key, updated_at AS at FROM follow_up_steps WHERE mailbox_id = $m AND state = 'Done'
                UNION ALL
                SELECT email_key, done_at AS at FROM promises WHERE mailbox_id = $m AND state = 'Done' AND done_at IS NOT NULL)
            GROUP BY email_key
            """).With("$m", mailboxId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                lastFollowUp[reader.GetString(0)] = reader.GetTime(1);
            }
        }

        var facts = new List<TouchFacts>();
        foreach (var key in people.Keys.Union(partners.Keys))
        {
            var known = people.TryGetValue(key, out var p);
            var isPartner = partners.TryGetValue(key, out var partner);
            facts.Add(new TouchFacts(
                known ? p.Email : partner.Email, known ? p.Name : partner.Name, known ? p.Tier : null, known ? p.Days : null,
                isPartner, known && p.Acquaintance, known ? p.Since : partner.Since,
                lastMeeting.TryGetValue(key, out var met) ? met : null, lastFollowUp.TryGetValue(key, out var followed) ? followed : null,
                known ? p.Channel : null));
        }
        return facts;
    }

    public async Task<IReadOnlyList<BirthdayFacts>> BirthdaysAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT display_name, emails, birthday FROM contacts WHERE mailbox_id = $m AND removed = 0 AND birthday IS NOT NULL")
            .With("$m", mailboxId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string Name, string? Email, DateOnly Birthday)>();
        while (await reader.ReadAsync(ct))
        {
            var email = (JsonSerializer.Deserialize<List<string>>(reader.GetString(1)) ?? []).FirstOrDefault(EmailAddresses.LooksValid);
            rows.Add((reader.GetString(0), email, DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        await reader.CloseAsync();

        var list = new List<BirthdayFacts>();
        await using var channel = connection.Command("SELECT preferred_channel FROM people WHERE mailbox_id = $m AND email_key = $k");
        channel.Parameters.AddWithValue("$m", mailboxId);
        var key = channel.Parameters.Add("$k", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var row in rows)
        {
            key.Value = row.Email is null ? string.Empty : EmailAddresses.Key(row.Email);
            list.Add(new BirthdayFacts(row.Name, row.Email, row.Birthday, await channel.ExecuteScalarAsync(ct) as string));
        }
        return list;
    }

    /// <summary>Places a person in a tier and/or gives them their own cadence; someone not known yet is remembered.</summary>
    public async Task SetCadenceAsync(string mailboxId, string email, string displayName, Tier? tier, int? cadenceDays, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO people (mailbox_id, email_key, email, display_name, first_seen_at, tier, cadence_days)
            VALUES ($m, $k, $email, $name, $now, $tier, $days)
            ON CONFLICT (mailbox_id, email_key) DO UPDATE SET tier = $tier, cadence_days = $days
            """).With("$m", mailboxId).With("$k", EmailAddresses.Key(email)).With("$email", email.Trim()).With("$name", displayName)
            .With("$now", now).With("$tier", tier?.ToString()).With("$days", cadenceDays);
        await command.ExecuteNonQueryAsync(ct);
    }
}
