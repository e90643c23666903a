using OfficeFollowUp.Evidence;
using OfficeFollowUp.Insights;

namespace OfficeFollowUp.Tests.Insights;

public class ComputeScorecardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly FollowUpOptions Options = new();

    private static FollowUpItem Step(
        string email, FollowUpStepKind kind, DateTimeOffset metAt, FollowUpState state, DateTimeOffset? updatedAt = null, CompletedVia? via = null) =>
        new($"{email}-{kind}", "mbx", email, email, null, null, kind, metAt.AddDays(1), state, null, null, null, MetAt: metAt, UpdatedAt: updatedAt ?? metAt,
            CompletedVia: state == FollowUpState.Done ? via ?? (kind == FollowUpStepKind.OneToOne ? CompletedVia.Meeting : CompletedVia.Sent) : null,
            CompletedAt: state == FollowUpState.Done ? updatedAt ?? metAt : null);

    [Fact]
    public void Sent_and_met_rates_count_only_evidence_and_show_marked_by_you_apart_with_their_counts()
    {
        var old = Now.AddDays(-40);
        var steps = new[]
        {
            // A click on Done for a thank-you whose draft was never sent: not "thanked", shown as marked.
            Step("a@x.example", FollowUpStepKind.ThankYou, old, FollowUpState.Done, old.AddMinutes(3), CompletedVia.Marked),
            Step("b@x.example", FollowUpStepKind.ThankYou, old, FollowUpState.Done, old.AddHours(9), CompletedVia.Sent),
            Step("c@x.example", FollowUpStepKind.ThankYou, old, FollowUpState.Pending),
            Step("a@x.example", FollowUpStepKind.Connect, old, FollowUpState.Done, old.AddDays(2), CompletedVia.Marked),
            Step("b@x.example", FollowUpStepKind.Connect, old, FollowUpState.Done, old.AddDays(1), CompletedVia.Sent),
            Step("a@x.example", FollowUpStepKind.OneToOne, old, FollowUpState.Done, old.AddDays(10), CompletedVia.Marked),
            Step("b@x.example", FollowUpStepKind.OneToOne, old, FollowUpState.Done, old.AddDays(12), CompletedVia.Meeting),
        };

        var card = ComputeScorecard.Run(steps, Now, TimeZoneInfo.Utc, Options);

        Assert.Equal(new RateCounts(1, 3, 1), card.Thanked);
        Assert.Equal(1 / 3.0, card.ThankedWithin24Hours);
        Assert.Equal(new RateCounts(2, 2, 1), card.Connected);
        Assert.Equal(new RateCounts(1, 2, 1), card.Met);
        // From the meeting to the message sent, never to a click.
        Assert.Equal(TimeSpan.FromHours(9), card.MedianTimeToThankYou);
    }

    [Fact]
    public void Shares_count_on_time_steps_over_people_whose_window_has_closed_or_who_did_it()
    {
        var old = Now.AddDays(-10);
        var fresh = Now.AddHours(-2);
        var steps = new[]
        {
            Step("a@x.example", FollowUpStepKind.ThankYou, old, FollowUpState.Done, old.AddHours(5)),
            Step("b@x.example", FollowUpStepKind.ThankYou, old, FollowUpState.Done, old.AddHours(30)),
            Step("c@x.example", FollowUpStepKind.ThankYou, old, FollowUpState.Pending),
            Step("d@x.example", FollowUpStepKind.ThankYou, old, FollowUpState.Skipped),
            Step("e@x.example", FollowUpStepKind.ThankYou, fresh, FollowUpState.Pending),
            Step("f@x.example", FollowUpStepKind.ThankYou, fresh, FollowUpState.Done, fresh.AddHours(1)),
        };

        var card = ComputeScorecard.Run(steps, Now, TimeZoneInfo.Utc, Options);

        Assert.Equal(6, card.Acquaintances);
        // On time: a, f. Counted: a, b, c (window closed) and f (done); d skipped, e still inside its window.
        Assert.Equal(2 / 4.0, card.ThankedWithin24Hours);
        Assert.Equal(TimeSpan.FromHours(5), card.MedianTimeToThankYou);
        Assert.Null(card.ConnectedWithin7Days);
    }

    [Fact]
    public void The_weekly_chart_counts_new_people_and_on_time_thank_yous_per_week_in_the_users_zone()
    {
        var auckland = MailboxTimeZone.Resolve("Pacific/Auckland");
        // Sunday 22 Nov 2026 23:30 UTC is Monday 23 Nov 12:30 in Auckland: this week there.
        var met = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero);
        var steps = new[]
        {
            Step("a@x.example", FollowUpStepKind.ThankYou, met, FollowUpState.Done, met.AddHours(2)),
            Step("b@x.example", FollowUpStepKind.ThankYou, met.AddDays(-7), FollowUpState.Pending),
        };

        var card = ComputeScorecard.Run(steps, Now, auckland, Options, weeks: 3);

        Assert.Equal(
            [new WeekPoint(new DateOnly(2026, 11, 9), 0, 0), new WeekPoint(new DateOnly(2026, 11, 16), 1, 0), new WeekPoint(new DateOnly(2026, 11, 23), 1, 1)],
            card.Weeks);
    }

    [Fact]
    public void No_people_means_no_shares_rather_than_zero_percent()
    {
        var card = ComputeScorecard.Run([], Now, TimeZoneInfo.Utc, Options);

        Assert.Equal((0, null, null, null, null), (card.Acquaintances, card.ThankedWithin24Hours, card.ConnectedWithin7Days, card.MetWithin30Days, card.MedianTimeToThankYou));
    }

    private static Referral Received(DateTimeOffset referredAt, DateTimeOffset? contactedAt, string? closeDraft = null, ReferralOutcome? outcome = null) =>
        new(Guid.NewGuid().ToString(), "mbx", ReferralDirection.Received, new Party("partner@x.example", "Partner"), "Prospect", "p@x.example", null,
            null, false, null, referredAt, contactedAt, null, outcome, null, null, null, null, null, null, closeDraft, referredAt);

    [Fact]
    public void Received_referrals_count_as_contacted_in_time_over_those_judged_and_closed_loops_are_counted()
    {
        var old = Now.AddDays(-5);
        var referrals = new[]
        {
            Received(old, old.AddHours(3), closeDraft: "d1", outcome: ReferralOutcome.Won) with { LoopClosedAt = old.AddDays(2) },
            // A close-the-loop draft still sitting in Drafts is not a closed loop.
            Received(old, old.AddHours(40), closeDraft: "d2", outcome: ReferralOutcome.NotAFit),
            Received(old, null),
            Received(Now.AddHours(-2), null),
            Received(Now.AddHours(-2), Now.AddHours(-1)),
        };

        var score = ComputeScorecard.Referrals(referrals, Now, TimeSpan.FromHours(24));

        // Judged: the three old ones (window closed) and the fresh one already contacted; in time: two.
        Assert.Equal(new ReferralScore(5, 2 / 4.0, 1, 2), score);
    }
}
