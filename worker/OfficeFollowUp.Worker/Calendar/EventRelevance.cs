using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Calendar;

/// <summary>Why the Events tab hides an event by default: nobody was met there.</summary>
public enum EventHiddenReason
{
    /// <summary>A one-to-one hold the product placed itself.</summary>
    OwnHold,

    /// <summary>The user declined it.</summary>
    Declined,

    /// <summary>The organizer cancelled it.</summary>
    Cancelled,

    /// <summary>An all-day entry: a holiday, out of office, a reminder.</summary>
    AllDay,

    /// <summary>A recurring entry of the user's own with nobody else on it: the gym, a focus block.</summary>
    RecurringPersonal,

    /// <summary>A recurring meeting whose other attendees are all the user's colleagues (same non-free-mail domain): a stand-up, a team sync.</summary>
    RecurringColleagues,
}

/// <summary>
/// Is this an event the user might have met people at? The Events tab shows those by default and the rest behind a
/// filter. The user's own networking mark always shows an event (except the product's own holds); an event the worker
/// classifies as networking by category or keyword shows even when it is all day (a conference) or recurring.
/// </summary>
public static class EventRelevance
{
    public static EventHiddenReason? HiddenBecause(CalendarEventFacts e, bool isOwnHold, NetworkingReason? networking, IReadOnlyCollection<string> ownAddresses)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(ownAddresses);
        if (isOwnHold)
        {
            return EventHiddenReason.OwnHold;
        }

        if (networking == NetworkingReason.Marked)
        {
            return null;
        }

        if (e.IsCancelled)
        {
            return EventHiddenReason.Cancelled;
        }

        if (string.Equals(e.UserResponse, "declined", StringComparison.OrdinalIgnoreCase))
        {
            return EventHiddenReason.Declined;
        }

        if (networking is not null)
        {
            return null;
        }

        if (e.IsAllDay)
        {
            return EventHiddenReason.AllDay;
        }

        if (e.SeriesMasterId is null)
        {
            return null;
        }

        // Someone else's series (the user was invited) has an organizer who is not in the attendee list.
        var own = ownAddresses.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var others = e.Attendees.Select(a => EmailAddresses.Key(a.Email)).Where(k => !own.Contains(k)).ToList();
        var ownEntry = e.UserResponse is null or "organizer" or "none";
        if (others.Count == 0)
        {
            return ownEntry ? EventHiddenReason.RecurringPersonal : null;
        }

        // The colleague rule is the one the event prompt uses to leave colleagues out (FilterAttendees).
        var colleagueDomains = FilterAttendees.ColleagueDomains(ownAddresses);
        return others.All(k => colleagueDomains.Contains(FilterAttendees.Domain(k))) ? EventHiddenReason.RecurringColleagues : null;
    }

    /// <summary>
    /// The days an all-day event covers (last day inclusive), in the mailbox's calendar: Graph gives its midnights either
    /// in the mailbox's zone or, read in UTC, as UTC midnights; either way the wall-clock date is the day, never shifted.
    /// </summary>
    public static (DateOnly First, DateOnly Last) AllDayDates(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = DayOf(start, zone);
        var afterLast = DayOf(end, zone);
        return (first, afterLast > first ? afterLast.AddDays(-1) : first);
    }

    private static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return DateOnly.FromDateTime(local.TimeOfDay == TimeSpan.Zero ? local.DateTime : instant.UtcDateTime);
    }
}
