using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Evidence;

/// <summary>
/// One messages delta round over Sent Items, with its own cursor in the sync state and the same rules as contacts:
/// each page is saved before the next is read, the cursor moves only when the round is saved, and an expired cursor
/// (410) means one fresh round — replaying sent mail completes nothing twice, so nothing is lost. Nothing about sent
/// mail is stored but its effects, so a reconcile round has nothing to remove.
/// </summary>
public sealed class SyncSentItems(SentItemsReader reader, SaveSentPage savePage, DeltaRound round, IOptions<CalendarOptions> options, TimeProvider time)
{
    public const string Resource = "sentitems";

    public Task<RoundResult> RunAsync(MailboxProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return round.RunAsync(new DeltaResource(profile.MailboxId, Resource, null, "sent items", "messages", async (link, _, token) =>
        {
            var page = await reader.ReadDeltaAsync(link, options.Value.PageSize, token);
            var saved = await savePage.RunAsync(profile.MailboxId, page.Items, time.GetUtcNow(), token);
            return new SavedPage(page.NextLink, page.DeltaLink, saved.Messages, saved.Completed, page.Malformed, [.. page.Items.Select(m => m.Id)]);
        }, (_, _, _, _) => Task.FromResult(0)), ct);
    }
}
