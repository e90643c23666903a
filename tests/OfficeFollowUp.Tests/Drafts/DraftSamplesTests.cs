using Xunit.Abstractions;

namespace OfficeFollowUp.Tests.Drafts;

/// <summary>
/// The three drafts issue 13 asked to see, rendered for people written the way users write them; the test prints each
/// one (notes/drafts-samples.md holds them) and fails if a private note reaches the recipient verbatim.
/// </summary>
public sealed class DraftSamplesTests(ITestOutputHelper output)
{
    private static readonly ReferralNoteFacts Referral = new("Mere Parata", "Tama Ngata", "Opening a second bakery…lease..", "Alex",
        "owners of growing trade businesses", CopyPartner: true, ReferredAt: new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero),
        BetterFit: "Jo at Harbour Leasing");

    private void Show(string kind, string subject, string text)
    {
        output.WriteLine($"=== {kind}");
        output.WriteLine($"Subject: {subject}");
        output.WriteLine(text);
    }

    [Fact]
    public void A_thank_you_with_a_remembered_detail_and_a_promise()
    {
        var facts = new NewAcquaintanceDraftFacts("daniel@kiwiledger.example", "Daniel Okafor", "Daniel", "Kererū Coffee Roasters", "Alex Morgan", "Alex", null,
            "Chamber of Commerce business mixer", "Just raised a seed round for his fintech…", "Introduce him to Łukasz at Kiwi Ledger", JobTitle: "Founder");

        var (subject, body) = ThankYouTemplate.Preview(facts);
        Show("thank-you", subject, body.Text);

        Assert.Equal("Great to meet you at the Chamber of Commerce business mixer", subject);
        Assert.DoesNotContain("I have been thinking about what you said", body.Text, StringComparison.Ordinal);
        Assert.Contains("[You mentioned: just raised a seed round for his fintech", body.Text, StringComparison.Ordinal);
        Assert.Contains("[You promised: introduce him to Łukasz at Kiwi Ledger", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("If there is someone I could introduce you to", body.Text, StringComparison.Ordinal);
        Assert.Contains("grab a coffee", body.Text, StringComparison.Ordinal);
    }

    /// <summary>The sandbox's Sofía: her Outlook notes ask for an introduction, so no generic offer stands beside them.</summary>
    [Fact]
    public void A_thank_you_to_someone_whose_notes_ask_for_an_introduction()
    {
        var facts = new NewAcquaintanceDraftFacts("sofia@tidewaterarchitects.co.nz", "Sofía Martínez-Ortega", "Sofía", "Tidewater Architects", "Alex Morgan", "Alex", null,
            "Harbour Business Mixer", JobTitle: "Principal Architect",
            PersonalNotes: "Designing a co-working space in Te Aro; wants an introduction to a commercial lawyer.");

        var (subject, body) = ThankYouTemplate.Preview(facts);
        Show("thank-you, notes ask for an introduction", subject, body.Text);

        Assert.Contains("[You mentioned: designing a co-working space in Te Aro; wants an introduction to a commercial lawyer \u2014 say whom you could introduce, or how you could help]", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("If there is someone I could introduce you to", body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_contact()
    {
        var note = ReferralTemplates.Intro(Referral);
        Show("referral-contact", note.Subject, note.Text);

        Assert.DoesNotContain("about Opening a second bakery", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("...", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_not_a_fit_close_the_loop()
    {
        var note = ReferralTemplates.CloseTheLoop(ReferralOutcome.NotAFit, Referral);
        Show("close-not-a-fit", note.Subject, note.Text);

        Assert.Contains("I think Jo at Harbour Leasing would be a better fit, and I have said so to Tama.", note.Text, StringComparison.Ordinal);
    }
}
