using Microsoft.Data.Sqlite;
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

/// <summary>The people the user knows, as the person card shows them.</summary>
public sealed class PeopleStore(Database database)
{
    public async Task<PersonRecord?> GetAsync(string mailboxId, string email, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT p.email, p.display_name, p.company_name, p.is_acquaintance, p.first_seen_at, p.met_at, p.event_id, e.subject,
                   p.remember, p.promised, p.preferred_channel, p.profile_url
            FROM people p LEFT JOIN events e ON e.mailbox_id = p.mailbox_id AND e.id = p.event_id
            WHERE p.mailbox_id = $m AND p.email_key = $k
            """).With("$m", mailboxId).With("$k", EmailAddresses.Key(email));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new PersonRecord(
            reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetInt64(3) != 0, reader.GetTime(4),
            reader.GetNullableTime(5), reader.GetNullableString(6), reader.GetNullableString(7), reader.GetNullableString(8),
            reader.GetNullableString(9), reader.GetNullableString(10), reader.GetNullableString(11));
    }

    /// <summary>The latest calendar event before <paramref name="before"/> with this person among the attendees.</summary>
    public async Task<MeetingRecord?> LastMeetingAsync(string mailboxId, string email, DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // Attendees are stored as JSON; instr() narrows the scan, the exact check below confirms it.
        await using var command = connection.Command("""
            SELECT id, subject, start_at, attendees FROM events
            WHERE mailbox_id = $m AND removed = 0 AND is_cancelled = 0 AND start_at <= $before AND instr(lower(attendees), $k) > 0
            ORDER BY start_at DESC LIMIT 20
            """).With("$m", mailboxId).With("$before", before.ToUniversalTime()).With("$k", EmailAddresses.Key(email));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var attendees = System.Text.Json.JsonSerializer.Deserialize<List<Calendar.EventAttendee>>(reader.GetString(3)) ?? [];
            if (attendees.Any(a => string.Equals(EmailAddresses.Key(a.Email), EmailAddresses.Key(email), StringComparison.Ordinal)))
            {
                return new MeetingRecord(reader.GetString(0), reader.GetString(1), reader.GetTime(2));
            }
        }
        return null;
    }

    /// <summary>Saves "the one thing to remember"; a person not known yet is remembered as a plain contact.</summary>
    public async Task SetRememberAsync(string mailboxId, string email, string displayName, string remember, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO people (mailbox_id, email_key, email, display_name, first_seen_at, remember)
            VALUES ($m, $k, $email, $name, $now, $remember)
            ON CONFLICT (mailbox_id, email_key) DO UPDATE SET remember = $remember
            """).With("$m", mailboxId).With("$k", EmailAddresses.Key(email)).With("$email", email.Trim())
            .With("$name", displayName).With("$now", now).With("$remember", remember);
        await command.ExecuteNonQueryAsync(ct);
    }
}
