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
/// history (incremental, or the reconciling re-read after an expired cursor) — the new acquaintances, held until
/// the round is over (DecideNews starts their tracks, or asks the user when too many came at once). A contact counts as new when the store
/// has never seen it, so a replayed page, or a re-read after an interrupted one, starts nothing twice.
/// </summary>
public sealed class SaveContactsPage(
    Database database, ContactStore contacts, PeopleStore people, NewsStore news, IOptions<FollowUpOptions> options)
{
    public async Task<PageResult> RunAsync(MailboxProfile profile, IReadOnlyList<ContactChange> changes, RoundKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var latest = new Dictionary<string, ContactChange>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            // A page may repeat an item; the last occurrence is the newest.
            latest[change.Id] = change;
        }

        var upserts = latest.Values.Where(c => !c.Removed).ToList();
        await using var session = await database.BeginAsync(ct);
        var removed = await contacts.MarkRemovedAsync(session, profile.MailboxId, latest.Values.Where(c => c.Removed).Select(c => c.Id), ct);
        var known = await contacts.KnownIdsAsync(session, profile.MailboxId, upserts.Select(c => c.Id), ct);
        var fresh = upserts.Where(c => !known.Contains(c.Id)).Select(c => c.Contact!).ToList();

        // The one place news is found, for incremental and reconcile rounds alike; what it becomes (tracks, or a bulk
        // prompt when an import or a phone sync brought many at once) is decided when the round is over.
        var detection = kind != RoundKind.Baseline && fresh.Count > 0
            ? DetectNewAcquaintances.Run(fresh, profile, await KnownAddressesAsync(session, profile.MailboxId, fresh, ct), options.Value.GroupLocalParts, now)
            : new Detection([], []);

        foreach (var change in upserts)
        {
            await contacts.UpsertAsync(session, profile.MailboxId, change.FolderId, change.Contact!, now, ct);
        }

        var folderOf = upserts.ToDictionary(c => c.Id, c => c.FolderId, StringComparer.Ordinal);
        foreach (var person in detection.NewAcquaintances)
        {
            // Held, not started: whether they are news or a bulk addition is known only once the round is over (DecideNews).
            await news.StageAsync(session, profile.MailboxId, folderOf[person.ContactId], person, now, ct);
        }

        foreach (var change in upserts)
        {
            await people.RememberContactAsync(session, profile.MailboxId, change.Contact!, now, ct);
        }

        await session.CommitAsync(ct);
        return new PageResult(upserts.Count, removed, detection.NewAcquaintances.Count, detection.Skipped.Count, fresh.Count,
            detection.Skipped.Count(s => s.Reason == SkipReason.UnusableAddress));
    }

    private Task<IReadOnlySet<string>> KnownAddressesAsync(StoreSession session, string mailboxId, IEnumerable<ContactFacts> fresh, CancellationToken ct) =>
        people.KnownKeysAsync(session, mailboxId, fresh.SelectMany(c => c.Emails).Where(EmailAddresses.LooksValid).Select(EmailAddresses.Key), ct);
}
