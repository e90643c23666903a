using OfficeFollowUp.Notifications;

namespace OfficeFollowUp.Store;

/// <summary>The mailbox's Graph change-notification subscriptions: one row per mailbox and kind (contacts, events).</summary>
public sealed class SubscriptionStore(Database database)
{
    private const string Select = """
        SELECT mailbox_id, kind, subscription_id, resource, client_state_hash, expires_at, renew_due, created_at FROM graph_subscriptions
        """;

    public async Task<IReadOnlyList<StoredSubscription>> ListAsync(string mailboxId, CancellationToken ct) =>
        [.. (await database.UseAsync(s => s.QueryAsync<Row>(Select + " WHERE mailbox_id = @mailboxId ORDER BY kind", new { mailboxId }, ct), ct))
            .Select(r => r.ToSubscription())];

    /// <summary>The subscription a notification names, or null when it is not ours (or no longer).</summary>
    public async Task<StoredSubscription?> FindAsync(string subscriptionId, CancellationToken ct) =>
        (await database.UseAsync(s => s.QuerySingleOrDefaultAsync<Row>(Select + " WHERE subscription_id = @subscriptionId", new { subscriptionId }, ct), ct))
            ?.ToSubscription();

    /// <summary>A new (or recreated) subscription replaces the mailbox's previous one of the same kind.</summary>
    public Task SaveAsync(StoredSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO graph_subscriptions (mailbox_id, kind, subscription_id, resource, client_state_hash, expires_at, renew_due, created_at)
            VALUES (@MailboxId, @Kind, @SubscriptionId, @Resource, @ClientStateHash, @ExpiresAt, 0, @CreatedAt)
            ON CONFLICT (mailbox_id, kind) DO UPDATE SET subscription_id = @SubscriptionId, resource = @Resource,
                client_state_hash = @ClientStateHash, expires_at = @ExpiresAt, renew_due = 0, created_at = @CreatedAt
            """, new
        {
            subscription.MailboxId, Kind = subscription.Kind.ToString(), subscription.SubscriptionId, subscription.Resource,
            subscription.ClientStateHash, subscription.ExpiresAt, subscription.CreatedAt,
        }, ct), ct);
    }

    public Task RenewedAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "UPDATE graph_subscriptions SET expires_at = @expiresAt, renew_due = 0 WHERE subscription_id = @subscriptionId",
            new { subscriptionId, expiresAt }, ct), ct);

    /// <summary>Graph asked for a renewal (reauthorizationRequired): the next pass renews it whatever its expiry.</summary>
    public Task MarkRenewDueAsync(string subscriptionId, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "UPDATE graph_subscriptions SET renew_due = 1 WHERE subscription_id = @subscriptionId", new { subscriptionId }, ct), ct);

    /// <summary>Forgets a subscription Graph removed or we deleted; the next pass creates a new one when it is still wanted.</summary>
    public Task<int> DeleteAsync(string subscriptionId, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "DELETE FROM graph_subscriptions WHERE subscription_id = @subscriptionId", new { subscriptionId }, ct), ct);

    /// <summary>The mailbox's last subscription failure, or null when its last pass kept every subscription.</summary>
    public Task<SubscriptionFailure?> LastFailureAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(async s => (await s.QuerySingleOrDefaultAsync<FailureRow>(
            "SELECT code, message, failed_at FROM subscription_failures WHERE mailbox_id = @mailboxId", new { mailboxId }, ct))?.ToFailure(), ct);

    /// <summary>A pass could not keep a subscription: its failure replaces the mailbox's previous one.</summary>
    public Task FailedAsync(string mailboxId, SubscriptionFailure failure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO subscription_failures (mailbox_id, code, message, failed_at) VALUES (@mailboxId, @Code, @Message, @At)
            ON CONFLICT (mailbox_id) DO UPDATE SET code = @Code, message = @Message, failed_at = @At
            """, new { mailboxId, failure.Code, failure.Message, failure.At }, ct), ct);
    }

    /// <summary>A pass kept every subscription: the failure is history, on every process.</summary>
    public Task ClearFailureAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("DELETE FROM subscription_failures WHERE mailbox_id = @mailboxId", new { mailboxId }, ct), ct);

    private sealed class FailureRow
    {
        public string Code { get; init; } = "";
        public string? Message { get; init; }
        public DateTimeOffset FailedAt { get; init; }

        public SubscriptionFailure ToFailure() => new(Code, Message, FailedAt);
    }

    private sealed class Row
    {
        public string MailboxId { get; init; } = "";
        public SubscriptionKind Kind { get; init; }
        public string SubscriptionId { get; init; } = "";
        public string Resource { get; init; } = "";
        public string ClientStateHash { get; init; } = "";
        public DateTimeOffset ExpiresAt { get; init; }
        public bool RenewDue { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public StoredSubscription ToSubscription() => new(MailboxId, Kind, SubscriptionId, Resource, ClientStateHash, ExpiresAt, RenewDue, CreatedAt);
    }
}
