using System.Net;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Switches tests flip at runtime to make the sandbox behave like Graph on a bad day:
/// throttling, expired delta tokens, dropped connections, empty and repeated delta pages.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];
    private int _deltaEpoch;
    private bool _expireNextDeltaRequest;
    private int _emptyPageEvery;
    private bool _repeatItems;

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
    /// The next <paramref name="count"/> matching POSTs are applied (the draft exists) and then the connection
    /// is aborted before any response, so the client cannot know whether its write happened.
    /// </summary>
    public void DropConnectionAfterApply(int count, string pathContains = "/me/messages")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Add(new Rule(RuleKind.DropAfterApply, count, pathContains, "POST", 0, string.Empty, string.Empty, null));
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
        }
    }

    internal int DeltaEpoch
    {
        get { lock (_gate) { return _deltaEpoch; } }
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

    internal InjectedFailure? TakeFailure(string method, string path) => Take(RuleKind.Fail, method, path);

    internal bool TakeDropAfterApply(string method, string path) => Take(RuleKind.DropAfterApply, method, path) is not null;

    private InjectedFailure? Take(RuleKind kind, string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (rule.Kind != kind || !rule.Matches(method, path))
                {
                    continue;
                }

                rule.Remaining--;
                if (rule.Remaining == 0)
                {
                    _rules.RemoveAt(i);
                }

                return new InjectedFailure((HttpStatusCode)rule.Status, rule.Code, rule.Message, rule.RetryAfter);
            }

            return null;
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

internal sealed record InjectedFailure(HttpStatusCode Status, string Code, string Message, TimeSpan? RetryAfter);
