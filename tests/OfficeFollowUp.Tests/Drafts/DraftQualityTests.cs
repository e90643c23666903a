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
        foreach (var note in new[] { person.Remember, person.Promised })
        {
            if (PrepareNoteFacts.Clean(note) is { } clean && PrepareNoteFacts.IsThirdPerson(clean, person.DisplayName, person.Given))
            {
                foreach (var line in text.Split('\n').Where(l => l.Contains(clean[..Math.Min(clean.Length, 20)], StringComparison.OrdinalIgnoreCase)))
                {
                    Assert.StartsWith("[", line.TrimStart(), StringComparison.Ordinal);
                }
            }
        }

        if (text.Contains('[', StringComparison.Ordinal))
        {
            Assert.StartsWith("[Before sending:", text, StringComparison.Ordinal);
        }
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
    };

    [Theory]
    [MemberData(nameof(ReferralCases))]
    public void A_referral_note_reads_well_whatever_is_known(string kind, string facts)
    {
        var note = ReferralTemplates.Render(DraftKinds.Parse(kind)!.Value, ReferralPeople[facts]);

        AssertReadsWell(note.Subject, note.Text);
        Assert.DoesNotContain("Opening a second bakery", note.Text, StringComparison.Ordinal);
        if (kind == "close-not-a-fit" && ReferralPeople[facts].BetterFit is not null)
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

    private static void AssertReadsWell(string subject, string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(subject));
        foreach (var words in new[] { subject, text })
        {
            Assert.DoesNotMatch(DoubledPunctuation(), words);
            Assert.DoesNotMatch(UnfilledSlot(), words);
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
            Assert.DoesNotContain(" ,", words, StringComparison.Ordinal);
            Assert.DoesNotContain(" .", words, StringComparison.Ordinal);
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

    /// <summary>A sentence start: after a full stop, question or exclamation mark and a space, outside a placeholder's quote.</summary>
    [GeneratedRegex(@"(?<!\[[^\]]*)[.!?] (\p{L})")]
    private static partial Regex SentenceStart();
}
