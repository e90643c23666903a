using Orleans.Concurrency;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// One mailbox's work (sync, detection, outbox) in one place in the cluster: Orleans keeps at most one activation per
/// key, so a mailbox is worked by exactly one process at a time, and its reminder brings it back on a surviving
/// process when that one dies. Keyed by <see cref="MailboxPasses"/>' keys: a configured mailbox (application mode)
/// or <see cref="MailboxPasses.SignedInKey"/>.
/// </summary>
public interface IMailboxGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain: its reminder is set and its first pass runs at once.</summary>
    Task StartAsync();

    /// <summary>Runs the next pass now, or right after the one in progress. One-way: the caller (a notification, a user action) never waits for a pass.</summary>
    [OneWay]
    Task WakeAsync();

    /// <summary>Where the activation lives and how many passes it ran; answered between passes' awaits.</summary>
    [AlwaysInterleave]
    Task<MailboxGrainStatus> StatusAsync();
}

/// <summary>The process an activation lives on (its silo and operating-system process id) and the passes it finished.</summary>
[GenerateSerializer, Immutable]
public sealed record MailboxGrainStatus(
    [property: Id(0)] string Silo,
    [property: Id(1)] int ProcessId,
    [property: Id(2)] int Passes,
    [property: Id(3)] string? MailboxId);
