using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

/// <param name="Unseen">Contacts on the page the store had never seen (in a baseline round they are history, not news).</param>
/// <param name="Unusable">New contacts skipped because none of their addresses can be written to; Health counts them.</param>
public sealed record PageResult(int Upserted, int Removed, int NewAcquaintances, int Skipped, int Unseen = 0, int Unusable = 0);

/// <summary>
/// Saves one delta page in one transaction: the contacts, and — when the round is news rather than
/// history (incremental, or the reconciling re-read after an expired cursor) — the new acquaintances,
/// their 24/7/30 steps and the outbox entries for their drafts. A contact counts as new when the store
/// has never seen it, so a replayed page, or a re-read after an interrupted one, starts nothing twice.
/// </summary>
public sealed class SaveContactsPage(Database database, EventStore events, IOptions<FollowUpOptions> options)
{
    public async Task<PageResult> RunAsync(MailboxProfile profile, IReadOnlyList<ContactChange> changes, RoundKind kind, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);

        var removed = 0;
        var latest = new Dictionary<string, ContactChange>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            // A page may repeat an item; the last occurrence is the newest.
            latest[change.Id] = change;
        }

        var fresh = new List<ContactFacts>();
        var upserts = new List<ContactChange>();
        await using (var exists = connection.Command("SELECT 1 FROM contacts WHERE mailbox_id = $m AND id = $id", tx))
        {
            exists.Parameters.AddWithValue("$m", profile.MailboxId);
            var idParameter = exists.Parameters.Add("$id", SqliteType.Text);
            foreach (var change in latest.Values)
            {
                if (change.Removed)
                {
                    await using var remove = connection.Command("UPDATE contacts SET removed = 1 WHERE mailbox_id = $m AND id = $id", tx)
                        .With("$m", profile.MailboxId).With("$id", change.Id);
                    removed += await remove.ExecuteNonQueryAsync(ct);
                    continue;
                }

                idParameter.Value = change.Id;
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    fresh.Add(change.Contact!);
                }
                upserts.Add(change);
            }
        }

        // The one place news is decided, for incremental and reconcile rounds alike: a guard against bulk
        // additions (an import, a phone sync) belongs here, where it sees the fresh contacts and the round's kind.
        var detection = kind != RoundKind.Baseline && fresh.Count > 0
            ? DetectNewAcquaintances.Run(fresh, profile, await KnownKeysAsync(connection, tx, profile.MailboxId, fresh, ct), options.Value.GroupLocalParts, now)
            : new Detection([], []);

        foreach (var change in upserts)
        {
            await UpsertContactAsync(connection, tx, profile.MailboxId, change, now, ct);
        }

        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        foreach (var person in detection.NewAcquaintances)
        {
            // Someone added to Outlook soon after a networking event was most likely met there.
            var metAt = await events.FindNetworkingEventBeforeAsync(connection, tx, profile.MailboxId, person.MetAt, ct);
            await StartFollowUpTrack.RunAsync(connection, tx, profile.MailboxId, new TrackStart(
                person.Email, person.DisplayName, person.GivenName, person.CompanyName, person.ContactId,
                metAt?.End ?? person.MetAt, metAt?.Id), zone, options.Value, now, ct);
        }

        foreach (var change in upserts)
        {
            await RememberAddressesAsync(connection, tx, profile.MailboxId, change, now, ct);
        }

        await tx.CommitAsync(ct);
        return new PageResult(upserts.Count, removed, detection.NewAcquaintances.Count, detection.Skipped.Count, fresh.Count,
            detection.Skipped.Count(s => s.Reason == SkipReason.UnusableAddress));
    }

    private static async Task<IReadOnlySet<string>> KnownKeysAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, IEnumerable<ContactFacts> contacts, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.Command("SELECT 1 FROM people WHERE mailbox_id = $m AND email_key = $k", tx);
        command.Parameters.AddWithValue("$m", mailboxId);
        var key = command.Parameters.Add("$k", SqliteType.Text);
        foreach (var email in contacts.SelectMany(c => c.Emails).Where(EmailAddresses.LooksValid).Select(EmailAddresses.Key).Distinct())
        {
            key.Value = email;
            if (await command.ExecuteScalarAsync(ct) is not null)
            {
                known.Add(email);
            }
        }
        return known;
    }

    private static async Task UpsertContactAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, ContactChange change, DateTimeOffset now, CancellationToken ct)
    {
        var contact = change.Contact!;
        await using var command = connection.Command("""
            INSERT INTO contacts (mailbox_id, id, folder_id, display_name, given_name, company_name, emails, created_at, first_seen_at, removed, birthday)
            VALUES ($m, $id, $folder, $name, $given, $company, $emails, $created, $now, 0, $birthday)
            ON CONFLICT (mailbox_id, id) DO UPDATE SET folder_id = $folder, display_name = $name, given_name = $given,
                company_name = $company, emails = $emails, created_at = COALESCE($created, created_at), removed = 0, birthday = $birthday
            """, tx)
            .With("$m", mailboxId).With("$id", contact.Id).With("$folder", change.FolderId).With("$name", contact.DisplayName)
            .With("$given", contact.GivenName).With("$company", contact.CompanyName)
            .With("$emails", JsonSerializer.Serialize(contact.Emails)).With("$created", contact.CreatedAt).With("$now", now)
            .With("$birthday", contact.Birthday?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task RememberAddressesAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, ContactChange change, DateTimeOffset now, CancellationToken ct)
    {
        var contact = change.Contact!;
        foreach (var email in contact.Emails.Where(EmailAddresses.LooksValid))
        {
            await using var command = connection.Command("""
                INSERT INTO people (mailbox_id, email_key, email, display_name, given_name, company_name, contact_id, first_seen_at)
                VALUES ($m, $k, $email, $name, $given, $company, $contact, $now)
                ON CONFLICT (mailbox_id, email_key) DO NOTHING
                """, tx)
                .With("$m", mailboxId).With("$k", EmailAddresses.Key(email)).With("$email", email.Trim()).With("$name", contact.DisplayName)
                .With("$given", contact.GivenName).With("$company", contact.CompanyName).With("$contact", contact.Id).With("$now", now);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
