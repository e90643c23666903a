using OfficeFollowUp.Settings;

namespace OfficeFollowUp.Store;

/// <summary>Each mailbox's own changes to the configured options, one JSON row per mailbox.</summary>
public sealed class SettingsStore(Database database)
{
    public Task<SettingsOverrides> GetAsync(string mailboxId, CancellationToken ct) => database.UseAsync(s => GetAsync(s, mailboxId, ct), ct);

    public async Task<SettingsOverrides> GetAsync(StoreSession session, string mailboxId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<SettingsOverrides>(
            "SELECT overrides FROM mailbox_settings WHERE mailbox_id = @mailboxId", new { mailboxId }, ct) ?? SettingsOverrides.None;

    public Task SaveAsync(string mailboxId, SettingsOverrides overrides, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO mailbox_settings (mailbox_id, overrides, updated_at) VALUES (@mailboxId, @overrides, @now)
            ON CONFLICT (mailbox_id) DO UPDATE SET overrides = @overrides, updated_at = @now
            """, new { mailboxId, overrides, now }, ct), ct);
}
