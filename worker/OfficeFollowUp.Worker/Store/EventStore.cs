using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;

namespace OfficeFollowUp.Store;

public sealed record StoredEvent(CalendarEventFacts Facts, bool? Mark, string? PromptState)
{
    public NetworkingReason? Networking(CalendarOptions options) => ClassifyEvent.Run(Facts, Mark, options);
}

/// <summary>The calendar as last synced, the user's networking marks, and their answers to "whom will you follow up with?".</summary>
public sealed class EventStore(Database database, IOptions<CalendarOptions> options, Settings.EffectiveSettings settings)
{
    private const string SelectEvent = """
        SELECT e.id, e.series_master_id, e.subject, e.start_at, e.end_at, e.is_all_day, e.show_as, e.categories, e.attendees, e.is_cancelled,
               m.is_networking, p.state
        FROM events e
        LEFT JOIN event_marks m ON m.mailbox_id = e.mailbox_id AND m.event_id = e.id
        LEFT JOIN event_prompts p ON p.mailbox_id = e.mailbox_id AND p.event_id = e.id
        """;

    internal static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, CalendarEventFacts e, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command("""
            INSERT INTO events (mailbox_id, id, series_master_id, subject, start_at, end_at, is_all_day, show_as, categories, attendees, is_cancelled, first_seen_at, removed)
            VALUES ($m, $id, $series, $subject, $start, $end, $allDay, $showAs, $categories, $attendees, $cancelled, $now, 0)
            ON CONFLICT (mailbox_id, id) DO UPDATE SET series_master_id = $series, subject = $subject, start_at = $start, end_at = $end,
                is_all_day = $allDay, show_as = $showAs, categories = $categories, attendees = $attendees, is_cancelled = $cancelled, removed = 0
            """, tx)
            .With("$m", mailboxId).With("$id", e.Id).With("$series", e.SeriesMasterId).With("$subject", e.Subject)
            .With("$start", e.Start.ToUniversalTime()).With("$end", e.End.ToUniversalTime()).With("$allDay", e.IsAllDay).With("$showAs", e.ShowAs)
            .With("$categories", JsonSerializer.Serialize(e.Categories)).With("$attendees", JsonSerializer.Serialize(e.Attendees))
            .With("$cancelled", e.IsCancelled).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task MarkRemovedAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, string id, CancellationToken ct)
    {
        await using var command = connection.Command("UPDATE events SET removed = 1 WHERE mailbox_id = $m AND id = $id", tx)
            .With("$m", mailboxId).With("$id", id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The networking event a contact created at <paramref name="createdAt"/> was most likely met at, if any.</summary>
    internal async Task<(string Id, DateTimeOffset End)?> FindNetworkingEventBeforeAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, DateTimeOffset createdAt, CancellationToken ct)
    {
        await using var command = connection.Command(SelectEvent + """
             WHERE e.mailbox_id = $m AND e.removed = 0 AND e.start_at <= $created AND e.end_at >= $earliest
             ORDER BY e.end_at DESC
            """, tx)
            .With("$m", mailboxId).With("$created", createdAt.ToUniversalTime()).With("$earliest", (createdAt - options.Value.ContactLinkWindow).ToUniversalTime());
        var calendar = (await settings.ForAsync(connection, tx, mailboxId, ct)).Calendar;
        foreach (var stored in await ReadAllAsync(command, ct))
        {
            if (stored.Networking(calendar) is not null)
            {
                return (stored.Facts.Id, stored.Facts.End);
            }
        }
        return null;
    }

    public async Task<StoredEvent?> GetAsync(string mailboxId, string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(SelectEvent + " WHERE e.mailbox_id = $m AND e.id = $id AND e.removed = 0")
            .With("$m", mailboxId).With("$id", id);
        return (await ReadAllAsync(command, ct)).FirstOrDefault();
    }

    /// <summary>Events overlapping [from, until], earliest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ListAsync(string mailboxId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(SelectEvent + " WHERE e.mailbox_id = $m AND e.removed = 0 AND e.end_at >= $from AND e.start_at <= $until ORDER BY e.start_at, e.id")
            .With("$m", mailboxId).With("$from", from.ToUniversalTime()).With("$until", until.ToUniversalTime());
        return await ReadAllAsync(command, ct);
    }

    public async Task SetMarkAsync(string mailboxId, string eventId, bool isNetworking, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO event_marks (mailbox_id, event_id, is_networking, marked_at) VALUES ($m, $e, $n, $now)
            ON CONFLICT (mailbox_id, event_id) DO UPDATE SET is_networking = $n, marked_at = $now
            """).With("$m", mailboxId).With("$e", eventId).With("$n", isNetworking).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task AnswerPromptAsync(SqliteConnection connection, SqliteTransaction? tx, string mailboxId, string eventId, string state, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command("""
            INSERT INTO event_prompts (mailbox_id, event_id, state, answered_at) VALUES ($m, $e, $s, $now)
            ON CONFLICT (mailbox_id, event_id) DO UPDATE SET state = $s, answered_at = $now
            """, tx).With("$m", mailboxId).With("$e", eventId).With("$s", state).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task AnswerPromptAsync(string mailboxId, string eventId, string state, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await AnswerPromptAsync(connection, null, mailboxId, eventId, state, now, ct);
    }

    public async Task<IReadOnlySet<string>> KnownEmailKeysAsync(string mailboxId, IEnumerable<string> keys, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT 1 FROM people WHERE mailbox_id = $m AND email_key = $k");
        command.Parameters.AddWithValue("$m", mailboxId);
        var parameter = command.Parameters.Add("$k", SqliteType.Text);
        foreach (var key in keys.Distinct())
        {
            parameter.Value = key;
            if (await command.ExecuteScalarAsync(ct) is not null)
            {
                known.Add(key);
            }
        }
        return known;
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var list = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var facts = new CalendarEventFacts(
                reader.GetString(0), reader.GetNullableString(1), reader.GetString(2), reader.GetTime(3), reader.GetTime(4),
                reader.GetInt64(5) != 0, reader.GetString(6),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(7)) ?? [],
                JsonSerializer.Deserialize<List<EventAttendee>>(reader.GetString(8)) ?? [],
                reader.GetInt64(9) != 0);
            list.Add(new StoredEvent(facts, reader.IsDBNull(10) ? null : reader.GetInt64(10) != 0, reader.GetNullableString(11)));
        }
        return list;
    }
}
