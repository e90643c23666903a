using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// At start, once Graph's address is known, activates every served mailbox's grain (in a team every process does:
/// Orleans keeps one activation per mailbox in the whole cluster, the others' calls reach it). From then on the grains
/// run themselves: their timers poll, their reminders bring them back after a process dies. In a team this also starts
/// every grain again when a process is declared dead (its mailboxes resume at once, not at their reminders' next tick)
/// and every reminder period (the safety net).
/// </summary>
internal sealed class StartMailboxGrains(
    IGrainFactory grains,
    MailboxPasses passes,
    MailboxEndpoint endpoint,
    IOptions<SyncOptions> sync,
    IOptions<MailboxClusterOptions> cluster,
    IClusterMembershipService membership,
    TimeProvider time,
    ILogger<StartMailboxGrains> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sync.Value.Enabled)
        {
            return;
        }

        await endpoint.WhenReady.WaitAsync(stoppingToken);
        var pending = passes.Keys.ToList();
        while (pending.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            var failed = new List<string>();
            foreach (var key in pending)
            {
                try
                {
                    await grains.GetGrain<IMailboxGrain>(key).StartAsync().WaitAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The cluster may still be forming (a process joining); the reminder would also bring it up later.
                    ClusterTrace.StartFailed(logger, ex);
                    failed.Add(key);
                }
            }

            pending = failed;
            if (pending.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }

        if (cluster.Value.Mode != ClusterMode.Redis)
        {
            return;
        }

        // A team. A dead process's mailboxes come back through their reminders, but only at each reminder's next tick,
        // which keeps the phase of its registration: anywhere up to Cluster:ReminderPeriod after the death is detected.
        // So every process also starts every grain again (a no-op for a live activation) as soon as it learns that a
        // process died, and every Cluster:ReminderPeriod in any case, as the safety net for a reminder that does not fire.
        using var died = new SemaphoreSlim(0);
        var watching = WatchForDeathsAsync(died, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                await Task.WhenAny(Task.Delay(cluster.Value.ReminderPeriod, time, wait.Token), died.WaitAsync(wait.Token));
                await wait.CancelAsync();
            }

            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            while (died.Wait(0))
            {
                // One sweep covers every death noticed so far.
            }

            await Task.WhenAll(passes.Keys.Select(async key =>
            {
                try
                {
                    await grains.GetGrain<IMailboxGrain>(key).StartAsync().WaitAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ClusterTrace.StartFailed(logger, ex);
                }
            }));
        }

        await watching;
    }

    /// <summary>Releases <paramref name="died"/> each time this process learns that another one was declared dead.</summary>
    private async Task WatchForDeathsAsync(SemaphoreSlim died, CancellationToken ct)
    {
        try
        {
            var previous = membership.CurrentSnapshot;
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(ct))
            {
                if (snapshot.Members.Values.Any(m => m.Status == SiloStatus.Dead && previous.GetSiloStatus(m.SiloAddress) != SiloStatus.Dead))
                {
                    ClusterTrace.ProcessDied(logger);
                    died.Release();
                }

                previous = snapshot;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
