using OfficeFollowUp.Notifications;

namespace OfficeFollowUp.Tests.Store;

/// <summary>The subscriptions table, the same statements on both stores.</summary>
public sealed class SubscriptionStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_subscription_is_saved_found_renewed_replaced_and_deleted(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await new MailboxStore(store.Database).UpsertAsync(new MailboxProfile("mbx-1", "Ann Lee", "Ann", ["ann@example.com"], "UTC"), now, Ct);
        var subscriptions = new SubscriptionStore(store.Database);
        var contacts = new StoredSubscription("mbx-1", SubscriptionKind.Contacts, "sub-1", "me/contacts", ClientStateSecret.Hash("secret"), now.AddDays(6), false, now);

        await subscriptions.SaveAsync(contacts, Ct);
        await subscriptions.SaveAsync(contacts with { Kind = SubscriptionKind.Events, SubscriptionId = "sub-2", Resource = "me/events" }, Ct);
        Assert.Equal(contacts, await subscriptions.FindAsync("sub-1", Ct));
        Assert.Null(await subscriptions.FindAsync("sub-unknown", Ct));

        await subscriptions.MarkRenewDueAsync("sub-1", Ct);
        Assert.True((await subscriptions.FindAsync("sub-1", Ct))!.RenewDue);
        await subscriptions.RenewedAsync("sub-1", now.AddDays(7), Ct);
        Assert.Equal((now.AddDays(7), false), ((await subscriptions.FindAsync("sub-1", Ct))!.ExpiresAt, (await subscriptions.FindAsync("sub-1", Ct))!.RenewDue));

        // Recreated: the new subscription takes the kind's row.
        await subscriptions.SaveAsync(contacts with { SubscriptionId = "sub-3" }, Ct);
        Assert.Null(await subscriptions.FindAsync("sub-1", Ct));
        Assert.Equal(["sub-3", "sub-2"], (await subscriptions.ListAsync("mbx-1", Ct)).Select(s => s.SubscriptionId));

        Assert.Equal(1, await subscriptions.DeleteAsync("sub-3", Ct));
        Assert.Equal(0, await subscriptions.DeleteAsync("sub-3", Ct));
        Assert.Equal(["sub-2"], (await subscriptions.ListAsync("mbx-1", Ct)).Select(s => s.SubscriptionId));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_subscription_failure_is_kept_per_mailbox_replaced_by_the_next_and_cleared(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        foreach (var id in new[] { "mbx-1", "mbx-2" })
        {
            await new MailboxStore(store.Database).UpsertAsync(new MailboxProfile(id, "Ann Lee", "Ann", [$"{id}@example.com"], "UTC"), now, Ct);
        }

        var subscriptions = new SubscriptionStore(store.Database);
        Assert.Null(await subscriptions.LastFailureAsync("mbx-1", Ct));

        var refused = new SubscriptionFailure("ValidationError", "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.", now);
        await subscriptions.FailedAsync("mbx-1", refused, Ct);
        await subscriptions.FailedAsync("mbx-2", new SubscriptionFailure("http503", null, now), Ct);
        Assert.Equal(refused, await subscriptions.LastFailureAsync("mbx-1", Ct));

        // Another process of the team reads it through its own connection.
        var later = new SubscriptionFailure("transport", "Connection refused", now.AddMinutes(5));
        await subscriptions.FailedAsync("mbx-1", later, Ct);
        Assert.Equal(later, await new SubscriptionStore(store.NewDatabase()).LastFailureAsync("mbx-1", Ct));

        await subscriptions.ClearFailureAsync("mbx-1", Ct);
        Assert.Null(await subscriptions.LastFailureAsync("mbx-1", Ct));
        Assert.Equal(new SubscriptionFailure("http503", null, now), await subscriptions.LastFailureAsync("mbx-2", Ct));
    }
}
