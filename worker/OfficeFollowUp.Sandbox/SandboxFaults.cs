using System.Net;
using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Switches tests and drills flip at runtime to make the sandbox behave like Graph on a bad day:
/// throttling, expired delta tokens, empty and repeated delta pages, and writes that the mailbox
/// applied but whose answer never arrived intact (a gateway's 503/504, a dropped connection).
/// Every member is safe to call from any thread while requests are being served.
/// </summary>
/// <remarks>
/// A "write" is any POST, PUT, PATCH or DELETE, on any path (drafts, events, contacts; getSchedule is a
/// POST too, and a gateway cannot tell it is a read). "After apply" faults are decided at the moment a
/// write succeeded, so a write the sandbox refused (400, 404) is answered as it is and consumes nothing.
/// </remarks>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];
    private int _deltaEpoch;
    private bool _expireNextDeltaRequest;
    private int _emptyPageEvery;
    private bool _repeatItems;
    private double _writeFaultRate;
    private TimeSpan _writeFaultRetryAfter;
    private Random? _writeFaultRandom;
    private TimeSpan _latency;
    private int _refusedBeforeApply;
    private int _failedAfterApply;
    private int _droppedAfterApply;

    /// <summary>Every Nth delta page served is empty (0 = never). Graph may send empty pages mid-round.</summary>
    public int EmptyPageEvery
    {
        get { lock (_gate) { return _emptyPageEvery; } }
        set
        {
            // 1 would make every page empty and a round could never finish.
            if (value is < 0 or 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Use 0 (off) or 2 and more.");
            }

            lock (_gate)
            {
                _emptyPageEvery = value;
            }
        }
    }

    /// <summary>
    /// How long every request waits before it is answered (0 = at once). Graph answers in tens to hundreds of
    /// milliseconds; loopback in microseconds, which hides what working several requests at once is worth. Wall-clock
    /// time, not the sandbox's clock: it is for benchmarks and drills, never needed by a test that fakes time.
    /// </summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    /// <summary>When on, each later page of a round starts with the last item of the page before (Graph may repeat items).</summary>
    public bool RepeatItems
    {
        get { lock (_gate) { return _repeatItems; } }
        set { lock (_gate) { _repeatItems = value; } }
    }

    /// <summary>The next <paramref name="count"/> matching requests get 429/503 with Retry-After and are not applied.</summary>
    public void Throttle(int count, int status = 429, TimeSpan? retryAfter = null, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (status is not (429 or 503 or 504))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Graph throttles with 429, 503 or 504.");
        }

        var code = status == 429 ? "TooManyRequests" : "ServiceUnavailable";
        var message = status == 429
            ? "Application is over its MailboxConcurrency limit."
            : "The service is temporarily unavailable. Try again later.";
        Add(new Rule(RuleKind.Fail, count, pathContains, null, status, code, message, retryAfter ?? TimeSpan.FromSeconds(1)));
    }

    /// <summary>The next <paramref name="count"/> matching requests fail with <paramref name="status"/> and the Graph error <paramref name="code"/>.</summary>
    public void FailNext(int status, string code, int count = 1, string? pathContains = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Add(new Rule(RuleKind.Fail, count, pathContains, method, status, code, $"Injected failure {code}.", null));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching writes are applied (the draft or event exists, the change is made)
    /// and then the connection is aborted before any response, so the client cannot know whether its write happened.
    /// With no <paramref name="pathContains"/> or <paramref name="method"/>, any write matches.
    /// </summary>
    public void DropConnectionAfterApply(int count, string? pathContains = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        RequireWriteMethod(method);
        Add(new Rule(RuleKind.DropAfterApply, count, pathContains, method, 0, string.Empty, string.Empty, null));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching writes are applied and then answered with <paramref name="status"/>
    /// (503 or 504), Graph's error body and a Retry-After header, as a gateway does when the mailbox behind it
    /// finished the write but the answer timed out. With no <paramref name="pathContains"/> or
    /// <paramref name="method"/>, any write matches.
    /// </summary>
    public void FailAfterApply(int count, int status = 503, TimeSpan? retryAfter = null, string? pathContains = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        RequireWriteMethod(method);
        _ = AfterApplyFailure(status, null);
        Add(new Rule(RuleKind.FailAfterApply, count, pathContains, method, status, string.Empty, string.Empty, retryAfter ?? TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// Chaos for writes: from now on each write the sandbox applies is, with probability <paramref name="rate"/>,
    /// answered as if it failed after the mailbox applied it — 503 or 504 with Retry-After
    /// (<paramref name="retryAfter"/>, default 1 s), or a dropped connection, one of the three at random. The choices
    /// come from a <see cref="Random"/> seeded with <paramref name="seed"/>: the same seed and the same order of
    /// writes give the same faults. A rate of 0 turns it off. Rules added with <see cref="FailAfterApply"/> and
    /// <see cref="DropConnectionAfterApply"/> are used first.
    /// </summary>
    public void InjectWriteFaults(double rate, int seed, TimeSpan? retryAfter = null)
    {
        if (double.IsNaN(rate) || rate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A share of writes, from 0 to 1.");
        }

        lock (_gate)
        {
            _writeFaultRate = rate;
            _writeFaultRandom = rate > 0 ? new Random(seed) : null;
            _writeFaultRetryAfter = retryAfter ?? TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>The share of writes chaos currently fails after applying them (0 = off); see <see cref="InjectWriteFaults"/>.</summary>
    public double WriteFaultRate
    {
        get { lock (_gate) { return _writeFaultRate; } }
    }

    /// <summary>How many faults were injected since the sandbox started (not reset by <see cref="Clear"/>).</summary>
    public SandboxInjectedFaults Injected
    {
        get { lock (_gate) { return new SandboxInjectedFaults(_refusedBeforeApply, _failedAfterApply, _droppedAfterApply); } }
    }

    /// <summary>Every delta and skip token issued so far becomes invalid (410 Gone, syncStateNotFound).</summary>
    public void ExpireDeltaTokens()
    {
        lock (_gate)
        {
            _deltaEpoch++;
        }
    }

    /// <summary>Only the next delta request that carries a token fails with 410, even mid-round.</summary>
    public void ExpireNextDeltaRequest()
    {
        lock (_gate)
        {
            _expireNextDeltaRequest = true;
        }
    }

    /// <summary>Turns every fault off.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _expireNextDeltaRequest = false;
            _emptyPageEvery = 0;
            _repeatItems = false;
            _writeFaultRate = 0;
            _writeFaultRandom = null;
            _latency = TimeSpan.Zero;
        }
    }

    internal int DeltaEpoch
    {
        get { lock (_gate) { return _deltaEpoch; } }
    }

    /// <summary>True while an <see cref="ExpireNextDeltaRequest"/> is still waiting for a delta request to fail.</summary>
    public bool ExpireNextDeltaRequestPending
    {
        get { lock (_gate) { return _expireNextDeltaRequest; } }
    }

    internal bool TakeExpireNextDeltaRequest()
    {
        lock (_gate)
        {
            var take = _expireNextDeltaRequest;
            _expireNextDeltaRequest = false;
            return take;
        }
    }

    internal static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>A fault that refuses the request before anything is applied (throttling, <see cref="FailNext"/>).</summary>
    internal InjectedFailure? TakeFailure(string method, string path)
    {
        lock (_gate)
        {
            var rule = TakeRuleLocked(method, path, RuleKind.Fail);
            if (rule is null)
            {
                return null;
            }

            _refusedBeforeApply++;
            return new InjectedFailure((HttpStatusCode)rule.Status, rule.Code, rule.Message, rule.RetryAfter);
        }
    }

    /// <summary>Called once a write succeeded: the fault that replaces its answer, if any (rules first, then chaos).</summary>
    internal InjectedFailure? TakeAfterApply(string method, string path)
    {
        if (!IsWrite(method))
        {
            return null;
        }

        lock (_gate)
        {
            var rule = TakeRuleLocked(method, path, RuleKind.FailAfterApply, RuleKind.DropAfterApply);
            var fault = rule is null ? null
                : rule.Kind == RuleKind.DropAfterApply ? InjectedFailure.Drop
                : AfterApplyFailure(rule.Status, rule.RetryAfter);
            if (fault is null && _writeFaultRandom is { } random && random.NextDouble() < _writeFaultRate)
            {
                var pick = random.Next(3);
                fault = pick == 0 ? InjectedFailure.Drop : AfterApplyFailure(pick == 1 ? 503 : 504, _writeFaultRetryAfter);
            }

            if (fault is { DropConnection: true })
            {
                _droppedAfterApply++;
            }
            else if (fault is not null)
            {
                _failedAfterApply++;
            }

            return fault;
        }
    }

    private Rule? TakeRuleLocked(string method, string path, params RuleKind[] kinds)
    {
        for (var i = 0; i < _rules.Count; i++)
        {
            var rule = _rules[i];
            if (!kinds.Contains(rule.Kind) || !rule.Matches(method, path))
            {
                continue;
            }

            rule.Remaining--;
            if (rule.Remaining == 0)
            {
                _rules.RemoveAt(i);
            }

            return rule;
        }

        return null;
    }

    /// <summary>Graph's codes for a write the gateway gave up on (its error-code list has serviceNotAvailable; a gateway timeout has no code of its own).</summary>
    private static InjectedFailure AfterApplyFailure(int status, TimeSpan? retryAfter) => status switch
    {
        503 => new(HttpStatusCode.ServiceUnavailable, "serviceNotAvailable", "The service is temporarily unavailable. Try again later.", retryAfter),
        504 => new(HttpStatusCode.GatewayTimeout, "UnknownError", "The gateway did not receive a timely response from the mailbox.", retryAfter),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A write applied and then failed is answered 503 or 504."),
    };

    private static void RequireWriteMethod(string? method)
    {
        if (method is not null && !IsWrite(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "After-apply faults are for writes: POST, PUT, PATCH or DELETE.");
        }
    }

    private void Add(Rule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    private enum RuleKind
    {
        Fail,
        FailAfterApply,
        DropAfterApply,
    }

    private sealed class Rule(
        RuleKind kind, int remaining, string? pathContains, string? method, int status, string code, string message, TimeSpan? retryAfter)
    {
        public RuleKind Kind { get; } = kind;
        public int Remaining { get; set; } = remaining;
        public int Status { get; } = status;
        public string Code { get; } = code;
        public string Message { get; } = message;
        public TimeSpan? RetryAfter { get; } = retryAfter;

        public bool Matches(string requestMethod, string path) =>
            (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
            && (pathContains is null || path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>What the sandbox injected so far, by kind.</summary>
/// <param name="RefusedBeforeApply">Requests refused before anything was applied (<see cref="SandboxFaults.Throttle"/>, <see cref="SandboxFaults.FailNext"/>).</param>
/// <param name="FailedAfterApply">Writes applied and then answered 503 or 504.</param>
/// <param name="DroppedAfterApply">Writes applied and then answered with a dropped connection.</param>
public sealed record SandboxInjectedFaults(int RefusedBeforeApply, int FailedAfterApply, int DroppedAfterApply)
{
    public int AfterApply => FailedAfterApply + DroppedAfterApply;

    public int Total => RefusedBeforeApply + AfterApply;
}

/// <summary>An injected answer: an error status with Graph's body, or (<see cref="DropConnection"/>) none at all.</summary>
internal sealed record InjectedFailure(HttpStatusCode Status, string Code, string Message, TimeSpan? RetryAfter)
{
    public static InjectedFailure Drop { get; } = new(0, string.Empty, string.Empty, null) { DropConnection = true };

    public bool DropConnection { get; init; }
}
