namespace OfficeFollowUp.FollowUps;

/// <summary>A draft to write: one recipient, and optionally one person copied (a referral partner the user chose to copy).</summary>
public sealed record DraftContent(string Subject, string HtmlBody, string RecipientName, string RecipientAddress, string? CcName = null, string? CcAddress = null);

/// <summary>
/// A short, warm thank-you note: about them, not a pitch. Every sentence is <see cref="NoteText"/>,
/// so every string that came from a contact is HTML-encoded before it enters the body.
/// </summary>
public static class ThankYouTemplate
{
    public static DraftContent Render(NewAcquaintanceDraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var firstName = FirstName(facts.GivenName, facts.DisplayName);
        var sender = string.IsNullOrWhiteSpace(facts.Signature) ? FirstName(facts.SenderGivenName, facts.SenderDisplayName) : facts.Signature.Trim();
        NoteText where = $"";
        if (!string.IsNullOrWhiteSpace(facts.EventSubject))
        {
            where = $" at {facts.EventSubject.Trim()}";
        }

        NoteText remembered;
        if (!string.IsNullOrWhiteSpace(facts.Remember))
        {
            remembered = $"I have been thinking about what you said: {facts.Remember.Trim()}.";
        }
        else if (!string.IsNullOrWhiteSpace(facts.CompanyName))
        {
            remembered = $"I enjoyed hearing about your work and what you are building at {facts.CompanyName.Trim()}.";
        }
        else
        {
            remembered = $"I enjoyed hearing about your work.";
        }

        var paragraphs = new List<NoteText> { $"Thank you for taking the time to talk{where} {NoteText.EmDash} it was good to meet you. {remembered}" };
        if (!string.IsNullOrWhiteSpace(facts.Promised))
        {
            paragraphs.Add($"As promised: {Linkify(facts.Promised.Trim())}");
        }

        paragraphs.Add($"If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.");
        NoteText subject = $"Great to meet you, {firstName}";
        var body = NoteBody.Letter($"Hi {firstName},", paragraphs, sender);
        return new DraftContent(subject.Text, body.Html, facts.DisplayName, facts.Email);
    }

    private static string FirstName(string? givenName, string displayName)
    {
        if (!string.IsNullOrWhiteSpace(givenName))
        {
            return givenName.Trim();
        }

        var trimmed = displayName.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    /// <summary>A promised resource that is a web address becomes a link; anything else stays text.</summary>
    private static NoteText Linkify(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? NoteText.Link(uri, text)
            : $"{text}";
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
    string? Promised = null);
