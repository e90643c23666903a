using System.Globalization;

namespace OfficeFollowUp.Tests.FollowUps;

/// <summary>
/// The mailbox's clock and calendar. Auckland's clocks go back on Sunday 5 April 2026 (03:00 NZDT →
/// 02:00 NZST: 02:00–02:59 happens twice) and forward on Sunday 27 September 2026 (02:00 NZST →
/// 03:00 NZDT: 02:00–02:59 does not exist). London's go forward on 29 March and back on 25 October;
/// New York's (and St John's, at -03:30) forward on 8 March and back on 1 November; Adelaide's
/// (+09:30 standard) back on 5 April and forward on 4 October. India (+05:30) and Nepal (+05:45)
/// keep one offset all year.
/// </summary>
public class MailboxTimeTests
{
    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>The same instant shown with the same offset; a failure says which row's reason broke.</summary>
    private static void AssertShows(string because, string expected, DateTimeOffset actual) =>
        Assert.True(
            actual == Instant(expected) && actual.Offset == Instant(expected).Offset,
            $"{because}: expected {expected}, got {actual.ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture)}");

    /// <summary>Why, the zone, a wall-clock time there, and the instant it is (with the offset the zone has then).</summary>
    public static TheoryData<string, string, string, string> WallClockTimes => new()
    {
        { "summer in Auckland is daylight time", "Pacific/Auckland", "2026-11-25T09:00", "2026-11-25T09:00+13:00" },
        { "winter in Auckland is standard time", "Pacific/Auckland", "2026-06-15T09:00", "2026-06-15T09:00+12:00" },
        { "the last minute before spring-forward is standard time", "Pacific/Auckland", "2026-09-27T01:59", "2026-09-27T01:59+12:00" },
        { "a time that does not exist moves on an hour", "Pacific/Auckland", "2026-09-27T02:30", "2026-09-27T03:30+13:00" },
        { "the first minute of the gap moves to the first minute after it", "Pacific/Auckland", "2026-09-27T02:00", "2026-09-27T03:00+13:00" },
        { "the first minute after the gap is daylight time", "Pacific/Auckland", "2026-09-27T03:00", "2026-09-27T03:00+13:00" },
        { "just before the repeated hour is daylight time", "Pacific/Auckland", "2026-04-05T01:59", "2026-04-05T01:59+13:00" },
        { "a time that exists twice is the first, still daylight time", "Pacific/Auckland", "2026-04-05T02:30", "2026-04-05T02:30+13:00" },
        { "the start of the repeated hour is its first occurrence", "Pacific/Auckland", "2026-04-05T02:00", "2026-04-05T02:00+13:00" },
        { "after the repeated hour is standard time", "Pacific/Auckland", "2026-04-05T03:00", "2026-04-05T03:00+12:00" },
        { "a Windows zone name behaves as its IANA zone", "New Zealand Standard Time", "2026-09-27T02:30", "2026-09-27T03:30+13:00" },
        { "London's skipped hour moves on an hour", "Europe/London", "2026-03-29T01:30", "2026-03-29T02:30+01:00" },
        { "London's repeated hour is the first, summer time", "Europe/London", "2026-10-25T01:30", "2026-10-25T01:30+01:00" },
        { "New York in winter is standard time", "America/New_York", "2026-01-15T09:00", "2026-01-15T09:00-05:00" },
        { "New York's skipped hour moves on an hour", "America/New_York", "2026-03-08T02:30", "2026-03-08T03:30-04:00" },
        { "New York's repeated hour is the first, daylight time", "America/New_York", "2026-11-01T01:30", "2026-11-01T01:30-04:00" },
        { "after New York's repeated hour is standard time", "America/New_York", "2026-11-01T02:00", "2026-11-01T02:00-05:00" },
        { "a Windows zone name behaves as its IANA zone in New York too", "Eastern Standard Time", "2026-03-08T02:30", "2026-03-08T03:30-04:00" },
        { "India's half-hour offset never changes", "Asia/Kolkata", "2026-03-08T02:30", "2026-03-08T02:30+05:30" },
        { "Nepal's quarter-hour offset never changes", "Asia/Kathmandu", "2026-06-15T09:00", "2026-06-15T09:00+05:45" },
        { "Adelaide's skipped hour moves on an hour, keeping the half hour", "Australia/Adelaide", "2026-10-04T02:30", "2026-10-04T03:30+10:30" },
        { "Adelaide's repeated hour is the first, daylight time", "Australia/Adelaide", "2026-04-05T02:30", "2026-04-05T02:30+10:30" },
        { "St John's skipped hour moves on an hour, keeping the half hour", "America/St_Johns", "2026-03-08T02:30", "2026-03-08T03:30-02:30" },
        { "UTC has no gaps and no repeats", "UTC", "2026-09-27T02:30", "2026-09-27T02:30+00:00" },
    };

    [Theory]
    [MemberData(nameof(WallClockTimes))]
    public void A_wall_clock_time_is_the_instant_the_mailboxs_clock_shows_it(string because, string zone, string wallClock, string expected)
    {
        var local = DateTime.Parse(wallClock, CultureInfo.InvariantCulture);

        var instant = MailboxTime.AtWallClock(local, MailboxTimeZone.Resolve(zone));

        AssertShows(because, expected, instant);
        AssertShows(because, expected, MailboxTime.AtWallClock(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), MailboxTimeZone.Resolve(zone)));
    }

    /// <summary>Why, the zone, an instant, its wall-clock time there, and the span added to that wall clock.</summary>
    public static TheoryData<string, string, string, string, string> LocalAdditions => new()
    {
        { "7 days across fall-back keep 19:00 (a week and an hour)", "Pacific/Auckland", "2026-04-01T19:00+13:00", "7.00:00", "2026-04-08T19:00+12:00" },
        { "7 days across spring-forward keep 10:00 (a week less an hour)", "Pacific/Auckland", "2026-09-24T10:00+12:00", "7.00:00", "2026-10-01T10:00+13:00" },
        { "a due time in the spring-forward gap moves on an hour", "Pacific/Auckland", "2026-09-20T02:30+12:00", "7.00:00", "2026-09-27T03:30+13:00" },
        { "a due time in the repeated hour is its first occurrence", "Pacific/Auckland", "2026-03-29T02:30+13:00", "7.00:00", "2026-04-05T02:30+13:00" },
        { "30 days without a change are 30 whole days", "Pacific/Auckland", "2026-06-10T18:30+12:00", "30.00:00", "2026-07-10T18:30+12:00" },
        { "hours in the span move the wall clock too", "Pacific/Auckland", "2026-04-04T23:30+13:00", "1.12:00", "2026-04-06T11:30+12:00" },
        { "the instant's own offset plays no part, only the mailbox's", "Pacific/Auckland", "2026-04-01T06:00+00:00", "7.00:00", "2026-04-08T19:00+12:00" },
        { "a Windows zone name behaves as its IANA zone", "New Zealand Standard Time", "2026-04-01T19:00+13:00", "7.00:00", "2026-04-08T19:00+12:00" },
        { "London in spring keeps the wall clock too", "Europe/London", "2026-03-22T01:30+00:00", "7.00:00", "2026-03-29T02:30+01:00" },
        { "London in autumn keeps 18:00 (a week and an hour)", "Europe/London", "2026-10-20T18:00+01:00", "7.00:00", "2026-10-27T18:00+00:00" },
        { "New York across spring-forward keeps 19:00 (a week less an hour)", "America/New_York", "2026-03-05T19:00-05:00", "7.00:00", "2026-03-12T19:00-04:00" },
        { "New York across fall-back keeps 09:00 (a week and an hour)", "America/New_York", "2026-10-29T09:00-04:00", "7.00:00", "2026-11-05T09:00-05:00" },
        { "a due time in New York's repeated hour is its first occurrence", "America/New_York", "2026-10-25T01:30-04:00", "7.00:00", "2026-11-01T01:30-04:00" },
        { "a due time in New York's skipped hour moves on an hour", "America/New_York", "2026-03-01T02:30-05:00", "7.00:00", "2026-03-08T03:30-04:00" },
        { "30 days across Adelaide's spring-forward keep 10:00", "Australia/Adelaide", "2026-09-20T10:00+09:30", "30.00:00", "2026-10-20T10:00+10:30" },
        { "St John's across spring-forward keeps noon", "America/St_Johns", "2026-03-01T12:00-03:30", "7.00:00", "2026-03-08T12:00-02:30" },
        { "in India a day is 24 hours", "Asia/Kolkata", "2026-03-05T19:00+05:30", "7.00:00", "2026-03-12T19:00+05:30" },
        { "a UTC evening is already the next morning in India", "Asia/Kolkata", "2026-03-05T18:45Z", "1.00:00", "2026-03-07T00:15+05:30" },
        { "Nepal keeps its quarter hour", "Asia/Kathmandu", "2026-01-01T00:00Z", "1.00:00", "2026-01-02T05:45+05:45" },
        { "in UTC a day is 24 hours", "UTC", "2026-04-01T19:00+00:00", "7.00:00", "2026-04-08T19:00+00:00" },
    };

    [Theory]
    [MemberData(nameof(LocalAdditions))]
    public void Adding_local_days_keeps_the_wall_clock_time(string because, string zone, string from, string span, string expected)
    {
        var due = MailboxTime.AddLocal(Instant(from), TimeSpan.Parse(span, CultureInfo.InvariantCulture), MailboxTimeZone.Resolve(zone));

        AssertShows(because, expected, due);
    }

    /// <summary>Why, the zone, an instant, and how the mailbox's clock shows it.</summary>
    public static TheoryData<string, string, string, string> LocalClocks => new()
    {
        { "the first 02:30 on the fall-back night is daylight time", "Pacific/Auckland", "2026-04-04T13:30Z", "2026-04-05T02:30+13:00" },
        { "the second 02:30 an hour later is standard time", "Pacific/Auckland", "2026-04-04T14:30Z", "2026-04-05T02:30+12:00" },
        { "the instant after the spring-forward gap is daylight time", "Pacific/Auckland", "2026-09-26T14:00Z", "2026-09-27T03:00+13:00" },
        { "an instant given in another zone shows on the mailbox's clock", "Pacific/Auckland", "2026-11-25T20:00-08:00", "2026-11-26T17:00+13:00" },
        { "UTC shows UTC", "UTC", "2026-11-25T20:00-08:00", "2026-11-26T04:00+00:00" },
        { "the first 01:30 of New York's fall-back night is daylight time", "America/New_York", "2026-11-01T05:30Z", "2026-11-01T01:30-04:00" },
        { "the second 01:30 an hour later is standard time", "America/New_York", "2026-11-01T06:30Z", "2026-11-01T01:30-05:00" },
        { "London's summer is an hour ahead of UTC", "Europe/London", "2026-07-01T12:00Z", "2026-07-01T13:00+01:00" },
        { "India is half an hour off the hour", "Asia/Kolkata", "2026-11-25T20:00Z", "2026-11-26T01:30+05:30" },
        { "Adelaide's winter is nine and a half hours ahead", "Australia/Adelaide", "2026-06-15T00:00Z", "2026-06-15T09:30+09:30" },
    };

    [Theory]
    [MemberData(nameof(LocalClocks))]
    public void An_instant_shows_with_the_mailboxs_offset_at_that_moment(string because, string zone, string instant, string expected)
    {
        var local = MailboxTime.ToLocal(Instant(instant), MailboxTimeZone.Resolve(zone));

        AssertShows(because, expected, local);
    }

    /// <summary>Why, the zone, an instant, and the mailbox's calendar date then.</summary>
    public static TheoryData<string, string, string, string> CalendarDates => new()
    {
        { "23:59 in Auckland is that day there", "Pacific/Auckland", "2026-11-25T10:59Z", "2026-11-25" },
        { "00:00 in Auckland is the next day while UTC is still on the day before", "Pacific/Auckland", "2026-11-25T11:00Z", "2026-11-26" },
        { "the second 02:30 of the fall-back night is still 5 April", "Pacific/Auckland", "2026-04-04T14:30Z", "2026-04-05" },
        { "an instant given in another zone counts on the mailbox's calendar", "Pacific/Auckland", "2026-11-25T20:00-08:00", "2026-11-26" },
        { "in UTC the date is UTC's", "UTC", "2026-11-25T23:59Z", "2026-11-25" },
        { "23:59 in New York is that day while UTC is on the next", "America/New_York", "2026-11-26T04:59Z", "2026-11-25" },
        { "23:59 in India is that day", "Asia/Kolkata", "2026-11-25T18:29Z", "2026-11-25" },
        { "half an hour later India is on the next day", "Asia/Kolkata", "2026-11-25T18:30Z", "2026-11-26" },
        { "23:59 in St John's is that day", "America/St_Johns", "2026-11-26T03:29Z", "2026-11-25" },
        { "half an hour later St John's is on the next day", "America/St_Johns", "2026-11-26T03:30Z", "2026-11-26" },
    };

    [Theory]
    [MemberData(nameof(CalendarDates))]
    public void The_date_is_the_mailboxs_calendar_date(string because, string zone, string instant, string expected)
    {
        var date = MailboxTime.DateOf(Instant(instant), MailboxTimeZone.Resolve(zone));

        Assert.True(date == DateOnly.Parse(expected, CultureInfo.InvariantCulture), $"{because}: expected {expected}, got {date:yyyy-MM-dd}");
    }

    /// <summary>Why, the zone, two instants, and how many calendar days lie between them there.</summary>
    public static TheoryData<string, string, string, string, int> DayCounts => new()
    {
        { "morning to midnight of the same day is none", "Pacific/Auckland", "2026-11-25T10:00+13:00", "2026-11-25T23:59+13:00", 0 },
        { "23:00 to 08:00 the next morning is one", "Pacific/Auckland", "2026-11-24T23:00+13:00", "2026-11-25T08:00+13:00", 1 },
        { "an hour across Auckland's midnight is one", "Pacific/Auckland", "2026-11-25T10:30Z", "2026-11-25T11:30Z", 1 },
        { "the same hour in UTC is none", "UTC", "2026-11-25T10:30Z", "2026-11-25T11:30Z", 0 },
        { "noon to noon two days later across fall-back is two (49 hours)", "Pacific/Auckland", "2026-04-04T12:00+13:00", "2026-04-06T12:00+12:00", 2 },
        { "noon to noon across spring-forward is one (23 hours)", "Pacific/Auckland", "2026-09-26T12:00+12:00", "2026-09-27T12:00+13:00", 1 },
        { "noon to noon across New York's spring-forward is one (23 hours)", "America/New_York", "2026-03-07T12:00-05:00", "2026-03-08T12:00-04:00", 1 },
        { "noon to noon across London's fall-back is one (25 hours)", "Europe/London", "2026-10-24T12:00+01:00", "2026-10-25T12:00+00:00", 1 },
        { "an hour across India's midnight is one", "Asia/Kolkata", "2026-11-25T18:00Z", "2026-11-25T19:00Z", 1 },
        { "backwards counts negative", "Pacific/Auckland", "2026-11-26T08:00+13:00", "2026-11-25T08:00+13:00", -1 },
    };

    [Theory]
    [MemberData(nameof(DayCounts))]
    public void Calendar_days_are_counted_on_the_mailboxs_calendar(string because, string zone, string from, string to, int expected)
    {
        var days = MailboxTime.CalendarDaysBetween(Instant(from), Instant(to), MailboxTimeZone.Resolve(zone));

        Assert.True(days == expected, $"{because}: expected {expected}, got {days}");
    }
}
