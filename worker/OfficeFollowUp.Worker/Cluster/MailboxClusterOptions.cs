using FluentValidation;

namespace OfficeFollowUp.Cluster;

/// <summary>How the worker's processes find each other (section <c>Cluster</c>).</summary>
public enum ClusterMode
{
    /// <summary>One process on its own (the default): Orleans in-process, localhost clustering, in-memory reminders, no server.</summary>
    Localhost,

    /// <summary>A team: several processes form one cluster through Redis (membership, reminders, grain directory) on one PostgreSQL store.</summary>
    Redis,
}

/// <summary>
/// The Orleans cluster the mailbox grains live in. In Localhost mode nothing outside the process is used and the silo
/// port is picked free at start (so several workers, or several test hosts, never clash); in Redis mode every process
/// of the team names the same Redis, cluster id and service id.
/// </summary>
public sealed class MailboxClusterOptions
{
    public const string Section = "Cluster";

    public ClusterMode Mode { get; set; } = ClusterMode.Localhost;

    /// <summary>Redis mode: a StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>redis.example:6380,password=…,ssl=true</c>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>The cluster's name: processes with the same ClusterId (and ServiceId) join each other.</summary>
    public string ClusterId { get; set; } = "officefollowup";

    /// <summary>The service's name; keys the reminders in Redis, so keep it across deployments.</summary>
    public string ServiceId { get; set; } = "officefollowup";

    /// <summary>Silo-to-silo port. 0 (the default) picks a free port at start; a team behind firewalls sets a fixed one per process.</summary>
    public int SiloPort { get; set; }

    /// <summary>Port for Orleans clients outside the worker. 0 (the default): no gateway, nothing outside the worker calls grains.</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other processes reach this one at; loopback by default (all processes on one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How often a mailbox grain's reminder fires: it re-activates the grain on a surviving process after one died.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Redis mode: how long a silent process is probed before the others declare it dead (Orleans' ProbeTimeout).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Redis mode: missed probes before a process is voted dead (Orleans' NumMissedProbesLimit).</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>Set from Storage:Provider after binding: team mode needs the shared PostgreSQL store.</summary>
    internal bool StoreIsShared { get; set; }
}

public sealed class MailboxClusterOptionsValidator : AbstractValidator<MailboxClusterOptions>
{
    public MailboxClusterOptionsValidator()
    {
        RuleFor(o => o.SiloPort).InclusiveBetween(0, 65535).WithName("Cluster:SiloPort");
        RuleFor(o => o.GatewayPort).InclusiveBetween(0, 65535).WithName("Cluster:GatewayPort");
        RuleFor(o => o.GatewayPort).Must((o, p) => p == 0 || p != o.SiloPort).WithName("Cluster:GatewayPort")
            .WithMessage("Cluster:GatewayPort must differ from Cluster:SiloPort.");
        RuleFor(o => o.AdvertisedAddress).Must(a => System.Net.IPAddress.TryParse(a, out _)).WithName("Cluster:AdvertisedAddress")
            .WithMessage("Cluster:AdvertisedAddress must be an IP address the other processes can reach (127.0.0.1 when they all run on this machine).");
        RuleFor(o => o.ReminderPeriod).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)).WithName("Cluster:ReminderPeriod");
        RuleFor(o => o.ProbeTimeout).InclusiveBetween(TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1)).WithName("Cluster:ProbeTimeout");
        RuleFor(o => o.MissedProbesLimit).InclusiveBetween(1, 10).WithName("Cluster:MissedProbesLimit");
        When(o => o.Mode == ClusterMode.Redis, () =>
        {
            RuleFor(o => o.RedisConnectionString).NotEmpty().WithName("Cluster:RedisConnectionString")
                .WithMessage("Cluster:RedisConnectionString is required when Cluster:Mode is Redis (e.g. 127.0.0.1:6379).");
            RuleFor(o => o.ClusterId).NotEmpty().WithName("Cluster:ClusterId");
            RuleFor(o => o.ServiceId).NotEmpty().WithName("Cluster:ServiceId");
            RuleFor(o => o.StoreIsShared).Equal(true).WithName("Cluster:Mode")
                .WithMessage("Cluster:Mode Redis runs several processes on one store: set Storage:Provider to PostgreSQL (SQLite is one file for one process).");
        });
    }
}
