namespace OfficeFollowUp.Reliability.Harness;

/// <summary>
/// Drives the sandbox's fault switches (<see cref="SandboxFaults"/>) from the test: a share of all the worker's
/// Graph requests is throttled (429/503 with Retry-After, not applied), a share of the writes the mailbox applied is
/// answered as failed after all (503/504 with Retry-After, or the connection dropped: the sandbox's seeded write
/// chaos), and delta cursors expire (410) when the drill says so, in the middle of a round. Duplicated and empty
/// delta pages are on for the whole storm. Throttles are armed one at a time, each once the previous one was taken.
/// </summary>
internal sealed class FaultStorm : IAsyncDisposable
{
    private const string ContactsDelta = "GET /me/contactFolders/{id}/contacts/delta";
    private const string CalendarDelta = "GET /me/calendarView/delta";

    private readonly SandboxMailbox _mailbox;
    private readonly Random _random;
    private readonly double _throttleRate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly Queue<FaultKind> _expiries = new();
    private readonly int _startTotal;
    private readonly SandboxInjectedFaults _startInjected;
    private Armed? _armed;
    private int _throttled429;
    private int _throttled503;
    private int _expiredNextRequest;
    private int _expiredAllCursors;

    /// <param name="throttleRate">Share of all requests refused with 429/503 before anything is applied.</param>
    /// <param name="writeFaultRate">Share of applied writes answered 503/504 or dropped (one of the three at random).</param>
    public FaultStorm(SandboxMailbox mailbox, int seed, double throttleRate, double writeFaultRate)
    {
        _mailbox = mailbox;
        _random = new Random(seed);
        _throttleRate = throttleRate;
        _startTotal = mailbox.Requests.Total;
        _startInjected = mailbox.Faults.Injected;
        mailbox.Faults.RepeatItems = true;
        mailbox.Faults.EmptyPageEvery = 3;
        mailbox.Faults.InjectWriteFaults(writeFaultRate, seed, TimeSpan.FromSeconds(1));
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>410s served: a cursor expiring on the next delta request, or every cursor at once.</summary>
    public int CursorExpiriesServed
    {
        get { lock (_gate) { return _expiredNextRequest + _expiredAllCursors; } }
    }

    /// <summary>The next delta request that carries a token gets 410 (mid-round when a round is running).</summary>
    public void ExpireACursor()
    {
        lock (_gate)
        {
            _expiries.Enqueue(FaultKind.ExpireNext);
        }
    }

    /// <summary>Every delta and skip token issued so far becomes invalid: each resource's next request gets 410.</summary>
    public void ExpireAllCursors()
    {
        lock (_gate)
        {
            _expiries.Enqueue(FaultKind.ExpireAll);
        }
    }

    /// <summary>The faults served, by kind, and their share of the worker's requests during the storm.</summary>
    public string Summary
    {
        get
        {
            lock (_gate)
            {
                var injected = _mailbox.Faults.Injected;
                var failedAfterApply = injected.FailedAfterApply - _startInjected.FailedAfterApply;
                var droppedAfterApply = injected.DroppedAfterApply - _startInjected.DroppedAfterApply;
                var refused = injected.RefusedBeforeApply - _startInjected.RefusedBeforeApply;
                var faults = refused + failedAfterApply + droppedAfterApply + _expiredNextRequest + _expiredAllCursors;
                var requests = _mailbox.Requests.Total - _startTotal;
                var share = string.Create(CultureInfo.InvariantCulture, $"{faults} of {requests} requests ({(requests == 0 ? 0 : 100.0 * faults / requests):0}%)");
                return $"{share}: {_throttled429}× 429, {_throttled503}× 503 (Retry-After 1 s, not applied); {failedAfterApply}× write applied "
                    + $"then answered 503/504 (Retry-After 1 s), {droppedAfterApply}× write applied then connection dropped; "
                    + $"{_expiredNextRequest}× 410 on the next delta request, {_expiredAllCursors}× every cursor expired; "
                    + "repeated items and every 3rd delta page empty throughout";
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _mailbox.Faults.Clear();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var seen = _mailbox.Requests.Total;
        while (!ct.IsCancellationRequested)
        {
            var total = _mailbox.Requests.Total;
            lock (_gate)
            {
                Settle(total);
                if (_armed is null)
                {
                    ArmNext(total, seen);
                }
            }

            seen = total;
            await Task.Delay(1, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the armed fault once a request has taken it.</summary>
    private void Settle(int total)
    {
        if (_armed is not { } armed || !Taken(armed, total))
        {
            return;
        }

        switch (armed.Kind)
        {
            case FaultKind.Throttle429: _throttled429++; break;
            case FaultKind.Throttle503: _throttled503++; break;
            case FaultKind.ExpireNext: _expiredNextRequest++; break;
            case FaultKind.ExpireAll: _expiredAllCursors++; break;
            default: throw new InvalidOperationException($"Unknown fault {armed.Kind}.");
        }

        _armed = null;
    }

    private bool Taken(Armed armed, int total) => armed.Kind switch
    {
        // A throttle rule matches every request: the first request recorded after arming takes it.
        FaultKind.Throttle429 or FaultKind.Throttle503 => total > armed.Count,
        // The first delta request of a fresh round carries no token and passes; the next page's does not.
        FaultKind.ExpireNext or FaultKind.ExpireAll => DeltaRequests() >= armed.Count + 2,
        _ => throw new InvalidOperationException($"Unknown fault {armed.Kind}."),
    };

    private void ArmNext(int total, int seen)
    {
        if (_expiries.TryDequeue(out var expiry))
        {
            if (expiry == FaultKind.ExpireAll)
            {
                _mailbox.Faults.ExpireDeltaTokens();
            }
            else
            {
                _mailbox.Faults.ExpireNextDeltaRequest();
            }

            _armed = new Armed(expiry, DeltaRequests());
            return;
        }

        // One draw per request that arrived since the last look. A throttled request draws nothing (the next throttle
        // is armed only after it), so a share f of throttled requests needs a draw probability of f / (1 - f).
        var hit = false;
        for (var i = seen; i < total && !hit; i++)
        {
            hit = _random.NextDouble() < _throttleRate / (1 - _throttleRate);
        }

        if (hit)
        {
            var status = _random.NextDouble() < 0.6 ? 429 : 503;
            _mailbox.Faults.Throttle(1, status, TimeSpan.FromSeconds(1));
            _armed = new Armed(status == 429 ? FaultKind.Throttle429 : FaultKind.Throttle503, total);
        }
    }

    private int DeltaRequests() => _mailbox.Requests.Count(ContactsDelta) + _mailbox.Requests.Count(CalendarDelta);

    private enum FaultKind
    {
        Throttle429,
        Throttle503,
        ExpireNext,
        ExpireAll,
    }

    /// <summary>A fault waiting for its request; <paramref name="Count"/> is the request count it was armed at.</summary>
    private sealed record Armed(FaultKind Kind, int Count);
}
