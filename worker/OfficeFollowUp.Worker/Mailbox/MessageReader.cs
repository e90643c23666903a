using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Graph.Models;
using OfficeFollowUp.Referrals;

namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Reads the message open in Outlook (the add-in passes its REST id) as the facts introduction
/// detection needs: sender, recipients, subject and the start of the body as plain text.
/// </summary>
public sealed partial class MessageReader(MailboxClientFactory clients)
{
    /// <param name="mailboxId">The caller's mailbox (its Graph user id): with application permissions there is
    /// no signed-in user, so the message is read at <c>/users/{id}</c>, never <c>/me</c>.</param>
    public async Task<IntroMessage> ReadAsync(string mailboxId, string messageId, CancellationToken ct)
    {
        using var scope = MailboxScope.Enter(mailboxId);
        var message = await clients.Root.Messages[messageId].GetAsync(r =>
        {
            r.QueryParameters.Select = ["from", "toRecipients", "ccRecipients", "subject", "bodyPreview", "body"];
            // Graph converts the body to text when asked; the HTML fallback below covers servers that do not.
            r.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");
        }, ct) ?? throw new InvalidOperationException("Graph returned no message.");

        var body = message.Body?.Content is { } content
            ? message.Body.ContentType == BodyType.Html ? PlainText(content) : content
            : message.BodyPreview;
        return new IntroMessage(
            ToParty(message.From),
            (message.ToRecipients ?? []).Select(ToParty).OfType<Party>().ToList(),
            (message.CcRecipients ?? []).Select(ToParty).OfType<Party>().ToList(),
            message.Subject,
            body is null ? null : body.Length > DetectIntroduction.BodyChars * 2 ? body[..(DetectIntroduction.BodyChars * 2)] : body);
    }

    private static Party? ToParty(Recipient? recipient) =>
        recipient?.EmailAddress?.Address is { } address ? new Party(address, recipient.EmailAddress.Name) : null;

    private static string PlainText(string html)
    {
        var text = Blocks().Replace(html, "\n");
        text = Tags().Replace(text, string.Empty);
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|blockquote)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Blocks();

    [GeneratedRegex(@"<[^>]+>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tags();
}
