using Microsoft.Graph.Models;
using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Reads what the user sent: <c>/me/mailFolders/sentitems/messages/delta</c>, only the fields evidence needs
/// (no subject or body: what was said is none of the worker's business). Mail.ReadWrite covers it.
/// </summary>
public sealed class SentItemsReader(MailboxClientFactory clients)
{
    private static readonly string[] Fields = ["id", "sentDateTime", "toRecipients", "ccRecipients", "conversationId", "internetMessageId", "isDraft"];

    public async Task<DeltaPage<SentMessageFacts>> ReadDeltaAsync(string? link, int pageSize, CancellationToken ct)
    {
        var builder = clients.Root.MailFolders["sentitems"].Messages.Delta;
        var request = link is null ? builder : builder.WithUrl(link);
        var response = await request.GetAsDeltaGetResponseAsync(r =>
        {
            // $select goes on the first request only: Graph freezes it into the next and delta links.
            if (link is null)
            {
                r.QueryParameters.Select = Fields;
            }
            r.Headers.Add("Prefer", $"odata.maxpagesize={pageSize}");
        }, ct);

        var sent = new List<SentMessageFacts>();
        var malformed = 0;
        foreach (var item in response?.Value ?? [])
        {
            // A message that left Sent Items (deleted, moved) is no longer evidence of anything new; what it completed stays.
            if (item.AdditionalData?.ContainsKey("@removed") == true)
            {
                continue;
            }

            // A draft saved into Sent Items by some client was never sent.
            if (item.IsDraft == true)
            {
                continue;
            }

            if (string.IsNullOrEmpty(item.Id) || item.SentDateTime is not { } sentAt)
            {
                malformed++;
                continue;
            }

            sent.Add(new SentMessageFacts(
                item.Id,
                sentAt,
                [.. Keys(item.ToRecipients).Concat(Keys(item.CcRecipients)).Distinct(StringComparer.Ordinal)],
                item.ConversationId,
                item.InternetMessageId));
        }

        return new DeltaPage<SentMessageFacts>(sent, response?.OdataNextLink, response?.OdataDeltaLink, malformed);
    }

    private static IEnumerable<string> Keys(List<Recipient>? recipients) =>
        (recipients ?? []).Select(r => r.EmailAddress?.Address).OfType<string>().Where(EmailAddresses.LooksValid).Select(EmailAddresses.Key);
}
