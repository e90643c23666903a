using System.Net;

namespace OfficeFollowUp.FollowUps;

/// <summary>A draft to write: one recipient, and optionally one person copied (a referral partner the user chose to copy).</summary>
public sealed record DraftContent(string Subject, string HtmlBody, string RecipientName, string RecipientAddress, string? CcName = null, string? CcAddress = null);

/// <summary>
/// A short, warm thank-you note: about them, not a pitch. Every string that came from a contact
/// is HTML-encoded before it enters the body.
/// </summary>
public static class ThankYouTemplate
{
    public static DraftContent Render(NewAcquaintanceDraftFacts facts)
    {
        var firstName = FirstName(facts.GivenName, facts.DisplayName);
        var sender = string.IsNullOrWhiteSpace(facts.Signature) ? FirstName(facts.SenderGivenName, facts.SenderDisplayName) : facts.Signature.Trim();
        var company = string.IsNullOrWhiteSpace(facts.CompanyName)
            ? string.Empty
            : $" and what you are building at {Encode(facts.CompanyName.Trim())}";

        var where = string.IsNullOrWhiteSpace(facts.EventSubject) ? string.Empty : $" at {Encode(facts.EventSubject.Trim())}";
        var remembered = string.IsNullOrWhiteSpace(facts.Remember)
            ? $"I enjoyed hearing about your work{company}."
            : $"I have been thinking about what you said: {Encode(facts.Remember.Trim())}.";
        var promised = string.IsNullOrWhiteSpace(facts.Promised)
            ? string.Empty
            : $"<p>As promised: {Linkify(facts.Promised.Trim())}</p>";
        var html =
            $"<p>Hi {Encode(firstName)},</p>" +
            $"<p>Thank you for taking the time to talk{where} &mdash; it was good to meet you. {remembered}</p>" +
            promised +
            "<p>If there is someone I could introduce you to, or anything I can help with, just let me know. I would be glad to stay in touch.</p>" +
            $"<p>Best wishes,<br>{Encode(sender)}</p>";

        return new DraftContent($"Great to meet you, {firstName}", html, facts.DisplayName, facts.Email);
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

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A promised resource that is a web address becomes a link; anything else stays text. Both encoded.</summary>
    private static string Linkify(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{Encode(uri.AbsoluteUri)}\">{Encode(text)}</a>"
            : Encode(text);
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
