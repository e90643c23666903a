using System.Globalization;
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
    string? OutcomeNote = null);

/// <summary>
/// Every referral note in one place: the first contact with a prospect, the check-in with a partner,
/// and the close-the-loop note for each outcome — kind and honest, never a pitch. Every sentence is
/// <see cref="NoteText"/>, so each piece of text from the user or a contact is HTML-encoded for the
/// HTML form and stripped of control characters for the text form.
/// </summary>
public static class ReferralTemplates
{
    /// <summary>Received: the first note to the prospect, saying who referred them.</summary>
    public static RenderedNote Intro(ReferralNoteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var partnerFirst = FirstName(facts.PartnerName);
        NoteText need = $"";
        if (Blank(facts.Need) is { } n)
        {
            need = $" about {n}";
        }

        var paragraphs = new List<NoteText> { $"{facts.PartnerName} suggested I get in touch{need}." };
        if (facts.CopyPartner)
        {
            paragraphs.Add($"I have copied {partnerFirst} so they know we have connected.");
        }

        paragraphs.Add($"I would be glad to hear what you are working on and see whether I can help. Would a short call or a coffee this week suit you?");
        return Render($"{partnerFirst} suggested we talk", $"Hi {FirstName(facts.ProspectName)},", paragraphs, facts.Sender);
    }

    /// <summary>Given: after a few days, ask the partner whether they reached the prospect.</summary>
    public static RenderedNote CheckIn(ReferralNoteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var prospectFirst = FirstName(facts.ProspectName);
        var when = facts.ReferredAt is { } at ? " on " + at.ToString("d MMMM", CultureInfo.InvariantCulture) : string.Empty;
        return Render(
            $"Were you able to reach {prospectFirst}?",
            $"Hi {FirstName(facts.PartnerName)},",
            [
                $"A quick check-in on {facts.ProspectName}, whom I introduced you to{when}. Were you able to reach {prospectFirst}?",
                $"If anything got in the way, let me know and I will nudge from my side.",
            ],
            facts.Sender);
    }

    /// <summary>The close-the-loop note to whoever gave the referral: its own honest, kind wording per outcome.</summary>
    public static RenderedNote CloseTheLoop(ReferralOutcome outcome, ReferralNoteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var prospect = facts.ProspectName.Trim();
        var prospectFirst = FirstName(prospect);
        var (subject, paragraphs) = outcome switch
        {
            ReferralOutcome.Won => Say(
                $"Thank you — good news about {prospectFirst}",
                $"Thank you again for introducing me to {prospect}. I wanted you to hear it from me: it went well, and we are now working together.",
                $"Your trust made that possible, and I do not take it for granted."),
            ReferralOutcome.InProgress => Say(
                $"An update on {prospectFirst}",
                $"Thank you for introducing me to {prospect}. We have been in touch and things are moving; I will let you know how it turns out."),
            ReferralOutcome.NotAFit => Say(
                $"About {prospectFirst}",
                $"Thank you for thinking of me for {prospect}. We talked, and honestly what {prospectFirst} needs is not where I am strongest.",
                Blank(facts.BetterFit) is { } better
                    ? (NoteText)$"I think {better} would be a better fit, and I have said so to {prospectFirst}."
                    : $"If you know someone who specialises in what {prospectFirst} needs, they would be a better fit than me."),
            ReferralOutcome.NoResponse => Say(
                $"{prospectFirst} and I have not connected yet",
                $"Thank you for the introduction to {prospect}. I reached out a few times, but we have not managed to connect.",
                $"If you are in touch with them, a gentle nudge would be welcome; no pressure either way, and the door stays open."),
            ReferralOutcome.PoorMeeting => Say(
                $"Thank you for introducing me to {prospectFirst}",
                $"Thank you for connecting me with {prospect}. We met, and we did not find an immediate way to help each other.",
                $"That happens, and I am grateful you thought of me. I am happy to stay in touch with them if something changes."),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
        };

        if (Blank(facts.OutcomeNote) is { } note && outcome is ReferralOutcome.Won or ReferralOutcome.InProgress)
        {
            paragraphs.Add($"{note}");
        }

        paragraphs.Add($"Is there someone I could introduce you to in return? Tell me who would make your week.");
        if (Blank(facts.LookingFor) is { } lookingFor)
        {
            paragraphs.Add($"And as a reminder of what helps me most: {lookingFor}.");
        }

        return Render(subject, $"Hi {FirstName(facts.PartnerName)},", paragraphs, facts.Sender);
    }

    private static (NoteText Subject, List<NoteText> Paragraphs) Say(NoteText subject, params NoteText[] paragraphs) => (subject, [.. paragraphs]);

    private static RenderedNote Render(NoteText subject, NoteText greeting, IReadOnlyList<NoteText> paragraphs, string sender)
    {
        var body = NoteBody.Letter(greeting, paragraphs, sender);
        return new RenderedNote(subject.Text, body.Html, body.Text);
    }

    private static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
