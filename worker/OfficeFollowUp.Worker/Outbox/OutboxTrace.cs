using Microsoft.Extensions.Logging;

namespace OfficeFollowUp.Outbox;

/// <summary>Outbox milestones. Kinds, codes and counts only: no names, addresses or bodies.</summary>
internal static partial class OutboxTrace
{
    [LoggerMessage(1301, LogLevel.Warning, "A {Kind} stopped after {Attempts} failed tries ({Code}); it waits for \"try again\" in the task pane.")]
    public static partial void GaveUp(ILogger logger, OutboxKind kind, string code, int attempts);

    [LoggerMessage(1302, LogLevel.Error, "Preparing a {Kind} failed unexpectedly; it counts as a failed try.")]
    public static partial void ItemFailedUnexpectedly(ILogger logger, OutboxKind kind, Exception exception);

    [LoggerMessage(1303, LogLevel.Information, "Outbox item {OutboxId} had stopped and will be tried again, as asked in the task pane.")]
    public static partial void Rearmed(ILogger logger, string outboxId);
}
