using System.Globalization;
using System.Text;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Drafts;

/// <summary>
/// A private note made fit for a draft: either words that are safe to send as they are (<see cref="NeedsEditing"/>
/// false), or a marked placeholder for the user to rewrite before sending (true).
/// </summary>
public sealed record PreparedFact(NoteText Words, bool NeedsEditing);

/// <summary>
/// The user's notes about a person are private (DESIGN rule 11): written for the user, often about the person in the
/// third person ("just raised a seed round for his fintech…"). This is the one pure function that decides what of a
/// note may go into a draft to somebody: a deterministic rewrite only where it is safe (a short phrase, no pronouns
/// about anybody, one clause: second person, sentence case, trailing punctuation trimmed), and a highlighted
/// placeholder quoting the note for everything else, so the user writes that line in their own words.
/// </summary>
public static class PrepareNoteFacts
{
    /// <summary>Notes longer than this many words are never sent as written.</summary>
    public const int MaxSafeWords = 14;

    /// <summary>How much of a note a placeholder quotes.</summary>
    public const int MaxQuoted = 90;

    private static readonly HashSet<string> ThirdPerson = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "him", "his", "her", "hers", "himself", "herself", "they", "them", "their", "theirs", "themselves",
        "he's", "she's", "they're", "he'd", "she'd", "they'd", "he'll", "she'll", "they'll",
    };

    private static readonly HashSet<string> FirstPerson = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "me", "my", "mine", "myself", "i'm", "i'll", "i'd", "i've", "we", "us", "our",
    };

    /// <summary>How a remembered phrase about the person can be said to them: "wants X" → "you want X".</summary>
    private static readonly (string Lead, string Said)[] SecondPerson =
    [
        ("is looking for ", "you are looking for "), ("looking for ", "you are looking for "),
        ("is interested in ", "you are interested in "), ("interested in ", "you are interested in "),
        ("wants ", "you want "), ("needs ", "you need "), ("loves ", "you love "), ("enjoys ", "you enjoy "),
        ("is planning ", "you are planning "), ("planning ", "you are planning "),
        ("is opening ", "you are opening "), ("opening ", "you are opening "),
        ("is hiring ", "you are hiring "), ("hiring ", "you are hiring "),
        ("is moving ", "you are moving "), ("moving ", "you are moving "),
        ("is building ", "you are building "), ("building ", "you are building "),
        ("is starting ", "you are starting "), ("starting ", "you are starting "),
        ("is writing ", "you are writing "), ("writing ", "you are writing "),
    ];

    private static readonly string[] PromiseLeads = ["i promised to ", "promised to ", "promise to ", "i will ", "i'll ", "will ", "to "];

    /// <summary>The one thing the user remembers about <paramref name="personNames"/>, as a sentence of its own.</summary>
    public static PreparedFact? Remembered(string? note, params string?[] personNames) => Remembered(DraftWords.English, note, personNames);

    /// <summary>The remembered detail in the mailbox's language: outside English, always a placeholder.</summary>
    public static PreparedFact? Remembered(DraftWords words, string? note, params string?[] personNames) => Remembered(words, note, "You mentioned that", personNames);

    /// <summary>A second thing remembered, said after the first ("You also mentioned that …").</summary>
    public static PreparedFact? RememberedToo(DraftWords words, string? note, params string?[] personNames) => Remembered(words, note, "You also mentioned that", personNames);

    private static PreparedFact? Remembered(DraftWords words, string? note, string mentioned, string?[] personNames)
    {
        ArgumentNullException.ThrowIfNull(words);
        var clean = Clean(note);
        if (clean is null)
        {
            return null;
        }

        // A request ("wants an introduction to a commercial lawyer") deserves an answer, not only an echo: the draft
        // leaves out its generic offer of help then (GenericOffers), so the user is asked to answer it here.
        var asks = GenericOffers.Asked(clean);
        if (words.RewritesNotes && IsSafePhrase(clean, personNames))
        {
            foreach (var (lead, said) in SecondPerson)
            {
                if (clean.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && clean.Length > lead.Length)
                {
                    return asks
                        ? new PreparedFact($"{mentioned} {said}{clean[lead.Length..]}. {Mark(words.AnswerTheAsk)}", true)
                        : new PreparedFact($"{mentioned} {said}{clean[lead.Length..]}.", false);
                }
            }
        }

        return Placeholder(string.Format(words.Culture, asks ? words.MentionedAsk : words.Mentioned, Quote(clean, words)));
    }

    /// <summary>What the user promised the person, as a sentence of its own that names the resource.</summary>
    public static PreparedFact? Promised(string? note, params string?[] personNames) => Promised(DraftWords.English, note, personNames);

    /// <summary>The promise in the mailbox's language: outside English, a link or a placeholder.</summary>
    public static PreparedFact? Promised(DraftWords words, string? note, params string?[] personNames)
    {
        ArgumentNullException.ThrowIfNull(words);
        var clean = Clean(note);
        if (clean is null)
        {
            return null;
        }

        if (Uri.TryCreate(clean, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return new PreparedFact($"{words.LinkPromised}{NoteText.Link(uri, clean)}", false);
        }

        if (!words.RewritesNotes)
        {
            return Placeholder(string.Format(words.Culture, words.Promise, Quote(clean, words)));
        }

        var rest = clean;
        foreach (var lead in PromiseLeads)
        {
            if (rest.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[lead.Length..];
                break;
            }
        }

        // "send you the leasing guide", "the name of my accountant": the user's own voice about a thing; safe to name.
        var thing = StripLead(rest, "send you ") ?? StripLead(rest, "send ") ?? StripLead(rest, "share ") ?? StripLead(rest, "email ");
        if (IsSafePromise(thing ?? rest, personNames) && (thing is not null || StartsWithArticle(rest)))
        {
            var named = LowerFirst(thing ?? rest);
            return new PreparedFact($"As promised, here is {named}: {Mark("add it here before sending")}", true);
        }

        if (StripLead(rest, "introduce you to ") is { } whom && IsSafePromise(whom, personNames))
        {
            return new PreparedFact($"As promised, I would like to introduce you to {whom}. {Mark("add how to reach them, or copy them in")}", true);
        }

        return Placeholder(string.Format(words.Culture, words.Promise, Quote(clean, words)));
    }

    /// <summary>
    /// A short phrase the user typed to say what someone needs ("leasing advice"), for the middle of a sentence
    /// ("… suggested I get in touch about {Need}."); anything else becomes a placeholder.
    /// </summary>
    public static PreparedFact? Phrase(string? note, string what, params string?[] personNames) => Phrase(DraftWords.English, note, what, personNames);

    /// <summary>The phrase in the mailbox's language: outside English, always a placeholder.</summary>
    public static PreparedFact? Phrase(DraftWords words, string? note, string what, params string?[] personNames)
    {
        ArgumentNullException.ThrowIfNull(words);
        var clean = Clean(note);
        if (clean is null)
        {
            return null;
        }

        return words.RewritesNotes && IsSafePhrase(clean, personNames) && Words(clean).Count <= 8
            ? new PreparedFact($"{LowerFirst(clean)}", false)
            : Placeholder(string.Format(words.Culture, words.FewWords, what, Quote(clean, words)));
    }

    /// <summary>
    /// A note written for someone other than its subject (an outcome told to the partner who referred): a sentence
    /// in sentence case ending with one full stop, unless it names the recipient or is long, then a placeholder.
    /// </summary>
    public static PreparedFact? Sentence(string? note, params string?[] recipientNames) => Sentence(DraftWords.English, note, recipientNames);

    /// <summary>The sentence in the mailbox's language: outside English, always a placeholder.</summary>
    public static PreparedFact? Sentence(DraftWords words, string? note, params string?[] recipientNames)
    {
        ArgumentNullException.ThrowIfNull(words);
        var clean = Clean(note);
        if (clean is null)
        {
            return null;
        }

        var said = Words(clean);
        return words.RewritesNotes && said.Count <= 40 && !said.Any(w => IsName(w, recipientNames))
            ? new PreparedFact($"{UpperFirst(clean)}.", false)
            : Placeholder(string.Format(words.Culture, words.OwnWords, Quote(clean, words)));
    }

    /// <summary>
    /// A name or short text for the middle of a sentence (a company, a better fit, an event's subject): on one line,
    /// trailing full stops, ellipses and commas trimmed (the sentence has its own), never changed otherwise.
    /// </summary>
    public static string? Name(string? text) =>
        OneLine(text)?.TrimEnd('.', '\u2026', ',', ' ') is { Length: > 0 } name ? name : null;

    /// <summary>Text on one line: control characters and runs of white space become one space; null when nothing is left.</summary>
    public static string? OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var blank = char.IsWhiteSpace(c) || char.IsControl(c);
            if (blank && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }
            builder.Append(blank ? ' ' : c);
        }

        var line = builder.ToString().TrimEnd();
        return line.Length == 0 ? null : line;
    }

    /// <summary>The note on one line, spaces collapsed, trailing dots, ellipses, commas and dashes trimmed; null when nothing is left.</summary>
    public static string? Clean(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }

        var builder = new StringBuilder(note.Length);
        var space = false;
        foreach (var c in note)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }

        var text = builder.ToString().TrimStart('-', '*', '\u2022', ' ');
        text = text.TrimEnd('.', '\u2026', ',', ';', ':', '-', '\u2013', '\u2014', ' ', '!', '?');
        return text.Length == 0 ? null : text;
    }

    /// <summary>True when the note talks about someone in the third person or by the given names.</summary>
    public static bool IsThirdPerson(string note, params string?[] personNames) =>
        Words(note).Any(w => ThirdPerson.Contains(w) || IsName(w, personNames));

    private static bool IsSafePhrase(string clean, string?[] personNames)
    {
        var words = Words(clean);
        return words.Count <= MaxSafeWords
            && !words.Any(w => ThirdPerson.Contains(w) || FirstPerson.Contains(w) || IsName(w, personNames))
            && clean.IndexOfAny(['.', '\u2026', ';', '!', '?', '"', '(', ')']) < 0;
    }

    private static bool IsSafePromise(string clean, string?[] personNames)
    {
        var words = Words(clean);
        return words.Count is > 0 and <= MaxSafeWords
            && !words.Any(w => ThirdPerson.Contains(w) || IsName(w, personNames))
            && clean.IndexOfAny(['.', '\u2026', ';', '!', '?', '"', '(', ')']) < 0;
    }

    private static bool StartsWithArticle(string text) =>
        text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("a ", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("an ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("my ", StringComparison.OrdinalIgnoreCase);

    private static string? StripLead(string text, string lead) =>
        text.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && text.Length > lead.Length ? text[lead.Length..] : null;

    private static bool IsName(string word, string?[] names)
    {
        var bare = word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase) ? word[..^2] : word;
        return bare.Length >= 2 && names.Any(n => n is not null && Words(n).Any(part => part.Length >= 2 && string.Equals(part, bare, StringComparison.OrdinalIgnoreCase)));
    }

    private static List<string> Words(string text) =>
        [.. text.Split([' ', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\u2026', '/'], StringSplitOptions.RemoveEmptyEntries)];

    private static PreparedFact Placeholder(string text) => new($"{Mark(text)}", true);

    private static NoteText Mark(string text) => NoteText.Placeholder(text);

    /// <summary>The note as a placeholder quotes it: shortened; in English a common first word lowered (German nouns keep their capital).</summary>
    private static string Quote(string clean, DraftWords words)
    {
        var quoted = words.RewritesNotes ? LowerFirst(clean) : clean;
        if (quoted.Length <= MaxQuoted)
        {
            return quoted;
        }

        var cut = quoted.LastIndexOf(' ', MaxQuoted);
        return quoted[..(cut > MaxQuoted / 2 ? cut : MaxQuoted)].TrimEnd(',', ';', ':', ' ') + "\u2026";
    }

    /// <summary>"Opening a second bakery" → "opening a second bakery"; "IBM" and "Łukasz" stay (a capital followed by a lowercase letter that is a name cannot be told apart, so only a first word that is a common lowercase-able word is lowered).</summary>
    private static string LowerFirst(string text)
    {
        if (text.Length < 2 || !char.IsUpper(text[0]) || !char.IsLower(text[1]))
        {
            return text;
        }

        var first = text.Split(' ')[0];
        return Common.Contains(first) ? char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..] : text;
    }

    private static string UpperFirst(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] : text;

    /// <summary>First words a note often starts with in sentence case that are not names.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "just", "wants", "needs", "looking", "interested", "opening", "moving", "hiring", "building",
        "starting", "planning", "writing", "designing", "loves", "enjoys", "raised", "runs", "owns", "works", "is", "has", "had", "was",
        "introduce", "send", "share", "email", "call", "ask", "find", "leasing", "legal", "help", "advice", "some", "new",
        "second", "commercial", "recently", "about", "my", "i", "her", "his", "their", "they", "he", "she",
    };
}
