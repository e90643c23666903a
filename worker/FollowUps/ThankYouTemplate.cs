using System.Net;

namespace OfficeFollowUp.FollowUps;

public sealed record DraftContent(string Subject, string HtmlBody, string RecipientName, string RecipientAddress);

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

        var html =
            $"<p>Hi {Encode(firstName)},</p>" +
            $"<p>Thank you for taking the time to talk &mdash; it was good to meet you. I enjoyed hearing about your work{company}.</p>" +
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
}

public sealed record NewAcquaintanceDraftFacts(
    string Email,
    string DisplayName,
    string? GivenName,
    string? CompanyName,
    string SenderDisplayName,
    string? SenderGivenName,
    string? Signature);
