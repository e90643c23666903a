namespace OfficeFollowUp.Drafts;

/// <summary>
/// No generic sentence beside the specific one it talks past: when the person already asked for an introduction or
/// for help (in what the user remembered or in the contact's notes: "wants an introduction to a commercial lawyer"),
/// a general offer ("If there is someone I could introduce you to, just let me know.") is left out, and the
/// remembered detail asks the user to answer the request instead. Deterministic, on whole words.
/// </summary>
public static class GenericOffers
{
    private static readonly HashSet<string> AskWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "intro", "intros", "introduction", "introductions", "introduce", "introduced", "connect", "connection", "connections",
        "referral", "referrals", "refer", "recommendation", "recommendations", "help", "advice", "contacts",
        "vorstellen", "vorstellung", "kontakt", "kontakte", "empfehlung", "empfehlungen", "hilfe", "rat", "beratung", "sucht", "vermittlung",
    };

    private static readonly string[] AskPhrases = ["looking for", "in touch with", "someone who", "anyone who"];

    /// <summary>The words that make a sentence without slots an offer of an introduction or of help.</summary>
    private static readonly HashSet<string> OfferWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "introduce", "introduction", "introductions", "connect", "help", "bekannt", "vorstellen", "helfen",
    };

    /// <summary>True when any of the notes asks for an introduction, a referral, a contact or help.</summary>
    public static bool Asked(params string?[] notes) =>
        notes.Any(note => PrepareNoteFacts.Clean(note) is { } clean
            && (Words(clean).Any(AskWords.Contains) || AskPhrases.Any(p => clean.Contains(p, StringComparison.OrdinalIgnoreCase))));

    /// <summary>True when a template's sentence without slots offers an introduction or help.</summary>
    public static bool IsOffer(string sentence) => Words(sentence).Any(OfferWords.Contains);

    private static string[] Words(string text) =>
        text.Split([' ', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\u2026', '/', '\u2014', '\u2013', '-'], StringSplitOptions.RemoveEmptyEntries);
}
