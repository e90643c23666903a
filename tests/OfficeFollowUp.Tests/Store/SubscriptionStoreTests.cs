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
}
