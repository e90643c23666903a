using Microsoft.Graph.Models;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Creates drafts in Drafts, tagged so <see cref="TaggedItems"/> finds them again. Messages have no idempotency
/// key in Graph, so the tag is how "exactly once" is kept, and a create is sent once per call: the SDK's retry
/// handler is off for it.
/// </summary>
public sealed class DraftWriter(MailboxClientFactory clients)
{
    public async Task<string> CreateAsync(DraftContent content, string tag, CancellationToken ct) =>
        (await CreateDraftAsync(content, tag, ct)).Id;

    /// <summary>
    /// Creates the draft and returns its id with its conversation and internet message ids: they stay the same when the
    /// user sends it, so sent mail can be matched to the draft even where its tag or id does not survive.
    /// </summary>
    public async Task<MadeDraft> CreateDraftAsync(DraftContent content, string tag, CancellationToken ct)
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
                new SingleValueLegacyExtendedProperty { Id = TaggedItems.PropertyId, Value = tag },
            ],
        };

        // Messages have no idempotency key: a 503/504 can come after the mailbox made the draft, and the SDK's retry
        // handler would then make a second one inside this call. The outbox retries instead, after a tag lookup.
        var created = await clients.Root.Messages.PostAsync(message, r => r.Options.Add(new RetryHandlerOption { MaxRetry = 0 }), ct);
        return new MadeDraft(
            created?.Id ?? throw new InvalidOperationException("Graph created a draft without an id."), created.ConversationId, created.InternetMessageId);
    }
}

public sealed record MadeDraft(string Id, string? ConversationId, string? InternetMessageId);
