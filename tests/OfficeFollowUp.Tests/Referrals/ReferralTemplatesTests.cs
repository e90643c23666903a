namespace OfficeFollowUp.Tests.Referrals;

public sealed class ReferralTemplatesTests
{
    private static ReferralNoteFacts Facts(string partner = "Sam Taylor", string prospect = "Alex Chen", string? betterFit = null) =>
        new(partner, prospect, "leasing advice", "Mere", "owners of growing trade businesses", BetterFit: betterFit);

    [Fact]
    public void Every_outcome_has_its_own_subject_and_wording_and_offers_help_back()
    {
        var notes = Enum.GetValues<ReferralOutcome>().Select(o => ReferralTemplates.CloseTheLoop(o, Facts())).ToList();

        Assert.Equal(notes.Count, notes.Select(n => n.Subject).Distinct().Count());
        Assert.Equal(notes.Count, notes.Select(n => n.Text).Distinct().Count());
        Assert.All(notes, n =>
        {
            Assert.StartsWith("<p>Hi Sam,</p>", n.Html, StringComparison.Ordinal);
            Assert.Contains("introduce you to in return", n.Text, StringComparison.Ordinal);
            Assert.Contains("owners of growing trade businesses", n.Text, StringComparison.Ordinal);
            Assert.EndsWith("Best wishes,\nMere", n.Text, StringComparison.Ordinal);
        });
        Assert.Contains("working together", notes[(int)ReferralOutcome.Won].Text, StringComparison.Ordinal);
        Assert.Contains("better fit", notes[(int)ReferralOutcome.NotAFit].Text, StringComparison.Ordinal);
        Assert.Contains("not managed to connect", notes[(int)ReferralOutcome.NoResponse].Text, StringComparison.Ordinal);
        Assert.Contains("did not find an immediate way to help each other", notes[(int)ReferralOutcome.PoorMeeting].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_fit_names_the_better_fit_when_the_user_gave_one()
    {
        var note = ReferralTemplates.CloseTheLoop(ReferralOutcome.NotAFit, Facts(betterFit: "Jo at Harbour Leasing"));

        Assert.Contains("I think Jo at Harbour Leasing would be a better fit", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_inserted_string_is_encoded_in_html_and_kept_on_one_line_in_text()
    {
        var hostile = new ReferralNoteFacts("<b>Sam</b> Taylor", "Alex <script>x()</script>", "a & b\r\nBcc: evil@example.org", "M<e>re",
            "<img src=x onerror=alert(1)>", CopyPartner: true, BetterFit: "\"Jo\" <jo@x>");
        var notes = Enum.GetValues<ReferralOutcome>().Select(o => ReferralTemplates.CloseTheLoop(o, hostile))
            .Append(ReferralTemplates.Intro(hostile)).Append(ReferralTemplates.CheckIn(hostile)).ToList();

        Assert.All(notes, n =>
        {
            Assert.DoesNotContain("<script", n.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", n.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", n.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<e>", n.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\r", n.Text, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', n.Subject);
        });
        var intro = ReferralTemplates.Intro(hostile);
        Assert.Contains("a &amp; b Bcc: evil@example.org", intro.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Sam&lt;/b&gt; Taylor suggested", intro.Html, StringComparison.Ordinal);
        // The partner's note has a full stop in it, so it is not sent as written: it is a placeholder quoting it.
        Assert.Contains("<b>Sam</b> Taylor suggested I get in touch about [<b>Sam</b>'s note: a & b Bcc: evil@example.org \u2014 say it in a few words].", intro.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_intro_says_who_referred_and_the_check_in_asks_whether_they_reached_the_prospect()
    {
        var intro = ReferralTemplates.Intro(Facts() with { CopyPartner = true });
        var checkIn = ReferralTemplates.CheckIn(Facts() with { ReferredAt = new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero) });

        Assert.Equal("Sam suggested we talk", intro.Subject);
        Assert.StartsWith("Hi Alex,\n\nSam Taylor suggested I get in touch about leasing advice.\n\nI have copied Sam", intro.Text, StringComparison.Ordinal);
        Assert.Equal("Were you able to reach Alex?", checkIn.Subject);
        Assert.True(checkIn.Text.Contains("whom I introduced you to on 18 November", StringComparison.Ordinal), checkIn.Text);
    }
}
