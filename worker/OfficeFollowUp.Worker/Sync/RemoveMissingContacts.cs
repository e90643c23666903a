using Microsoft.Data.Sqlite;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

/// <summary>
/// After a complete re-read of a contact folder: the folder's stored contacts the re-read did not name were
/// deleted (or moved out) while the cursor was stale, exactly as an <c>@removed</c> would have said.
/// </summary>
public static class RemoveMissingContacts
{
    public static async Task<int> RunAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, string folderId, IReadOnlySet<string> present, CancellationToken ct)
    {
        var missing = new List<string>();
        await using (var stored = connection.Command("SELECT id FROM contacts WHERE mailbox_id = $m AND folder_id = $f AND removed = 0", tx)
            .With("$m", mailboxId).With("$f", folderId))
        await using (var reader = await stored.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                if (!present.Contains(id))
                {
                    missing.Add(id);
                }
            }
        }

        await using var remove = connection.Command("UPDATE contacts SET removed = 1 WHERE mailbox_id = $m AND id = $id", tx);
        remove.Parameters.AddWithValue("$m", mailboxId);
        var idParameter = remove.Parameters.Add("$id", SqliteType.Text);
        foreach (var id in missing)
        {
            idParameter.Value = id;
            await remove.ExecuteNonQueryAsync(ct);
        }
        return missing.Count;
    }
}
