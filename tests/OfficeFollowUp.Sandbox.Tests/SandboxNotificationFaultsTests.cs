namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// Notifications on a bad day, as Graph warns they may be: lost, late, duplicated, out of order, or refused by the
/// app's endpoint (Graph retries, then drops them and says so with a missed lifecycle notification).
/// </summary>
public sealed class SandboxNotificationFaultsTests
{
    private static async Task<List<string>> ChangeThreeContactsAsync(SandboxHarness h, NotificationReceiver receiver)
    {
        await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(h.Mailbox.AddContact(new($"Person{i}", "Faulty", [$"p{i}@example.org"])));
        }

        await h.Server.Subscriptions.WaitForDeliveriesAsync();
        return ids;
    }

    private static List<string> DeliveredIds(NotificationReceiver receiver) =>
        [.. receiver.Notifications.Select(n => n.GetProperty("resourceData").GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_lost_notification_never_arrives()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Faults.LoseNext(1);

        var ids = await ChangeThreeContactsAsync(h, receiver);

        Assert.Equal(ids[1..], DeliveredIds(receiver));
        Assert.Equal(1, h.Server.Subscriptions.Counts.Lost);
    }

    [Fact]
    public async Task A_duplicated_notification_arrives_twice()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Faults.DuplicateNext(1);

        var ids = await ChangeThreeContactsAsync(h, receiver);

        Assert.Equal([ids[0], ids[0], ids[1], ids[2]], DeliveredIds(receiver));
        Assert.Equal(1, h.Server.Subscriptions.Counts.Duplicated);
    }

    [Fact]
    public async Task A_delayed_notification_arrives_after_later_ones()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Faults.DelayNext(1, TimeSpan.FromMilliseconds(300));

        var ids = await ChangeThreeContactsAsync(h, receiver);

        Assert.Equal([ids[1], ids[2], ids[0]], DeliveredIds(receiver));
        Assert.Equal(1, h.Server.Subscriptions.Counts.Delayed);
    }

    [Fact]
    public async Task Reordered_notifications_arrive_newest_first()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Faults.ReorderNext(3);

        var ids = await ChangeThreeContactsAsync(h, receiver);

        Assert.Equal([ids[2], ids[1], ids[0]], DeliveredIds(receiver));
    }

    [Fact]
    public async Task Batched_notifications_arrive_together_in_one_post_in_order()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Faults.BatchNext(3);

        var ids = await ChangeThreeContactsAsync(h, receiver);

        Assert.Equal(ids, DeliveredIds(receiver));
        Assert.Equal(3, Assert.Single(receiver.Bodies).GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Random_faults_with_the_same_seed_give_the_same_deliveries()
    {
        async Task<(List<string> Delivered, SandboxNotificationCounts Counts)> RunAsync()
        {
            await using var h = await SandboxHarness.StartAsync();
            await using var receiver = await NotificationReceiver.StartAsync();
            await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));
            h.Server.Subscriptions.Faults.InjectRandom(lossRate: 0.25, duplicateRate: 0.25, seed: 42);
            var ids = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                ids.Add(h.Mailbox.AddContact(new($"Person{i}", "Random", [$"r{i}@example.org"])));
            }

            await h.Server.Subscriptions.WaitForDeliveriesAsync();
            return ([.. DeliveredIds(receiver).Select(id => ids.IndexOf(id).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                h.Server.Subscriptions.Counts);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first.Delivered, second.Delivered);
        Assert.True(first.Counts.Lost > 0 && first.Counts.Duplicated > 0, $"lost {first.Counts.Lost}, duplicated {first.Counts.Duplicated}");
        Assert.Equal(40 - first.Counts.Lost + first.Counts.Duplicated, first.Delivered.Count);
    }

    [Fact]
    public async Task A_failing_endpoint_gets_the_notification_again_until_it_accepts()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Options.RetryDelays = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20)];
        await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));
        receiver.FailNext(2);

        var id = h.Mailbox.AddContact(new("Retry", "Me", ["retry@example.org"]));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        Assert.Equal([id], DeliveredIds(receiver));
        Assert.Equal(3, receiver.Attempts);
        Assert.Equal(2, h.Server.Subscriptions.Counts.FailedAttempts);
        Assert.Empty(receiver.Lifecycle);
    }

    [Fact]
    public async Task A_notification_the_endpoint_never_accepts_is_dropped_and_reported_as_missed()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Options.RetryDelays = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20)];
        var subscription = await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));
        receiver.AlwaysFail = true;

        h.Mailbox.AddContact(new("Never", "Arrives", ["never@example.org"]));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        Assert.Empty(receiver.Notifications);
        Assert.Equal(3, receiver.Attempts);
        Assert.Equal(1, h.Server.Subscriptions.Counts.Dropped);
        var missed = Assert.Single(receiver.Lifecycle);
        Assert.Equal("missed", missed.GetProperty("lifecycleEvent").GetString());
        Assert.Equal(subscription!.Id, missed.GetProperty("subscriptionId").GetString());
    }

    [Fact]
    public async Task Stopping_the_server_while_notifications_go_to_a_vanished_endpoint_ends_cleanly()
    {
        var h = await SandboxHarness.StartAsync();
        var receiver = await NotificationReceiver.StartAsync();
        await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));
        await receiver.DisposeAsync();

        for (var i = 0; i < 5; i++)
        {
            h.Mailbox.AddContact(new($"Person{i}", "Gone", [$"g{i}@example.org"]));
        }

        await Task.Delay(50);
        var stopping = await Record.ExceptionAsync(async () => await h.DisposeAsync());

        Assert.Null(stopping);
    }

    [Fact]
    public async Task A_full_queue_drops_notifications_instead_of_blocking_the_mailbox()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        h.Server.Subscriptions.Options.QueueCapacity = 2;
        await h.Graph.Subscriptions.PostAsync(SandboxSubscriptionsTests.NewSubscription(h, receiver));
        receiver.NotificationDelay = TimeSpan.FromMilliseconds(300);

        for (var i = 0; i < 10; i++)
        {
            h.Mailbox.AddContact(new($"Person{i}", "Crowd", [$"c{i}@example.org"]));
        }

        var overflowed = h.Server.Subscriptions.Counts.Overflowed;
        Assert.InRange(overflowed, 7, 8);
    }
}
