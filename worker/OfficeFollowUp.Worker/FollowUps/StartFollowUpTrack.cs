using Microsoft.Data.Sqlite;
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
/// Writes a person's 24/7/30 track inside the caller's transaction: the person, the three steps,
/// and the outbox entries for the thank-you draft and the one-to-one hold. A person who already
/// has a track keeps it: nothing the user decided is overwritten.
/// </summary>
public static class StartFollowUpTrack
{
    /// <returns>True when a new track was started.</returns>
    public static async Task<bool> RunAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, TrackStart person, TimeZoneInfo zone, FollowUpOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var key = EmailAddresses.Key(person.Email);
        await using (var insert = connection.Command("""
            INSERT INTO people (mailbox_id, email_key, email, display_name, given_name, company_name, contact_id, first_seen_at, met_at,
                is_acquaintance, event_id, remember, promised, preferred_channel, profile_url)
            VALUES ($m, $k, $email, $name, $given, $company, $contact, $now, $met, 1, $event, $remember, $promised, $channel, $profile)
            ON CONFLICT (mailbox_id, email_key) DO UPDATE SET is_acquaintance = 1, met_at = COALESCE(met_at, $met),
                event_id = COALESCE(event_id, $event), remember = COALESCE($remember, remember), promised = COALESCE($promised, promised),
                preferred_channel = COALESCE($channel, preferred_channel), profile_url = COALESCE($profile, profile_url)
            """, tx)
            .With("$m", mailboxId).With("$k", key).With("$email", person.Email).With("$name", person.DisplayName)
            .With("$given", person.GivenName).With("$company", person.CompanyName).With("$contact", person.ContactId)
            .With("$now", now).With("$met", person.MetAt).With("$event", person.EventId).With("$remember", person.Remember)
            .With("$promised", person.Promised).With("$channel", person.PreferredChannel).With("$profile", person.ProfileUrl))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        var started = false;
        foreach (var step in PlanFollowUpTrack.Run(person.MetAt, zone, options))
        {
            var stepId = Guid.CreateVersion7(now).ToString();
            await using (var insertStep = connection.Command("""
                INSERT INTO follow_up_steps (id, mailbox_id, email_key, step, due_at, state, created_at, updated_at)
                VALUES ($id, $m, $k, $step, $due, $state, $now, $now)
                ON CONFLICT (mailbox_id, email_key, step) DO NOTHING
                """, tx)
                .With("$id", stepId).With("$m", mailboxId).With("$k", key).With("$step", step.Kind.ToString())
                .With("$due", step.DueAt.ToUniversalTime()).With("$state", FollowUpState.Pending.ToString()).With("$now", now))
            {
                if (await insertStep.ExecuteNonQueryAsync(ct) == 0)
                {
                    // This person already has this step: the user's earlier word on it stands.
                    continue;
                }
            }

            started = true;
            switch (step.Kind)
            {
                case FollowUpStepKind.ThankYou:
                    await OutboxStore.EnqueueAsync(connection, tx, mailboxId, stepId, OutboxKind.ThankYouDraft, now, ct);
                    break;
                case FollowUpStepKind.OneToOne:
                    await OutboxStore.EnqueueAsync(connection, tx, mailboxId, stepId, OutboxKind.BookMeetingHold, now, ct);
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
