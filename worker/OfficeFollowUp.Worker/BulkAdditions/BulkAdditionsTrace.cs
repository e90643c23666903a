using Microsoft.Extensions.Logging;

namespace OfficeFollowUp.BulkAdditions;

/// <summary>What happened to a bulk addition, in counts only: no names or addresses.</summary>
internal static partial class BulkAdditionsTrace
{
    [LoggerMessage(1501, LogLevel.Information,
        "{Count} new contacts arrived at once (more than {Limit}): no follow-ups started; the task pane asks whom to follow up with.")]
    public static partial void Held(ILogger logger, int count, int limit);

    [LoggerMessage(1502, LogLevel.Information, "Bulk addition answered: {Followed} followed up, {Dismissed} dismissed.")]
    public static partial void Answered(ILogger logger, int followed, int dismissed);
}
