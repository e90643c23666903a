using Microsoft.Extensions.Options;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// Where <see cref="MailboxWakeups.Wake"/> goes: to the mailbox's grain, through a grain call, so it reaches the
/// process that owns the activation whichever process received the notification or the user's action.
/// </summary>
public sealed class RouteWakesToGrains(IServiceProvider services, MailboxPasses passes, IOptions<SyncOptions> sync, ILogger<RouteWakesToGrains> logger)
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
            var key = await passes.KeyForAsync(mailboxId, CancellationToken.None);
            if (key is null)
            {
                ClusterTrace.WakeForUnknownMailbox(logger);
                return;
            }

            await services.GetRequiredService<IGrainFactory>().GetGrain<IMailboxGrain>(key).WakeAsync();
        }
        catch (Exception ex)
        {
            // A lost wake costs at most one poll interval: the grain's timer runs the pass anyway.
            ClusterTrace.WakeFailed(logger, ex);
        }
    }
}
