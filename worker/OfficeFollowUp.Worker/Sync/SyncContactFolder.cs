using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Sync;

/// <summary>
/// One contacts delta round over one folder. New people found in an incremental round, or in the re-read
/// after an expired cursor, start tracks; the re-read also marks removed the folder's contacts it no longer finds.
/// </summary>
public sealed class SyncContactFolder(
    MailboxReader reader,
    SaveContactsPage savePage,
    RemoveMissingContacts removeMissing,
    DeltaRound round,
    IOptions<MailboxOptions> mailboxOptions,
    TimeProvider time)
{
    public static string ResourceName(string folderId) => $"contacts/{folderId}";

    public Task<RoundResult> RunAsync(MailboxProfile profile, ContactFolderRef folder, Action<int>? progress, CancellationToken ct) =>
        round.RunAsync(new DeltaResource(profile.MailboxId, ResourceName(folder.Id), null, "contacts", "contacts", async (link, kind, token) =>
        {
            var page = await reader.ReadContactsDeltaAsync(folder.Id, link, mailboxOptions.Value.ContactsPageSize, token);
            var saved = await savePage.RunAsync(profile, page.Items, kind, time.GetUtcNow(), token);
            progress?.Invoke(saved.Upserted);
            // Skipped items, as Health counts them: contacts Graph sent in a shape we cannot read, and new ones whose
            // addresses are all unusable (they could be nobody's follow-up, and the person should know why).
            return new SavedPage(page.NextLink, page.DeltaLink, saved.Upserted, saved.NewAcquaintances, page.Malformed + saved.Unusable,
                [.. page.Items.Where(c => !c.Removed).Select(c => c.Id), .. page.UnreadableIds], saved.Unseen);
        }, (session, present, _, token) => removeMissing.RunAsync(session, profile.MailboxId, folder.Id, present, token)), ct);
}
