using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Calendar;

/// <summary>
/// The first free slot of the given length inside working hours, between two instants. Working
/// hours are wall-clock times in the working-hours time zone, so a DST change moves them with the
/// clock. Busy time (busy, tentative, out of office, elsewhere) is kept clear by the buffer on
/// both sides. Slots start on a quarter hour. Pure: no clock, no I/O.
/// </summary>
public static class FindFreeSlot
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    public static TimeWindow? Run(
        IReadOnlyList<TimeWindow> busy,
        WorkingWeek week,
        DateTimeOffset from,
        DateTimeOffset until,
        TimeSpan length,
        TimeSpan buffer)
    {
        if (until <= from || week.End <= week.Start)
        {
            return null;
        }

        var ordered = busy.OrderBy(b => b.Start).ToList();
        var firstDay = MailboxTime.DateOf(from, week.Zone);
        var lastDay = MailboxTime.DateOf(until, week.Zone);

        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!week.Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var dayStart = MailboxTime.AtWallClock(day, week.Start, week.Zone);
            var dayEnd = MailboxTime.AtWallClock(day, week.End, week.Zone);
            var candidate = RoundUp(Max(dayStart, from), week.Zone);

            while (candidate + length <= dayEnd && candidate + length <= until)
            {
                var end = candidate + length;
                var clash = ordered.FirstOrDefault(b => b.Overlaps(candidate - buffer, end + buffer));
                if (clash is null)
                {
                    return new TimeWindow(candidate, end);
                }

                candidate = RoundUp(Max(candidate + Step, clash.End + buffer), week.Zone);
            }
        }

        return null;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Rounds up to the next quarter hour of the zone's wall clock.</summary>
    private static DateTimeOffset RoundUp(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = MailboxTime.ToLocal(instant, zone);
        var ticks = local.TimeOfDay.Ticks % Step.Ticks;
        return ticks == 0 ? instant : instant.AddTicks(Step.Ticks - ticks);
    }
}
