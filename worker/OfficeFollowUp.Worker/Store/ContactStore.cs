using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

/// <summary>The user's Outlook contacts as contact sync last saw them, per folder; a removed one keeps its row, marked.</summary>
public sealed class ContactStore
{
    /// <summary>Which of <paramref name="ids"/> the store holds (removed or not): one read for a page, not one per contact.</summary>
    public async Task<IReadOnlySet<string>> KnownIdsAsync(StoreSession session, string mailboxId, IEnumerable<string> ids, CancellationToken ct) =>
        (await session.QueryInChunksAsync<string>(
            "SELECT id FROM contacts WHERE mailbox_id = @mailboxId AND id IN @ids", ids, chunk => new { mailboxId, ids = chunk }, ct))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The ids of the folder's contacts not marked removed.</summary>
    public Task<IReadOnlyList<string>> ListIdsInFolderAsync(StoreSession session, string mailboxId, string folderId, CancellationToken ct) =>
        session.QueryAsync<string>(
            "SELECT id FROM contacts WHERE mailbox_id = @mailboxId AND folder_id = @folderId AND removed = 0", new { mailboxId, folderId }, ct);

    public Task UpsertAsync(StoreSession session, string mailboxId, string folderId, ContactFacts contact, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return session.ExecuteAsync("""
            INSERT INTO contacts (mailbox_id, id, folder_id, display_name, given_name, company_name, emails, created_at, first_seen_at, removed, birthday,
                                  job_title, personal_notes)
            VALUES (@mailboxId, @Id, @folderId, @DisplayName, @GivenName, @CompanyName, @Emails, @CreatedAt, @now, 0, @Birthday, @JobTitle, @PersonalNotes)
            ON CONFLICT (mailbox_id, id) DO UPDATE SET folder_id = @folderId, display_name = @DisplayName, given_name = @GivenName,
                company_name = @CompanyName, emails = @Emails, created_at = COALESCE(@CreatedAt, contacts.created_at), removed = 0, birthday = @Birthday,
                job_title = @JobTitle, personal_notes = @PersonalNotes
            """, new
        {
            mailboxId, folderId, now, contact.Id, contact.DisplayName, contact.GivenName, contact.CompanyName, contact.Emails, contact.CreatedAt, contact.Birthday,
            contact.JobTitle, contact.PersonalNotes,
        }, ct);
    }

    /// <returns>How many stored contacts were marked.</returns>
    public Task<int> MarkRemovedAsync(StoreSession session, string mailboxId, IEnumerable<string> ids, CancellationToken ct) =>
        session.ExecuteInChunksAsync("UPDATE contacts SET removed = 1 WHERE mailbox_id = @mailboxId AND id IN @ids", ids, chunk => new { mailboxId, ids = chunk }, ct);
}
