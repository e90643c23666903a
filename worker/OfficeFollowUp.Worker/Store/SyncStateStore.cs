using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Store;

public sealed class SyncStateStore(Database database)
{
    // "window" is quoted: PostgreSQL reserves the word; SQLite takes the quoted name as the same column.
    private const string Select = """
        SELECT mailbox_id, resource, stage, cursor, failure_count, last_success_at, last_error, retry_after, items_skipped, "window",
               pending_resync, last_resync_at, last_resync_reason, last_resync_read, last_resync_new, last_resync_removed
        FROM sync_state
        """;

    public async Task<SyncState> GetAsync(string mailboxId, string resource, CancellationToken ct) =>
        (await database.UseAsync(s => s.QuerySingleOrDefaultAsync<SyncStateRow>(
            Select + " WHERE mailbox_id = @mailboxId AND resource = @resource", new { mailboxId, resource }, ct), ct))?.ToState()
        ?? SyncState.New(mailboxId, resource);

    /// <summary>Every resource of the mailbox, in one read.</summary>
    public async Task<IReadOnlyList<SyncState>> ListAsync(string mailboxId, CancellationToken ct) =>
        [.. (await database.UseAsync(s => s.QueryAsync<SyncStateRow>(Select + " WHERE mailbox_id = @mailboxId ORDER BY resource", new { mailboxId }, ct), ct))
            .Select(r => r.ToState())];

    public Task SaveAsync(SyncState state, CancellationToken ct) => database.UseAsync(s => SaveAsync(s, state, ct), ct);

    public Task SaveAsync(StoreSession session, SyncState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var last = state.LastResync;
        return session.ExecuteAsync("""
            INSERT INTO sync_state (mailbox_id, resource, stage, cursor, failure_count, last_success_at, last_error, retry_after, items_skipped, "window",
                pending_resync, last_resync_at, last_resync_reason, last_resync_read, last_resync_new, last_resync_removed)
            VALUES (@MailboxId, @Resource, @Stage, @Cursor, @FailureCount, @LastSuccessAt, @LastError, @RetryAfter, @ItemsSkipped, @Window,
                @PendingResync, @ResyncAt, @ResyncReason, @ResyncRead, @ResyncNew, @ResyncRemoved)
            ON CONFLICT (mailbox_id, resource) DO UPDATE SET stage = @Stage, cursor = @Cursor, failure_count = @FailureCount,
                last_success_at = @LastSuccessAt, last_error = @LastError, retry_after = @RetryAfter, items_skipped = @ItemsSkipped, "window" = @Window,
                pending_resync = @PendingResync, last_resync_at = @ResyncAt, last_resync_reason = @ResyncReason, last_resync_read = @ResyncRead,
                last_resync_new = @ResyncNew, last_resync_removed = @ResyncRemoved
            """, new
        {
            state.MailboxId, state.Resource, Stage = state.Stage.ToString(), state.Cursor, state.FailureCount, state.LastSuccessAt, state.LastError,
            state.RetryAfter, state.ItemsSkipped, state.Window, PendingResync = state.PendingResync?.ToString(),
            ResyncAt = last?.At, ResyncReason = last?.Reason.ToString(), ResyncRead = last?.Read, ResyncNew = last?.New, ResyncRemoved = last?.Removed,
        }, ct);
    }

    private sealed class SyncStateRow
    {
        public string MailboxId { get; init; } = "";
        public string Resource { get; init; } = "";
        public SyncStage Stage { get; init; }
        public string? Cursor { get; init; }
        public int FailureCount { get; init; }
        public DateTimeOffset? LastSuccessAt { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset? RetryAfter { get; init; }
        public long ItemsSkipped { get; init; }
        public string? Window { get; init; }
        public ResyncReason? PendingResync { get; init; }
        public DateTimeOffset? LastResyncAt { get; init; }
        public ResyncReason? LastResyncReason { get; init; }
        public int? LastResyncRead { get; init; }
        public int? LastResyncNew { get; init; }
        public int? LastResyncRemoved { get; init; }

        public SyncState ToState() => new(
            MailboxId, Resource, Stage, Cursor, FailureCount, LastSuccessAt, LastError, RetryAfter, ItemsSkipped, Window, PendingResync,
            LastResyncAt is { } at
                ? new ResyncSummary(at, LastResyncReason!.Value, LastResyncRead!.Value, LastResyncNew!.Value, LastResyncRemoved!.Value)
                : null);
    }
}
