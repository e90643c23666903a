using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Promises;

namespace OfficeFollowUp.Store;

public sealed class PromiseStore(Database database)
{
    private const string Select = """
        SELECT pr.id, pr.email, pr.display_name, pr.event_id, e.subject, pr.text, pr.due_at, pr.state, pr.snoozed_until, pr.done_at, p.preferred_channel
        FROM promises pr
        LEFT JOIN events e ON e.mailbox_id = pr.mailbox_id AND e.id = pr.event_id
        LEFT JOIN people p ON p.mailbox_id = pr.mailbox_id AND p.email_key = pr.email_key
        """;

    public async Task<Promise> CreateAsync(string mailboxId, string email, string displayName, string? eventId, string text, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken ct)
    {
        string id;
        await using (var connection = await database.OpenAsync(ct))
        {
            id = await InsertAsync(connection, null, mailboxId, email, displayName, eventId, text, dueAt, now, ct);
        }
        return (await GetAsync(mailboxId, id, ct))!;
    }

    /// <summary>Inside the caller's transaction, so a promise made in the event prompt lands with the tracks or not at all.</summary>
    internal static async Task<string> InsertAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? tx,
        string mailboxId, string email, string displayName, string? eventId, string text, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7(now).ToString();
        await using var command = connection.Command("""
            INSERT INTO promises (id, mailbox_id, email_key, email, display_name, event_id, text, due_at, state, created_at, updated_at)
            VALUES ($id, $m, $k, $email, $name, $event, $text, $due, $state, $now, $now)
            """, tx)
            .With("$id", id).With("$m", mailboxId).With("$k", EmailAddresses.Key(email)).With("$email", email.Trim()).With("$name", displayName)
            .With("$event", eventId).With("$text", text).With("$due", dueAt.ToUniversalTime()).With("$state", PromiseState.Open.ToString()).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
        return id;
    }

    public async Task<Promise?> GetAsync(string mailboxId, string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(Select + " WHERE pr.mailbox_id = $m AND pr.id = $id").With("$m", mailboxId).With("$id", id);
        return (await ReadAllAsync(command, ct)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Promise>> ListOpenAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(Select + " WHERE pr.mailbox_id = $m AND pr.state <> 'Done' ORDER BY pr.due_at, pr.id").With("$m", mailboxId);
        return await ReadAllAsync(command, ct);
    }

    public async Task SetStateAsync(string id, PromiseState state, DateTimeOffset? snoozedUntil, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            UPDATE promises SET state = $s, snoozed_until = $until, done_at = CASE WHEN $s = 'Done' THEN $now ELSE done_at END, updated_at = $now
            WHERE id = $id
            """).With("$s", state.ToString()).With("$until", snoozedUntil?.ToUniversalTime()).With("$now", now).With("$id", id);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<Promise>> ReadAllAsync(Microsoft.Data.Sqlite.SqliteCommand command, CancellationToken ct)
    {
        var list = new List<Promise>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Promise(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4),
                reader.GetString(5), reader.GetTime(6), Enum.Parse<PromiseState>(reader.GetString(7)), reader.GetNullableTime(8), reader.GetNullableTime(9),
                reader.GetNullableString(10)));
        }
        return list;
    }
}
