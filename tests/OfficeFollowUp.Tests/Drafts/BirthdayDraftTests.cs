using System.Text.RegularExpressions;
using OfficeFollowUp.KeepInTouch;
using Xunit.Abstractions;

namespace OfficeFollowUp.Tests.Drafts;

/// <summary>
/// The birthday note as text: warm, short, no selling, the person's name as they would be greeted, and what the user
/// remembers only as a safe rewrite or a highlighted placeholder, never a private note as written. English and German.
/// </summary>
public sealed partial class BirthdayDraftTests(ITestOutputHelper output)
{
    private static BirthdayDraftFacts Person(string displayName, string? givenName, string? remember = null, string? notes = null, string? language = null) =>
        new("person@example.org", displayName, givenName, "Harbour Law", "Alex Morgan", "Alex", null, remember, notes, language);

    private RenderedNote Render(BirthdayDraftFacts facts, DraftTemplate? template = null)
    {
        var note = BirthdayTemplate.Note(facts, template);
        output.WriteLine($"Subject: {note.Subject}\n\n{note.Text}\n");
        return note;
    }

    [Fact]
    public void The_English_default_is_warm_short_and_says_what_the_user_remembers_in_the_second_person()
    {
        var note = Render(Person("Priya Raman", "Priya", remember: "is opening a second office in Ponsonby"));

        Assert.Equal("Happy birthday, Priya", note.Subject);
        Assert.Equal(
            "Hi Priya,\n\n"
            + "Happy birthday! I hope you have a lovely day with the people who matter to you.\n\n"
            + "You mentioned that you are opening a second office in Ponsonby.\n\n"
            + "Wishing you a good year ahead, and I hope we catch up again soon.\n\n"
            + "Best wishes,\nAlex",
            note.Text);
    }

    [Fact]
    public void Without_anything_remembered_the_line_is_left_out_and_nothing_needs_editing()
    {
        var note = Render(Person("Priya Raman", "Priya"));

        Assert.Equal(
            "Hi Priya,\n\nHappy birthday! I hope you have a lovely day with the people who matter to you.\n\n"
            + "Wishing you a good year ahead, and I hope we catch up again soon.\n\nBest wishes,\nAlex",
            note.Text);
        Assert.DoesNotContain("<mark", note.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Raman, Priya", null, "Priya")]
    [InlineData("Żółć, Łukasz", null, "Łukasz")]
    [InlineData("Łukasz Żółć", "Łukasz", "Łukasz")]
    [InlineData("Ngata Tama", "Tama", "Tama")]
    public void The_greeting_uses_the_given_name_also_when_the_name_is_written_family_name_first_or_is_not_ASCII(string displayName, string? givenName, string greeted)
    {
        var note = Render(Person(displayName, givenName));

        Assert.Equal($"Happy birthday, {greeted}", note.Subject);
        Assert.StartsWith($"Hi {greeted},\n\n", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_name_at_all_the_greeting_and_subject_fall_back_to_plain_words()
    {
        var note = Render(Person("ana@silva.pt", null));

        Assert.Equal("Happy birthday", note.Subject);
        Assert.StartsWith("Hello,\n\nHappy birthday!", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_about_the_person_in_the_third_person_is_a_highlighted_placeholder_never_addressed_to_them_as_written()
    {
        var note = Render(Person("Łukasz Żółć", "Łukasz", notes: "Just raised a seed round for his fintech…"));

        Assert.StartsWith("[Before sending: rewrite the highlighted part in your own words, then delete this line]", note.Text, StringComparison.Ordinal);
        Assert.Contains("[You mentioned: ", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nJust raised", note.Text, StringComparison.Ordinal);
        Assert.Equal(2, MarkTag().Matches(note.Html).Count);
    }

    [Fact]
    public void A_contacts_name_is_encoded_in_the_html()
    {
        var note = Render(Person("<script>alert(1)</script>", "<b>Bo</b>"));

        Assert.DoesNotContain("<script>", note.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", note.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bo&lt;/b&gt;", note.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_German_default_is_formal_and_has_no_English_fragment()
    {
        var note = Render(Person("Raman, Priya", null, remember: "ihre Kanzlei zieht nach Ponsonby", language: "de-DE"));

        Assert.Equal("Alles Gute zum Geburtstag, Priya", note.Subject);
        Assert.Equal(
            "[Vor dem Senden: den markierten Teil in eigenen Worten neu schreiben, dann diese Zeile löschen]\n\n"
            + "Hallo Priya,\n\n"
            + "herzlichen Glückwunsch zum Geburtstag! Ich wünsche Ihnen einen schönen Tag im Kreis der Menschen, die Ihnen wichtig sind.\n\n"
            + "[Ihre Notiz: ihre Kanzlei zieht nach Ponsonby \u2014 hier etwas dazu schreiben]\n\n"
            + "Für das neue Lebensjahr alles Gute, und ich freue mich, wenn wir uns bald wiedersehen.\n\n"
            + "Viele Grüße\nAlex",
            note.Text);
        Assert.DoesNotMatch(DuzenOrEnglish(), note.Text);
    }

    [Fact]
    public void The_German_default_without_a_name_greets_formally()
    {
        var note = Render(Person("info@kanzlei.de", null, language: "de-AT"));

        Assert.Equal("Alles Gute zum Geburtstag", note.Subject);
        Assert.StartsWith("Guten Tag,\n\nherzlichen Glückwunsch zum Geburtstag!", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_users_own_birthday_wording_is_used_with_its_slots()
    {
        var own = new DraftTemplate("Many happy returns, {FirstName}!", "Dear {FirstName},\nAll the best to you and everyone at {Company}.\n{MyFirstName}");

        var note = Render(Person("Priya Raman", "Priya"), own);

        Assert.Equal("Many happy returns, Priya!", note.Subject);
        Assert.StartsWith("Dear Priya,\n\nAll the best to you and everyone at Harbour Law.\n\nAlex\n\nBest wishes,", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_birthday_kind_knows_its_slots_and_refuses_others()
    {
        Assert.Equal(["FirstName", "FullName", "MyFirstName", "MyName", "Company", "Remembered"], DraftKinds.Slots(DraftKind.Birthday));
        Assert.Equal(["EventName"], RenderDraft.UnknownSlots(DraftKind.Birthday, "Thanks for {EventName}, {FirstName}"));
        Assert.Equal(DraftKind.Birthday, DraftKinds.Parse("birthday"));
    }

    [GeneratedRegex("<mark")]
    private static partial Regex MarkTag();

    [GeneratedRegex(@"\b(du|dir|dich|dein|Happy|birthday|Hi|Best wishes)\b")]
    private static partial Regex DuzenOrEnglish();
}
