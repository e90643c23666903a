namespace OfficeFollowUp.Tests.Drafts;

public class PrepareNoteFactsTests
{
    // note, the person's names → the rendered text, and whether the user must edit it
    public static TheoryData<string, string, bool> RememberedCases => new()
    {
        { "Just raised a seed round for his fintech\u2026", "[You mentioned: just raised a seed round for his fintech \u2014 say something about it]", true },
        { "her firm is moving to Ponsonby", "[You mentioned: her firm is moving to Ponsonby \u2014 say something about it]", true },
        { "Priya's firm is moving", "[You mentioned: Priya's firm is moving \u2014 say something about it]", true },
        // A request is echoed and the user asked to answer it (the draft's generic offer of help is left out then).
        { "wants an introduction to a commercial lawyer.", "You mentioned that you want an introduction to a commercial lawyer. [say whom you could introduce, or how you could help]", true },
        { "Looking for a bookkeeper...", "You mentioned that you are looking for a bookkeeper. [say whom you could introduce, or how you could help]", true },
        { "Designing a co-working space in Te Aro; wants an introduction to a commercial lawyer.", "[You mentioned: designing a co-working space in Te Aro; wants an introduction to a commercial lawyer \u2014 say whom you could introduce, or how you could help]", true },
        { "is opening a second bakery", "You mentioned that you are opening a second bakery.", false },
        { "Opening a second bakery\u2026lease..", "[You mentioned: opening a second bakery\u2026lease \u2014 say something about it]", true },
        { "  is hiring two   developers ", "You mentioned that you are hiring two developers.", false },
        { "sailing", "[You mentioned: sailing \u2014 say something about it]", true },
        { "I said I'd call about the lease", "[You mentioned: I said I'd call about the lease \u2014 say something about it]", true },
        { "they want to export to Australia", "[You mentioned: they want to export to Australia \u2014 say something about it]", true },
    };

    [Theory]
    [InlineData("wants an introduction to a commercial lawyer", true)]
    [InlineData("Looking for a bookkeeper; I promised to send \u0141ukasz's details.", true)]
    [InlineData("would love an intro to someone at the council", true)]
    [InlineData("needs advice on export licences", true)]
    [InlineData("asked for a referral to a good accountant", true)]
    [InlineData("keen to connect with other roasters", true)]
    [InlineData("helped run the mixer", false)]
    [InlineData("Keen sailor; two kids at Thorndon School.", false)]
    [InlineData("just raised a seed round", false)]
    [InlineData(null, false)]
    public void A_note_that_asks_for_an_introduction_or_help_is_told_apart(string? note, bool asks)
    {
        Assert.Equal(asks, GenericOffers.Asked(note));
    }

    [Theory]
    [MemberData(nameof(RememberedCases))]
    public void A_remembered_detail_is_said_to_them_only_when_that_is_safe(string note, string expected, bool needsEditing)
    {
        var fact = PrepareNoteFacts.Remembered(note, "Priya Raman", "Priya")!;

        Assert.Equal(expected, fact.Words.Text);
        Assert.Equal(needsEditing, fact.NeedsEditing);
        if (needsEditing)
        {
            Assert.Contains("<mark", fact.Words.Html, StringComparison.Ordinal);
            Assert.EndsWith("</mark>", fact.Words.Html, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> PromisedCases => new()
    {
        { "Introduce him to \u0141ukasz at Kiwi Ledger", "[You promised: introduce him to \u0141ukasz at Kiwi Ledger \u2014 say how you are keeping it]" },
        { "I promised to send \u0141ukasz's details", "As promised, here is \u0141ukasz's details: [add it here before sending]" },
        { "send the leasing guide.", "As promised, here is the leasing guide: [add it here before sending]" },
        { "the name of my accountant", "As promised, here is the name of my accountant: [add it here before sending]" },
        { "introduce you to Jo at Harbour Leasing", "As promised, I would like to introduce you to Jo at Harbour Leasing. [add how to reach them, or copy them in]" },
        { "https://example.org/guide", "Here is the link I promised: https://example.org/guide" },
        { "call her next week", "[You promised: call her next week \u2014 say how you are keeping it]" },
    };

    [Theory]
    [MemberData(nameof(PromisedCases))]
    public void A_promise_names_the_resource_and_never_pastes_a_note_about_them(string note, string expected)
    {
        Assert.Equal(expected, PrepareNoteFacts.Promised(note, "Priya Raman", "Priya")!.Words.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData("\u2026 \u2014")]
    public void An_empty_note_gives_no_fact(string? note)
    {
        Assert.Null(PrepareNoteFacts.Remembered(note, "Priya"));
        Assert.Null(PrepareNoteFacts.Promised(note, "Priya"));
        Assert.Null(PrepareNoteFacts.Phrase(note, "Note"));
    }

    [Fact]
    public void A_long_note_is_quoted_short_in_its_placeholder()
    {
        var note = string.Join(' ', Enumerable.Repeat("talked about cash flow forecasting and", 10));

        var fact = PrepareNoteFacts.Remembered(note, "Priya")!;

        Assert.True(fact.NeedsEditing);
        Assert.True(fact.Words.Text.Length < PrepareNoteFacts.MaxQuoted + 60, fact.Words.Text);
        Assert.Contains("\u2026 \u2014 say something about it]", fact.Words.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leasing advice", "leasing advice", false)]
    [InlineData("Opening a second bakery\u2026lease..", "[Sam's note: opening a second bakery\u2026lease \u2014 say it in a few words]", true)]
    [InlineData("Commercial lease review.", "commercial lease review", false)]
    [InlineData("needs help, his landlord is difficult", "[Sam's note: needs help, his landlord is difficult \u2014 say it in a few words]", true)]
    public void A_referral_need_is_a_short_phrase_or_a_placeholder(string need, string expected, bool needsEditing)
    {
        var fact = PrepareNoteFacts.Phrase(need, "Sam's note", "Alex Chen")!;

        Assert.Equal((expected, needsEditing), (fact.Words.Text, fact.NeedsEditing));
    }

    [Theory]
    [InlineData("He mentioned a seed round", true)]
    [InlineData("Priya wants a lawyer", true)]
    [InlineData("THEIR office moves in May", true)]
    [InlineData("wants a lawyer", false)]
    [InlineData("the theory of change", false)]
    public void Third_person_notes_are_detected(string note, bool thirdPerson)
    {
        Assert.Equal(thirdPerson, PrepareNoteFacts.IsThirdPerson(note, "Priya Raman"));
    }
}
