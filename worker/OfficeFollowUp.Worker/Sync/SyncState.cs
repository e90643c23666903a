namespace OfficeFollowUp.Sync;

public enum SyncStage
{
    /// <summary>No cursor and never a finished round: the next round is the baseline and treats what it reads as history.</summary>
    Initial,

    /// <summary>A cursor from a finished round: what the next round reads is news.</summary>
    Incremental,

    /// <summary>
    /// Past the baseline but without a usable cursor (Graph expired it, or the calendar window moved): the next
    /// round reads everything afresh and reconciles it with the store — unseen items are news, missing ones removed.
    /// </summary>
    Resync,

    /// <summary>Graph refused our credentials: nothing is called until the person signs in again.</summary>
    ReconnectNeeded,
}

/// <summary>Why a resource was read afresh after its baseline.</summary>
public enum ResyncReason
{
    /// <summary>Graph answered 410 Gone, syncStateNotFound or resyncRequired.</summary>
    CursorExpired,

    /// <summary>The calendar window moved on; its cursor covers other dates.</summary>
    WindowMoved,
}

/// <summary>What the last finished reconcile round found: distinct items read, ones the store had never seen, stored ones missing.</summary>
public sealed record ResyncSummary(DateTimeOffset At, ResyncReason Reason, int Read, int New, int Removed);

/// <summary>Per mailbox and resource: where the last finished round left off, and how it has been going.</summary>
/// <param name="PendingResync">While <see cref="Stage"/> is <see cref="SyncStage.Resync"/>: why.</param>
/// <param name="LastResync">The last finished reconcile round, for the log and the Health view.</param>
public sealed record SyncState(
    string MailboxId,
    string Resource,
    SyncStage Stage,
    string? Cursor,
    int FailureCount,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? RetryAfter,
    long ItemsSkipped,
    string? Window = null,
    ResyncReason? PendingResync = null,
    ResyncSummary? LastResync = null)
{
    public static SyncState New(string mailboxId, string resource) =>
        new(mailboxId, resource, SyncStage.Initial, null, 0, null, null, null, 0);
}
