namespace OfficeFollowUp.Tests.FollowUps;

public sealed class DueWindowTests
{
    private static readonly TimeZoneInfo Auckland = MailboxTimeZone.Resolve("Pacific/Auckland");

    // Now: Wednesday 25 November 2026, 19:00 in Auckland (06:00 UTC, NZDT +13).
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-25T05:59:00Z", DueBucket.Overdue)]
    [InlineData("2026-11-25T06:00:00Z", DueBucket.Today)]
    [InlineData("2026-11-25T10:59:00Z", DueBucket.Today)]      // 23:59 Wednesday in Auckland
    [InlineData("2026-11-25T11:00:00Z", DueBucket.ThisWeek)]   // 00:00 Thursday in Auckland, still Wednesday in UTC
    [InlineData("2026-12-01T10:59:00Z", DueBucket.ThisWeek)]   // 23:59 the following Tuesday
    [InlineData("2026-12-01T11:00:00Z", DueBucket.Later)]      // 00:00 Wednesday a week on
    public void Buckets_are_days_on_the_mailbox_calendar(string due, DueBucket bucket) =>
        Assert.Equal(bucket, DueWindow.BucketOf(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Now, Auckland));

    [Fact]
    public void A_snoozed_step_counts_from_when_it_wakes_and_the_split_counts_every_bucket()
    {
        FollowUpDto Step(string id, DateTimeOffset due, FollowUpState state = FollowUpState.Pending, DateTimeOffset? until = null) =>
            new(id, new OfficeFollowUp.People.PersonDto("P", "p@example.org"), FollowUpStepKind.ThankYou, due, state, null, until, null, null, null, null, null);

        var items = new[]
        {
            Step("later", Now.AddDays(20)),
            Step("overdue", Now.AddHours(-1)),
            Step("snoozed-overdue", Now.AddHours(-2), FollowUpState.Snoozed, Now.AddDays(10)),
            Step("today", Now.AddHours(1)),
            Step("week", Now.AddDays(2)),
        };

        var (due, later, counts) = DueWindow.Split(items, Now, Auckland);

        Assert.Equal(["overdue", "today", "week"], due.Select(i => i.Id));
        Assert.Equal(["snoozed-overdue", "later"], later.Select(i => i.Id));
        Assert.Equal(new DueCountsDto(1, 1, 1, 2), counts);
    }
}
