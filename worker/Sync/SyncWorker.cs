using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Sync;

/// <summary>The background loop: waits for the mailbox endpoint, then one pass per poll interval.</summary>
public sealed class SyncWorker(
    SyncMailbox sync,
    MailboxEndpoint endpoint,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await endpoint.WhenReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sync.RunOnceAsync(stoppingToken);
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

            await Task.Delay(options.Value.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
