using System.Text.RegularExpressions;

namespace OfficeFollowUp.Tests.Drafts;

/// <summary>
/// Drafts read as text, over realistic people: whatever is known or missing, the rendered words have no doubled
/// punctuation, no sentence starting in lowercase, no empty or unfilled slot, no private third-person note addressed to
/// its subject, and no generic sentence beside the specific one it contradicts.
/// </summary>
public partial class DraftQualityTests
{
    /// <param name="Notes">The Outlook contact's personal notes.</param>
    /// <param name="Asks">Whether the person asked for an introduction or help (in <paramref name="Remember"/> or <paramref name="Notes"/>).</param>
    private sealed record Person(string Case, string Email, string DisplayName, string? Given, string? Company, string? Event, string? Remember, string? Promised,
        string? Channel = null, string? Notes = null, bool Asks = false);

    private static readonly Person[] People =
    [
        new("everything known", "priya@harbourlaw.co.nz", "Priya Raman", "Priya", "Harbour Law", "Chamber business mixer", "wants an introduction to a commercial lawyer", "https://example.org/guide", Asks: true),
        new("no company", "kim@example.org", "Kim Tan", "Kim", null, "BNI chapter meeting", null, null),
        new("no given name", "sam@bakery.co.nz", "Sam Baker", null, "Baker & Sons", null, null, null),
        new("family name first", "wei@kiwiledger.nz", "Chen, Wei", null, "Kiwi Ledger", "The Friday meetup", null, "send the pricing sheet"),
        new("non-ASCII names", "lukasz@kiwiledger.nz", "Łukasz Żółć", "Łukasz", "Kererū Coffee Roasters", "Kererū networking breakfast", "Just raised a seed round for his fintech…", "Introduce him to Łukasz at Kiwi Ledger", "WhatsApp"),
        new("third-person note", "mere@tane.example", "Mere Tane", "Mere", null, null, "She is opening a second bakery…lease..", "call her about the lease"),
        new("trailing ellipses", "jo@example.org", "Jo", null, null, "mixer...", "looking for a bookkeeper...", "the name of my accountant...", Asks: true),
        new("empty notes", "ana@silva.pt", "Ana Silva", "Ana", "Silva Lda", null, "   ", ""),
        new("long note", "tom@example.org", "Tom Hill", "Tom", null, null, string.Join(' ', Enumerable.Repeat("wants help with cash flow forecasting, hiring and the new warehouse lease", 6)), null, Asks: true),
        new("only an address", "x@example.org", "x@example.org", null, null, null, null, null),
        new("lowercase name", "zoe@example.org", "zoë ångström", null, "acme ltd.", null, null, null, "LinkedIn"),
        new("notes ask for an introduction", "sofia@tidewaterarchitects.co.nz", "Sofía Martínez-Ortega", "Sofía", "Tidewater Architects", "Harbour Business Mixer", null, null,
            Notes: "Designing a co-working space in Te Aro; wants an introduction to a commercial lawyer.", Asks: true),
        new("notes look for someone", "anahera@kererucoffee.co.nz", "Anahera Rāwiri", "Anahera", "Kererū Coffee Roasters", null, null, null,
            Notes: "Looking for a bookkeeper; I promised to send Łukasz's details.", Asks: true),
        new("remembered asks for advice, notes do not", "ben@example.org", "Ben Thompson", "Ben", "Thompson Landscapes", null, "needs advice on export licences", null,
            Notes: "Keen sailor", Asks: true),
        new("notes that ask nothing", "bjorn@nordlys.example", "Björn Østergaard", "Björn", "Nordlys Renewables", null, null, null, Notes: "Keen sailor; two kids at Thorndon School."),
        new("helped run the mixer", "aroha@example.org", "Aroha Walker", "Aroha", null, null, "helped run the mixer", null),
        new("remembered detail and notes that ask", "tama@ngata.example", "Tama Ngata", "Tama", "Ngata Bakery", "Chamber business mixer", "is opening a second bakery", null,
            Notes: "Wants an introduction to a commercial lawyer.", Asks: true),
        new("third-person remembered detail and notes", "mere@parata.example", "Parata, Mere", null, null, null, "She is opening a second bakery…", "send the leasing guide",
            Notes: "He said she wants an intro to his lawyer...", Asks: true),
        new("long notes with a remembered detail", "jurgen@weiss.example", "Jürgen Weiß", "Jürgen", "Weiß Tischlerei", null, "loves sailing",
            null, Notes: string.Join(' ', Enumerable.Repeat("Looking for a bookkeeper who knows joinery and export paperwork, and someone for the new workshop lease", 4)), Asks: true),
        new("German notes in the third person", "anke@example.de", "Anke Müller-Lüdenscheidt", "Anke", "Müller Bau", "IHK-Frühstück…", null, null,
            Notes: "sucht einen Steuerberater für ihre Firma…", Asks: true),
    ];

    public static TheoryData<string> ThankYouCases => [.. People.Select(p => p.Case)];

    private static string ThankYouText(Person p, out string subject)
    {
        var (s, body) = ThankYouTemplate.Preview(new NewAcquaintanceDraftFacts(p.Email, p.DisplayName, p.Given, p.Company, "Alex Morgan", "Alex", null, p.Event, p.Remember, p.Promised, p.Channel, PersonalNotes: p.Notes));
        subject = s;
        return body.Text;
    }

    [Theory]
    [MemberData(nameof(ThankYouCases))]
    public void A_thank_you_reads_well_whatever_is_known(string name)
    {
        var person = People.Single(p => p.Case == name);
        var text = ThankYouText(person, out var subject);

        AssertReadsWell(subject, text);
        Assert.Contains("grab a coffee in the next few weeks", text, StringComparison.Ordinal);
        // A specific promise and the generic offer of an introduction never stand side by side.
        Assert.False(!string.IsNullOrWhiteSpace(person.Promised) && text.Contains("If there is someone I could introduce you to", StringComparison.Ordinal), text);
        // Nor beside a request for an introduction or help: the request is answered in the user's words instead.
        if (person.Asks)
        {
            Assert.DoesNotContain("If there is someone I could introduce you to", text, StringComparison.Ordinal);
            Assert.Contains("say whom you could introduce, or how you could help", text, StringComparison.Ordinal);
        }
        else if (string.IsNullOrWhiteSpace(person.Promised))
        {
            Assert.Contains("If there is someone I could introduce you to, just let me know.", text, StringComparison.Ordinal);
        }

        // The note is about them in the third person: it never reaches them as written, only inside a marked placeholder.
        foreach (var note in new[] { person.Remember, person.Promised, person.Notes })
        {
            if (PrepareNoteFacts.Clean(note) is { } clean && PrepareNoteFacts.IsThirdPerson(clean, person.DisplayName, person.Given))
            {
                Assert.DoesNotContain(clean[..Math.Min(clean.Length, 20)], OutsidePlaceholders(text), StringComparison.OrdinalIgnoreCase);
            }
        }

        if (text.Contains('[', StringComparison.Ordinal))
        {
            Assert.StartsWith("[Before sending:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_request_in_the_contacts_notes_is_said_beside_a_separate_remembered_detail()
    {
        var text = ThankYouText(People.Single(p => p.Case == "remembered detail and notes that ask"), out _);

        Assert.Contains("\n\nYou mentioned that you are opening a second bakery. "
            + "You also mentioned that you want an introduction to a commercial lawyer. [say whom you could introduce, or how you could help]\n\n", text, StringComparison.Ordinal);
        Assert.StartsWith("[Before sending: rewrite the highlighted part in your own words", text, StringComparison.Ordinal);
        Assert.DoesNotContain("If there is someone I could introduce you to", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_placeholders_in_one_paragraph_are_counted_as_two_parts_to_edit()
    {
        var text = ThankYouText(People.Single(p => p.Case == "third-person remembered detail and notes"), out _);

        Assert.StartsWith("[Before sending: rewrite the 3 highlighted parts in your own words", text, StringComparison.Ordinal);
        Assert.Contains("[You mentioned: she is opening a second bakery \u2014 say something about it] [You mentioned: he said she wants an intro to his lawyer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_names_the_event_when_there_is_one()
    {
        ThankYouText(People[0], out var withEvent);
        ThankYouText(People[2], out var without);

        Assert.Equal("Great to meet you at the Chamber business mixer", withEvent);
        Assert.Equal("Great to meet you, Sam", without);
    }

    [Fact]
    public void A_name_written_family_name_first_with_a_comma_is_greeted_by_the_given_name()
    {
        Assert.StartsWith("[Before sending", ThankYouText(People[3], out _), StringComparison.Ordinal);
        Assert.Contains("\n\nHi Wei,\n\n", ThankYouText(People[3], out _), StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_known_only_by_address_is_greeted_without_a_name()
    {
        var text = ThankYouText(People.Single(p => p.Case == "only an address"), out var subject);

        Assert.StartsWith("Hello,\n\n", text, StringComparison.Ordinal);
        Assert.Equal("Great to meet you", subject);
    }

    public static TheoryData<string, string> ReferralCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var kind in Enum.GetValues<DraftKind>().Where(k => k != DraftKind.ThankYou))
            {
                foreach (var facts in ReferralPeople.Keys)
                {
                    data.Add(DraftKinds.Name(kind), facts);
                }
            }
            return data;
        }
    }

    private static readonly Dictionary<string, ReferralNoteFacts> ReferralPeople = new()
    {
        ["plain"] = new("Sam Taylor", "Alex Chen", "leasing advice", "Mere", "owners of growing trade businesses", BetterFit: "Jo at Harbour Leasing", OutcomeNote: "they signed a two-year lease"),
        ["third-person need"] = new("Sam Taylor", "Alex Chen", "Opening a second bakery…lease..", "Mere", null, CopyPartner: true, OutcomeNote: "Sam said he was pleased..."),
        ["single names"] = new("Sam", "Łukasz", null, "Mere", "accountants.", ReferredAt: new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero)),
        ["lowercase names"] = new("sam taylor", "alex chen", "bookkeeping", "mere", "", BetterFit: "jo at harbour leasing."),
        ["family name first"] = new("Taylor, Sam", "Chen, Alex", "leasing advice", "Mere", "accountants", CopyPartner: true, BetterFit: "Harbour Leasing"),
        ["non-ASCII names"] = new("Łukasz Żółć", "Sofía Martínez-Ortega", "Büroräume in Te Aro", "Mere", "Gründerinnen und Gründer", CopyPartner: true,
            BetterFit: "Jürgen at Weiß Tischlerei", OutcomeNote: "Łukasz was delighted"),
        ["third-person notes"] = new("Sam Taylor", "Alex Chen", "He needs help with his lease", "Mere", null, OutcomeNote: "Sam said Alex was thrilled with the result"),
        ["trailing ellipses"] = new("Sam Taylor", "Alex Chen", "leasing advice...", "Mere", "owners of growing trade businesses…", BetterFit: "Jo at Harbour Leasing…",
            OutcomeNote: "they signed a two-year lease..."),
        ["empty notes"] = new("Sam Taylor", "Alex Chen", "   ", "Mere", " ", BetterFit: "", OutcomeNote: "\n"),
        ["long notes"] = new("Sam Taylor", "Alex Chen", string.Join(' ', Enumerable.Repeat("leasing advice for a second site, staff contracts and a new point-of-sale system", 4)), "Mere",
            "owners of growing trade businesses", OutcomeNote: string.Join(' ', Enumerable.Repeat("we met twice, scoped the work and agreed a start date for the fit-out", 5))),
        ["only an address"] = new("sam@taylorlaw.example", "alex@kiwisolar.example", "leasing advice", "Mere", null),
    };

    [Theory]
    [MemberData(nameof(ReferralCases))]
    public void A_referral_note_reads_well_whatever_is_known(string kind, string facts)
    {
        var note = ReferralTemplates.Render(DraftKinds.Parse(kind)!.Value, ReferralPeople[facts]);

        AssertReadsWell(note.Subject, note.Text);
        Assert.DoesNotContain("Opening a second bakery", note.Text, StringComparison.Ordinal);
        AssertNotesStayPrivate(DraftKinds.Parse(kind)!.Value, ReferralPeople[facts], note.Text, rewritesNotes: true);
        if (kind == "close-not-a-fit" && !string.IsNullOrWhiteSpace(ReferralPeople[facts].BetterFit))
        {
            Assert.DoesNotContain("If you know someone who specialises", note.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_looking_for_leaves_the_sentence_out_of_a_real_draft(string? lookingFor)
    {
        foreach (var outcome in Enum.GetValues<ReferralOutcome>())
        {
            var note = ReferralTemplates.CloseTheLoop(outcome, ReferralPeople["plain"] with { LookingFor = lookingFor });

            Assert.DoesNotContain("helps me most", note.Text, StringComparison.Ordinal);
            AssertReadsWell(note.Subject, note.Text);
        }
    }

    /// <summary>
    /// A referral's note about the prospect goes to the prospect, and an outcome note goes to the partner: one written
    /// about its recipient (the prospect in the third person, the partner by name; outside English, any note) never reaches them outside a placeholder.
    /// </summary>
    private static void AssertNotesStayPrivate(DraftKind kind, ReferralNoteFacts facts, string text, bool rewritesNotes)
    {
        var outside = OutsidePlaceholders(text);
        if (PrepareNoteFacts.Clean(facts.Need) is { } need && kind == DraftKind.ReferralContact
            && (!rewritesNotes || PrepareNoteFacts.IsThirdPerson(need, facts.ProspectName)))
        {
            Assert.DoesNotContain(need[..Math.Min(need.Length, 20)], outside, StringComparison.OrdinalIgnoreCase);
        }

        if (PrepareNoteFacts.Clean(facts.OutcomeNote) is { } outcome && (!rewritesNotes || Names(outcome, facts.PartnerName)))
        {
            Assert.DoesNotContain(outcome[..Math.Min(outcome.Length, 20)], outside, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>True when the note names the person (about them, not to them).</summary>
    private static bool Names(string note, string person) =>
        person.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Any(part => part.Length >= 2 && Regex.IsMatch(note, $@"\b{Regex.Escape(part)}\b", RegexOptions.IgnoreCase));

    /// <summary>The text with every highlighted placeholder taken out: what would be sent if the user changed nothing.</summary>
    private static string OutsidePlaceholders(string text) => Placeholder().Replace(text, " ");

    private static void AssertReadsWell(string subject, string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.False(char.IsLower(subject[0]), $"The subject starts in lowercase: {subject}");
        foreach (var words in new[] { subject, text })
        {
            Assert.DoesNotMatch(DoubledPunctuation(), words);
            Assert.DoesNotMatch(UnfilledSlot(), words);
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
            Assert.DoesNotContain(" ,", words, StringComparison.Ordinal);
            Assert.DoesNotContain(" .", words, StringComparison.Ordinal);
            // No empty slot: no empty highlight and no placeholder quoting nothing.
            Assert.DoesNotMatch(EmptyPlaceholder(), words);
        }

        foreach (var paragraph in text.Split("\n\n"))
        {
            Assert.False(paragraph.Length == 0, text);
            Assert.False(char.IsLower(paragraph[0]), $"A paragraph starts in lowercase: {paragraph}");
        }

        foreach (Match sentence in SentenceStart().Matches(text))
        {
            Assert.False(char.IsLower(sentence.Groups[1].Value[0]), $"A sentence starts in lowercase: …{sentence.Value}");
        }
    }

    [GeneratedRegex(@"[.,;:!?]{2,}|\.\s*\.|\u2026\.|\.\u2026")]
    private static partial Regex DoubledPunctuation();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex UnfilledSlot();

    [GeneratedRegex(@"\[\s*\]|:\s*\u2014|\(\s*\)")]
    private static partial Regex EmptyPlaceholder();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Placeholder();

    /// <summary>A sentence start: after a full stop, question or exclamation mark and a space, outside a placeholder's quote.</summary>
    [GeneratedRegex(@"(?<!\[[^\]]*)[.!?] (\p{L})")]
    private static partial Regex SentenceStart();
}
