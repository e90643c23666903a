using Microsoft.Graph.Models;

namespace OfficeFollowUp.Mailbox;

/// <param name="Id">Graph's subscription id.</param>
public sealed record CreatedSubscription(string Id, DateTimeOffset ExpiresAt);

/// <summary>
/// Graph's <c>/subscriptions</c>: create (Graph runs the validation handshake against our endpoint first), renew and
/// delete. Subscriptions are tenant-wide (not under /me or /users), so no mailbox scope is needed. Failures are thrown
/// as the SDK throws them; callers map them through <see cref="GraphFailures"/>.
/// </summary>
public sealed class SubscriptionWriter(MailboxClientFactory clients)
{
    public async Task<CreatedSubscription> CreateAsync(
        string resource, string notificationUrl, string lifecycleUrl, string clientState, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var created = await clients.Client.Subscriptions.PostAsync(new Subscription
        {
            Resource = resource,
            ChangeType = "created,updated,deleted",
            NotificationUrl = notificationUrl,
            LifecycleNotificationUrl = lifecycleUrl,
            ClientState = clientState,
            ExpirationDateTime = expiresAt,
        }, cancellationToken: ct) ?? throw new InvalidOperationException("Graph returned no subscription.");
        return new CreatedSubscription(
            created.Id ?? throw new InvalidOperationException("Graph returned a subscription without an id."),
            created.ExpirationDateTime ?? expiresAt);
    }

    public async Task<DateTimeOffset> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var renewed = await clients.Client.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: ct);
        return renewed?.ExpirationDateTime ?? expiresAt;
    }

    public Task DeleteAsync(string subscriptionId, CancellationToken ct) =>
        clients.Client.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: ct);
}
