using OfficeFollowUp.Drafts;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Referrals;

namespace OfficeFollowUp.KeepInTouch;

/// <summary>Everything a birthday note may say about the person and the sender; all of it is encoded before it enters the note.</summary>
public sealed record BirthdayDraftFacts(
    string Email,
    string DisplayName,
    string? GivenName,
    string? CompanyName,
    string SenderDisplayName,
    string? SenderGivenName,
    string? Signature,
    string? Remember = null,
    string? PersonalNotes = null,
    string? Language = null);

/// <summary>
/// A short, warm birthday note: about them, never a pitch. The wording is the user's Birthday template (or the default
/// in the mailbox's language). What the user remembers, or wrote on the Outlook contact, is private and enters only
/// through <see cref="PrepareNoteFacts"/> (a safe rewrite or a highlighted placeholder); every slot is
/// <see cref="NoteText"/>, so every string from a contact is HTML-encoded.
/// </summary>
public static class BirthdayTemplate
{
    public static DraftContent Render(BirthdayDraftFacts facts, DraftTemplate? template = null)
    {
        var note = Note(facts, template);
        return new DraftContent(note.Subject, note.Html, facts.DisplayName, facts.Email);
    }

    /// <summary>The note in both forms: HTML for the draft, plain text for previews.</summary>
    public static RenderedNote Note(BirthdayDraftFacts facts, DraftTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        template ??= DefaultTemplates.For(DraftKind.Birthday, facts.Language);
        // The words around the wording (and in its placeholders) are in the language the wording is written in.
        facts = facts with { Language = DraftLanguage.Of(template, facts.Language) };
        var rendered = RenderDraft.Render(template, Slots(facts));
        var body = DraftLetter.Body(rendered, Sender(facts), DraftWords.For(facts.Language));
        return new RenderedNote(rendered.Subject.Text, body.Html, body.Text);
    }

    public static IReadOnlyDictionary<string, SlotValue?> Slots(BirthdayDraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var words = DraftWords.For(facts.Language);
        return new Dictionary<string, SlotValue?>(StringComparer.Ordinal)
        {
            ["FirstName"] = SlotValue.Of(DraftLetter.FirstName(facts.GivenName, facts.DisplayName)),
            ["FullName"] = SlotValue.Of(facts.DisplayName),
            ["MyFirstName"] = SlotValue.Of(DraftLetter.FirstName(facts.SenderGivenName, facts.SenderDisplayName)),
            ["MyName"] = SlotValue.Of(facts.SenderDisplayName),
            ["Company"] = SlotValue.Of(facts.CompanyName),
            ["Remembered"] = SlotValue.Of(PrepareNoteFacts.Remembered(words, facts.Remember ?? facts.PersonalNotes, facts.DisplayName, facts.GivenName)),
        };
    }

    private static string Sender(BirthdayDraftFacts facts) =>
        string.IsNullOrWhiteSpace(facts.Signature)
            ? DraftLetter.FirstName(facts.SenderGivenName, facts.SenderDisplayName) ?? string.Empty
            : facts.Signature.Trim();
}
