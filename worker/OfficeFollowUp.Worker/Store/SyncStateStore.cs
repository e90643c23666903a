using Microsoft.Data.Sqlite;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Store;

public sealed class SyncStateStore(Database database)
{
    public async Task<SyncState> GetAsync(string mailboxId, string resource, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT stage, cursor, failure_count, last_success_at, last_error, retry_after, items_skipped, window,
                   pending_resync, last_resync_at, last_resync_reason, last_resync_read, last_resync_new, last_resync_removed
            FROM sync_state WHERE mailbox_id = $m AND resource = $r
            """)
            .With("$m", mailboxId).With("$r", resource);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return SyncState.New(mailboxId, resource);
        }

        return new SyncState(
            mailboxId,
            resource,
            Enum.Parse<SyncStage>(reader.GetString(0)),
            reader.GetNullableString(1),
            reader.GetInt32(2),
            reader.GetNullableTime(3),
            reader.GetNullableString(4),
            reader.GetNullableTime(5),
            reader.GetInt64(6),
            reader.GetNullableString(7),
            reader.GetNullableString(8) is { } pending ? Enum.Parse<ResyncReason>(pending) : null,
            reader.GetNullableTime(9) is { } at
                ? new ResyncSummary(at, Enum.Parse<ResyncReason>(reader.GetString(10)), reader.GetInt32(11), reader.GetInt32(12), reader.GetInt32(13))
                : null);
    }

    public async Task<IReadOnlyList<SyncState>> ListAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT resource FROM sync_state WHERE mailbox_id = $m ORDER BY resource").With("$m", mailboxId);
        var resources = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                resources.Add(reader.GetString(0));
            }
        }

        var states = new List<SyncState>();
        foreach (var resource in resources)
        {
            states.Add(await GetAsync(mailboxId, resource, ct));
        }
        return states;
    }

    public async Task SaveAsync(SyncState state, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SaveAsync(connection, null, state, ct);
    }

    internal static async Task SaveAsync(SqliteConnection connection, SqliteTransaction? tx, SyncState state, CancellationToken ct)
    {
        var last = state.LastResync;
        await using var command = connection.Command("""
            INSERT INTO sync_state (mailbox_id, resource, stage, cursor, failure_count, last_success_at, last_error, retry_after, items_skipped, window,
                pending_resync, last_resync_at, last_resync_reason, last_resync_read, last_resync_new, last_resync_removed)
            VALUES ($m, $r, $stage, $cursor, $failures, $success, $error, $retry, $skipped, $window,
                $pending, $resyncAt, $resyncReason, $resyncRead, $resyncNew, $resyncRemoved)
            ON CONFLICT (mailbox_id, resource) DO UPDATE SET stage = $stage, cursor = $cursor, failure_count = $failures,
                last_success_at = $success, last_error = $error, retry_after = $retry, items_skipped = $skipped, window = $window,
                pending_resync = $pending, last_resync_at = $resyncAt, last_resync_reason = $resyncReason, last_resync_read = $resyncRead,
                last_resync_new = $resyncNew, last_resync_removed = $resyncRemoved
            """, tx)
            .With("$m", state.MailboxId).With("$r", state.Resource).With("$stage", state.Stage.ToString()).With("$cursor", state.Cursor)
            .With("$failures", state.FailureCount).With("$success", state.LastSuccessAt).With("$error", state.LastError)
            .With("$retry", state.RetryAfter).With("$skipped", state.ItemsSkipped).With("$window", state.Window)
            .With("$pending", state.PendingResync?.ToString())
            .With("$resyncAt", last?.At).With("$resyncReason", last?.Reason.ToString()).With("$resyncRead", last?.Read)
            .With("$resyncNew", last?.New).With("$resyncRemoved", last?.Removed);
        await command.ExecuteNonQueryAsync(ct);
    }
}
