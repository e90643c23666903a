using System.Text.Json;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

public sealed record StoredMailbox(MailboxProfile Profile, DateTimeOffset ConnectedAt, DateTimeOffset? BaselinedAt);

public sealed class MailboxStore(Database database)
{
    public async Task<StoredMailbox> UpsertAsync(MailboxProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using (var command = connection.Command("""
            INSERT INTO mailboxes (id, display_name, given_name, own_addresses, time_zone, connected_at)
            VALUES ($id, $name, $given, $own, $tz, $now)
            ON CONFLICT (id) DO UPDATE SET display_name = $name, given_name = $given, own_addresses = $own, time_zone = $tz
            """)
            .With("$id", profile.MailboxId).With("$name", profile.DisplayName).With("$given", profile.GivenName)
            .With("$own", JsonSerializer.Serialize(profile.OwnAddresses)).With("$tz", profile.TimeZoneId).With("$now", now))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        return await GetAsync(profile.MailboxId, ct) ?? throw new InvalidOperationException("Mailbox vanished after upsert.");
    }

    public async Task<StoredMailbox?> GetAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT id, display_name, given_name, own_addresses, time_zone, connected_at, baselined_at FROM mailboxes WHERE id = $id").With("$id", mailboxId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var profile = new MailboxProfile(
            reader.GetString(0), reader.GetString(1), reader.GetNullableString(2),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [], reader.GetString(4));
        return new StoredMailbox(profile, reader.GetTime(5), reader.GetNullableTime(6));
    }

    /// <summary>The only mailbox in single-person mode; null before the first connection.</summary>
    public async Task<StoredMailbox?> GetSingleAsync(CancellationToken ct)
    {
        string? id;
        await using (var connection = await database.OpenAsync(ct))
        await using (var command = connection.Command("SELECT id FROM mailboxes ORDER BY connected_at LIMIT 1"))
        {
            id = (string?)await command.ExecuteScalarAsync(ct);
        }
        return id is null ? null : await GetAsync(id, ct);
    }

    public async Task MarkCalendarConnectedAsync(string mailboxId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE mailboxes SET calendar_connected_at = COALESCE(calendar_connected_at, $now) WHERE id = $id")
            .With("$id", mailboxId).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<DateTimeOffset?> CalendarConnectedAtAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT calendar_connected_at FROM mailboxes WHERE id = $id").With("$id", mailboxId);
        return await command.ExecuteScalarAsync(ct) is string text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public async Task MarkBaselinedAsync(string mailboxId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE mailboxes SET baselined_at = COALESCE(baselined_at, $now) WHERE id = $id")
            .With("$id", mailboxId).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }
}
