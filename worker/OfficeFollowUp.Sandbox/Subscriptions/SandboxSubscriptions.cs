namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The change-notification subscriptions of one sandbox server (tenant-wide, as <c>/subscriptions</c> is in Graph), and
/// what tests use to steer and watch them: options, notification faults, lifecycle events, counts, and a wait for the
/// background deliveries to settle. A subscription is active until its expirationDateTime on the mailbox's clock;
/// after it, changes notify nothing and it is gone from <c>/subscriptions</c>.
/// </summary>
public sealed class SandboxSubscriptions : IAsyncDisposable
{
    /// <summary>The app id the sandbox reports as applicationId (the registered app that made the subscriptions).</summary>
    public const string ApplicationId = "4a6e8f21-9c3d-4b57-a1e0-6d2f9b8c7e15";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<SandboxMailbox, List<Entry>> _byMailbox = [];
    private readonly List<Delivery> _held = [];
    private readonly List<Delivery> _batched = [];
    private readonly SandboxDirectory _directory;
    private readonly NotificationDelivery _delivery;
    private int _lost;
    private int _duplicated;
    private int _delayed;
    private int _validations;
    private long _order;
    private int _reauthorizations;

    internal SandboxSubscriptions(SandboxDirectory directory)
    {
        _directory = directory;
        _delivery = new NotificationDelivery(Options, OnDropped);
        if (directory.Tenant is { } tenant)
        {
            tenant.Changed += OnChange;
        }
        else
        {
            directory.Single!.State.Changed += OnSingleChange;
        }
    }

    public SandboxNotificationOptions Options { get; } = new();

    public SandboxNotificationFaults Faults { get; } = new();

    /// <summary>The tenant id notifications carry.</summary>
    public string TenantId => _directory.TenantId;

    /// <summary>Subscriptions not yet expired or deleted, oldest first.</summary>
    public IReadOnlyList<SandboxSubscription> Active
    {
        get
        {
            var now = Now;
            lock (_gate)
            {
                return [.. _byId.Values.Where(e => e.Subscription.ExpirationDateTime > now).OrderBy(e => e.Order).Select(e => e.Subscription)];
            }
        }
    }

    public SandboxNotificationCounts Counts
    {
        get
        {
            var (delivered, lifecycle, failed, dropped, overflowed) = _delivery.Counts;
            return new(delivered, lifecycle, failed, dropped, Volatile.Read(ref _lost), Volatile.Read(ref _duplicated),
                Volatile.Read(ref _delayed), overflowed, Volatile.Read(ref _validations));
        }
    }

    internal DateTimeOffset Now => _directory.Time.GetUtcNow();

    internal SandboxDirectory Directory => _directory;

    internal HttpClient Http => _delivery.Http;

    public SandboxSubscription? Find(string id)
    {
        var now = Now;
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var entry) && entry.Subscription.ExpirationDateTime > now ? entry.Subscription : null;
        }
    }

    /// <summary>
    /// Sends a lifecycle notification for an active subscription to its lifecycleNotificationUrl (nothing when it has
    /// none, as Graph). <see cref="SandboxLifecycleEvent.SubscriptionRemoved"/> also removes the subscription.
    /// False when there is no such active subscription.
    /// </summary>
    public bool SendLifecycleEvent(string subscriptionId, SandboxLifecycleEvent lifecycleEvent)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var subscription = Find(subscriptionId);
        if (subscription is null)
        {
            return false;
        }

        if (lifecycleEvent == SandboxLifecycleEvent.SubscriptionRemoved)
        {
            Remove(subscriptionId);
        }

        QueueLifecycle(subscription, lifecycleEvent);
        return true;
    }

    /// <summary>
    /// Waits until every notification queued so far was delivered, dropped or is held for reordering (delayed and
    /// retried ones included). Throws <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 10 s).
    /// </summary>
    public async Task WaitForDeliveriesAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_delivery.Pending > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_delivery.Pending} notifications still pending.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory.Tenant is { } tenant)
        {
            tenant.Changed -= OnChange;
        }
        else
        {
            _directory.Single!.State.Changed -= OnSingleChange;
        }

        lock (_gate)
        {
            foreach (var entry in _byId.Values)
            {
                entry.Timer?.Dispose();
            }
        }

        await _delivery.DisposeAsync().ConfigureAwait(false);
    }

    internal void CountValidation() => Interlocked.Increment(ref _validations);

    internal void CountReauthorization() => Interlocked.Increment(ref _reauthorizations);

    /// <summary>How many times <c>POST /subscriptions/{id}/reauthorize</c> was answered.</summary>
    public int Reauthorizations => Volatile.Read(ref _reauthorizations);

    internal SandboxSubscription Add(SandboxSubscription subscription, SubscriptionTarget target)
    {
        var now = Now;
        lock (_gate)
        {
            // Expired subscriptions are kept only until the next create, so renewals find nothing and nothing grows.
            foreach (var expired in _byId.Values.Where(e => e.Subscription.ExpirationDateTime <= now).ToList())
            {
                expired.Timer?.Dispose();
                _byId.Remove(expired.Subscription.Id);
                _byMailbox[expired.Target.Mailbox].Remove(expired);
            }

            var entry = new Entry(subscription, target, _order++);
            _byId[subscription.Id] = entry;
            if (!_byMailbox.TryGetValue(target.Mailbox, out var list))
            {
                list = [];
                _byMailbox[target.Mailbox] = list;
            }

            list.Add(entry);
            ScheduleReauthorizationLocked(entry);
            return subscription;
        }
    }

    internal SandboxSubscription? Update(string id, Func<SandboxSubscription, SandboxSubscription> change)
    {
        var now = Now;
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var entry) || entry.Subscription.ExpirationDateTime <= now)
            {
                return null;
            }

            entry.Subscription = change(entry.Subscription);
            ScheduleReauthorizationLocked(entry);
            return entry.Subscription;
        }
    }

    internal bool Remove(string id)
    {
        var now = Now;
        lock (_gate)
        {
            if (!_byId.Remove(id, out var entry))
            {
                return false;
            }

            entry.Timer?.Dispose();
            _byMailbox[entry.Target.Mailbox].Remove(entry);
            return entry.Subscription.ExpirationDateTime > now;
        }
    }

    private void OnSingleChange(SandboxItemChange change) => OnChange(_directory.Single!, change);

    /// <summary>Runs under the mailbox's lock: decides each notification's fate and queues it; no I/O.</summary>
    private void OnChange(SandboxMailbox mailbox, SandboxItemChange change)
    {
        Entry[] candidates;
        var now = Now;
        lock (_gate)
        {
            if (!_byMailbox.TryGetValue(mailbox, out var list) || list.Count == 0)
            {
                return;
            }

            candidates = [.. list];
        }

        var type = change.Type.ToString();
        foreach (var entry in candidates)
        {
            var subscription = entry.Subscription;
            if (subscription.ExpirationDateTime <= now
                || !subscription.ChangeType.Split(',').Any(t => t.Trim().Equals(type, StringComparison.OrdinalIgnoreCase))
                || !entry.Target.Covers(change))
            {
                continue;
            }

            var body = NotificationJson.ChangeNotification(subscription, TenantId, mailbox.User.Id, change);
            Route(new Delivery(new Uri(subscription.NotificationUrl), body, subscription, IsLifecycle: false));
        }
    }

    private void Route(Delivery delivery)
    {
        var fate = Faults.Next();
        switch (fate.Kind)
        {
            case NotificationFateKind.Lost:
                Interlocked.Increment(ref _lost);
                break;
            case NotificationFateKind.Duplicated:
                Interlocked.Increment(ref _duplicated);
                _delivery.Enqueue(delivery);
                _delivery.Enqueue(delivery);
                break;
            case NotificationFateKind.Delayed:
                Interlocked.Increment(ref _delayed);
                _delivery.EnqueueAfter(delivery, fate.Delay);
                break;
            case NotificationFateKind.Hold:
                lock (_gate)
                {
                    _held.Add(delivery);
                }

                break;
            case NotificationFateKind.ReleaseHeld:
                List<Delivery> release;
                lock (_gate)
                {
                    release = [delivery, .. Enumerable.Reverse(_held)];
                    _held.Clear();
                }

                foreach (var held in release)
                {
                    _delivery.Enqueue(held);
                }

                break;
            case NotificationFateKind.Batch or NotificationFateKind.ReleaseBatch:
                List<Delivery> batch = [];
                lock (_gate)
                {
                    _batched.Add(delivery);
                    if (fate.Kind == NotificationFateKind.ReleaseBatch)
                    {
                        batch.AddRange(_batched);
                        _batched.Clear();
                    }
                }

                // Graph may send several notifications in one POST; those for the same URL go together, in order.
                foreach (var group in batch.GroupBy(d => d.Url))
                {
                    _delivery.Enqueue(group.First() with { Body = NotificationJson.Merge(group.Select(d => d.Body)) });
                }

                break;
            default:
                _delivery.Enqueue(delivery);
                break;
        }
    }

    private void QueueLifecycle(SandboxSubscription subscription, SandboxLifecycleEvent lifecycleEvent)
    {
        if (subscription.LifecycleNotificationUrl is { } url)
        {
            var body = NotificationJson.LifecycleNotification(subscription, TenantId, lifecycleEvent);
            _delivery.Enqueue(new Delivery(new Uri(url), body, subscription, IsLifecycle: true));
        }
    }

    /// <summary>A change notification the app never accepted: Graph tells the app it missed some (lifecycle: missed).</summary>
    private void OnDropped(Delivery dropped)
    {
        if (!dropped.IsLifecycle && Find(dropped.Subscription.Id) is { } subscription)
        {
            QueueLifecycle(subscription, SandboxLifecycleEvent.Missed);
        }
    }

    private void ScheduleReauthorizationLocked(Entry entry)
    {
        entry.Timer?.Dispose();
        entry.Timer = null;
        var subscription = entry.Subscription;
        var due = subscription.ExpirationDateTime - Options.ReauthorizationLead - Now;
        if (subscription.LifecycleNotificationUrl is null || due <= TimeSpan.Zero)
        {
            return;
        }

        entry.Timer = _directory.Time.CreateTimer(
            _ =>
            {
                // Only if the subscription was not renewed, removed or replaced in the meantime.
                if (Find(subscription.Id) == subscription)
                {
                    QueueLifecycle(subscription, SandboxLifecycleEvent.ReauthorizationRequired);
                }
            },
            null,
            due,
            Timeout.InfiniteTimeSpan);
    }

    private sealed class Entry(SandboxSubscription subscription, SubscriptionTarget target, long order)
    {
        public SandboxSubscription Subscription { get; set; } = subscription;

        public SubscriptionTarget Target { get; } = target;

        public long Order { get; } = order;

        public ITimer? Timer { get; set; }
    }
}
