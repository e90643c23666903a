using OfficeFollowUp.Drafts;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Referrals;

/// <summary>A prepared note in both forms: HTML for the draft, plain text for previews and plain-text clients.</summary>
public sealed record RenderedNote(string Subject, string Html, string Text);

/// <summary>Everything a referral note may say; all of it is encoded before it enters a note.</summary>
public sealed record ReferralNoteFacts(
    string PartnerName,
    string ProspectName,
    string? Need,
    string Sender,
    string? LookingFor,
    bool CopyPartner = false,
    DateTimeOffset? ReferredAt = null,
    string? BetterFit = null,
    string? OutcomeNote = null,
    string? Language = null);

/// <summary>
/// Every referral note in one place: the first contact with a prospect, the check-in with a partner, and the
/// close-the-loop note for each outcome — kind and honest, never a pitch. The wording is the user's template (or the
/// default); the referral's note and the outcome note are the user's private words and enter only through
/// <see cref="PrepareNoteFacts"/>; every slot is <see cref="NoteText"/>, so each piece of text is HTML-encoded.
/// </summary>
public static class ReferralTemplates
{
    /// <summary>Received: the first note to the prospect, saying who referred them.</summary>
    public static RenderedNote Intro(ReferralNoteFacts facts, DraftTemplate? template = null) =>
        Render(DraftKind.ReferralContact, facts, template);

    /// <summary>Given: after a few days, ask the partner whether they reached the prospect.</summary>
    public static RenderedNote CheckIn(ReferralNoteFacts facts, DraftTemplate? template = null) =>
        Render(DraftKind.ReferralCheckIn, facts, template);

    /// <summary>The close-the-loop note to whoever gave the referral: its own honest, kind wording per outcome.</summary>
    public static RenderedNote CloseTheLoop(ReferralOutcome outcome, ReferralNoteFacts facts, DraftTemplate? template = null) =>
        Render(KindOf(outcome), facts, template);

    public static DraftKind KindOf(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.Won => DraftKind.CloseWon,
        ReferralOutcome.InProgress => DraftKind.CloseInProgress,
        ReferralOutcome.NotAFit => DraftKind.CloseNotAFit,
        ReferralOutcome.NoResponse => DraftKind.CloseNoResponse,
        ReferralOutcome.PoorMeeting => DraftKind.ClosePoorMeeting,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static RenderedNote Render(DraftKind kind, ReferralNoteFacts facts, DraftTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        template ??= DefaultTemplates.For(kind, facts.Language);
        // The words around the wording (and in its placeholders) are in the language the wording is written in.
        facts = facts with { Language = DraftLanguage.Of(template, facts.Language) };
        var rendered = RenderDraft.Render(template, Slots(kind, facts));
        var body = DraftLetter.Body(rendered, facts.Sender, DraftWords.For(facts.Language));
        return new RenderedNote(rendered.Subject.Text, body.Html, body.Text);
    }

    public static IReadOnlyDictionary<string, SlotValue?> Slots(DraftKind kind, ReferralNoteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var toProspect = kind == DraftKind.ReferralContact;
        var recipient = toProspect ? facts.ProspectName : facts.PartnerName;
        var partnerFirst = DraftLetter.FirstName(null, facts.PartnerName);
        var words = DraftWords.For(facts.Language);
        var partnerNote = toProspect
            ? PrepareNoteFacts.Phrase(words, facts.Need, partnerFirst is null ? words.SomeonesNote : string.Format(words.Culture, words.NoteOf, partnerFirst), facts.ProspectName)
            : null;
        return new Dictionary<string, SlotValue?>(StringComparer.Ordinal)
        {
            ["FirstName"] = SlotValue.Of(DraftLetter.FirstName(null, recipient)),
            ["FullName"] = SlotValue.Of(recipient),
            ["MyFirstName"] = SlotValue.Of(DraftLetter.FirstName(null, facts.Sender)),
            ["MyName"] = SlotValue.Of(facts.Sender),
            ["PartnerName"] = SlotValue.Of(facts.PartnerName),
            ["PartnerFirstName"] = SlotValue.Of(partnerFirst),
            ["Need"] = SlotValue.Of(partnerNote),
            ["CopiedPartner"] = facts.CopyPartner ? SlotValue.Of(partnerFirst) : null,
            ["ProspectName"] = SlotValue.Of(facts.ProspectName),
            ["ProspectFirstName"] = SlotValue.Of(DraftLetter.FirstName(null, facts.ProspectName)),
            ["ReferredOn"] = facts.ReferredAt is { } at ? SlotValue.Of(at.ToString(words.ReferredOnFormat, words.Culture)) : null,
            ["BetterFit"] = SlotValue.Of(facts.BetterFit),
            // The outcome is told to the partner; a note that names the partner was written about them, not to them.
            ["OutcomeNote"] = kind is DraftKind.CloseWon or DraftKind.CloseInProgress
                ? SlotValue.Of(PrepareNoteFacts.Sentence(words, facts.OutcomeNote, facts.PartnerName))
                : null,
            ["LookingFor"] = SlotValue.Of(facts.LookingFor),
        };
    }
}
