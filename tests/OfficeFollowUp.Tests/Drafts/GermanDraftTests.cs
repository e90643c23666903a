using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace OfficeFollowUp.Tests.Drafts;

/// <summary>
/// A mailbox in German gets German defaults for every kind of draft, and everything around the template (the
/// "Before sending…" line, the sign-off, placeholder wording, event, date) is German too: no English fragment. The
/// English note-rewriting rules do not apply; every note becomes a placeholder, never sent as written.
/// </summary>
public partial class GermanDraftTests(ITestOutputHelper output)
{
    private const string Mailbox = "de-DE";

    private static readonly NewAcquaintanceDraftFacts Priya = new("priya@harbourlaw.example", "Priya Raman", "Priya", "Harbour Law", "Alex Morgan", "Alex", null,
        "Unternehmerfrühstück der IHK", "ihre Kanzlei zieht nach Ponsonby", "den Leitfaden zur Gewerbemiete", "PHONE", "Managing Partner", Language: Mailbox);

    private static readonly ReferralNoteFacts Referral = new("Mere Parata", "Tama Ngata", "Eröffnung einer zweiten Bäckerei", "Alex", "Inhaber wachsender Handwerksbetriebe",
        CopyPartner: true, ReferredAt: new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), BetterFit: "Jo von Harbour Leasing",
        OutcomeNote: "sie haben einen Mietvertrag über zwei Jahre unterschrieben", Language: Mailbox);

    [Theory]
    [InlineData("de-DE")]
    [InlineData("de-AT")]
    [InlineData("de")]
    [InlineData("DE-ch")]
    public void Every_kind_has_a_German_default_for_a_German_mailbox(string language)
    {
        foreach (var kind in Enum.GetValues<DraftKind>())
        {
            Assert.NotEqual(DefaultTemplates.For(kind, "en-NZ"), DefaultTemplates.For(kind, language));
            Assert.StartsWith("Hallo {FirstName}, || Guten Tag,", DefaultTemplates.For(kind, language).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_German_thank_you_has_no_English_fragment_and_never_sends_a_note_as_written()
    {
        var (subject, body) = ThankYouTemplate.Preview(Priya);
        var text = body.Text;
        output.WriteLine($"Subject: {subject}\n{text}");

        Assert.Equal("Schön, Sie bei \u201EUnternehmerfrühstück der IHK\u201C kennengelernt zu haben", subject);
        Assert.StartsWith("[Vor dem Senden: die 2 markierten Teile in eigenen Worten neu schreiben, dann diese Zeile löschen]\n\nHallo Priya,\n\nvielen Dank für das Gespräch bei \u201EUnternehmerfrühstück der IHK\u201C.", text, StringComparison.Ordinal);
        Assert.Contains("[Ihre Notiz: ihre Kanzlei zieht nach Ponsonby \u2014 hier etwas dazu schreiben]", text, StringComparison.Ordinal);
        Assert.Contains("[Ihr Versprechen: den Leitfaden zur Gewerbemiete \u2014 hier schreiben, wie Sie es einlösen]", text, StringComparison.Ordinal);
        Assert.Contains("Falls ein Anruf für Sie einfacher ist, passt mir das genauso.", text, StringComparison.Ordinal);
        Assert.EndsWith("Viele Grüße\nAlex", text, StringComparison.Ordinal);
        AssertNoEnglish(subject + "\n" + text);
    }

    [Fact]
    public void Without_notes_the_German_thank_you_offers_an_introduction_and_has_nothing_to_edit()
    {
        var (_, body) = ThankYouTemplate.Preview(Priya with { Remember = null, Promised = null, PreferredChannel = null });

        Assert.Equal(
            "Hallo Priya,\n\nvielen Dank für das Gespräch bei \u201EUnternehmerfrühstück der IHK\u201C. Es hat mich gefreut, Sie kennenzulernen.\n\n"
            + "Es war spannend, von Ihrer Arbeit als Managing Partner bei Harbour Law zu hören.\n\n"
            + "Wenn ich Sie mit jemandem bekannt machen kann, sagen Sie einfach Bescheid.\n\n"
            + "Hätten Sie Lust, in den nächsten Wochen einen Kaffee zu trinken? Ich würde gern mehr darüber hören, woran Sie gerade arbeiten.\n\n"
            + "Viele Grüße\nAlex",
            body.Text);
    }

    [Theory]
    [InlineData("wants an introduction to a commercial lawyer")]
    [InlineData("sucht Kontakt zu einem Steuerberater")]
    public void A_request_in_a_German_mailbox_is_a_placeholder_and_the_generic_offer_is_left_out(string note)
    {
        var (_, body) = ThankYouTemplate.Preview(Priya with { Remember = null, Promised = null, PersonalNotes = note });

        Assert.Contains($"[Ihre Notiz: {note} \u2014 hier schreiben, wen Sie vorstellen oder wie Sie helfen können]", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wenn ich Sie mit jemandem bekannt machen kann", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("You mentioned", body.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DraftKind.ReferralContact)]
    [InlineData(DraftKind.ReferralCheckIn)]
    [InlineData(DraftKind.CloseWon)]
    [InlineData(DraftKind.CloseInProgress)]
    [InlineData(DraftKind.CloseNotAFit)]
    [InlineData(DraftKind.CloseNoResponse)]
    [InlineData(DraftKind.ClosePoorMeeting)]
    public void A_German_referral_note_has_no_English_fragment(DraftKind kind)
    {
        var note = ReferralTemplates.Render(kind, Referral);
        output.WriteLine($"Subject: {note.Subject}\n{note.Text}");

        Assert.StartsWith(kind is DraftKind.ReferralContact or DraftKind.CloseWon or DraftKind.CloseInProgress ? "[Vor dem Senden: den markierten Teil" : "Hallo ", note.Text, StringComparison.Ordinal);
        Assert.EndsWith("Viele Grüße\nAlex", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Eröffnung einer zweiten Bäckerei bei", note.Text, StringComparison.Ordinal);
        AssertNoEnglish(note.Subject + "\n" + note.Text);
        if (kind == DraftKind.ReferralCheckIn)
        {
            Assert.Contains("am 18. November mit Tama Ngata bekannt gemacht", note.Text, StringComparison.Ordinal);
        }

        if (kind == DraftKind.ReferralContact)
        {
            Assert.Contains("wegen [Laut Mere: Eröffnung einer zweiten Bäckerei \u2014 in wenigen Worten beschreiben] bei Ihnen zu melden.", note.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DraftKind.ThankYou)]
    [InlineData(DraftKind.ReferralContact)]
    [InlineData(DraftKind.CloseWon)]
    [InlineData(DraftKind.CloseNotAFit)]
    public void The_template_preview_in_a_German_mailbox_uses_a_German_sample_person(DraftKind kind)
    {
        var preview = SamplePerson.Render(kind, DefaultTemplates.For(kind, Mailbox), "Alex Morgan", "Alex", null, "", Mailbox);
        output.WriteLine($"Subject: {preview.Subject}\n{preview.Text}");

        AssertNoEnglish(preview.Subject + "\n" + preview.Text);
        if (kind is DraftKind.CloseWon or DraftKind.CloseNotAFit)
        {
            Assert.Contains("\n\nUnd zur Erinnerung, was mir am meisten hilft: Inhaber wachsender Handwerksbetriebe.\n\n", preview.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_English_mailbox_keeps_English_words()
    {
        var (_, body) = ThankYouTemplate.Preview(Priya with { Language = "en-NZ" });

        Assert.StartsWith("[Before sending:", body.Text, StringComparison.Ordinal);
        Assert.EndsWith("Best wishes,\nAlex", body.Text, StringComparison.Ordinal);
    }

    private static void AssertNoEnglish(string text)
    {
        var match = EnglishWord().Match(text);
        Assert.False(match.Success, $"English \"{match.Value}\" in: {text}");
    }

    [GeneratedRegex(@"\b(the|you|your|and|to|of|at|is|I|my|me|we|Hi|Hello|Thank|thanks|Best|wishes|Before|sending|mentioned|promised|say|note|introduce|help|Great|meet|coffee|about|update|would|with|for|in return|delete|line|rewrite|highlighted|words)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();
}
