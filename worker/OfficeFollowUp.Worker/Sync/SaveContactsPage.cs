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
public sealed class SaveContactsPage(
    Database database, ContactStore contacts, PeopleStore people, EventStore events, StartFollowUpTrack startTrack,
    Settings.EffectiveSettings settings, IOptions<FollowUpOptions> options, IOptions<Calendar.CalendarOptions> calendarOptions)
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

        // The one place news is decided, for incremental and reconcile rounds alike: a guard against bulk
        // additions (an import, a phone sync) belongs here, where it sees the fresh contacts and the round's kind.
        var detection = kind != RoundKind.Baseline && fresh.Count > 0
            ? DetectNewAcquaintances.Run(fresh, profile, await KnownAddressesAsync(session, profile.MailboxId, fresh, ct), options.Value.GroupLocalParts, now)
            : new Detection([], []);

        foreach (var change in upserts)
        {
            await contacts.UpsertAsync(session, profile.MailboxId, change.FolderId, change.Contact!, now, ct);
        }

        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        foreach (var person in detection.NewAcquaintances)
        {
            // Someone added to Outlook soon after a networking event was most likely met there.
            var metAt = await NetworkingEventBeforeAsync(session, profile.MailboxId, person.MetAt, ct);
            await startTrack.RunAsync(session, profile.MailboxId, new TrackStart(
                person.Email, person.DisplayName, person.GivenName, person.CompanyName, person.ContactId,
                metAt?.Facts.End ?? person.MetAt, metAt?.Facts.Id), zone, options.Value, now, ct);
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

    /// <summary>The networking event a contact created at <paramref name="createdAt"/> was most likely met at, if any.</summary>
    private async Task<StoredEvent?> NetworkingEventBeforeAsync(StoreSession session, string mailboxId, DateTimeOffset createdAt, CancellationToken ct)
    {
        var calendar = (await settings.ForAsync(session, mailboxId, ct)).Calendar;
        var candidates = await events.ListAroundAsync(session, mailboxId, createdAt, createdAt - calendarOptions.Value.ContactLinkWindow, ct);
        return candidates.FirstOrDefault(e => e.Networking(calendar) is not null);
    }
}
