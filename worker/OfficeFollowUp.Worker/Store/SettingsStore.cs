using OfficeFollowUp.Settings;

namespace OfficeFollowUp.Store;

/// <summary>
/// Each mailbox's own changes to the configured options, one JSON row per mailbox, with a row version: a save that
/// names the version its editor read lands only if nobody saved in between (two panes, two worker processes).
/// </summary>
public sealed class SettingsStore(Database database)
{
    public Task<SettingsOverrides> GetAsync(string mailboxId, CancellationToken ct) => database.UseAsync(s => GetAsync(s, mailboxId, ct), ct);

    public async Task<SettingsOverrides> GetAsync(StoreSession session, string mailboxId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<SettingsOverrides>(
            "SELECT overrides FROM mailbox_settings WHERE mailbox_id = @mailboxId", new { mailboxId }, ct) ?? SettingsOverrides.None;

    /// <summary>The row version of the mailbox's settings: 0 before the first save.</summary>
    public Task<long> VersionAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(async s => await s.QuerySingleOrDefaultAsync<long?>(
            "SELECT row_version FROM mailbox_settings WHERE mailbox_id = @mailboxId", new { mailboxId }, ct) ?? 0L, ct);

    /// <summary>Replaces the mailbox's overrides, whatever was saved before.</summary>
    public Task SaveAsync(string mailboxId, SettingsOverrides overrides, DateTimeOffset now, CancellationToken ct) =>
        SaveAsync(mailboxId, overrides, null, now, ct);

    /// <summary>
    /// Replaces the mailbox's overrides if their version is still <paramref name="ifVersion"/> (null: in any case);
    /// false, and nothing written, when another save came first.
    /// </summary>
    public async Task<bool> SaveAsync(string mailboxId, SettingsOverrides overrides, long? ifVersion, DateTimeOffset now, CancellationToken ct)
    {
        // One statement: the insert of a first save and the version check of a later one cannot be split by another writer.
        // A first save expects version 0 (no row); a row that is there already fails the check then.
        var affected = await database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO mailbox_settings (mailbox_id, overrides, updated_at, row_version)
            SELECT @mailboxId, @overrides, @now, 1 WHERE @ifVersion IS NULL OR @ifVersion = 0
            ON CONFLICT (mailbox_id) DO UPDATE SET overrides = @overrides, updated_at = @now, row_version = mailbox_settings.row_version + 1
            WHERE @ifVersion IS NULL OR mailbox_settings.row_version = @ifVersion
            """, new { mailboxId, overrides, now, ifVersion }, ct), ct);
        if (affected > 0 || ifVersion is not > 0)
        {
            return affected > 0;
        }

        // Expected a saved row at that version: only an UPDATE can satisfy it.
        return await database.UseAsync(s => s.ExecuteAsync("""
            UPDATE mailbox_settings SET overrides = @overrides, updated_at = @now, row_version = row_version + 1
            WHERE mailbox_id = @mailboxId AND row_version = @ifVersion
            """, new { mailboxId, overrides, now, ifVersion }, ct), ct) > 0;
    }
}
