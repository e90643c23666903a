using OfficeFollowUp.Calendar;

namespace OfficeFollowUp.Tests.FollowUps;

public sealed class FindDaysOffTests
{
    private static readonly TimeZoneInfo Auckland = MailboxTimeZone.Resolve("Pacific/Auckland");
    private static readonly DateOnly From = new(2026, 11, 25);
    private static readonly DateOnly Until = new(2026, 12, 31);

    private static CalendarEventFacts AllDay(string subject, string start, int days = 1, string showAs = "free", string[]? categories = null, bool cancelled = false)
    {
        var at = DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return new CalendarEventFacts(subject, null, subject, at, at.AddDays(days), true, showAs, categories ?? [], [], cancelled);
    }

    [Fact]
    public void An_all_day_out_of_office_and_a_public_holiday_are_days_off_with_their_reason()
    {
        var days = FindDaysOff.Run(
            [AllDay("Away", "2026-11-27", showAs: "oof"), AllDay("Christmas Day", "2026-12-25", categories: ["Holiday"])], Auckland, From, Until);

        Assert.Equal([new DayOff(new DateOnly(2026, 11, 27), "Out of office"), new DayOff(new DateOnly(2026, 12, 25), "Christmas Day")], days);
    }

    [Theory]
    [InlineData("busy", null, false)]       // an all-day workshop: still reachable for a follow-up
    [InlineData("free", null, false)]       // a birthday reminder
    [InlineData("oof", null, true)]
    [InlineData("free", "holiday", true)]   // category case does not matter
    [InlineData("busy", "Networking", false)]
    public void Only_out_of_office_and_holidays_count(string showAs, string? category, bool off) =>
        Assert.Equal(off, FindDaysOff.Run([AllDay("Day", "2026-12-01", showAs: showAs, categories: category is null ? [] : [category])], Auckland, From, Until).Count == 1);

    [Fact]
    public void A_timed_out_of_office_a_cancelled_one_and_days_outside_the_range_do_not_count()
    {
        var timed = new CalendarEventFacts("t", null, "Dentist", new DateTimeOffset(2026, 12, 1, 21, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero), false, "oof", [], [], false);

        var days = FindDaysOff.Run([timed, AllDay("Off", "2026-12-02", showAs: "oof", cancelled: true), AllDay("Past", "2026-11-20", showAs: "oof"), AllDay("Far", "2027-02-01", showAs: "oof")], Auckland, From, Until);

        Assert.Empty(days);
    }

    [Fact]
    public void A_week_away_is_every_day_of_it_and_the_end_date_is_exclusive()
    {
        var days = FindDaysOff.Run([AllDay("Leave", "2026-12-14", days: 5, showAs: "oof")], Auckland, From, Until);

        Assert.Equal(Enumerable.Range(14, 5).Select(d => new DateOnly(2026, 12, d)), days.Select(d => d.Date));
    }

    [Fact]
    public void A_holiday_that_is_also_out_of_office_keeps_its_name()
    {
        var days = FindDaysOff.Run([AllDay("Away", "2026-12-25", showAs: "oof"), AllDay("Christmas Day", "2026-12-25", categories: ["Holiday"])], Auckland, From, Until);

        Assert.Equal("Christmas Day", Assert.Single(days).Reason);
    }
}
