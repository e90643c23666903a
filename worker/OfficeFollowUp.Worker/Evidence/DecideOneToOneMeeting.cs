using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Evidence;

/// <summary>
/// Whether a calendar event is a one-to-one that happened: not cancelled, over by <c>now</c>, the user organised it or
/// accepted it, and small — a 12-person mixer the person also attended is not a one-to-one with them.
/// </summary>
public static class DecideOneToOneMeeting
{
    /// <summary>Attendees besides the user above which an event is a group, not a one-to-one.</summary>
    public const int MaxOtherAttendees = 4;

    public static bool Run(CalendarEventFacts meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var attendees = meeting.Attendees.Count;
        return !meeting.IsCancelled
            && meeting.End <= now
            && attendees is > 0 and <= MaxOtherAttendees + 1
            && meeting.UserResponse is "organizer" or "accepted";
    }

    /// <summary>
    /// Whether a stored meeting counts as a one-to-one with <paramref name="emailKey"/> for keep-in-touch and reciprocity
    /// ("last one-to-one"): the same rule as <see cref="Run"/>, with the person among the attendees. An event stored
    /// before the user's response was kept (null) counts as attended, as it did then.
    /// </summary>
    public static bool IsOneToOneWith(CalendarEventFacts meeting, string emailKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return Run(meeting.UserResponse is null ? meeting with { UserResponse = "accepted" } : meeting, now)
            && meeting.Attendees.Any(a => EmailAddresses.LooksValid(a.Email) && EmailAddresses.Key(a.Email) == emailKey);
    }
}
