namespace OfficeFollowUp.Tests.Referrals;

public sealed class PlanReferralDutiesTests
{
    private static readonly TimeZoneInfo Auckland = MailboxTimeZone.Resolve("New Zealand Standard Time");
    private static readonly ReferralOptions Options = new();
    private static readonly DateTimeOffset Referred = new(2026, 11, 24, 21, 0, 0, TimeSpan.Zero); // 10:00 on the 25th in Auckland

    private static Referral Make(ReferralDirection direction, DateTimeOffset? contacted = null, bool? followedUp = null, ReferralOutcome? outcome = null, DateTimeOffset? referred = null) =>
        new("r1", "m", direction, new Party("sam@taylorlaw.co.nz", "Sam"), "Alex Chen", "alex@kiwisolar.co.nz", null, null, false, null,
            referred ?? Referred, contacted, followedUp, outcome, null, null, null, outcome is null ? null : Referred.AddDays(3), null, null, null, Referred);

    [Theory]
    [InlineData(1, Escalation.OnTrack)]
    [InlineData(23, Escalation.OnTrack)]
    [InlineData(24, Escalation.Due)]
    [InlineData(47, Escalation.Due)]
    [InlineData(48, Escalation.Overdue)]
    [InlineData(95, Escalation.Overdue)]
    [InlineData(96, Escalation.Urgent)]
    [InlineData(24 * 10, Escalation.Urgent)]
    public void A_referral_received_escalates_while_the_prospect_is_not_contacted(int hoursLater, Escalation expected)
    {
        var duty = PlanReferralDuties.Run(Make(ReferralDirection.Received), Referred.AddHours(hoursLater), Auckland, Options)!;

        Assert.Equal((ReferralDutyKind.ContactProspect, expected), (duty.Kind, duty.Escalation));
        Assert.Equal(Referred.AddHours(24), duty.DueAt);
        Assert.Equal(Auckland.GetUtcOffset(duty.DueAt.UtcDateTime), duty.DueAt.Offset);
    }

    [Fact]
    public void Days_since_received_count_the_mailbox_calendar_days()
    {
        // 10:00 on the 25th in Auckland; 08:00 on the 26th is one day later, 23:59 on the 25th is none.
        Assert.Equal(0, PlanReferralDuties.Run(Make(ReferralDirection.Received), new DateTimeOffset(2026, 11, 25, 23, 59, 0, TimeSpan.FromHours(13)), Auckland, Options)!.DaysSinceReferred);
        Assert.Equal(1, PlanReferralDuties.Run(Make(ReferralDirection.Received), new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(13)), Auckland, Options)!.DaysSinceReferred);
    }

    [Fact]
    public void Once_contacted_the_duty_is_the_outcome_and_a_final_outcome_ends_all_duties()
    {
        var contacted = PlanReferralDuties.Run(Make(ReferralDirection.Received, contacted: Referred.AddHours(5)), Referred.AddHours(6), Auckland, Options)!;
        var inProgress = PlanReferralDuties.Run(Make(ReferralDirection.Received, outcome: ReferralOutcome.InProgress), Referred.AddDays(4), Auckland, Options);
        var won = PlanReferralDuties.Run(Make(ReferralDirection.Received, outcome: ReferralOutcome.Won), Referred.AddDays(4), Auckland, Options);

        Assert.Equal((ReferralDutyKind.RecordOutcome, Escalation.OnTrack), (contacted.Kind, contacted.Escalation));
        Assert.Equal(ReferralDutyKind.RecordOutcome, inProgress?.Kind);
        Assert.Null(won);
    }

    [Fact]
    public void A_referral_given_asks_for_a_check_in_after_seven_local_days_across_the_dst_change()
    {
        // Auckland moves to daylight time on 27 September 2026: seven local days keep 10:00.
        var referred = new DateTimeOffset(2026, 9, 24, 10, 0, 0, TimeSpan.FromHours(12));

        var duty = PlanReferralDuties.Run(Make(ReferralDirection.Given, referred: referred), referred.AddDays(1), Auckland, Options)!;

        Assert.Equal(ReferralDutyKind.CheckInWithPartner, duty.Kind);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(13)), duty.DueAt);
        Assert.Equal(TimeSpan.FromHours(13), duty.DueAt.Offset);
    }

    [Fact]
    public void A_partner_who_answered_moves_the_given_referral_on_to_its_outcome()
    {
        var duty = PlanReferralDuties.Run(Make(ReferralDirection.Given, followedUp: true), Referred.AddDays(8), Auckland, Options)!;

        Assert.Equal(ReferralDutyKind.RecordOutcome, duty.Kind);
    }

    [Fact]
    public void A_partner_who_has_not_followed_up_yet_is_nudged_at_once_and_checked_on_again_after_the_nudge()
    {
        var heard = Referred.AddDays(8);
        var notYet = Make(ReferralDirection.Given, followedUp: false) with { PartnerAnsweredAt = heard };

        var nudge = PlanReferralDuties.Run(notYet, heard.AddMinutes(1), Auckland, Options)!;
        Assert.Equal((ReferralDutyKind.NudgePartner, heard, Escalation.Due), (nudge.Kind, nudge.DueAt, nudge.Escalation));

        // After the nudge the answer is cleared: the check-in comes back five local days later, not seven days after the referral.
        var nudged = notYet with { PartnerFollowedUp = null, PartnerNudgedAt = heard.AddHours(2) };
        var checkIn = PlanReferralDuties.Run(nudged, heard.AddHours(3), Auckland, Options)!;
        Assert.Equal((ReferralDutyKind.CheckInWithPartner, heard.AddHours(2).AddDays(5), Escalation.OnTrack), (checkIn.Kind, checkIn.DueAt, checkIn.Escalation));
    }

    [Fact]
    public void A_not_yet_recorded_before_the_answer_time_was_kept_is_nudged_from_the_check_in_day()
    {
        var duty = PlanReferralDuties.Run(Make(ReferralDirection.Given, followedUp: false), Referred.AddDays(9), Auckland, Options)!;

        Assert.Equal((ReferralDutyKind.NudgePartner, Referred.AddDays(7)), (duty.Kind, duty.DueAt));
    }

    [Fact]
    public void Reciprocity_reports_back_first_then_asks_and_flags_a_partner_who_did_not_follow_up()
    {
        var partner = new Party("sam@taylorlaw.co.nz", "Sam");
        List<Referral> referrals =
        [
            Make(ReferralDirection.Given, followedUp: false) with { Id = "g1", ProspectName = "Priya" },
            Make(ReferralDirection.Received, outcome: ReferralOutcome.Won) with { Id = "r1", ProspectName = "Alex" },
            Make(ReferralDirection.Given) with { Id = "g2", ProspectName = "Hemi", ReferredAt = Referred.AddDays(1) },
        ];

        var view = ComputeReciprocity.Run(partner, referrals, null, "owners of trade businesses");

        Assert.Equal((2, 1, 0, 1, true), (view.Given.Count, view.Received.Count, view.GivenWon, view.ReceivedWon, view.PartnerNotFollowingUp));
        Assert.Equal(["r1", "g1", "g2"], view.WalkThrough.Select(w => w.ReferralId));
        Assert.Equal("Ask whether they reached Priya.", view.WalkThrough[1].Ask);
        Assert.Equal("Then ask: who do you know among owners of trade businesses?", view.AskBack);
    }
}
