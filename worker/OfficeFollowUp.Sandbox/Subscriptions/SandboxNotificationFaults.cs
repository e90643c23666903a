namespace OfficeFollowUp.Sandbox;

/// <summary>
/// How change notifications go wrong on the way to the app, as Graph documents they may: lost, late, sent twice, out of
/// order, several in one POST. Counted rules apply to the next change notifications in the order the mailbox made the changes, so a test is
/// deterministic; <see cref="InjectRandom"/> draws from a seeded <see cref="Random"/>. Lifecycle notifications and
/// validation requests are never faulted. Safe to call from any thread.
/// </summary>
public sealed class SandboxNotificationFaults
{
    private readonly Lock _gate = new();
    private int _lose;
    private int _duplicate;
    private int _delayCount;
    private TimeSpan _delay;
    private int _reorderCount;
    private int _batchCount;
    private double _lossRate;
    private double _duplicateRate;
    private Random? _random;

    /// <summary>The next <paramref name="count"/> change notifications are never delivered.</summary>
    public void LoseNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _lose += count;
        }
    }

    /// <summary>The next <paramref name="count"/> change notifications are each delivered twice (two POSTs).</summary>
    public void DuplicateNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _duplicate += count;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> change notifications are delivered <paramref name="delay"/> (wall-clock) late;
    /// notifications after them are not held back, so they arrive first.
    /// </summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _delayCount = count;
            _delay = delay;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> (at least 2) change notifications are held until the last of them is made,
    /// then delivered newest first.
    /// </summary>
    public void ReorderNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        lock (_gate)
        {
            _reorderCount = count;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> (at least 2) change notifications are held until the last of them is made,
    /// then sent together, in order, in one POST per notification URL (a value array of several, as Graph may send).
    /// </summary>
    public void BatchNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        lock (_gate)
        {
            _batchCount = count;
        }
    }

    /// <summary>
    /// From now on each change notification is lost with probability <paramref name="lossRate"/>, and otherwise sent
    /// twice with probability <paramref name="duplicateRate"/>; the same seed and the same changes give the same faults.
    /// Both 0 turns it off. Counted rules are used first.
    /// </summary>
    public void InjectRandom(double lossRate, double duplicateRate, int seed)
    {
        if (double.IsNaN(lossRate) || lossRate is < 0 or > 1 || double.IsNaN(duplicateRate) || duplicateRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lossRate), "Rates are shares from 0 to 1.");
        }

        lock (_gate)
        {
            _lossRate = lossRate;
            _duplicateRate = duplicateRate;
            _random = lossRate > 0 || duplicateRate > 0 ? new Random(seed) : null;
        }
    }

    /// <summary>Turns every notification fault off (notifications already held for reordering are still delivered).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _lose = _duplicate = _delayCount = _reorderCount = _batchCount = 0;
            _lossRate = _duplicateRate = 0;
            _random = null;
        }
    }

    /// <summary>What happens to the next change notification.</summary>
    internal NotificationFate Next()
    {
        lock (_gate)
        {
            if (_lose > 0)
            {
                _lose--;
                return NotificationFate.Lost;
            }

            if (_reorderCount > 0)
            {
                _reorderCount--;
                return _reorderCount == 0 ? NotificationFate.ReleaseHeld : NotificationFate.Hold;
            }

            if (_batchCount > 0)
            {
                _batchCount--;
                return _batchCount == 0 ? NotificationFate.ReleaseBatch : NotificationFate.Batch;
            }

            if (_delayCount > 0)
            {
                _delayCount--;
                return NotificationFate.Delayed(_delay);
            }

            if (_duplicate > 0)
            {
                _duplicate--;
                return NotificationFate.Duplicated;
            }

            if (_random is { } random)
            {
                if (random.NextDouble() < _lossRate)
                {
                    return NotificationFate.Lost;
                }

                if (random.NextDouble() < _duplicateRate)
                {
                    return NotificationFate.Duplicated;
                }
            }

            return NotificationFate.Delivered;
        }
    }
}

internal enum NotificationFateKind
{
    Delivered,
    Lost,
    Duplicated,
    Delayed,
    Hold,
    ReleaseHeld,
    Batch,
    ReleaseBatch,
}

internal readonly record struct NotificationFate(NotificationFateKind Kind, TimeSpan Delay)
{
    public static NotificationFate Delivered => new(NotificationFateKind.Delivered, TimeSpan.Zero);

    public static NotificationFate Lost => new(NotificationFateKind.Lost, TimeSpan.Zero);

    public static NotificationFate Duplicated => new(NotificationFateKind.Duplicated, TimeSpan.Zero);

    public static NotificationFate Hold => new(NotificationFateKind.Hold, TimeSpan.Zero);

    public static NotificationFate ReleaseHeld => new(NotificationFateKind.ReleaseHeld, TimeSpan.Zero);

    public static NotificationFate Batch => new(NotificationFateKind.Batch, TimeSpan.Zero);

    public static NotificationFate ReleaseBatch => new(NotificationFateKind.ReleaseBatch, TimeSpan.Zero);

    public static NotificationFate Delayed(TimeSpan delay) => new(NotificationFateKind.Delayed, delay);
}
