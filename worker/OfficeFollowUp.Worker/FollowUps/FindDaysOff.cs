using OfficeFollowUp.Calendar;

namespace OfficeFollowUp.FollowUps;

/// <summary>A day on the mailbox's calendar the user is away: snooze choices skip it.</summary>
public sealed record DayOff(DateOnly Date, string Reason);

/// <summary>
/// The days a snooze should not land on, from the calendar facts: all-day out-of-office events and all-day public holidays
/// (Outlook's holiday items carry the "Holiday" category). Pure: events, zone and dates in, days out.
/// </summary>
public static class FindDaysOff
{
    public const string HolidayCategory = "Holiday";

    public static IReadOnlyList<DayOff> Run(IEnumerable<CalendarEventFacts> events, TimeZoneInfo zone, DateOnly from, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(zone);
        var days = new SortedDictionary<DateOnly, string>();
        foreach (var e in events)
        {
            var holiday = e.Categories.Any(c => string.Equals(c.Trim(), HolidayCategory, StringComparison.OrdinalIgnoreCase));
            if (e.IsCancelled || !e.IsAllDay || !(holiday || string.Equals(e.ShowAs, "oof", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var (first, end) = (DateOf(e.Start, zone), DateOf(e.End, zone));
            var reason = holiday ? (string.IsNullOrWhiteSpace(e.Subject) ? "Public holiday" : e.Subject.Trim()) : "Out of office";
            for (var day = first; day < end || day == first; day = day.AddDays(1))
            {
                if (day >= from && day <= until)
                {
                    // A holiday's name says more than "Out of office" for the same day.
                    days[day] = days.TryGetValue(day, out var known) && known != "Out of office" ? known : reason;
                }
            }
        }

        return [.. days.Select(d => new DayOff(d.Key, d.Value))];
    }

    /// <summary>
    /// An all-day event is a date, not an instant: the calendar reads it at midnight UTC (Prefer: outlook.timezone="UTC"),
    /// so its UTC date is its date; one stored at another time of day is read on the mailbox's calendar.
    /// </summary>
    private static DateOnly DateOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        var utc = at.UtcDateTime;
        return utc.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(utc) : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }
}
