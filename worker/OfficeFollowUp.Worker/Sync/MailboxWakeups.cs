using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Sync;

/// <summary>
/// When a mailbox's next pass runs. A pass waits for its poll interval or for a wake, whichever comes first:
/// a Graph change notification, a lifecycle event or a user action that queued outbox work wakes it at once.
/// A wake is only a hint; the delta round stays the source of truth. While the mailbox's change
/// notifications are healthy, the poll falls back to the long safety interval that covers lost notifications.
/// Keyed by the stored mailbox id (the Graph user id). In the worker a wake is also routed to the mailbox's grain
/// (<see cref="Cluster.RouteWakesToGrains"/>), which runs the pass on whichever process owns the mailbox.
/// </summary>
public sealed class MailboxWakeups(IOptions<SyncOptions> options, TimeProvider time, Action<string>? route = null)
{
    private readonly ConcurrentDictionary<string, Signal> _signals = new(StringComparer.Ordinal);

    /// <summary>Runs the mailbox's next pass now (or right after the one in progress).</summary>
    public void Wake(string mailboxId)
    {
        SignalFor(mailboxId).Set();
        route?.Invoke(mailboxId);
    }

    /// <summary>Notifications cover the mailbox (subscriptions live) or not (poll as usual).</summary>
    public void SetNotificationsHealthy(string mailboxId, bool healthy) => SignalFor(mailboxId).NotificationsHealthy = healthy;

    public bool NotificationsHealthy(string mailboxId) => _signals.TryGetValue(mailboxId, out var signal) && signal.NotificationsHealthy;

    /// <summary>How long the mailbox may stay idle before its next pass when nothing wakes it.</summary>
    public TimeSpan PollInterval(string mailboxId) =>
        NotificationsHealthy(mailboxId) && options.Value.SafetyPollInterval > options.Value.PollInterval
            ? options.Value.SafetyPollInterval
            : options.Value.PollInterval;

    /// <summary>Waits until the mailbox is woken or its poll interval passes. A wake that came during the last pass counts.</summary>
    public async Task WaitAsync(string? mailboxId, CancellationToken ct)
    {
        if (mailboxId is null)
        {
            // Not connected yet: nothing can wake it, poll.
            await Task.Delay(options.Value.PollInterval, time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        var signal = SignalFor(mailboxId);
        using var interval = new CancellationTokenSource(PollInterval(mailboxId), time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, interval.Token);
        await signal.WaitAsync(either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private Signal SignalFor(string mailboxId) => _signals.GetOrAdd(mailboxId, _ => new Signal());

    private sealed class Signal
    {
        private readonly SemaphoreSlim _woken = new(0, 1);

        public volatile bool NotificationsHealthy;

        public void Set()
        {
            try
            {
                _woken.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken: one pending wake is enough, the next pass reads every change.
            }
        }

        public Task WaitAsync(CancellationToken ct) => _woken.WaitAsync(ct);
    }
}
