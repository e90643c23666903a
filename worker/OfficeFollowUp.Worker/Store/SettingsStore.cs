using System.Text.Json;
using Microsoft.Data.Sqlite;
using OfficeFollowUp.Settings;

namespace OfficeFollowUp.Store;

/// <summary>Each mailbox's own changes to the configured options, one JSON row per mailbox.</summary>
public sealed class SettingsStore(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SettingsOverrides> GetAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetAsync(connection, null, mailboxId, ct);
    }

    internal static async Task<SettingsOverrides> GetAsync(SqliteConnection connection, SqliteTransaction? tx, string mailboxId, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT overrides FROM mailbox_settings WHERE mailbox_id = $m", tx).With("$m", mailboxId);
        return await command.ExecuteScalarAsync(ct) is string json
            ? JsonSerializer.Deserialize<SettingsOverrides>(json, Json) ?? SettingsOverrides.None
            : SettingsOverrides.None;
    }

    public async Task SaveAsync(string mailboxId, SettingsOverrides overrides, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO mailbox_settings (mailbox_id, overrides, updated_at) VALUES ($m, $o, $now)
            ON CONFLICT (mailbox_id) DO UPDATE SET overrides = $o, updated_at = $now
            """).With("$m", mailboxId).With("$o", JsonSerializer.Serialize(overrides, Json)).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }
}
