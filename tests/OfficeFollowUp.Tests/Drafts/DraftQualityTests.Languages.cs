using System.Text.RegularExpressions;

namespace OfficeFollowUp.Tests.Drafts;

/// <summary>
/// The same realistic people in a German mailbox (every kind of draft reads well in German, and no English frame word
/// leaks into it, whatever language the user's own notes are in), and the frame of the user's own wording following the
/// language it is written in, both ways.
/// </summary>
public partial class DraftQualityTests
{
    private const string GermanMailbox = "de-DE";

    public static TheoryData<string> GermanThankYouCases => [.. People.Select(p => p.Case)];

    [Theory]
    [MemberData(nameof(GermanThankYouCases))]
    public void A_German_thank_you_reads_well_whatever_is_known(string name)
    {
        var person = People.Single(p => p.Case == name);
        var (subject, body) = ThankYouTemplate.Preview(new NewAcquaintanceDraftFacts(person.Email, person.DisplayName, person.Given, person.Company, "Alex Morgan", "Alex", null,
            person.Event, person.Remember, person.Promised, person.Channel, PersonalNotes: person.Notes, Language: GermanMailbox));
        var text = body.Text;

        AssertReadsWellInGerman(subject, text);
        AssertNoEnglishFrame(subject + "\n" + text);
        Assert.Contains("Hätten Sie Lust, in den nächsten Wochen einen Kaffee zu trinken?", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nViele Grüße\nAlex", text, StringComparison.Ordinal);
        if (person.Asks)
        {
            Assert.DoesNotContain("Wenn ich Sie mit jemandem bekannt machen kann", text, StringComparison.Ordinal);
            Assert.Contains(DraftWords.German.AnswerTheAsk, text, StringComparison.Ordinal);
        }
        else if (string.IsNullOrWhiteSpace(person.Promised))
        {
            Assert.Contains("Wenn ich Sie mit jemandem bekannt machen kann, sagen Sie einfach Bescheid.", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Wenn ich Sie mit jemandem bekannt machen kann", text, StringComparison.Ordinal);
        }

        // Outside English no note is ever rewritten: each one only ever stands inside a marked placeholder.
        foreach (var note in new[] { person.Remember, person.Promised, person.Notes })
        {
            if (PrepareNoteFacts.Clean(note) is { } clean && !clean.StartsWith("http", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(clean[..Math.Min(clean.Length, 20)], OutsidePlaceholders(text), StringComparison.OrdinalIgnoreCase);
            }
        }

        if (text.Contains('[', StringComparison.Ordinal))
        {
            Assert.StartsWith("[Vor dem Senden:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_German_request_in_the_contacts_notes_is_said_beside_a_separate_remembered_detail()
    {
        var person = People.Single(p => p.Case == "remembered detail and notes that ask");
        var (_, body) = ThankYouTemplate.Preview(new NewAcquaintanceDraftFacts(person.Email, person.DisplayName, person.Given, person.Company, "Alex Morgan", "Alex", null,
            person.Event, "eröffnet eine zweite Bäckerei", null, PersonalNotes: "Möchte Kontakt zu einer Anwältin für Gewerberecht", Language: GermanMailbox));

        Assert.StartsWith("[Vor dem Senden: die 2 markierten Teile", body.Text, StringComparison.Ordinal);
        Assert.Contains("\n\n[Ihre Notiz: eröffnet eine zweite Bäckerei \u2014 hier etwas dazu schreiben] "
            + "[Ihre Notiz: Möchte Kontakt zu einer Anwältin für Gewerberecht \u2014 hier schreiben, wen Sie vorstellen oder wie Sie helfen können]\n\n", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wenn ich Sie mit jemandem bekannt machen kann", body.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> GermanReferralCases => ReferralCases;

    [Theory]
    [MemberData(nameof(GermanReferralCases))]
    public void A_German_referral_note_reads_well_whatever_is_known(string kind, string facts)
    {
        var draftKind = DraftKinds.Parse(kind)!.Value;
        var note = ReferralTemplates.Render(draftKind, ReferralPeople[facts] with { Language = GermanMailbox });

        AssertReadsWellInGerman(note.Subject, note.Text);
        AssertNoEnglishFrame(note.Subject + "\n" + note.Text);
        AssertNotesStayPrivate(draftKind, ReferralPeople[facts], note.Text, rewritesNotes: false);
        Assert.EndsWith("\n\nViele Grüße\n" + ReferralPeople[facts].Sender, note.Text, StringComparison.Ordinal);
        // A better fit named, the generic "if you know someone" gives way to it.
        if (draftKind == DraftKind.CloseNotAFit && !string.IsNullOrWhiteSpace(ReferralPeople[facts].BetterFit))
        {
            Assert.DoesNotContain("Wenn Sie jemanden kennen, der sich auf", note.Text, StringComparison.Ordinal);
        }
        if (note.Text.Contains('[', StringComparison.Ordinal))
        {
            Assert.StartsWith("[Vor dem Senden:", note.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Referrals:LookingFor is the user's own words, written once for every draft: a German draft says it inside the
    /// German sentence, as written (it is not a note about anybody, so it needs no rewriting), and nothing around it is English.
    /// </summary>
    [Theory]
    [InlineData(ReferralOutcome.Won)]
    [InlineData(ReferralOutcome.InProgress)]
    [InlineData(ReferralOutcome.NotAFit)]
    [InlineData(ReferralOutcome.NoResponse)]
    [InlineData(ReferralOutcome.PoorMeeting)]
    public void What_the_user_is_looking_for_stands_as_written_in_the_German_sentence(ReferralOutcome outcome)
    {
        var note = ReferralTemplates.CloseTheLoop(outcome, ReferralPeople["plain"] with { Language = GermanMailbox });

        Assert.Contains("\n\nUnd zur Erinnerung, was mir am meisten hilft: owners of growing trade businesses.\n\n", note.Text, StringComparison.Ordinal);
        AssertNoEnglishFrame(note.Subject + "\n" + note.Text);
    }

    private static readonly DraftTemplate EnglishThankYou = new(
        "Lovely to meet you, {FirstName}",
        "Hi {FirstName},\n{Remembered} || It was good to meet you.\nWould you like to grab a coffee soon?");

    private static readonly DraftTemplate GermanThankYou = new(
        "Schön, Sie kennengelernt zu haben, {FirstName}",
        "Hallo {FirstName},\n{Remembered} || es hat mich gefreut, Sie kennenzulernen.\nHätten Sie Lust auf einen Kaffee?");

    private static NewAcquaintanceDraftFacts Priya(string mailbox) => new("priya@harbourlaw.example", "Priya Raman", "Priya", "Harbour Law", "Alex Morgan", "Alex", null,
        Remember: "her firm is moving to Ponsonby", Language: mailbox);

    [Fact]
    public void English_wording_in_a_German_mailbox_gets_the_English_frame()
    {
        var text = ThankYouTemplate.Preview(Priya(GermanMailbox), EnglishThankYou).Body.Text;

        Assert.Equal(
            "[Before sending: rewrite the highlighted part in your own words, then delete this line]\n\nHi Priya,\n\n"
            + "[You mentioned: her firm is moving to Ponsonby \u2014 say something about it]\n\nWould you like to grab a coffee soon?\n\nBest wishes,\nAlex",
            text);
    }

    [Fact]
    public void German_wording_in_an_English_mailbox_gets_the_German_frame()
    {
        var text = ThankYouTemplate.Preview(Priya("en-NZ"), GermanThankYou).Body.Text;

        Assert.Equal(
            "[Vor dem Senden: den markierten Teil in eigenen Worten neu schreiben, dann diese Zeile löschen]\n\nHallo Priya,\n\n"
            + "[Ihre Notiz: her firm is moving to Ponsonby \u2014 hier etwas dazu schreiben]\n\nHätten Sie Lust auf einen Kaffee?\n\nViele Grüße\nAlex",
            text);
    }

    [Theory]
    [InlineData("de-DE", "[Vor dem Senden:", "Viele Grüße\nAlex")]
    [InlineData("de-AT", "[Vor dem Senden:", "Viele Grüße\nAlex")]
    [InlineData("en-NZ", "[Before sending:", "Best wishes,\nAlex")]
    [InlineData("fr-FR", "[Before sending:", "Best wishes,\nAlex")]
    [InlineData(null, "[Before sending:", "Best wishes,\nAlex")]
    public void Untouched_defaults_follow_the_mailboxs_language(string? mailbox, string first, string last)
    {
        var text = ThankYouTemplate.Preview(Priya(mailbox!)).Body.Text;

        Assert.StartsWith(first, text, StringComparison.Ordinal);
        Assert.EndsWith(last, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_language_saved_with_the_wording_wins_and_wording_without_words_follows_the_mailbox()
    {
        var bare = new DraftTemplate("{FirstName}", "{FirstName},\n{Remembered}");

        Assert.Null(DraftLanguage.Detect(bare));
        Assert.EndsWith("Viele Grüße\nAlex", ThankYouTemplate.Preview(Priya(GermanMailbox), bare).Body.Text, StringComparison.Ordinal);
        Assert.EndsWith("Best wishes,\nAlex", ThankYouTemplate.Preview(Priya("en-GB"), bare).Body.Text, StringComparison.Ordinal);
        Assert.EndsWith("Best wishes,\nAlex", ThankYouTemplate.Preview(Priya(GermanMailbox), bare with { Language = "en" }).Body.Text, StringComparison.Ordinal);
        Assert.EndsWith("Viele Grüße\nAlex", ThankYouTemplate.Preview(Priya("en-NZ"), EnglishThankYou with { Language = "de" }).Body.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Each_default_is_read_as_written_in_its_own_language(DraftKind kind)
    {
        Assert.Equal("en", DraftLanguage.Detect(DefaultTemplates.For(kind, "en") with { Language = null }));
        Assert.Equal("de", DraftLanguage.Detect(DefaultTemplates.For(kind, "de") with { Language = null }));
    }

    public static TheoryData<DraftKind> AllKinds => [.. Enum.GetValues<DraftKind>()];

    [Fact]
    public void An_English_close_the_loop_wording_in_a_German_mailbox_gets_the_English_frame_and_placeholders()
    {
        var wording = new DraftTemplate("About {ProspectFirstName}", "Hi {FirstName},\nThanks for thinking of me for {ProspectName}.\n{OutcomeNote}\nWhat helps me most: {LookingFor}.");
        var note = ReferralTemplates.Render(DraftKind.CloseInProgress, ReferralPeople["third-person notes"] with { Language = GermanMailbox, LookingFor = "Handwerksbetriebe" }, wording);

        Assert.StartsWith("[Before sending: rewrite the highlighted part in your own words", note.Text, StringComparison.Ordinal);
        Assert.Contains("[Your note: Sam said Alex was thrilled with the result \u2014 say it in your own words]", note.Text, StringComparison.Ordinal);
        Assert.EndsWith("What helps me most: Handwerksbetriebe.\n\nBest wishes,\nMere", note.Text, StringComparison.Ordinal);
    }

    public static TheoryData<DraftKind, string, string> PreviewCases
    {
        get
        {
            var data = new TheoryData<DraftKind, string, string>();
            foreach (var kind in Enum.GetValues<DraftKind>())
            {
                foreach (var (written, mailbox) in new[] { ("en", "de-DE"), ("de", "en-NZ"), ("en", "en-NZ"), ("de", "de-DE") })
                {
                    data.Add(kind, written, mailbox);
                }
            }
            return data;
        }
    }

    /// <summary>The editor's preview speaks the wording's language: its sample person, frame and count of parts to edit agree.</summary>
    [Theory]
    [MemberData(nameof(PreviewCases))]
    public void The_preview_of_wording_in_either_language_in_either_mailbox_counts_what_it_highlights(DraftKind kind, string written, string mailbox)
    {
        var preview = SamplePerson.Render(kind, DefaultTemplates.For(kind, written) with { Language = null }, "Alex Morgan", "Alex", null, "", mailbox);

        Assert.Equal(written, preview.Language);
        var marked = Regex.Matches(preview.Text, @"\[").Count;
        Assert.Equal(marked == 0 ? 0 : marked - 1, preview.ToEdit);
        Assert.EndsWith(written == "de" ? "Viele Grüße\nAlex" : "Best wishes,\nAlex", preview.Text, StringComparison.Ordinal);
        if (written == "de")
        {
            AssertNoEnglishFrame(preview.Subject + "\n" + preview.Text);
        }
    }

    private static void AssertReadsWellInGerman(string subject, string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.False(char.IsLower(subject[0]), $"The subject starts in lowercase: {subject}");
        foreach (var words in new[] { subject, text })
        {
            Assert.DoesNotMatch(DoubledPunctuation(), words);
            Assert.DoesNotMatch(UnfilledSlot(), words);
            Assert.DoesNotMatch(EmptyPlaceholder(), words);
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
            Assert.DoesNotContain(" ,", words, StringComparison.Ordinal);
            Assert.DoesNotContain(" .", words, StringComparison.Ordinal);
        }

        // A German letter goes on in lowercase after the greeting's comma ("Hallo Priya," / "vielen Dank …"); nowhere else.
        var paragraphs = text.Split("\n\n");
        for (var i = 0; i < paragraphs.Length; i++)
        {
            Assert.False(paragraphs[i].Length == 0, text);
            var afterGreeting = i > 0 && paragraphs[i - 1].EndsWith(',');
            Assert.False(char.IsLower(paragraphs[i][0]) && !afterGreeting, $"A paragraph starts in lowercase: {paragraphs[i]}");
        }

        foreach (Match sentence in SentenceStart().Matches(text))
        {
            Assert.False(char.IsLower(sentence.Groups[1].Value[0]), $"A sentence starts in lowercase: …{sentence.Value}");
        }
    }

    /// <summary>
    /// Every piece of English the product itself writes: the English defaults' sentences (slots cut out), the English
    /// words around a draft and the English note rewrites. None may appear in a German draft; the user's own words may.
    /// </summary>
    private static readonly string[] EnglishFrame =
    [
        .. Enum.GetValues<DraftKind>()
            .SelectMany(k => new[] { DefaultTemplates.For(k, "en").Subject, DefaultTemplates.For(k, "en").Body })
            .SelectMany(t => SlotOrAlternative().Split(t))
            .Select(p => p.Trim(' ', '\n', ',', '.', '?', ':'))
            .Where(p => p.Length >= 8),
        .. new[]
            {
                DraftWords.English.BeforeSendingOne, DraftWords.English.BeforeSendingMany, DraftWords.English.SignOff, DraftWords.English.Mentioned,
                DraftWords.English.MentionedAsk, DraftWords.English.AnswerTheAsk, DraftWords.English.Promise, DraftWords.English.LinkPromised,
                DraftWords.English.FewWords, DraftWords.English.OwnWords, DraftWords.English.NoteOf, DraftWords.English.SomeonesNote, DraftWords.English.Call,
            }
            .SelectMany(w => FormatItem().Split(w))
            .Select(p => p.Trim(' ', ':', '\u2014'))
            .Where(p => p.Length >= 5),
        "You mentioned that", "As promised", "add it here before sending", "I would like to introduce you to", "add how to reach them",
    ];

    private static void AssertNoEnglishFrame(string text)
    {
        foreach (var fragment in EnglishFrame)
        {
            Assert.False(text.Contains(fragment, StringComparison.Ordinal), $"English \"{fragment}\" in: {text}");
        }

        Assert.DoesNotMatch(EnglishGreetingOrArticle(), text);
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}|\|\|")]
    private static partial Regex SlotOrAlternative();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex FormatItem();

    /// <summary>"Hi Priya," / "Hello," and "at the …" before an event.</summary>
    [GeneratedRegex(@"(^|\n)(Hi|Hello)\b| at the ")]
    private static partial Regex EnglishGreetingOrArticle();
}
