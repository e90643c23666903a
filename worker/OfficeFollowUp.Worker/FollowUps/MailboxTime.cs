namespace OfficeFollowUp.FollowUps;

/// <summary>
/// Time is the user's: instants seen on the mailbox's own clock and calendar (its time zone from
/// mailbox settings, <see cref="MailboxTimeZone"/>), not the server's. Day-based arithmetic is done
/// on the wall clock, so "in 7 days" at 19:00 is 19:00 again a week later across a DST change. Pure.
/// </summary>
public static class MailboxTime
{
    /// <summary>The instant as the mailbox's clock shows it: same instant, the zone's offset at that moment.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The mailbox's calendar date at the instant (23:30 in Auckland is that day there, whatever UTC says).</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);

    /// <summary>Whole calendar days from one instant to another on the mailbox's calendar: 23:00 to 08:00 the next morning is 1.</summary>
    public static int CalendarDaysBetween(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone) =>
        DateOf(to, zone).DayNumber - DateOf(from, zone).DayNumber;

    /// <summary>
    /// A wall-clock time in the zone as an instant. A time the clocks skip (spring forward) moves on an
    /// hour, out of the gap; a time that happens twice (fall back) is the first, still in daylight
    /// time, so nothing lands an hour later than the user would expect.
    /// </summary>
    public static DateTimeOffset AtWallClock(DateTime wallClock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <inheritdoc cref="AtWallClock(DateTime, TimeZoneInfo)"/>
    public static DateTimeOffset AtWallClock(DateOnly date, TimeOnly time, TimeZoneInfo zone) => AtWallClock(date.ToDateTime(time), zone);

    /// <summary>
    /// Adds the span to the wall clock, not to the instant: 19:00 plus 7 days is 19:00 a week later in
    /// the mailbox's zone, even when the clocks change in between (so 7 days ± an hour of real time).
    /// </summary>
    public static DateTimeOffset AddLocal(DateTimeOffset instant, TimeSpan span, TimeZoneInfo zone) =>
        AtWallClock(ToLocal(instant, zone).DateTime + span, zone);
}
