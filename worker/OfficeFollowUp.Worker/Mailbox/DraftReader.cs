using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace OfficeFollowUp.Mailbox;

/// <summary>A draft as the mailbox holds it now: what the user sees in Outlook, edits included.</summary>
public sealed record MailboxDraft(
    string Id, string? Subject, string? Body, bool BodyIsHtml, string? WebLink, DateTimeOffset? CreatedAt, DateTimeOffset? LastModifiedAt, bool IsDraft);

/// <summary>Reads one message by id (<c>GET /me/messages/{id}</c>); null when the mailbox no longer has it.</summary>
public sealed class DraftReader(MailboxClientFactory clients)
{
    public async Task<MailboxDraft?> ReadAsync(string mailboxId, string messageId, CancellationToken ct)
    {
        using var scope = MailboxScope.Enter(mailboxId);
        try
        {
            var message = await clients.Root.Messages[messageId].GetAsync(r =>
                r.QueryParameters.Select = ["id", "subject", "body", "webLink", "createdDateTime", "lastModifiedDateTime", "isDraft"], ct);
            return message?.Id is null
                ? null
                : new MailboxDraft(message.Id, message.Subject, message.Body?.Content, message.Body?.ContentType != BodyType.Text, message.WebLink,
                    message.CreatedDateTime, message.LastModifiedDateTime, message.IsDraft ?? true);
        }
        catch (ODataError error) when (error.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            // Deleted by the user (or sent without an immutable id): there is nothing to show.
            return null;
        }
    }
}
