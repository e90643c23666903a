using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Sync;

/// <summary>The background loop: waits for the mailbox endpoint, then one pass per poll interval or wake (<see cref="MailboxWakeups"/>).</summary>
public sealed class SyncWorker(
    SyncMailbox sync,
    SyncApplicationMailboxes applicationMailboxes,
    MailboxEndpoint endpoint,
    MailboxWakeups wakeups,
    IOptions<SyncOptions> options,
    IOptions<MailboxOptions> mailboxOptions,
    ILogger<SyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await endpoint.WhenReady.WaitAsync(stoppingToken);
        if (mailboxOptions.Value.UsesApplicationPermissions)
        {
            // One loop per mailbox: a throttled or failing mailbox does not hold up the others.
            await Task.WhenAll(applicationMailboxes.Mailboxes.Select(m => LoopAsync(ct => applicationMailboxes.RunOnceAsync(m, ct), stoppingToken)));
            return;
        }

        await LoopAsync(sync.RunOnceAsync, stoppingToken);
    }

    private async Task LoopAsync(Func<CancellationToken, Task<MailboxRun>> runOnce, CancellationToken stoppingToken)
    {
        string? mailboxId = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                mailboxId = (await runOnce(stoppingToken)).MailboxId ?? mailboxId;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A bug in one pass must not end the worker; it is logged (no personal data) and the next pass runs.
                SyncTrace.RoundFailed(logger, ex);
            }

            await wakeups.WaitAsync(mailboxId, stoppingToken);
        }
    }
}
