using Microsoft.Extensions.Options;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// Where <see cref="MailboxWakeups.Wake"/> goes: to the mailbox's grain, through a grain call, so it reaches the
/// process that owns the activation whichever process received the notification or the user's action.
/// </summary>
public sealed class RouteWakesToGrains(IServiceProvider services, IOptions<SyncOptions> sync, ILogger<RouteWakesToGrains> logger)
{
    public void Wake(string mailboxId)
    {
        if (!sync.Value.Enabled)
        {
            return;
        }

        _ = WakeAsync(mailboxId);
    }

    private async Task WakeAsync(string mailboxId)
    {
        try
        {
            // Resolved at the wake, not at construction: the passes need the wakeups (notifications set their poll
            // interval), and the wakeups route through here, so taking the passes in the constructor made a cycle.
            var key = await services.GetRequiredService<MailboxPasses>().KeyForAsync(mailboxId, CancellationToken.None);
            if (key is null)
            {
                ClusterTrace.WakeForUnknownMailbox(logger);
                return;
            }

            await services.GetRequiredService<IGrainFactory>().GetGrain<IMailboxGrain>(key).WakeAsync();
        }
        catch (Exception ex)
        {
            // A lost wake costs at most one poll interval (the safety poll's, 30 minutes by default, while notifications are
            // healthy): the grain's timer runs the pass anyway.
            ClusterTrace.WakeFailed(logger, ex);
        }
    }
}
