using Microsoft.Extensions.Options;
using OfficeFollowUp.Api;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Notifications;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

/// <param name="LastResync">The last re-read after the baseline (an expired cursor, a moved calendar window) and what it found; null when there was none.</param>
public sealed record ResourceStatusDto(string Resource, string Stage, DateTimeOffset? LastSuccessAt, string? LastError, int FailureCount, long ItemsSkipped, ResyncDto? LastResync = null);

/// <param name="Reason">"CursorExpired" or "WindowMoved".</param>
/// <param name="Read">Items the re-read named.</param>
/// <param name="New">Items the store had never seen: added while the cursor was stale.</param>
/// <param name="Removed">Stored items the complete re-read did not name: deleted meanwhile.</param>
public sealed record ResyncDto(DateTimeOffset At, string Reason, int Read, int New, int Removed);

/// <param name="SignInRefused">Why the mailbox refused the worker's sign-in before it ever connected (an AADSTS code, say); null otherwise.</param>
/// <param name="ReconnectAction">What to do when sign-in is refused, for this worker's mode (device code, app registration, sandbox).</param>
/// <param name="Outbox">Drafts and holds still to be made, and those that stopped trying (with why) and wait for "try again".</param>
public sealed record StatusDto(
    bool Connected, DateTimeOffset? BaselinedAt, int Acquaintances, IReadOnlyList<ResourceStatusDto> Sync, string? SignInRefused, string ReconnectAction,
    OutboxStatusDto? Outbox = null, NotificationsStatusDto? Notifications = null);

/// <param name="On">Notifications:PublicUrl is set, so the mailbox is subscribed to.</param>
/// <param name="Healthy">Every subscription is live: the mailbox is polled only at Sync:SafetyPollInterval.</param>
/// <param name="LastError">Graph's code for the last subscription step that failed, until one pass keeps them all again.</param>
/// <param name="LastErrorMessage">Graph's message for it (why it refused), when it gave one.</param>
/// <param name="LastErrorAt">When that pass met it.</param>
public sealed record NotificationsStatusDto(
    bool On, bool Healthy, IReadOnlyList<SubscriptionStatusDto> Subscriptions, string? LastError, string? LastErrorMessage = null, DateTimeOffset? LastErrorAt = null);

public sealed record SubscriptionStatusDto(string Resource, DateTimeOffset ExpiresAt);

/// <summary>Sync health for the pane: nothing fails silently.</summary>
public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatus(this RouteGroupBuilder api)
    {
        api.MapGet("/status", async (
            CallerMailbox mailboxes, SyncStateStore states, PeopleStore people, SyncMailbox single, SyncApplicationMailboxes many,
            OutboxStore outbox, SubscriptionStore subscriptions, KeepSubscriptions keep, MailboxWakeups wakeups, IOptions<MailboxOptions> options,
            TimeProvider time, CancellationToken ct) =>
        {
            var action = ReconnectAdvice.For(options.Value);
            var mailbox = await mailboxes.GetAsync(ct);
            if (mailbox is null)
            {
                // One mailbox (the pairing key's): its loop is the singleton, which knows whether sign-in was refused.
                return TypedResults.Ok(new StatusDto(false, null, 0, [], options.Value.UsesApplicationPermissions ? null : single.SignInRefused, action));
            }

            // A refusal at the profile refresh stops the loop before any resource's round runs, so it is not in their states.
            var refused = options.Value.UsesApplicationPermissions ? many.SignInRefused(mailbox.Profile.MailboxId) : single.SignInRefused;

            var sync = await states.ListAsync(mailbox.Profile.MailboxId, ct);
            return TypedResults.Ok(new StatusDto(
                true,
                mailbox.BaselinedAt,
                await people.CountAcquaintancesAsync(mailbox.Profile.MailboxId, ct),
                sync.Select(s => new ResourceStatusDto(s.Resource, s.Stage.ToString(), s.LastSuccessAt, s.LastError, s.FailureCount, s.ItemsSkipped,
                    s.LastResync is { } r ? new ResyncDto(r.At, r.Reason.ToString(), r.Read, r.New, r.Removed) : null)).ToList(),
                refused,
                action,
                await OutboxEndpoints.StatusAsync(outbox, mailbox.Profile.MailboxId, MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId), ct),
                await NotificationsAsync(mailbox.Profile.MailboxId, subscriptions, keep, wakeups, time, ct)));
        }).WithListETag();
        return api;
    }

    /// <summary>
    /// Read from the shared store, so every process of a team answers the same, not only the one whose grain keeps the
    /// mailbox's subscriptions: healthy when a live subscription is stored for every wanted kind and the last pass kept
    /// them all; the last failure as that pass met it, on whichever process it ran. With notifications off there is none.
    /// </summary>
    private static async Task<NotificationsStatusDto> NotificationsAsync(
        string mailboxId, SubscriptionStore subscriptions, KeepSubscriptions keep, MailboxWakeups wakeups, TimeProvider time, CancellationToken ct)
    {
        var stored = await subscriptions.ListAsync(mailboxId, ct);
        var failure = keep.On ? await subscriptions.LastFailureAsync(mailboxId, ct) : null;
        // This process's own view (wakeups) may be older than a failure another process met since.
        var healthy = failure is null
            && (wakeups.NotificationsHealthy(mailboxId) || PlanSubscriptions.Healthy(keep.Wanted(mailboxId), stored, time.GetUtcNow()));
        return new NotificationsStatusDto(
            keep.On, healthy, [.. stored.Select(s => new SubscriptionStatusDto(s.Kind.ToString(), s.ExpiresAt))], failure?.Code, failure?.Message, failure?.At);
    }
}
