using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Drafts;

/// <summary>A rendered draft as a letter: a first line saying what to edit when anything must be, the paragraphs, and the sign-off.</summary>
public static class DraftLetter
{
    public static NoteBody Body(RenderedDraft draft, string sender, DraftWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        words ??= DraftWords.English;
        var paragraphs = new List<NoteText>();
        if (draft.ToEdit > 0)
        {
            paragraphs.Add(NoteText.Placeholder(draft.ToEdit == 1
                ? words.BeforeSendingOne
                : string.Format(words.Culture, words.BeforeSendingMany, draft.ToEdit)));
        }

        paragraphs.AddRange(draft.Paragraphs);
        paragraphs.Add($"{words.SignOff}{NoteText.LineBreak}{sender}");
        return NoteBody.Paragraphs(paragraphs);
    }

    /// <summary>
    /// The name to greet someone by: their given name, else "Priya" from "Raman, Priya", else the display name's first
    /// word; null when there is no name at all (an address is not a name), so the greeting falls back to "Hello,".
    /// </summary>
    public static string? FirstName(string? givenName, string? displayName)
    {
        if (PrepareNoteFacts.OneLine(givenName) is { } given)
        {
            return given;
        }

        if (PrepareNoteFacts.OneLine(displayName) is not { } name)
        {
            return null;
        }

        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma < name.Length - 1)
        {
            var after = name[(comma + 1)..].Trim();
            var word = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return word.Length > 0 ? word[0] : name[..comma];
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var first = space > 0 ? name[..space] : name;
        return first.Contains('@', StringComparison.Ordinal) ? null : first;
    }

    /// <summary>"Chamber business mixer" → "the Chamber business mixer"; a name that already starts with an article keeps it.</summary>
    public static string? EventName(string? subject, DraftWords? words = null)
    {
        if (PrepareNoteFacts.Name(subject) is not { } name)
        {
            return null;
        }

        if (words is { EventTakesArticle: false })
        {
            return name;
        }

        string[] articles = ["the ", "a ", "an ", "our ", "my "];
        return articles.Any(a => name.StartsWith(a, StringComparison.OrdinalIgnoreCase)) ? name : "the " + name;
    }

    /// <summary>How a preferred channel reads in a sentence; null for email (the draft is already an email) and in person.</summary>
    public static string? Channel(string? preferred, DraftWords? words = null) => preferred?.Trim().ToUpperInvariant() switch
    {
        "PHONE" => (words ?? DraftWords.English).Call,
        "LINKEDIN" => "LinkedIn",
        "WHATSAPP" => "WhatsApp",
        _ => null,
    };
}
