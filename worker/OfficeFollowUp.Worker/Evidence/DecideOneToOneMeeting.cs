using OfficeFollowUp.Calendar;

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
}
