using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// Where a mailbox grain lives: spread evenly over the cluster's processes, the same answer on every process. Each
/// mailbox ranks the processes by a stable hash of (mailbox, process) — rendezvous hashing — and takes its best-ranked
/// process that still has room (at most ⌈mailboxes / processes⌉ each), the mailboxes taken in a stable hash order.
/// When a process dies only its mailboxes (and a few to even out the load) move; when one joins it takes its share.
/// Orleans' own strategies either place where the first call comes from (the first process to start took every
/// mailbox) or spread only new activations; this one is also what <see cref="MailboxGrain"/> checks after each pass
/// to move itself (grain migration) to the process it belongs to now.
/// </summary>
public sealed class MailboxSpread(IServiceProvider services)
{
    private readonly Lock _lock = new();
    private (string Silos, Dictionary<string, SiloAddress> Owners)? _last;

    /// <summary>The process (silo) the mailbox keyed <paramref name="key"/> belongs on, among <paramref name="silos"/> (not empty).</summary>
    public SiloAddress OwnerOf(string key, IReadOnlyCollection<SiloAddress> silos)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var sorted = silos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        var signature = string.Join(';', sorted.Select(s => s.ToParsableString()));
        Dictionary<string, SiloAddress> owners;
        lock (_lock)
        {
            if (_last is not { } last || last.Silos != signature)
            {
                _last = (signature, Assign(services.GetRequiredService<MailboxPasses>().Keys, sorted));
            }

            owners = _last.Value.Owners;
        }

        return owners.TryGetValue(key, out var owner) ? owner : Ranked(key, sorted)[0];
    }

    /// <summary>Bounded-load rendezvous hashing over every served mailbox: deterministic for a given set of keys and silos.</summary>
    internal static Dictionary<string, SiloAddress> Assign(IReadOnlyList<string> keys, IReadOnlyList<SiloAddress> silos)
    {
        var capacity = (keys.Count + silos.Count - 1) / Math.Max(1, silos.Count);
        var load = new Dictionary<SiloAddress, int>();
        var owners = new Dictionary<string, SiloAddress>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal).OrderBy(Hash).ThenBy(k => k, StringComparer.Ordinal))
        {
            var owner = Ranked(key, silos).First(s => load.GetValueOrDefault(s) < capacity);
            load[owner] = load.GetValueOrDefault(owner) + 1;
            owners[key] = owner;
        }

        return owners;
    }

    private static SiloAddress[] Ranked(string key, IReadOnlyList<SiloAddress> silos) =>
        [.. silos.OrderByDescending(s => Hash(key + "\n" + s.ToParsableString())).ThenBy(s => s.ToParsableString(), StringComparer.Ordinal)];

    /// <summary>FNV-1a, 64 bits: stable across processes and runs (string.GetHashCode is not).</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

/// <summary>The placement strategy of <see cref="MailboxGrain"/>: <see cref="MailboxSpread"/>.</summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class MailboxSpreadPlacement : PlacementStrategy;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class MailboxSpreadPlacementAttribute() : PlacementAttribute(new MailboxSpreadPlacement());

/// <summary>Places a mailbox grain on its <see cref="MailboxSpread"/> owner among the compatible silos; a migrating grain's hint wins when it names one of them.</summary>
internal sealed class MailboxSpreadDirector(MailboxSpread spread) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hinted)
        {
            return Task.FromResult(hinted);
        }

        return Task.FromResult(spread.OwnerOf(target.GrainIdentity.Key.ToString()!, silos));
    }
}
