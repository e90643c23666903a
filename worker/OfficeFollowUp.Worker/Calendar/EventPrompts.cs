using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Calendar;

public sealed record EventPrompt(StoredEvent Event, IReadOnlyList<AttendeeCandidate> Attendees);

/// <summary>
/// "Whom will you follow up with?": networking events that have ended and await the user's answer.
/// Events that ended long before the calendar was first connected are history; a short look-back
/// still asks about the last evening's event.
/// </summary>
public static class EventPrompts
{
    public static IReadOnlyList<StoredEvent> Pending(
        IEnumerable<StoredEvent> events, DateTimeOffset now, DateTimeOffset calendarConnectedAt, CalendarOptions options)
    {
        var earliest = calendarConnectedAt - options.PromptLookBack;
        return events
            .Where(e => e.PromptState is null && !e.Facts.IsCancelled && !e.Facts.IsAllDay)
            .Where(e => e.Facts.End <= now && e.Facts.End >= earliest && e.Facts.End >= now - options.PromptKeepOpen)
            .Where(e => e.Networking(options) is not null)
            .OrderByDescending(e => e.Facts.End)
            .ToList();
    }
}
