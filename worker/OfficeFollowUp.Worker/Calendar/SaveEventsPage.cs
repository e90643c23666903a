using Microsoft.Data.Sqlite;
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
public sealed class SaveEventsPage(Database database)
{
    public async Task<EventsPageResult> RunAsync(string mailboxId, IReadOnlyList<EventChange> changes, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        int upserted = 0, removed = 0, holdsDeleted = 0, met = 0, unseen = 0;
        await using var exists = connection.Command("SELECT 1 FROM events WHERE mailbox_id = $m AND id = $id", tx);
        exists.Parameters.AddWithValue("$m", mailboxId);
        var idParameter = exists.Parameters.Add("$id", SqliteType.Text);

        foreach (var change in changes)
        {
            if (change.Removed)
            {
                await EventStore.MarkRemovedAsync(connection, tx, mailboxId, change.Id, ct);
                removed++;
                holdsDeleted += await SkipDeletedHoldAsync(connection, tx, mailboxId, change.Id, now, ct);
                continue;
            }

            var calendarEvent = change.Event!;
            idParameter.Value = change.Id;
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                unseen++;
            }

            await EventStore.UpsertAsync(connection, tx, mailboxId, calendarEvent, now, ct);
            upserted++;
            if (!calendarEvent.IsCancelled)
            {
                met += await CompleteOneToOnesAsync(connection, tx, mailboxId, calendarEvent, now, ct);
            }
        }

        await tx.CommitAsync(ct);
        return new EventsPageResult(upserted, removed, holdsDeleted, met, unseen);
    }

    internal static async Task<int> SkipDeletedHoldAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, string eventId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command("""
            UPDATE follow_up_steps SET state = 'Skipped', skip_reason = 'You deleted the hold in Outlook.', updated_at = $now
            WHERE mailbox_id = $m AND hold_event_id = $id AND state IN ('Pending', 'Prepared', 'Snoozed')
            """, tx).With("$m", mailboxId).With("$id", eventId).With("$now", now);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> CompleteOneToOnesAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, CalendarEventFacts calendarEvent, DateTimeOffset now, CancellationToken ct)
    {
        var done = 0;
        foreach (var key in calendarEvent.Attendees.Select(a => a.Email).Where(EmailAddresses.LooksValid).Select(EmailAddresses.Key).Distinct())
        {
            await using var command = connection.Command("""
                UPDATE follow_up_steps SET state = 'Done', note = 'A meeting with them is in your calendar.', updated_at = $now
                WHERE mailbox_id = $m AND email_key = $k AND step = 'OneToOne' AND state IN ('Pending', 'Prepared', 'Snoozed')
                  AND EXISTS (SELECT 1 FROM people p WHERE p.mailbox_id = $m AND p.email_key = $k AND p.met_at < $start)
                """, tx).With("$m", mailboxId).With("$k", key).With("$start", calendarEvent.Start.ToUniversalTime()).With("$now", now);
            done += await command.ExecuteNonQueryAsync(ct);
        }
        return done;
    }
}
