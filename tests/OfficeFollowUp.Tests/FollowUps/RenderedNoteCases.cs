namespace OfficeFollowUp.Tests.FollowUps;

/// <summary>
/// One input per shape of every draft and hold the product writes, rendered to one string (subject,
/// HTML body and, for referral notes, the text form). The expected renderings are pinned byte for
/// byte in <see cref="RenderedNoteTests"/>, so a change to the templating path shows up there.
/// </summary>
internal static class RenderedNoteCases
{
    /// <summary>Markup, an ampersand, both quotes, a right-to-left override and Hebrew, an emoji, a Latin-1 letter.</summary>
    public const string Hostile = "<script>alert('x')</script> & \"Co\" \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \U0001F389 Zo\u00EB";

    private static readonly TimeZoneInfo Auckland = MailboxTimeZone.Resolve("Pacific/Auckland");
    private static readonly DateTimeOffset Met = new(2026, 11, 24, 6, 30, 0, TimeSpan.Zero); // Tuesday 24 Nov, 19:30 in Auckland

    public static readonly IReadOnlyDictionary<string, Func<string>> All = new Dictionary<string, Func<string>>
    {
        ["thank-you, everything known"] = () => Draft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            "priya@harbourlaw.co.nz", "Priya Raman", "Priya", "Harbour Law", "Alex Morgan", "Alex", "",
            "Chamber business mixer", "her firm is moving to Ponsonby", "https://example.org/leasing-guide?ref=mixer&x=1"))),
        ["thank-you, a display name and a company"] = () => Draft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            "sam@bakery.co.nz", " Sam  Baker ", null, " Baker & Sons ", "Alex Morgan", null, "Alex Morgan, Morgan Consulting"))),
        ["thank-you, a promise that is not a link"] = () => Draft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            "kim@example.org", "Kim", null, null, "Alex Morgan", "Alex", null, Promised: "the name of my accountant"))),
        ["thank-you, hostile"] = () => Draft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            "evil@example.org", Hostile, Hostile, Hostile, Hostile, Hostile, Hostile, Hostile, Hostile, Hostile))),
        ["thank-you, a hostile link"] = () => Draft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            "evil@example.org", "Eve", null, null, "Alex Morgan", "Alex", null, Promised: "https://example.org/a?q=<b>&r=\"x\"&s='y'"))),
        ["thank-you, line breaks"] = () => Draft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            "jo@example.org", "Jo", null, null, "Alex Morgan", "Alex", "Alex\r\nMorgan Consulting", Remember: "line one\nline two\ttab"))),

        ["hold, met at an event"] = () => Hold(Step() with { EventSubject = "Chamber business mixer", Remember = "her firm is moving", Promised = "an intro to Jo" }),
        ["hold, met without an event"] = () => Hold(Step()),
        ["hold, no meeting known"] = () => Hold(Step() with { MetAt = null }),
        ["hold, hostile"] = () => Hold(Step() with { DisplayName = Hostile, Email = "a&b@example.org", EventSubject = Hostile, Remember = Hostile, Promised = Hostile }),
        ["hold, line breaks"] = () => Hold(Step() with { Remember = "line one\nline two", Promised = "a\tb" }),

        ["referral intro, copying the partner"] = () => Note(ReferralTemplates.Intro(Facts() with { CopyPartner = true })),
        ["referral intro, no need given"] = () => Note(ReferralTemplates.Intro(Facts() with { Need = " " })),
        ["referral check-in, with the date"] = () => Note(ReferralTemplates.CheckIn(Facts() with { ReferredAt = new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero) })),
        ["referral check-in, no date"] = () => Note(ReferralTemplates.CheckIn(Facts())),
        ["referral close, won"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.Won, Facts())),
        ["referral close, in progress"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.InProgress, Facts() with { LookingFor = null })),
        ["referral close, not a fit"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.NotAFit, Facts())),
        ["referral close, not a fit with a better fit"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.NotAFit, Facts() with { BetterFit = "Jo at Harbour Leasing" })),
        ["referral close, no response"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.NoResponse, Facts())),
        ["referral close, poor meeting"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.PoorMeeting, Facts())),
        ["referral intro, hostile"] = () => Note(ReferralTemplates.Intro(HostileFacts())),
        ["referral check-in, hostile"] = () => Note(ReferralTemplates.CheckIn(HostileFacts())),
        ["referral close, won, hostile"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.Won, HostileFacts())),
        ["referral close, not a fit, hostile"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.NotAFit, HostileFacts())),
        ["referral close, line breaks"] = () => Note(ReferralTemplates.CloseTheLoop(ReferralOutcome.InProgress, Facts() with { OutcomeNote = "signed\r\nthe lease", Sender = "Mere\nTaylor" })),
    };

    /// <summary>Every kind of draft and hold, with one piece of text put into every field it has (subject, HTML body).</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, (string Subject, string Html)>> Kinds =
        new Dictionary<string, Func<string, (string Subject, string Html)>>
        {
            ["thank-you"] = t => FromDraft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts("a@example.org", t, t, t, t, t, t, t, t, t))),
            ["thank-you with a link"] = t => FromDraft(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
                "a@example.org", t, t, t, t, t, t, t, t, "https://example.org/?q=" + t))),
            ["hold"] = t => HoldTemplate.Render(Step() with { DisplayName = t, Email = t, EventSubject = t, Remember = t, Promised = t }, Auckland),
            ["referral intro"] = t => FromNote(ReferralTemplates.Intro(Everywhere(t))),
            ["referral check-in"] = t => FromNote(ReferralTemplates.CheckIn(Everywhere(t))),
            ["close the loop: won"] = t => FromNote(ReferralTemplates.CloseTheLoop(ReferralOutcome.Won, Everywhere(t))),
            ["close the loop: in progress"] = t => FromNote(ReferralTemplates.CloseTheLoop(ReferralOutcome.InProgress, Everywhere(t))),
            ["close the loop: not a fit"] = t => FromNote(ReferralTemplates.CloseTheLoop(ReferralOutcome.NotAFit, Everywhere(t))),
            ["close the loop: no response"] = t => FromNote(ReferralTemplates.CloseTheLoop(ReferralOutcome.NoResponse, Everywhere(t))),
            ["close the loop: poor meeting"] = t => FromNote(ReferralTemplates.CloseTheLoop(ReferralOutcome.PoorMeeting, Everywhere(t))),
        };

    private static FollowUpItem Step() => new(
        "s1", "m", "priya@harbourlaw.co.nz", "Priya Raman", "Priya", "Harbour Law", FollowUpStepKind.OneToOne, Met.AddDays(30),
        FollowUpState.Pending, null, null, null, MetAt: Met);

    private static ReferralNoteFacts Facts() =>
        new("Sam Taylor", "Alex Chen", "leasing advice", "Mere", "owners of growing trade businesses", OutcomeNote: "They signed a two-year lease.");

    private static ReferralNoteFacts HostileFacts() =>
        new(Hostile, Hostile, Hostile, Hostile, Hostile, CopyPartner: true, ReferredAt: Met, BetterFit: Hostile, OutcomeNote: Hostile);

    private static ReferralNoteFacts Everywhere(string t) =>
        new(t, t, t, t, t, CopyPartner: true, ReferredAt: Met, BetterFit: t, OutcomeNote: t);

    private static (string Subject, string Html) FromDraft(DraftContent draft) => (draft.Subject, draft.HtmlBody);

    private static (string Subject, string Html) FromNote(RenderedNote note) => (note.Subject, note.Html);

    private static string Draft(DraftContent draft) => $"{draft.Subject}\n---\n{draft.HtmlBody}";

    private static string Hold((string Subject, string HtmlBody) hold) => $"{hold.Subject}\n---\n{hold.HtmlBody}";

    private static string Hold(FollowUpItem step) => Hold(HoldTemplate.Render(step, Auckland));

    private static string Note(RenderedNote note) => $"{note.Subject}\n---\n{note.Html}\n---\n{note.Text}";
}
