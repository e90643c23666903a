using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace OfficeFollowUp.Tests.Sync;

public sealed class MailboxWakeupsTests
{
    private static readonly SyncOptions Options = new() { PollInterval = TimeSpan.FromMinutes(1), SafetyPollInterval = TimeSpan.FromMinutes(30) };

    [Fact]
    public async Task A_wake_ends_the_wait_before_the_poll_interval()
    {
        var wakeups = new MailboxWakeups(Microsoft.Extensions.Options.Options.Create(Options), new FakeTimeProvider());
        var waiting = wakeups.WaitAsync("mbx-1", CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        wakeups.Wake("mbx-1");

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_wake_during_a_pass_is_kept_for_the_next_wait_and_counted_once()
    {
        var wakeups = new MailboxWakeups(Microsoft.Extensions.Options.Options.Create(Options), new FakeTimeProvider());
        wakeups.Wake("mbx-1");
        wakeups.Wake("mbx-1");

        await wakeups.WaitAsync("mbx-1", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var second = wakeups.WaitAsync("mbx-1", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public async Task Waking_one_mailbox_leaves_the_others_waiting()
    {
        var wakeups = new MailboxWakeups(Microsoft.Extensions.Options.Options.Create(Options), new FakeTimeProvider());
        var other = wakeups.WaitAsync("mbx-2", CancellationToken.None);

        wakeups.Wake("mbx-1");
        await Task.Delay(50);

        Assert.False(other.IsCompleted);
    }

    [Fact]
    public async Task The_poll_interval_ends_the_wait_when_nothing_wakes_the_mailbox()
    {
        var clock = new FakeTimeProvider();
        var wakeups = new MailboxWakeups(Microsoft.Extensions.Options.Options.Create(Options), clock);
        wakeups.SetNotificationsHealthy("mbx-1", true);
        var waiting = wakeups.WaitAsync("mbx-1", CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        clock.Advance(TimeSpan.FromMinutes(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Healthy_notifications_stretch_the_poll_to_the_safety_interval()
    {
        var wakeups = new MailboxWakeups(Microsoft.Extensions.Options.Options.Create(Options), new FakeTimeProvider());
        Assert.Equal(TimeSpan.FromMinutes(1), wakeups.PollInterval("mbx-1"));

        wakeups.SetNotificationsHealthy("mbx-1", true);
        Assert.Equal(TimeSpan.FromMinutes(30), wakeups.PollInterval("mbx-1"));
        Assert.Equal(TimeSpan.FromMinutes(1), wakeups.PollInterval("mbx-2"));

        wakeups.SetNotificationsHealthy("mbx-1", false);
        Assert.Equal(TimeSpan.FromMinutes(1), wakeups.PollInterval("mbx-1"));
    }
}
