namespace OfficeFollowUp.Store;

/// <summary>Applies migrations before anything else starts (hosted services start in registration order).</summary>
internal sealed class MigrateStore(Database database, OutboxStore outbox) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        if (!database.SharedByProcesses)
        {
            await outbox.ReleaseAllClaimsAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
