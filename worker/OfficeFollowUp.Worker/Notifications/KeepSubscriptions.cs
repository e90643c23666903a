using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Notifications;

/// <summary>What keeping the subscriptions did on one pass.</summary>
/// <param name="Failure">Graph's code for the step that failed, or null.</param>
public sealed record SubscriptionsRun(bool On, bool Healthy, int Created, int Renewed, string? Failure);

/// <summary>
/// Run at the start of every mailbox pass: makes the mailbox's subscriptions what <see cref="PlanSubscriptions"/> says
/// (create, renew before expiry, recreate what Graph removed, delete when notifications are off), then tells
/// <see cref="MailboxWakeups"/> whether notifications cover the mailbox, so its poll becomes the safety interval or not.
/// The pass's own delta rounds run after it, so a change made before a subscription existed is still read.
/// </summary>
public sealed class KeepSubscriptions(
    SubscriptionStore store,
    SubscriptionWriter graph,
    MailboxWakeups wakeups,
    IOptions<NotificationOptions> options,
    IOptions<MailboxOptions> mailboxOptions,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<KeepSubscriptions> logger)
{
    private static readonly IReadOnlyDictionary<SubscriptionKind, string> None = new Dictionary<SubscriptionKind, string>();

    /// <summary>Graph's messages are short; a longer one (an HTML error page from a proxy) is cut to this.</summary>
    private const int MessageLength = 500;

    public bool On => options.Value.Enabled;

    /// <summary>The Graph resource of each kind: /me in delegated and sandbox mode, /users/{id} in application mode.</summary>
    public IReadOnlyDictionary<SubscriptionKind, string> Wanted(string mailboxId)
    {
        if (!options.Value.Enabled)
        {
            return None;
        }

        var root = mailboxOptions.Value.UsesApplicationPermissions ? $"users/{mailboxId}" : "me";
        return new Dictionary<SubscriptionKind, string>
        {
            [SubscriptionKind.Contacts] = root + "/contacts",
            [SubscriptionKind.Events] = root + "/events",
        };
    }

    public async Task<SubscriptionsRun> RunAsync(string mailboxId, CancellationToken ct)
    {
        var wanted = Wanted(mailboxId);
        var stored = await store.ListAsync(mailboxId, ct);
        if (wanted.Count == 0 && stored.Count == 0)
        {
            // Off, and nothing left over: no Graph call at all.
            wakeups.SetNotificationsHealthy(mailboxId, false);
            return new SubscriptionsRun(false, false, 0, 0, null);
        }

        var now = time.GetUtcNow();
        var (created, renewed) = (0, 0);
        SubscriptionFailure? failure = null;
        var steps = PlanSubscriptions.Plan(wanted, stored, now, options.Value.SubscriptionLifetime, options.Value.RenewBefore);
        if (steps.Count > 0)
        {
            // Graph validates a new subscription by posting to our endpoint, so the first pass waits for the server to listen.
            await WhenServingAsync(ct);
        }

        foreach (var step in steps)
        {
            try
            {
                switch (step)
                {
                    case SubscriptionStep.Create create:
                        await CreateAsync(mailboxId, create.Kind, wanted[create.Kind], ct);
                        created++;
                        break;
                    case SubscriptionStep.Renew renew:
                        if (await RenewAsync(renew, ct))
                        {
                            renewed++;
                        }
                        else
                        {
                            NotificationsTrace.Gone(logger, renew.Kind);
                            await store.DeleteAsync(renew.SubscriptionId, ct);
                            await CreateAsync(mailboxId, renew.Kind, wanted[renew.Kind], ct);
                            created++;
                        }

                        break;
                    case SubscriptionStep.Recreate recreate:
                        await DeleteAtGraphAsync(recreate.OldSubscriptionId, ct);
                        await store.DeleteAsync(recreate.OldSubscriptionId, ct);
                        await CreateAsync(mailboxId, recreate.Kind, wanted[recreate.Kind], ct);
                        created++;
                        break;
                    case SubscriptionStep.Delete delete:
                        await DeleteAtGraphAsync(delete.SubscriptionId, ct);
                        await store.DeleteAsync(delete.SubscriptionId, ct);
                        NotificationsTrace.Deleted(logger, delete.Kind);
                        break;
                }
            }
            catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex))
            {
                failure = new SubscriptionFailure(GraphFailures.Map(ex, time.GetUtcNow()).Code, MessageOf(ex), time.GetUtcNow());
                NotificationsTrace.Failed(logger, step.Kind, failure.Code);
            }
        }

        var healthy = failure is null && PlanSubscriptions.Healthy(wanted, await store.ListAsync(mailboxId, ct), time.GetUtcNow());
        // In the store, not in this process: Health is answered by any process of a team, and the next pass may run on another.
        if (failure is null)
        {
            await store.ClearFailureAsync(mailboxId, ct);
        }
        else
        {
            await store.FailedAsync(mailboxId, failure, ct);
        }

        wakeups.SetNotificationsHealthy(mailboxId, healthy);
        return new SubscriptionsRun(wanted.Count > 0, healthy, created, renewed, failure?.Code);
    }

    /// <summary>Graph's own words for a failure (its error message), for Health; null when it gave none.</summary>
    private static string? MessageOf(Exception exception)
    {
        var message = exception switch
        {
            AggregateException { InnerExceptions.Count: > 0 } aggregate => MessageOf(aggregate.InnerExceptions[^1]),
            ODataError odata => odata.Error?.Message,
            _ => exception.Message,
        };
        return string.IsNullOrWhiteSpace(message) ? null : message.Length <= MessageLength ? message.Trim() : message[..MessageLength].Trim() + "…";
    }

    /// <summary>Deletes every subscription of a mailbox that is being disconnected, at Graph and in the store.</summary>
    public async Task RemoveAllAsync(string mailboxId, CancellationToken ct)
    {
        foreach (var subscription in await store.ListAsync(mailboxId, ct))
        {
            await DeleteAtGraphAsync(subscription.SubscriptionId, ct);
            await store.DeleteAsync(subscription.SubscriptionId, ct);
        }

        wakeups.SetNotificationsHealthy(mailboxId, false);
    }

    private async Task WhenServingAsync(CancellationToken ct)
    {
        var started = lifetime.ApplicationStarted;
        if (started.IsCancellationRequested)
        {
            return;
        }

        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = started.Register(() => serving.TrySetResult());
        await serving.Task.WaitAsync(ct);
    }

    private async Task CreateAsync(string mailboxId, SubscriptionKind kind, string resource, CancellationToken ct)
    {
        var secret = ClientStateSecret.New();
        var now = time.GetUtcNow();
        var made = await graph.CreateAsync(
            resource, options.Value.NotificationUrl, options.Value.LifecycleUrl, secret, now + options.Value.SubscriptionLifetime, ct);
        await store.SaveAsync(new StoredSubscription(mailboxId, kind, made.Id, resource, ClientStateSecret.Hash(secret), made.ExpiresAt, false, now), ct);
        NotificationsTrace.Created(logger, kind, made.ExpiresAt);
    }

    /// <summary>False when Graph no longer knows the subscription (404): it expired or was removed, so it is made again.</summary>
    private async Task<bool> RenewAsync(SubscriptionStep.Renew renew, CancellationToken ct)
    {
        try
        {
            var until = await graph.RenewAsync(renew.SubscriptionId, renew.NewExpiry, ct);
            await store.RenewedAsync(renew.SubscriptionId, until, ct);
            NotificationsTrace.Renewed(logger, renew.Kind, until);
            return true;
        }
        catch (Exception ex) when (GraphFailures.IsNotFound(ex, time.GetUtcNow()))
        {
            return false;
        }
    }

    private async Task DeleteAtGraphAsync(string subscriptionId, CancellationToken ct)
    {
        try
        {
            await graph.DeleteAsync(subscriptionId, ct);
        }
        catch (Exception ex) when (GraphFailures.IsNotFound(ex, time.GetUtcNow()))
        {
            // Already gone: what we wanted.
        }
    }
}
