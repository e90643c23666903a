namespace OfficeFollowUp.Tests.FollowUps;

public class PlanFollowUpTrackTests
{
    private static readonly FollowUpOptions Options = new();

    private static DateTimeOffset Due(IReadOnlyList<PlannedStep> steps, FollowUpStepKind kind) => steps.Single(s => s.Kind == kind).DueAt;

    [Fact]
    public void Steps_are_due_24_hours_7_days_and_30_days_after_the_meeting()
    {
        var metAt = new DateTimeOffset(2026, 6, 10, 18, 30, 0, TimeSpan.Zero);

        var steps = PlanFollowUpTrack.Run(metAt, TimeZoneInfo.Utc, Options);

        Assert.Equal([FollowUpStepKind.ThankYou, FollowUpStepKind.Connect, FollowUpStepKind.OneToOne], steps.Select(s => s.Kind));
        Assert.Equal(metAt.AddHours(24), Due(steps, FollowUpStepKind.ThankYou));
        Assert.Equal(metAt.AddDays(7), Due(steps, FollowUpStepKind.Connect));
        Assert.Equal(metAt.AddDays(30), Due(steps, FollowUpStepKind.OneToOne));
    }

    [Fact]
    public void Due_times_carry_the_mailbox_time_zone_offset_not_the_servers()
    {
        var auckland = MailboxTimeZone.Resolve("New Zealand Standard Time");
        // 06:00 UTC on 25 Nov is 19:00 in Auckland (NZDT, +13).
        var metAt = new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

        var thankYou = Due(PlanFollowUpTrack.Run(metAt, auckland, Options), FollowUpStepKind.ThankYou);

        Assert.Equal(TimeSpan.FromHours(13), thankYou.Offset);
        Assert.Equal(new DateTime(2026, 11, 26, 19, 0, 0), thankYou.DateTime);
    }

    [Fact]
    public void Day_steps_keep_the_wall_clock_time_across_a_DST_change()
    {
        var auckland = MailboxTimeZone.Resolve("Pacific/Auckland");
        // NZ daylight time ends on Sunday 5 April 2026 (03:00 NZDT -> 02:00 NZST).
        var metAt = new DateTimeOffset(2026, 4, 1, 19, 0, 0, TimeSpan.FromHours(13));

        var connect = Due(PlanFollowUpTrack.Run(metAt, auckland, Options), FollowUpStepKind.Connect);

        Assert.Equal(new DateTime(2026, 4, 8, 19, 0, 0), connect.DateTime);
        Assert.Equal(TimeSpan.FromHours(12), connect.Offset);
        Assert.Equal(TimeSpan.FromDays(7) + TimeSpan.FromHours(1), connect - metAt);
    }

    [Fact]
    public void A_due_time_that_falls_in_a_spring_forward_gap_moves_past_it()
    {
        var london = MailboxTimeZone.Resolve("Europe/London");
        // Clocks go forward at 01:00 GMT on 29 March 2026; 01:30 local does not exist that day.
        var metAt = new DateTimeOffset(2026, 3, 22, 1, 30, 0, TimeSpan.Zero);

        var connect = Due(PlanFollowUpTrack.Run(metAt, london, Options), FollowUpStepKind.Connect);

        Assert.Equal(new DateTime(2026, 3, 29, 2, 30, 0), connect.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), connect.Offset);
    }

    [Theory]
    [InlineData("New Zealand Standard Time", "Pacific/Auckland")]
    [InlineData("Pacific Standard Time", "America/Los_Angeles")]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("", "UTC")]
    [InlineData("Not A Zone", "UTC")]
    public void Mailbox_time_zones_resolve_from_Windows_or_IANA_names(string mailboxSetting, string expectedIana)
    {
        var zone = MailboxTimeZone.Resolve(mailboxSetting);

        Assert.Equal(expectedIana, MailboxTimeZone.IanaId(zone) is "Etc/UTC" ? "UTC" : MailboxTimeZone.IanaId(zone));
    }

    [Fact]
    public void Configured_windows_replace_the_defaults()
    {
        var options = new FollowUpOptions { ThankYouWithin = TimeSpan.FromHours(12), ConnectWithin = TimeSpan.FromDays(3), OneToOneWithin = TimeSpan.FromDays(14) };
        var metAt = new DateTimeOffset(2026, 8, 3, 12, 0, 0, TimeSpan.Zero);

        var steps = PlanFollowUpTrack.Run(metAt, TimeZoneInfo.Utc, options);

        Assert.Equal([metAt.AddHours(12), metAt.AddDays(3), metAt.AddDays(14)], steps.Select(s => s.DueAt));
    }
}
