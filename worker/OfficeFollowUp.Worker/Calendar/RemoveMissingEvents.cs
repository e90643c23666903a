using Microsoft.Data.Sqlite;
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
public static class RemoveMissingEvents
{
    public static async Task<int> RunAsync(
        SqliteConnection connection, SqliteTransaction tx, string mailboxId, TimeWindow window, IReadOnlySet<string> present, DateTimeOffset now, CancellationToken ct)
    {
        var missing = new List<string>();
        await using (var stored = connection.Command("""
            SELECT id FROM events WHERE mailbox_id = $m AND removed = 0 AND start_at >= $start AND end_at <= $end
            """, tx).With("$m", mailboxId).With("$start", window.Start.ToUniversalTime()).With("$end", window.End.ToUniversalTime()))
        await using (var reader = await stored.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                if (!present.Contains(id))
                {
                    missing.Add(id);
                }
            }
        }

        foreach (var id in missing)
        {
            await EventStore.MarkRemovedAsync(connection, tx, mailboxId, id, ct);
            await SaveEventsPage.SkipDeletedHoldAsync(connection, tx, mailboxId, id, now, ct);
        }
        return missing.Count;
    }
}
