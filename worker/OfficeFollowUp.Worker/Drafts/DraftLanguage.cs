namespace OfficeFollowUp.Drafts;

/// <summary>
/// The language a draft's wording is written in, which decides the words around it (<see cref="DraftWords"/>: the
/// "Before sending…" line, the sign-off, placeholder wording). A default is in its own language; the user's own wording
/// is in the language it was saved in, else the one its words show (an English template written in a German mailbox
/// gets "Best wishes,", not "Viele Grüße"); wording that shows neither follows the mailbox. Pure and deterministic:
/// common words of each language with defaults are counted, slots left out.
/// </summary>
public static partial class DraftLanguage
{
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "you", "your", "to", "and", "of", "at", "it", "is", "was", "with", "my", "me", "we", "us", "our", "would", "could",
        "hi", "hello", "thank", "thanks", "great", "meet", "if", "be", "that", "this", "on", "have", "for", "about", "what", "just",
        "let", "know", "let's", "i'm", "i", "good", "best", "wishes", "regards", "cheers", "again", "there", "someone", "who",
    };

    private static readonly HashSet<string> GermanWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "sie", "ihnen", "ihr", "ihre", "ihrer", "und", "ich", "mich", "mir", "mit", "zu", "der", "die", "das", "den", "dem", "des",
        "für", "bei", "es", "hat", "war", "wir", "uns", "hallo", "vielen", "dank", "danke", "grüße", "gruß", "viele", "schön",
        "kennengelernt", "kennenzulernen", "gern", "gerne", "nicht", "ist", "ein", "eine", "einen", "auf", "von", "wenn", "ob",
        "sich", "über", "auch", "noch", "guten", "tag", "liebe", "lieber", "herzliche", "freundliche", "wäre", "würde", "haben",
    };

    /// <summary>The language whose frame words a draft in this wording gets: its own, else what its words show, else the mailbox's defaults' language.</summary>
    public static string Of(DraftTemplate template, string? mailboxLanguage)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Language is { } own && DefaultTemplates.Languages.Contains(own, StringComparer.OrdinalIgnoreCase)
            ? DefaultTemplates.LanguageOf(own)
            : Detect(template) ?? DefaultTemplates.LanguageOf(mailboxLanguage);
    }

    /// <summary>"en" or "de" when the wording's own words (slots left out) clearly show one; null when they do not.</summary>
    public static string? Detect(DraftTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var english = 0;
        var german = 0;
        foreach (var word in Words(template.Subject + "\n" + template.Body))
        {
            english += EnglishWords.Contains(word) ? 1 : 0;
            german += GermanWords.Contains(word) ? 1 : 0;
        }

        return english > german ? DefaultTemplates.English : german > english ? DefaultTemplates.German : null;
    }

    private static IEnumerable<string> Words(string text)
    {
        return Slot().Replace(text, " ").Split([' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\u201E', '\u201C', '\u2014', '\u2013', '|'], StringSplitOptions.RemoveEmptyEntries);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial System.Text.RegularExpressions.Regex Slot();
}
