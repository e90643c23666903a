using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Evidence;

/// <summary>
/// A meeting booked ahead completes the one-to-one only once it has happened: each pass looks at the stored events
/// that ended since the last few days and completes the steps of their attendees. Completing is conditional on the
/// step being open, so looking again changes nothing.
/// </summary>
public sealed class CompleteMetOneToOnes(Database database, EventStore events, FollowUpStore followUps, TimeProvider time)
{
    /// <summary>How far back a pass looks for meetings that ended: covers a worker that was off for a while.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(14);

    public async Task<int> RunAsync(string mailboxId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await database.BeginAsync(ct);
        var completed = 0;
        foreach (var meeting in await events.ListAttendedEndedAsync(session, mailboxId, now - LookBack, now, ct))
        {
            if (DecideOneToOneMeeting.Run(meeting.Facts, now))
            {
                completed += await followUps.CompleteOneToOnesAsync(session, mailboxId,
                    meeting.Facts.Attendees.Select(a => a.Email).Where(EmailAddresses.LooksValid).Select(EmailAddresses.Key), meeting.Facts, now, ct);
            }
        }

        await session.CommitAsync(ct);
        return completed;
    }
}
