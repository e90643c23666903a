namespace OfficeFollowUp.Sync;

public enum SyncStage
{
    /// <summary>No cursor: the next round starts from scratch and treats what it reads as history.</summary>
    Initial,

    /// <summary>A cursor from a finished round: what the next round reads is news.</summary>
    Incremental,

    /// <summary>Graph refused our credentials: nothing is called until the person signs in again.</summary>
    ReconnectNeeded,
}

/// <summary>Per mailbox and resource: where the last finished round left off, and how it has been going.</summary>
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
    string? Window = null)
{
    public static SyncState New(string mailboxId, string resource) =>
        new(mailboxId, resource, SyncStage.Initial, null, 0, null, null, null, 0);
}
