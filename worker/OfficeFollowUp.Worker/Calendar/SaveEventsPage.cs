using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Calendar;

/// <param name="Unseen">Events on the page the store had never seen.</param>
public sealed record EventsPageResult(int Upserted, int Removed, int HoldsDeleted, int MeetingsHappened, int Unseen = 0);

/// <summary>
/// Saves one calendar delta page in one transaction and lets the user's calendar actions count:
/// a hold they deleted skips its step (it is never re-created); a meeting with the person after
/// they met — a hold turned into an invitation, or one booked some other way — completes the one-to-one.
/// </summary>
public sealed class SaveEventsPage(Database database, EventStore events, FollowUpStore followUps)
{
    public async Task<EventsPageResult> RunAsync(string mailboxId, IReadOnlyList<EventChange> changes, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await database.BeginAsync(ct);
        int upserted = 0, removed = 0, holdsDeleted = 0, met = 0, unseen = 0;
        // Changes apply in page order (a page may name an item twice); what the store held before the page is read once.
        var known = new HashSet<string>(await events.KnownIdsAsync(session, mailboxId, changes.Where(c => !c.Removed).Select(c => c.Id), ct), StringComparer.Ordinal);

        foreach (var change in changes)
        {
            if (change.Removed)
            {
                await events.MarkRemovedAsync(session, mailboxId, [change.Id], ct);
                removed++;
                holdsDeleted += await followUps.SkipForDeletedHoldsAsync(session, mailboxId, [change.Id], now, ct);
                continue;
            }

            var calendarEvent = change.Event!;
            if (known.Add(change.Id))
            {
                unseen++;
            }

            await events.UpsertAsync(session, mailboxId, calendarEvent, now, ct);
            upserted++;
            // A meeting that already happened counts now; one still ahead counts once it has ended (CompleteMetOneToOnes).
            if (DecideOneToOneMeeting.Run(calendarEvent, now))
            {
                met += await followUps.CompleteOneToOnesAsync(session, mailboxId,
                    calendarEvent.Attendees.Select(a => a.Email).Where(EmailAddresses.LooksValid).Select(EmailAddresses.Key), calendarEvent, now, ct);
            }
        }

        await session.CommitAsync(ct);
        return new EventsPageResult(upserted, removed, holdsDeleted, met, unseen);
    }
}
