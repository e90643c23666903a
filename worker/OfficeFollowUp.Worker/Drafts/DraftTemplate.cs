using System.Globalization;
using System.Text;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Drafts;

/// <summary>Every kind of draft the product prepares; each has a default template and may have the user's own.</summary>
public enum DraftKind
{
    ThankYou,
    ReferralContact,
    ReferralCheckIn,
    CloseWon,
    CloseInProgress,
    CloseNotAFit,
    CloseNoResponse,
    ClosePoorMeeting,
    Birthday,
}

/// <summary>
/// A draft's wording in plain words: a subject line and a body where each line is a paragraph. <c>{FirstName}</c> and
/// the other named slots are filled from what the mailbox knows; a line whose slot is not known is left out, and
/// <c>||</c> gives the line to use instead ("{Promised} || If I can help with anything, just let me know."), so a
/// generic sentence only stands where no specific one can. <paramref name="Language"/> is the language the wording is
/// written in ("en", "de"), so the words around it (the "Before sending…" line, the sign-off) are in the same language;
/// null when not known yet (<see cref="DraftLanguage.Of"/> then reads it from the words).
/// </summary>
public sealed record DraftTemplate(string Subject, string Body, string? Language = null);

/// <summary>A slot's value: note text (encoded when built), whether the user must edit it (and how many marked parts it holds), and its plain form when it may be capitalised at a sentence start.</summary>
public sealed record SlotValue(NoteText Words, bool NeedsEditing = false, string? Plain = null, int Marked = 1)
{
    /// <summary>A name or short text: on one line with single spaces, no trailing full stop, otherwise as written; null when blank.</summary>
    public static SlotValue? Of(string? plain) => PrepareNoteFacts.Name(plain) is { } clean ? new SlotValue($"{clean}", false, clean) : null;

    public static SlotValue? Of(PreparedFact? fact) => fact is null ? null : new SlotValue(fact.Words, fact.NeedsEditing);
}

/// <summary>A rendered draft: subject, paragraphs (without the sign-off), and how many parts the user must edit.</summary>
public sealed record RenderedDraft(NoteText Subject, IReadOnlyList<NoteText> Paragraphs, int ToEdit);

public static class DraftKinds
{
    private static readonly string[] Common = ["FirstName", "FullName", "MyFirstName", "MyName"];

    private static readonly string[] CloseTheLoop = ["PartnerName", "ProspectName", "ProspectFirstName", "BetterFit", "OutcomeNote", "LookingFor"];

    /// <summary>The slots each kind of draft can fill.</summary>
    public static IReadOnlyList<string> Slots(DraftKind kind) => kind switch
    {
        DraftKind.ThankYou => [.. Common, "EventName", "Company", "JobTitle", "Remembered", "Promised", "PreferredChannel"],
        DraftKind.ReferralContact => [.. Common, "PartnerName", "PartnerFirstName", "Need", "CopiedPartner"],
        DraftKind.ReferralCheckIn => [.. Common, "ProspectName", "ProspectFirstName", "ReferredOn"],
        DraftKind.CloseWon or DraftKind.CloseInProgress or DraftKind.CloseNotAFit or DraftKind.CloseNoResponse or DraftKind.ClosePoorMeeting =>
            [.. Common, .. CloseTheLoop],
        DraftKind.Birthday => [.. Common, "Company", "Remembered"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown draft kind."),
    };

    /// <summary>The kind's name in the API and the store ("thank-you", "close-not-a-fit").</summary>
    public static string Name(DraftKind kind) => kind switch
    {
        DraftKind.ThankYou => "thank-you",
        DraftKind.ReferralContact => "referral-contact",
        DraftKind.ReferralCheckIn => "referral-check-in",
        DraftKind.CloseWon => "close-won",
        DraftKind.CloseInProgress => "close-in-progress",
        DraftKind.CloseNotAFit => "close-not-a-fit",
        DraftKind.CloseNoResponse => "close-no-response",
        DraftKind.ClosePoorMeeting => "close-poor-meeting",
        DraftKind.Birthday => "birthday",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown draft kind."),
    };

    public static DraftKind? Parse(string? name) =>
        Enum.GetValues<DraftKind>().Cast<DraftKind?>().FirstOrDefault(k => string.Equals(Name(k!.Value), name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Pure: a template and slot values in, note text out. Every slot value is encoded by <see cref="NoteText"/>.</summary>
public static class RenderDraft
{
    public const string Alternative = "||";

    /// <summary>The slot names a template uses that the kind does not know (for validation), in order of appearance.</summary>
    public static IReadOnlyList<string> UnknownSlots(DraftKind kind, string template)
    {
        var known = DraftKinds.Slots(kind);
        return [.. Segments(template).Where(s => s.IsSlot && !known.Contains(s.Text, StringComparer.Ordinal)).Select(s => s.Text).Distinct(StringComparer.Ordinal)];
    }

    /// <param name="asked">The person already asked for an introduction or help: an alternative without slots that
    /// offers one (<see cref="GenericOffers.IsOffer"/>) is skipped, so a generic offer never talks past the request.</param>
    public static RenderedDraft Render(DraftTemplate template, IReadOnlyDictionary<string, SlotValue?> slots, bool asked = false)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(slots);
        var toEdit = 0;
        var subject = Line(template.Subject, slots, false, ref toEdit) ?? NoteText.Literal(string.Empty);
        toEdit = 0;
        var paragraphs = new List<NoteText>();
        foreach (var line in template.Body.Split('\n'))
        {
            if (Line(line, slots, asked, ref toEdit) is { } paragraph)
            {
                paragraphs.Add(paragraph);
            }
        }

        return new RenderedDraft(subject, paragraphs, toEdit);
    }

    /// <summary>The first alternative of a line whose slots are all known, or null (the line is left out).</summary>
    private static NoteText? Line(string line, IReadOnlyDictionary<string, SlotValue?> slots, bool asked, ref int toEdit)
    {
        foreach (var alternative in line.Split(Alternative))
        {
            var segments = Segments(alternative.Trim());
            if (segments.Count == 0 || segments.Any(s => s.IsSlot && (!slots.TryGetValue(s.Text, out var v) || v is null)))
            {
                continue;
            }

            if (asked && segments.All(s => !s.IsSlot) && GenericOffers.IsOffer(alternative))
            {
                continue;
            }

            var text = new NoteText(alternative.Length, segments.Count);
            var written = new StringBuilder();
            foreach (var segment in segments)
            {
                if (!segment.IsSlot)
                {
                    var literal = segment.Text;
                    // A value that already ends a sentence ("Acme Ltd.") is not followed by a second full stop.
                    if (literal.Length > 0 && ".,!?".Contains(literal[0], StringComparison.Ordinal) && written.Length > 0 && ".!?\u2026".Contains(written[^1], StringComparison.Ordinal))
                    {
                        literal = literal[1..];
                    }
                    text.AppendLiteral(literal);
                    written.Append(literal);
                    continue;
                }

                var value = slots[segment.Text]!;
                toEdit += value.NeedsEditing ? value.Marked : 0;
                if (value.Plain is { } plain)
                {
                    var shown = AtSentenceStart(written) && plain.Length > 0 && char.IsLower(plain[0])
                        ? char.ToUpper(plain[0], CultureInfo.InvariantCulture) + plain[1..]
                        : plain;
                    text.AppendFormatted(shown);
                    written.Append(shown);
                }
                else
                {
                    text.AppendFormatted(value.Words);
                    written.Append(value.Words.Text);
                }
            }

            return text;
        }

        return null;
    }

    private static bool AtSentenceStart(StringBuilder written)
    {
        var s = written.ToString().TrimEnd();
        return s.Length == 0 || ".!?".Contains(s[^1], StringComparison.Ordinal);
    }

    private readonly record struct Segment(string Text, bool IsSlot);

    private static List<Segment> Segments(string text)
    {
        var segments = new List<Segment>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (open < 0 || close < 0 || !IsSlotName(text.AsSpan(open + 1, close - open - 1)))
            {
                var end = open < 0 || close < 0 ? text.Length : open + 1;
                Add(segments, text[at..end]);
                at = end;
                continue;
            }

            Add(segments, text[at..open]);
            segments.Add(new Segment(text[(open + 1)..close], true));
            at = close + 1;
        }

        return segments;
    }

    private static void Add(List<Segment> segments, string literal)
    {
        if (literal.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && !segments[^1].IsSlot)
        {
            segments[^1] = new Segment(segments[^1].Text + literal, false);
        }
        else
        {
            segments.Add(new Segment(literal, false));
        }
    }

    private static bool IsSlotName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 40 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
