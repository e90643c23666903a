namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// Lifecycle notifications to the lifecycleNotificationUrl: reauthorizationRequired (on demand and ahead of expiry),
/// subscriptionRemoved (the subscription is gone) and missed, in Graph's shape.
/// </summary>
public sealed class SandboxLifecycleNotificationsTests
{
    [Fact]
    public async Task Each_lifecycle_event_a_test_triggers_reaches_the_lifecycle_url_in_graphs_shape()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));
        var subscriptions = h.Server.Subscriptions;

        Assert.True(subscriptions.SendLifecycleEvent(subscription!.Id!, SandboxLifecycleEvent.ReauthorizationRequired));
        await subscriptions.WaitForDeliveriesAsync();
        Assert.True(subscriptions.SendLifecycleEvent(subscription.Id!, SandboxLifecycleEvent.Missed));
        await subscriptions.WaitForDeliveriesAsync();
        Assert.True(subscriptions.SendLifecycleEvent(subscription.Id!, SandboxLifecycleEvent.SubscriptionRemoved));
        await subscriptions.WaitForDeliveriesAsync();
        var gone = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[subscription.Id].GetAsync());
        h.Mailbox.AddContact(new("After", "Removal", ["after@example.org"]));
        await subscriptions.WaitForDeliveriesAsync();

        Assert.Equal(["reauthorizationRequired", "missed", "subscriptionRemoved"], receiver.Lifecycle.Select(n => n.GetProperty("lifecycleEvent").GetString()));
        Assert.All(receiver.Lifecycle, n =>
        {
            Assert.Equal(subscription.Id, n.GetProperty("subscriptionId").GetString());
            Assert.Equal(SandboxSubscriptionsTests.Secret, n.GetProperty("clientState").GetString());
            Assert.Equal(subscriptions.TenantId, n.GetProperty("tenantId").GetString());
            Assert.Equal(subscription.ExpirationDateTime, n.GetProperty("subscriptionExpirationDateTime").GetDateTimeOffset());
        });
        Assert.Empty(receiver.Notifications);
        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.False(subscriptions.SendLifecycleEvent(subscription.Id!, SandboxLifecycleEvent.Missed));
    }

    [Fact]
    public async Task Reauthorization_is_asked_for_an_hour_before_expiry_unless_renewed()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var renewedOne = await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver, lifetime: TimeSpan.FromHours(3)));
        var neglected = await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver, lifetime: TimeSpan.FromHours(3)));

        h.Time.Advance(TimeSpan.FromMinutes(119));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();
        var beforeLead = receiver.Lifecycle.Count;
        await h.Graph.Subscriptions[renewedOne!.Id].PatchAsync(new Subscription { ExpirationDateTime = h.Time.GetUtcNow().AddDays(2) });
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        Assert.Equal(0, beforeLead);
        var asked = Assert.Single(receiver.Lifecycle);
        Assert.Equal("reauthorizationRequired", asked.GetProperty("lifecycleEvent").GetString());
        Assert.Equal(neglected!.Id, asked.GetProperty("subscriptionId").GetString());
    }

    [Fact]
    public async Task A_subscription_without_a_lifecycle_url_gets_no_lifecycle_notifications()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(
            SandboxSubscriptionsTests.NewSubscription(h, receiver, lifetime: TimeSpan.FromHours(2), lifecycle: false));

        h.Server.Subscriptions.SendLifecycleEvent(subscription!.Id!, SandboxLifecycleEvent.Missed);
        h.Time.Advance(TimeSpan.FromMinutes(90));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        Assert.Empty(receiver.Lifecycle);
        Assert.Single(receiver.ValidationTokens);
        Assert.Null(subscription.LifecycleNotificationUrl);
    }

    [Fact]
    public async Task Reauthorize_answers_for_an_active_subscription_without_changing_its_expiry()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));

        await h.Graph.Subscriptions[subscription!.Id].Reauthorize.PostAsync();
        var after = await h.Graph.Subscriptions[subscription.Id].GetAsync();
        var unknown = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[Guid.NewGuid().ToString()].Reauthorize.PostAsync());

        Assert.Equal(1, h.Server.Subscriptions.Reauthorizations);
        Assert.Equal(subscription.ExpirationDateTime, after!.ExpirationDateTime);
        Assert.Equal(404, unknown.ResponseStatusCode);
    }

    [Fact]
    public async Task The_lifecycle_url_cannot_be_changed_after_creation()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[subscription!.Id].PatchAsync(
            new Subscription { LifecycleNotificationUrl = receiver.NotificationUrl }));

        Assert.Equal(400, error.ResponseStatusCode);
    }
}
