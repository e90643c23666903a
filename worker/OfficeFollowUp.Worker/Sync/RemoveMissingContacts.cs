using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

/// <summary>
/// After a complete re-read of a contact folder: the folder's stored contacts the re-read did not name were
/// deleted (or moved out) while the cursor was stale, exactly as an <c>@removed</c> would have said.
/// </summary>
public sealed class RemoveMissingContacts(ContactStore contacts)
{
    public async Task<int> RunAsync(StoreSession session, string mailboxId, string folderId, IReadOnlySet<string> present, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(present);
        var missing = (await contacts.ListIdsInFolderAsync(session, mailboxId, folderId, ct)).Where(id => !present.Contains(id)).ToList();
        await contacts.MarkRemovedAsync(session, mailboxId, missing, ct);
        return missing.Count;
    }
}
