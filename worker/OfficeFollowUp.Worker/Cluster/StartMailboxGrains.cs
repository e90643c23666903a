using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// At start, once Graph's address is known, activates every served mailbox's grain (in a team every process does:
/// Orleans keeps one activation per mailbox in the whole cluster, the others' calls reach it). From then on the grains
/// run themselves: their timers poll, their reminders bring them back after a process dies.
/// </summary>
internal sealed class StartMailboxGrains(
    IGrainFactory grains,
    MailboxPasses passes,
    MailboxEndpoint endpoint,
    IOptions<SyncOptions> sync,
    IOptions<MailboxClusterOptions> cluster,
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

        // A team: every reminder period, every process starts every grain again (a no-op for a live activation), so a
        // dead process's mailboxes come back on the survivors even when a reminder does not fire for them.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(cluster.Value.ReminderPeriod, time, stoppingToken);
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
    }
}
