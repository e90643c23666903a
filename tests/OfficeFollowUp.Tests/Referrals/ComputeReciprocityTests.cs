namespace OfficeFollowUp.Tests.Referrals;

/// <summary>The reciprocity view for one partner, Sam: what went each way, how it ended, and what to say when they meet.</summary>
public sealed class ComputeReciprocityTests
{
    private static readonly Party Sam = new("sam@taylorlaw.co.nz", "Sam");
    private static readonly DateTimeOffset Referred = new(2026, 11, 2, 21, 0, 0, TimeSpan.Zero);

    /// <summary>Why, which way the referral went, whether the partner followed up, its outcome, and what the walk-through says about it.</summary>
    public static TheoryData<string, ReferralDirection, bool?, ReferralOutcome?, string> Asks => new()
    {
        { "received, no outcome yet: report where it stands", ReferralDirection.Received, null, null, "Tell them where things stand with Priya Raman." },
        { "received and won: thank them again", ReferralDirection.Received, null, ReferralOutcome.Won, "Thank them again: Priya Raman became a client." },
        { "received, in progress: say so", ReferralDirection.Received, null, ReferralOutcome.InProgress, "Tell them Priya Raman is in progress." },
        { "received, not a fit: close the loop kindly", ReferralDirection.Received, null, ReferralOutcome.NotAFit, "Close the loop on Priya Raman and thank them for thinking of you." },
        { "received, no response: close the loop kindly", ReferralDirection.Received, null, ReferralOutcome.NoResponse, "Close the loop on Priya Raman and thank them for thinking of you." },
        { "received, poor meeting: close the loop kindly", ReferralDirection.Received, null, ReferralOutcome.PoorMeeting, "Close the loop on Priya Raman and thank them for thinking of you." },
        { "given, not heard whether they called: ask", ReferralDirection.Given, null, null, "Ask whether they reached Priya Raman." },
        { "given, they did not follow up: ask", ReferralDirection.Given, false, null, "Ask whether they reached Priya Raman." },
        { "given, they followed up: ask how it goes", ReferralDirection.Given, true, null, "Ask how it is going with Priya Raman." },
        { "given, in progress: ask how it goes", ReferralDirection.Given, true, ReferralOutcome.InProgress, "Ask how it is going with Priya Raman." },
        { "given, in progress though not marked followed up: ask how it goes", ReferralDirection.Given, false, ReferralOutcome.InProgress, "Ask how it is going with Priya Raman." },
        { "given and won: ask what they learned", ReferralDirection.Given, true, ReferralOutcome.Won, "Ask what they learned from Priya Raman, and whether the referral was a good one." },
        { "given, not a fit: ask what they learned", ReferralDirection.Given, true, ReferralOutcome.NotAFit, "Ask what they learned from Priya Raman, and whether the referral was a good one." },
        { "given, no response: ask what they learned", ReferralDirection.Given, false, ReferralOutcome.NoResponse, "Ask what they learned from Priya Raman, and whether the referral was a good one." },
        { "given, poor meeting: ask what they learned", ReferralDirection.Given, true, ReferralOutcome.PoorMeeting, "Ask what they learned from Priya Raman, and whether the referral was a good one." },
    };

    [Theory]
    [MemberData(nameof(Asks))]
    public void The_walk_through_says_what_to_raise_about_each_referral(string because, ReferralDirection direction, bool? followedUp, ReferralOutcome? outcome, string ask)
    {
        var referral = Make("r1", direction, followedUp, outcome);

        var item = Assert.Single(ComputeReciprocity.Run(Sam, [referral], null, null).WalkThrough);

        Assert.True(item == new WalkThroughItem("r1", direction, "Priya Raman", outcome, ask), $"{because}: got {item}");
    }

    /// <summary>
    /// Why, the referrals with Sam (G given, R received; then the outcome, "!" Sam did not follow up, "+"
    /// Sam did), and the counts: given, received, given won, received won, and whether Sam is flagged.
    /// </summary>
    public static TheoryData<string, string, int, int, int, int, bool> Tallies => new()
    {
        { "nothing either way", "", 0, 0, 0, 0, false },
        { "a given referral not yet heard of does not flag the partner", "G", 1, 0, 0, 0, false },
        { "a partner who did not follow up is flagged", "G!", 1, 0, 0, 0, true },
        { "a partner who followed up is not flagged", "G+", 1, 0, 0, 0, false },
        { "one referral not followed up among several flags the partner", "G+ G! Gwon", 3, 0, 1, 0, true },
        { "wins are counted each way", "Gwon Gwon+ Rwon Rnotafit", 2, 2, 2, 1, false },
        { "outcomes other than won are not wins", "Ginprogress Gnotafit Gnoresponse Gpoormeeting", 4, 0, 0, 0, false },
        { "only referrals the user gave can flag the partner", "R!", 0, 1, 0, 0, false },
    };

    [Theory]
    [MemberData(nameof(Tallies))]
    public void Referrals_are_counted_each_way_and_a_partner_who_does_not_follow_up_is_flagged(
        string because, string referrals, int given, int received, int givenWon, int receivedWon, bool flagged)
    {
        var view = ComputeReciprocity.Run(Sam, Parse(referrals), null, null);

        Assert.True(
            (view.Given.Count, view.Received.Count, view.GivenWon, view.ReceivedWon, view.PartnerNotFollowingUp) == (given, received, givenWon, receivedWon, flagged),
            $"{because}: got {(view.Given.Count, view.Received.Count, view.GivenWon, view.ReceivedWon, view.PartnerNotFollowingUp)}");
    }

    /// <summary>Why, what the user is looking for (from settings), and the ask that ends the walk-through.</summary>
    public static TheoryData<string, string?, string> AskBacks => new()
    {
        { "nothing set: a general ask", null, "Then ask: who do you know who could use what I do?" },
        { "empty: a general ask", "", "Then ask: who do you know who could use what I do?" },
        { "blank: a general ask", "   ", "Then ask: who do you know who could use what I do?" },
        { "set: ask for exactly that", "owners of trade businesses", "Then ask: who do you know among owners of trade businesses?" },
        { "set with spaces around: trimmed", "  new homeowners \n", "Then ask: who do you know among new homeowners?" },
    };

    [Theory]
    [MemberData(nameof(AskBacks))]
    public void The_walk_through_ends_by_asking_for_referrals_back(string because, string? lookingFor, string askBack)
    {
        var view = ComputeReciprocity.Run(Sam, [], null, lookingFor);

        Assert.True(view.AskBack == askBack, $"{because}: got {view.AskBack}");
    }

    [Fact]
    public void The_walk_through_reports_on_what_they_sent_first_then_asks_about_what_the_user_sent_each_oldest_first()
    {
        List<Referral> referrals =
        [
            Make("g-late", ReferralDirection.Given, null, null) with { ReferredAt = Referred.AddDays(5) },
            Make("r-late", ReferralDirection.Received, null, null) with { ReferredAt = Referred.AddDays(4) },
            Make("g-b", ReferralDirection.Given, null, null),
            Make("g-a", ReferralDirection.Given, null, null),
            Make("r-early", ReferralDirection.Received, null, ReferralOutcome.Won) with { ReferredAt = Referred.AddDays(-1) },
        ];

        var view = ComputeReciprocity.Run(Sam, referrals, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), null);

        Assert.Equal(["r-early", "r-late", "g-a", "g-b", "g-late"], view.WalkThrough.Select(w => w.ReferralId));
        // The lists themselves are newest first, as the pane shows them.
        Assert.Equal(["g-late", "g-b", "g-a"], view.Given.Select(r => r.Id));
        Assert.Equal(["r-late", "r-early"], view.Received.Select(r => r.Id));
        Assert.Equal((Sam, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)), (view.Partner, view.LastOneToOne!.Value));
    }

    /// <summary>"G+ Rwon": a given referral Sam followed up, a received one that was won.</summary>
    private static List<Referral> Parse(string referrals) =>
        referrals.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((spec, i) =>
        {
            var direction = spec[0] == 'G' ? ReferralDirection.Given : ReferralDirection.Received;
            bool? followedUp = spec.EndsWith('!') ? false : spec.EndsWith('+') ? true : null;
            var outcome = spec[1..].TrimEnd('!', '+') switch
            {
                "" => (ReferralOutcome?)null,
                "won" => ReferralOutcome.Won,
                "inprogress" => ReferralOutcome.InProgress,
                "notafit" => ReferralOutcome.NotAFit,
                "noresponse" => ReferralOutcome.NoResponse,
                "poormeeting" => ReferralOutcome.PoorMeeting,
                var other => throw new ArgumentException($"Unknown outcome {other}.", nameof(referrals)),
            };
            return Make($"r{i}", direction, followedUp, outcome);
        }).ToList();

    private static Referral Make(string id, ReferralDirection direction, bool? followedUp, ReferralOutcome? outcome) =>
        new(id, "m", direction, Sam, "Priya Raman", "priya@harbourlaw.co.nz", null, null, false, null,
            Referred, null, followedUp, outcome, null, null, null, outcome is null ? null : Referred.AddDays(3), null, null, null, Referred);
}
