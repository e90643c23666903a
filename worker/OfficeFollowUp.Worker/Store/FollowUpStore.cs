using Microsoft.Data.Sqlite;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

public sealed class FollowUpStore(Database database)
{
    private const string SelectItem = """
        SELECT s.id, s.mailbox_id, p.email, p.display_name, p.given_name, p.company_name, s.step, s.due_at, s.state,
               s.snoozed_until, s.skip_reason, s.draft_id, s.hold_event_id, s.note, p.met_at, p.event_id, e.subject,
               p.remember, p.promised, p.preferred_channel, p.profile_url, s.updated_at,
               o.id, o.kind, o.give_up_reason, o.attempts, o.gave_up_at
        FROM follow_up_steps s JOIN people p ON p.mailbox_id = s.mailbox_id AND p.email_key = s.email_key
        LEFT JOIN events e ON e.mailbox_id = p.mailbox_id AND e.id = p.event_id
        LEFT JOIN outbox o ON o.step_id = s.id AND o.status = 'GaveUp'
        """;

    public async Task<IReadOnlyList<FollowUpItem>> ListOpenAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(SelectItem + " WHERE s.mailbox_id = $m AND s.state IN ('Pending', 'Prepared', 'Snoozed') ORDER BY s.due_at, s.id")
            .With("$m", mailboxId);
        return await ReadAllAsync(command, ct);
    }

    public async Task<IReadOnlyList<FollowUpItem>> ListAllAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(SelectItem + " WHERE s.mailbox_id = $m ORDER BY s.due_at, s.id").With("$m", mailboxId);
        return await ReadAllAsync(command, ct);
    }

    public async Task<IReadOnlyList<FollowUpItem>> ListForPersonAsync(string mailboxId, string emailKey, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(SelectItem + " WHERE s.mailbox_id = $m AND s.email_key = $k ORDER BY s.due_at, s.id")
            .With("$m", mailboxId).With("$k", emailKey);
        return await ReadAllAsync(command, ct);
    }

    public async Task<FollowUpItem?> GetAsync(string stepId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(SelectItem + " WHERE s.id = $id").With("$id", stepId);
        var items = await ReadAllAsync(command, ct);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>Writes the user's decision on a step. Done and skipped are final: the user's word wins.</summary>
    public async Task<FollowUpItem?> SetStateAsync(string stepId, FollowUpState state, DateTimeOffset? snoozedUntil, string? skipReason, DateTimeOffset now, CancellationToken ct)
    {
        await using (var connection = await database.OpenAsync(ct))
        await using (var command = connection.Command("""
            UPDATE follow_up_steps SET state = $state, snoozed_until = $until, skip_reason = $reason, updated_at = $now
            WHERE id = $id
            """).With("$state", state.ToString()).With("$until", snoozedUntil?.ToUniversalTime()).With("$reason", skipReason).With("$now", now).With("$id", stepId))
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        return await GetAsync(stepId, ct);
    }

    public async Task<int> CountAcquaintancesAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT COUNT(*) FROM people WHERE mailbox_id = $m AND is_acquaintance = 1").With("$m", mailboxId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<FollowUpItem>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var items = new List<FollowUpItem>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new FollowUpItem(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetNullableString(4),
                reader.GetNullableString(5), Enum.Parse<FollowUpStepKind>(reader.GetString(6)), reader.GetTime(7),
                Enum.Parse<FollowUpState>(reader.GetString(8)), reader.GetNullableTime(9), reader.GetNullableString(10), reader.GetNullableString(11),
                reader.GetNullableString(12), reader.GetNullableString(13), reader.GetNullableTime(14), reader.GetNullableString(15),
                reader.GetNullableString(16), reader.GetNullableString(17), reader.GetNullableString(18), reader.GetNullableString(19),
                reader.GetNullableString(20), reader.GetNullableTime(21),
                reader.IsDBNull(22) ? null : new OutboxGaveUp(reader.GetString(22), Enum.Parse<OutboxKind>(reader.GetString(23)),
                    reader.GetNullableString(24) ?? string.Empty, reader.GetInt32(25), reader.GetTime(26))));
        }
        return items;
    }
}
