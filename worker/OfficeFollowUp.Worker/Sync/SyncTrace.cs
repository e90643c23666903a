using Microsoft.Extensions.Logging;

namespace OfficeFollowUp.Sync;

/// <summary>Sync milestones in plain words. Counts only: no names, addresses or bodies at Information.</summary>
internal static partial class SyncTrace
{
    [LoggerMessage(1001, LogLevel.Information, "Mailbox connected: {FolderCount} contact folder(s), time zone {TimeZone}.")]
    public static partial void MailboxConnected(ILogger logger, int folderCount, string timeZone);

    [LoggerMessage(1002, LogLevel.Information, "First sync: {Count} contacts read so far...")]
    public static partial void BaselineProgress(ILogger logger, int count);

    [LoggerMessage(1003, LogLevel.Information, "Baseline done: {Count} existing contacts saved as history (no drafts for them).")]
    public static partial void Baselined(ILogger logger, int count);

    [LoggerMessage(1004, LogLevel.Information, "{Count} new acquaintance(s) found; their 24/7/30 follow-up tracks have started.")]
    public static partial void NewAcquaintances(ILogger logger, int count);

    [LoggerMessage(1005, LogLevel.Information, "{Count} thank-you draft(s) prepared in Drafts.")]
    public static partial void DraftsPrepared(ILogger logger, int count);

    [LoggerMessage(1011, LogLevel.Information, "{Count} one-to-one hold(s) placed on your calendar (private, tentative, no invitations sent).")]
    public static partial void HoldsPlaced(ILogger logger, int count);

    [LoggerMessage(1006, LogLevel.Warning, "The {Subject} delta cursor expired ({Code}); starting a fresh round.")]
    public static partial void CursorExpired(ILogger logger, string subject, string code);

    [LoggerMessage(1012, LogLevel.Information, "{Subject} cursor expired; re-read {Read:N0} {Noun}, {Unseen:N0} new since the last sync, {Removed:N0} removed.")]
    public static partial void CursorExpiredReconciled(ILogger logger, string subject, int read, string noun, int unseen, int removed);

    [LoggerMessage(1013, LogLevel.Information, "The calendar window moved on; re-read {Read:N0} {Noun}, {Unseen:N0} new since the last sync, {Removed:N0} removed.")]
    public static partial void WindowMovedReconciled(ILogger logger, int read, string noun, int unseen, int removed);

    [LoggerMessage(1007, LogLevel.Warning, "Graph asked us to wait ({Code}); trying again in {Wait}.")]
    public static partial void RetryLater(ILogger logger, string code, TimeSpan wait);

    [LoggerMessage(1008, LogLevel.Error, "The mailbox refused our sign-in ({Code}): reconnect needed. {Action}")]
    public static partial void ReconnectNeeded(ILogger logger, string code, string action);

    [LoggerMessage(1009, LogLevel.Warning, "{Count} item(s) skipped ({Code}); the rest of the sync goes on.")]
    public static partial void ItemsSkipped(ILogger logger, int count, string code);

    [LoggerMessage(1010, LogLevel.Error, "Sync round failed unexpectedly; it will be tried again.")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
