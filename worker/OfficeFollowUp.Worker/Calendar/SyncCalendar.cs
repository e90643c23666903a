using System.Globalization;
using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Calendar;

/// <summary>
/// One calendarView delta round over a rolling window. The window is frozen into Graph's token, so it moves
/// only in whole weeks, and a moved window means one fresh round. Past the first round, a fresh round (moved
/// window or expired cursor) is reconciled with the store inside the window: events it never saw are saved
/// as an incremental round saves them (a networking event that ended gets its prompt), and stored events it
/// did not name are removed (a deleted hold skips its step).
/// </summary>
public sealed class SyncCalendar(
    CalendarReader reader,
    SaveEventsPage savePage,
    RemoveMissingEvents removeMissing,
    DeltaRound round,
    MailboxStore mailboxes,
    IOptions<CalendarOptions> options,
    TimeProvider time)
{
    public const string Resource = "calendar";

    public async Task<RoundResult> RunAsync(MailboxProfile profile, CancellationToken ct)
    {
        var window = Window(time.GetUtcNow(), options.Value);
        var windowKey = string.Create(CultureInfo.InvariantCulture, $"{window.Start:O}/{window.End:O}");
        var result = await round.RunAsync(new DeltaResource(profile.MailboxId, Resource, windowKey, "calendar", "events", async (link, _, token) =>
        {
            var page = await reader.ReadDeltaAsync(window, link, options.Value.PageSize, token);
            var saved = await savePage.RunAsync(profile.MailboxId, page.Items, time.GetUtcNow(), token);
            return new SavedPage(page.NextLink, page.DeltaLink, saved.Upserted, saved.HoldsDeleted + saved.MeetingsHappened, page.Malformed,
                [.. page.Items.Where(e => !e.Removed).Select(e => e.Id), .. page.UnreadableIds], saved.Unseen);
        }, (session, present, now, token) => removeMissing.RunAsync(session, profile.MailboxId, window, present, now, token)), ct);

        if (result.Completed)
        {
            await mailboxes.MarkCalendarConnectedAsync(profile.MailboxId, time.GetUtcNow(), ct);
        }
        return result;
    }

    /// <summary>The window starts at a whole UTC day and is kept for a week, so an idle poll reuses its cursor.</summary>
    internal static TimeWindow Window(DateTimeOffset now, CalendarOptions options)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var weekStart = day.AddDays(-(int)day.DayOfWeek);
        return new TimeWindow(weekStart - options.WindowBack, weekStart + options.WindowAhead + TimeSpan.FromDays(7));
    }
}
