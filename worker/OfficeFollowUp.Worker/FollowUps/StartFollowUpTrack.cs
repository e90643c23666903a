using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.FollowUps;

/// <summary>Who a track starts for, and what the user told us about them.</summary>
public sealed record TrackStart(
    string Email,
    string DisplayName,
    string? GivenName,
    string? CompanyName,
    string? ContactId,
    DateTimeOffset MetAt,
    string? EventId = null,
    string? Remember = null,
    string? Promised = null,
    string? PreferredChannel = null,
    string? ProfileUrl = null);

/// <summary>
/// Writes a person's 24/7/30 track inside the caller's session: the person, the three steps,
/// and the outbox entries for the thank-you draft and the one-to-one hold. A person who already
/// has a track keeps it: nothing the user decided is overwritten.
/// </summary>
public sealed class StartFollowUpTrack(PeopleStore people, FollowUpStore followUps, OutboxStore outbox)
{
    /// <returns>True when a new track was started.</returns>
    public async Task<bool> RunAsync(StoreSession session, string mailboxId, TrackStart person, TimeZoneInfo zone, FollowUpOptions options, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        await people.MarkAcquaintanceAsync(session, mailboxId, person, now, ct);
        var started = false;
        foreach (var step in PlanFollowUpTrack.Run(person.MetAt, zone, options))
        {
            if (await followUps.InsertStepAsync(session, mailboxId, EmailAddresses.Key(person.Email), step, now, ct) is not { } stepId)
            {
                // This person already has this step: the user's earlier word on it stands.
                continue;
            }

            started = true;
            switch (step.Kind)
            {
                case FollowUpStepKind.ThankYou:
                    await outbox.EnqueueAsync(session, mailboxId, stepId, OutboxKind.ThankYouDraft, now, ct);
                    break;
                case FollowUpStepKind.OneToOne:
                    await outbox.EnqueueAsync(session, mailboxId, stepId, OutboxKind.BookMeetingHold, now, ct);
                    break;
                case FollowUpStepKind.Connect:
                    // A reminder in the pane; nothing to write to the mailbox.
                    break;
                default:
                    throw new InvalidOperationException($"Unknown step {step.Kind}.");
            }
        }

        return started;
    }
}
