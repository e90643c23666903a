using OfficeFollowUp.Store;

namespace OfficeFollowUp.Calendar;

/// <summary>
/// After a complete re-read of the calendar window: stored events lying wholly inside the window that the re-read
/// did not name were deleted while the cursor was stale (or between the last poll and a window move). They are
/// removed as an <c>@removed</c> would have removed them, and a deleted hold skips its step.
/// </summary>
/// <remarks>
/// Only events wholly inside the window: calendarView's treatment of an event touching a boundary (an all-day event
/// in another zone, a zero-length one) is Graph's to decide, and wrongly removing a hold would skip a live step.
/// </remarks>
public sealed class RemoveMissingEvents(EventStore events, FollowUpStore followUps)
{
    public async Task<int> RunAsync(StoreSession session, string mailboxId, TimeWindow window, IReadOnlySet<string> present, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(present);
        var missing = (await events.ListIdsWithinAsync(session, mailboxId, window, ct)).Where(id => !present.Contains(id)).ToList();
        await events.MarkRemovedAsync(session, mailboxId, missing, ct);
        await followUps.SkipForDeletedHoldsAsync(session, mailboxId, missing, now, ct);
        return missing.Count;
    }
}
