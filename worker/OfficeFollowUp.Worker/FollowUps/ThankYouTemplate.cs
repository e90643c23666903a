using OfficeFollowUp.Drafts;

namespace OfficeFollowUp.FollowUps;

/// <summary>A draft to write: one recipient, and optionally one person copied (a referral partner the user chose to copy).</summary>
public sealed record DraftContent(string Subject, string HtmlBody, string RecipientName, string RecipientAddress, string? CcName = null, string? CcAddress = null);

/// <summary>
/// A short, warm thank-you note: about them, not a pitch, offering the one-to-one. The wording is the user's template
/// (or the default); the user's private notes enter only through <see cref="PrepareNoteFacts"/>, and every slot is
/// <see cref="NoteText"/>, so every string that came from a contact is HTML-encoded before it enters the body.
/// </summary>
public static class ThankYouTemplate
{
    public static DraftContent Render(NewAcquaintanceDraftFacts facts, DraftTemplate? template = null)
    {
        var (subject, body) = Preview(facts, template);
        return new DraftContent(subject, body.Html, facts.DisplayName, facts.Email);
    }

    /// <summary>The same draft as plain text (subject, blank line, body), for previews.</summary>
    public static (string Subject, NoteBody Body) Preview(NewAcquaintanceDraftFacts facts, DraftTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        template ??= DefaultTemplates.For(DraftKind.ThankYou, facts.Language);
        // The words around the wording (and in its placeholders) are in the language the wording is written in.
        facts = facts with { Language = DraftLanguage.Of(template, facts.Language) };
        var rendered = RenderDraft.Render(template, Slots(facts), Asked(facts));
        return (rendered.Subject.Text, DraftLetter.Body(rendered, Sender(facts), DraftWords.For(facts.Language)));
    }

    /// <summary>The person already asked for an introduction or help (in what the user remembered or the contact's notes): no generic offer then.</summary>
    public static bool Asked(NewAcquaintanceDraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return GenericOffers.Asked(facts.Remember, facts.PersonalNotes);
    }

    public static IReadOnlyDictionary<string, SlotValue?> Slots(NewAcquaintanceDraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string?[] names = [facts.DisplayName, facts.GivenName];
        var me = DraftLetter.FirstName(facts.SenderGivenName, facts.SenderDisplayName);
        var words = DraftWords.For(facts.Language);
        return new Dictionary<string, SlotValue?>(StringComparer.Ordinal)
        {
            ["FirstName"] = SlotValue.Of(DraftLetter.FirstName(facts.GivenName, facts.DisplayName)),
            ["FullName"] = SlotValue.Of(facts.DisplayName),
            ["MyFirstName"] = SlotValue.Of(me),
            ["MyName"] = SlotValue.Of(facts.SenderDisplayName),
            ["EventName"] = SlotValue.Of(DraftLetter.EventName(facts.EventSubject, words)),
            ["Company"] = SlotValue.Of(facts.CompanyName),
            ["JobTitle"] = SlotValue.Of(facts.JobTitle),
            ["Remembered"] = Remembered(facts, words, names),
            ["Promised"] = SlotValue.Of(PrepareNoteFacts.Promised(words, facts.Promised, names)),
            ["PreferredChannel"] = SlotValue.Of(DraftLetter.Channel(facts.PreferredChannel, words)),
        };
    }

    /// <summary>
    /// What the user remembers, else the contact's notes. When both are there and the notes ask for something (an
    /// introduction, help) the request is said too, after the remembered detail: the generic offer gives way to it
    /// (<see cref="Asked"/>), so leaving it out would lose the one thing the person asked for.
    /// </summary>
    private static SlotValue? Remembered(NewAcquaintanceDraftFacts facts, DraftWords words, string?[] names)
    {
        var remembered = PrepareNoteFacts.Remembered(words, facts.Remember, names);
        var notes = PrepareNoteFacts.Clean(facts.PersonalNotes);
        if (remembered is null || notes is null || !GenericOffers.Asked(notes)
            || string.Equals(PrepareNoteFacts.Clean(facts.Remember), notes, StringComparison.OrdinalIgnoreCase))
        {
            return SlotValue.Of(remembered ?? PrepareNoteFacts.Remembered(words, facts.PersonalNotes, names));
        }

        var request = PrepareNoteFacts.RememberedToo(words, notes, names)!;
        var marked = (remembered.NeedsEditing ? 1 : 0) + (request.NeedsEditing ? 1 : 0);
        return new SlotValue($"{remembered.Words} {request.Words}", marked > 0, Marked: Math.Max(marked, 1));
    }

    private static string Sender(NewAcquaintanceDraftFacts facts) =>
        string.IsNullOrWhiteSpace(facts.Signature)
            ? DraftLetter.FirstName(facts.SenderGivenName, facts.SenderDisplayName) ?? string.Empty
            : facts.Signature.Trim();
}

public sealed record NewAcquaintanceDraftFacts(
    string Email,
    string DisplayName,
    string? GivenName,
    string? CompanyName,
    string SenderDisplayName,
    string? SenderGivenName,
    string? Signature,
    string? EventSubject = null,
    string? Remember = null,
    string? Promised = null,
    string? PreferredChannel = null,
    string? JobTitle = null,
    string? PersonalNotes = null,
    string? Language = null);
