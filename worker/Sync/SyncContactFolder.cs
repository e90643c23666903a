using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Sync;

/// <summary>One contacts delta round over one folder; new people found in an incremental round start tracks.</summary>
public sealed class SyncContactFolder(
    MailboxReader reader,
    SaveContactsPage savePage,
    DeltaRound round,
    IOptions<MailboxOptions> mailboxOptions,
    TimeProvider time)
{
    public static string ResourceName(string folderId) => $"contacts/{folderId}";

    public Task<RoundResult> RunAsync(MailboxProfile profile, ContactFolderRef folder, Action<int>? progress, CancellationToken ct) =>
        round.RunAsync(profile.MailboxId, ResourceName(folder.Id), null, async (link, detect, token) =>
        {
            var page = await reader.ReadContactsDeltaAsync(folder.Id, link, mailboxOptions.Value.ContactsPageSize, token);
            var saved = await savePage.RunAsync(profile, page.Items, detect, time.GetUtcNow(), token);
            progress?.Invoke(saved.Upserted);
            return new SavedPage(page.NextLink, page.DeltaLink, saved.Upserted, saved.NewAcquaintances, page.Malformed);
        }, ct);
}
