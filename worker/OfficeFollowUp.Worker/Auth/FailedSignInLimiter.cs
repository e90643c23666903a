using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Auth;

/// <summary>
/// Failed authentication, per client address: after <see cref="ApiSecurityOptions.FailedSignInLimit"/>
/// refused requests (401) inside <see cref="ApiSecurityOptions.FailedSignInWindow"/>, counted from the
/// first of them, every /api request from that address gets 429 with Retry-After until the window ends —
/// with the right key too, so a loop that guesses keys learns nothing and costs nothing more.
/// Failures are logged as one summary line per <see cref="ApiSecurityOptions.FailedSignInLogInterval"/>
/// with counts, never one line per failure and never the key, token or address.
/// IPv6 clients are counted per /64 (one host usually has the whole prefix).
/// </summary>
public sealed partial class FailedSignInLimiter : IDisposable
{
    /// <summary>More addresses than this are not tracked one by one (memory stays bounded); their failures still count in the summary.</summary>
    internal const int MaxTrackedAddresses = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _addresses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failingSinceSummary = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ApiSecurityOptions _options;
    private readonly ILogger<FailedSignInLimiter> _logger;
    private readonly ITimer _summary;
    private int _failures;
    private int _throttled;
    private int _refused;

    public FailedSignInLimiter(IOptions<ApiSecurityOptions> options, TimeProvider time, ILogger<FailedSignInLimiter> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _summary = time.CreateTimer(_ => Summarize(), null, _options.FailedSignInLogInterval, _options.FailedSignInLogInterval);
    }

    /// <summary>The partition a request is counted in: its IPv4 address, or its IPv6 /64.</summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>True while the partition is throttled, with how long until its window ends.</summary>
    public bool IsThrottled(string partition, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            retryAfter = TimeSpan.Zero;
            if (!_addresses.TryGetValue(partition, out var entry) || entry.Failures < _options.FailedSignInLimit)
            {
                return false;
            }

            var left = entry.WindowStart + _options.FailedSignInWindow - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            retryAfter = left;
            _refused++;
            return true;
        }
    }

    public void RecordFailure(string partition)
    {
        lock (_gate)
        {
            _failures++;
            var now = _time.GetUtcNow();
            if (!_addresses.TryGetValue(partition, out var entry))
            {
                if (_addresses.Count >= MaxTrackedAddresses)
                {
                    RemoveExpired(now);
                    if (_addresses.Count >= MaxTrackedAddresses)
                    {
                        return;
                    }
                }
                entry = new Entry(now);
                _addresses[partition] = entry;
            }
            else if (now >= entry.WindowStart + _options.FailedSignInWindow)
            {
                entry.WindowStart = now;
                entry.Failures = 0;
            }

            entry.Failures++;
            if (_failingSinceSummary.Count < MaxTrackedAddresses)
            {
                _failingSinceSummary.Add(partition);
            }
            if (entry.Failures == _options.FailedSignInLimit)
            {
                _throttled++;
            }
        }
    }

    /// <summary>One line for everything since the last one; silent when nothing failed.</summary>
    internal void Summarize()
    {
        int failures, addresses, throttled, refused;
        lock (_gate)
        {
            (failures, addresses, throttled, refused) = (_failures, _failingSinceSummary.Count, _throttled, _refused);
            (_failures, _throttled, _refused) = (0, 0, 0);
            _failingSinceSummary.Clear();
            RemoveExpired(_time.GetUtcNow());
        }

        if (failures > 0 || refused > 0)
        {
            FailedSignIns(_logger, failures, addresses, throttled, refused, _options.FailedSignInLogInterval);
        }
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, entry) in _addresses)
        {
            if (now >= entry.WindowStart + _options.FailedSignInWindow)
            {
                _addresses.Remove(key);
            }
        }
    }

    public void Dispose() => _summary.Dispose();

    [LoggerMessage(1401, LogLevel.Warning,
        "Refused sign-ins in the last {Interval}: {Failures} failed from {Addresses} client address(es); {Throttled} address(es) newly throttled; {Refused} request(s) answered 429 while throttled.")]
    private static partial void FailedSignIns(ILogger logger, int failures, int addresses, int throttled, int refused, TimeSpan interval);

    private sealed class Entry(DateTimeOffset windowStart)
    {
        public DateTimeOffset WindowStart { get; set; } = windowStart;

        public int Failures { get; set; }
    }
}

public static class FailedSignInLimiterExtensions
{
    /// <summary>Before authentication: a throttled address is refused without its credentials being looked at; after the response, a 401 counts.</summary>
    public static IApplicationBuilder UseFailedSignInLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var limiter = context.RequestServices.GetRequiredService<FailedSignInLimiter>();
        var partition = FailedSignInLimiter.PartitionOf(context.Connection.RemoteIpAddress);
        if (limiter.IsThrottled(partition, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many failed sign-ins",
                    Detail = $"Too many requests from this address were refused for a wrong pairing key or token. Try again in {seconds} s.",
                },
            });
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            limiter.RecordFailure(partition);
        }
    });
}
