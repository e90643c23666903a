using Microsoft.Graph.Models.ODataErrors;

namespace OfficeFollowUp.Mailbox;

public enum DraftRemoval
{
    Deleted,

    /// <summary>The mailbox no longer has it (the user deleted it already).</summary>
    AlreadyGone,

    /// <summary>The user sent it: a sent message is theirs and is never deleted.</summary>
    Sent,
}

/// <summary>
/// Deletes a draft the product prepared, at the user's request (they skipped its step). It reads the message first and
/// deletes it only while it is still a draft: with immutable ids a sent draft keeps its id in Sent Items, and a
/// DELETE there would remove the user's sent mail.
/// </summary>
public sealed class DraftRemover(MailboxClientFactory clients)
{
    private static readonly string[] DraftOnly = ["id", "isDraft"];

    public async Task<DraftRemoval> DeleteUnsentAsync(string draftId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draftId);
        try
        {
            var message = await clients.Root.Messages[draftId].GetAsync(r => r.QueryParameters.Select = DraftOnly, ct);
            if (message?.IsDraft != true)
            {
                return DraftRemoval.Sent;
            }

            await clients.Root.Messages[draftId].DeleteAsync(cancellationToken: ct);
            return DraftRemoval.Deleted;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return DraftRemoval.AlreadyGone;
        }
    }
}
