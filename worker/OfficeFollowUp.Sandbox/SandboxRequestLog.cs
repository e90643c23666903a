using System.Collections.Concurrent;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Counts the requests the sandbox received, by "METHOD /route/{template}", so tests and the benchmark
/// can assert how many Graph calls a piece of work costs (an idle contacts poll is one request per folder).
/// </summary>
public sealed class SandboxRequestLog
{
    private readonly ConcurrentDictionary<string, int> _byRoute = new(StringComparer.Ordinal);
    private int _total;
    private int _withoutImmutableId;
    private int _inFlight;
    private int _peakInFlight;

    public int Total => Volatile.Read(ref _total);

    /// <summary>The most requests being answered at the same moment since the last <see cref="Reset"/> (Graph allows 4 per mailbox).</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Requests that did not carry <c>Prefer: IdType="ImmutableId"</c>.</summary>
    public int WithoutImmutableIdPreference => Volatile.Read(ref _withoutImmutableId);

    /// <summary>Requests for one key such as <c>GET /me/contactFolders/{id}/contacts/delta</c>.</summary>
    public int Count(string methodAndRoute) => _byRoute.TryGetValue(methodAndRoute, out var count) ? count : 0;

    public SandboxRequestLogSnapshot Snapshot() =>
        new(Total, WithoutImmutableIdPreference, new Dictionary<string, int>(_byRoute, StringComparer.Ordinal));

    public void Reset()
    {
        _byRoute.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _withoutImmutableId, 0);
        Interlocked.Exchange(ref _peakInFlight, Volatile.Read(ref _inFlight));
    }

    internal void Started()
    {
        var now = Interlocked.Increment(ref _inFlight);
        var peak = Volatile.Read(ref _peakInFlight);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInFlight, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    internal void Finished() => Interlocked.Decrement(ref _inFlight);

    internal void Record(string methodAndRoute, bool hadImmutableIdPreference)
    {
        _byRoute.AddOrUpdate(methodAndRoute, 1, static (_, count) => count + 1);
        Interlocked.Increment(ref _total);
        if (!hadImmutableIdPreference)
        {
            Interlocked.Increment(ref _withoutImmutableId);
        }
    }
}

public sealed record SandboxRequestLogSnapshot(int Total, int WithoutImmutableIdPreference, IReadOnlyDictionary<string, int> ByRoute);
