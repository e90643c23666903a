using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Creates drafts in Drafts and finds them again by the product's tag. Messages have no idempotency
/// key in Graph, so the tag (a single-value extended property) is how "exactly once" is kept, and a
/// create is sent once per call: the SDK's retry handler is off for it.
/// </summary>
public sealed class DraftWriter(MailboxClientFactory clients)
{
    /// <summary>Our property set GUID; never change it, or drafts made before can't be found again.</summary>
    public const string TagPropertyId = "String {6d3b8a8e-3f2c-4f7a-9f0e-5b1a2c7e4d91} Name FollowUpKey";

    public async Task<string?> FindByTagAsync(string tag, CancellationToken ct)
    {
        var page = await clients.Root.Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{TagPropertyId}' and ep/value eq '{tag.Replace("'", "''", StringComparison.Ordinal)}')";
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = 2;
        }, ct);
        return page?.Value?.FirstOrDefault()?.Id;
    }

    public async Task<string> CreateAsync(DraftContent content, string tag, CancellationToken ct)
    {
        var message = new Message
        {
            Subject = content.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = content.HtmlBody },
            ToRecipients =
            [
                new Recipient { EmailAddress = new EmailAddress { Address = content.RecipientAddress, Name = content.RecipientName } },
            ],
            CcRecipients = content.CcAddress is { } cc
                ? [new Recipient { EmailAddress = new EmailAddress { Address = cc, Name = content.CcName } }]
                : null,
            SingleValueExtendedProperties =
            [
                new SingleValueLegacyExtendedProperty { Id = TagPropertyId, Value = tag },
            ],
        };

        // Messages have no idempotency key: a 503/504 can come after the mailbox made the draft, and the SDK's retry
        // handler would then make a second one inside this call. The outbox retries instead, after a tag lookup.
        var created = await clients.Root.Messages.PostAsync(message, r => r.Options.Add(new RetryHandlerOption { MaxRetry = 0 }), ct);
        return created?.Id ?? throw new InvalidOperationException("Graph created a draft without an id.");
    }
}
