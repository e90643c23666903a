using Microsoft.Extensions.Options;
using OfficeFollowUp.Sync;
using Orleans.Runtime.Placement;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// A mailbox's passes on a grain timer: the first at activation, then one per poll interval (the long safety interval
/// while its change notifications are healthy) or at once on a wake. Timer callbacks do not interleave with calls, so
/// a wake during a pass waits for it and then runs the next one, as <see cref="MailboxWakeups"/> promised before.
/// The reminder fires every <see cref="MailboxClusterOptions.ReminderPeriod"/>: after its process died it activates
/// the grain on a surviving one, which resumes the passes there. Placed by <see cref="MailboxSpread"/>; after each pass
/// the grain checks it is still on the process the spread names for it (a process joined or left since) and, if not,
/// migrates there once idle.
/// </summary>
[MailboxSpreadPlacement]
internal sealed class MailboxGrain(
    MailboxPasses passes,
    MailboxWakeups wakeups,
    IOptions<SyncOptions> sync,
    IOptions<MailboxClusterOptions> cluster,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    MailboxSpread spread,
    ILogger<MailboxGrain> logger) : Grain, IMailboxGrain, IRemindable
{
    private const string KeepAlive = "keep-alive";

    private IGrainTimer? _timer;
    private string? _mailboxId;
    private int _passes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = cluster.Value.ReminderPeriod;
        await this.RegisterOrUpdateReminder(KeepAlive, period, period);
        _timer = this.RegisterGrainTimer(RunPassAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        ClusterTrace.MailboxActivated(logger, silo.SiloAddress.ToString());
    }

    public Task StartAsync() => Task.CompletedTask;

    public Task WakeAsync()
    {
        _timer?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task<MailboxGrainStatus> StatusAsync() =>
        Task.FromResult(new MailboxGrainStatus(silo.SiloAddress.ToString(), Environment.ProcessId, _passes, _mailboxId));

    // Keeps the grain activated (the activation's timer runs the passes), and moves it to the process it belongs on when
    // one joined since: with healthy notifications the next pass may be the safety interval away.
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (MoveTo() is { } owner)
        {
            ClusterTrace.MailboxMoving(logger, silo.SiloAddress.ToString(), owner.ToString());
            RequestContext.Set(IPlacementDirector.PlacementHintKey, owner);
            this.MigrateOnIdle();
        }

        return Task.CompletedTask;
    }

    private async Task RunPassAsync(CancellationToken ct)
    {
        try
        {
            _mailboxId = (await passes.RunOnceAsync(this.GetPrimaryKeyString(), ct)).MailboxId ?? _mailboxId;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // A bug in one pass must not end the mailbox's passes; it is logged (no personal data) and the next pass runs.
            SyncTrace.RoundFailed(logger, ex);
        }

        _passes++;
        if (MoveTo() is { } owner)
        {
            // The timer stays stopped: the activation on the owner runs the next pass at once.
            ClusterTrace.MailboxMoving(logger, silo.SiloAddress.ToString(), owner.ToString());
            RequestContext.Set(IPlacementDirector.PlacementHintKey, owner);
            this.MigrateOnIdle();
            return;
        }

        var next = _mailboxId is null ? sync.Value.PollInterval : wakeups.PollInterval(_mailboxId);
        _timer?.Change(next, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The active process this mailbox belongs on now, when that is not this one.</summary>
    private SiloAddress? MoveTo()
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();
        if (active.Count < 2 || !active.Contains(silo.SiloAddress))
        {
            return null;
        }

        var owner = spread.OwnerOf(this.GetPrimaryKeyString(), active);
        return owner.Equals(silo.SiloAddress) ? null : owner;
    }
}
