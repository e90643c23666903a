using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Reliability.Harness;

/// <summary>Someone the drill expects the worker to follow up with: one thank-you draft and (optionally) one hold.</summary>
internal sealed record ExpectedPerson(string Email, string Source, bool ExpectHold = true);

/// <summary>
/// Counts what the worker made, read from the sandbox mailbox itself: drafts and holds carrying the product's
/// tag (<see cref="TaggedItems.PropertyId"/>). A draft belongs to its recipient; a hold has no attendees, so
/// it belongs to the person its body names. Nothing here asks the worker what it thinks it made.
/// </summary>
internal sealed partial class MailboxTally
{
    private MailboxTally(
        IReadOnlyList<ExpectedPerson> expected,
        IReadOnlyDictionary<string, int> drafts,
        IReadOnlyDictionary<string, int> holds,
        int draftTagsRepeated,
        int holdTagsRepeated,
        IReadOnlyList<string> unexpectedDrafts,
        int unexpectedHolds,
        int taggedDrafts,
        int taggedHolds)
    {
        Expected = expected;
        DraftsPerPerson = drafts;
        HoldsPerPerson = holds;
        DraftTagsRepeated = draftTagsRepeated;
        HoldTagsRepeated = holdTagsRepeated;
        UnexpectedDraftRecipients = unexpectedDrafts;
        UnexpectedHolds = unexpectedHolds;
        TaggedDrafts = taggedDrafts;
        TaggedHolds = taggedHolds;
    }

    public IReadOnlyList<ExpectedPerson> Expected { get; }

    public IReadOnlyDictionary<string, int> DraftsPerPerson { get; }

    public IReadOnlyDictionary<string, int> HoldsPerPerson { get; }

    /// <summary>Extra drafts carrying a tag another draft already carries (one step made twice).</summary>
    public int DraftTagsRepeated { get; }

    public int HoldTagsRepeated { get; }

    /// <summary>Tagged items for nobody the drill expected (a person who should have been skipped).</summary>
    public int UnexpectedDrafts => UnexpectedDraftRecipients.Count;

    /// <summary>Whom the unexpected drafts are addressed to.</summary>
    public IReadOnlyList<string> UnexpectedDraftRecipients { get; }

    public int UnexpectedHolds { get; }

    public int TaggedDrafts { get; }

    public int TaggedHolds { get; }

    public int ExpectedItems => Expected.Count + Expected.Count(p => p.ExpectHold);

    /// <summary>Expected items that exist at least once.</summary>
    public int Made => Expected.Count(p => Drafts(p) > 0) + Expected.Count(p => p.ExpectHold && Holds(p) > 0);

    /// <summary>Copies beyond the first, for expected people and for anyone else.</summary>
    public int Duplicated =>
        DraftsPerPerson.Values.Sum(n => Math.Max(0, n - 1)) + HoldsPerPerson.Values.Sum(n => Math.Max(0, n - 1));

    public int Missing => ExpectedItems - Made;

    public IEnumerable<ExpectedPerson> MissingDrafts => Expected.Where(p => Drafts(p) == 0);

    public IEnumerable<ExpectedPerson> MissingHolds => Expected.Where(p => p.ExpectHold && Holds(p) == 0);

    public IEnumerable<string> DuplicatedPeople =>
        DraftsPerPerson.Where(kv => kv.Value > 1).Select(kv => $"{kv.Key}: {kv.Value} drafts")
            .Concat(HoldsPerPerson.Where(kv => kv.Value > 1).Select(kv => $"{kv.Key}: {kv.Value} holds"));

    public bool ExactlyOnce => Missing == 0 && Duplicated == 0 && UnexpectedDrafts == 0 && UnexpectedHolds == 0;

    public static MailboxTally Count(SandboxMailbox mailbox, IReadOnlyCollection<ExpectedPerson> expected)
    {
        var keys = expected.Select(p => Key(p.Email)).ToHashSet(StringComparer.Ordinal);
        var drafts = mailbox.Drafts.Where(d => TagOf(d.SingleValueExtendedProperties) is not null).ToList();
        var holds = mailbox.CreatedEvents.Where(e => TagOf(e.SingleValueExtendedProperties) is not null).ToList();

        var draftsPerPerson = new Dictionary<string, int>(StringComparer.Ordinal);
        var unexpectedDrafts = new List<string>();
        foreach (var draft in drafts)
        {
            var to = draft.ToRecipients.Count == 1 ? Key(draft.ToRecipients[0].Address) : null;
            if (to is not null && keys.Contains(to))
            {
                draftsPerPerson[to] = draftsPerPerson.GetValueOrDefault(to) + 1;
            }
            else
            {
                unexpectedDrafts.Add(string.Join(", ", draft.ToRecipients.Select(r => r.Address)));
            }
        }

        var holdsPerPerson = new Dictionary<string, int>(StringComparer.Ordinal);
        var unexpectedHolds = 0;
        foreach (var hold in holds)
        {
            // The hold's body names its person as "… with Name (address) …": every parenthesised text is a candidate.
            var owners = Parenthesised().Matches(hold.BodyHtml ?? string.Empty)
                .Select(m => Key(WebUtility.HtmlDecode(m.Groups[1].Value)))
                .Where(keys.Contains)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (owners.Count == 1)
            {
                holdsPerPerson[owners[0]] = holdsPerPerson.GetValueOrDefault(owners[0]) + 1;
            }
            else
            {
                unexpectedHolds++;
            }
        }

        return new MailboxTally(
            [.. expected],
            draftsPerPerson,
            holdsPerPerson,
            drafts.Count - drafts.Select(d => TagOf(d.SingleValueExtendedProperties)).Distinct(StringComparer.Ordinal).Count(),
            holds.Count - holds.Select(h => TagOf(h.SingleValueExtendedProperties)).Distinct(StringComparer.Ordinal).Count(),
            unexpectedDrafts,
            unexpectedHolds,
            drafts.Count,
            holds.Count);
    }

    public static string? TagOf(IReadOnlyDictionary<string, string> properties) =>
        properties.FirstOrDefault(p => string.Equals(p.Key, TaggedItems.PropertyId, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Control characters shown as \uXXXX, long text cut: safe to print in a test report.</summary>
    public static string Printable(string text)
    {
        var cut = text.Length > 80 ? text[..80] + "…" : text;
        return string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
    }

    public static string Key(string email) => email.Trim().ToLowerInvariant();

    [GeneratedRegex(@"\(([^()<>]*)\)")]
    private static partial Regex Parenthesised();

    private int Drafts(ExpectedPerson p) => DraftsPerPerson.GetValueOrDefault(Key(p.Email));

    private int Holds(ExpectedPerson p) => HoldsPerPerson.GetValueOrDefault(Key(p.Email));

    /// <summary>Everything a failing drill needs to say what went wrong, and for whom.</summary>
    public string Describe(int max = 12)
    {
        var lines = new List<string>
        {
            $"expected {ExpectedItems} items ({Expected.Count} drafts, {Expected.Count(p => p.ExpectHold)} holds); made {Made}; duplicated {Duplicated}; missing {Missing}",
            $"tagged in the mailbox: {TaggedDrafts} drafts, {TaggedHolds} holds; tags made twice: {DraftTagsRepeated} draft tags, {HoldTagsRepeated} hold tags; for nobody expected: {UnexpectedDrafts} drafts, {UnexpectedHolds} holds",
        };
        lines.AddRange(MissingDrafts.Take(max).Select(p => $"  missing draft: {p.Email} ({p.Source})"));
        lines.AddRange(MissingHolds.Take(max).Select(p => $"  missing hold: {p.Email} ({p.Source})"));
        lines.AddRange(DuplicatedPeople.Take(max).Select(d => $"  duplicated: {d}"));
        lines.AddRange(UnexpectedDraftRecipients.Take(max).Select(to => $"  draft for nobody expected, to: {Printable(to)}"));
        return string.Join('\n', lines);
    }
}
