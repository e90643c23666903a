namespace OfficeFollowUp.Store;

/// <summary>Applies migrations before anything else starts (hosted services start in registration order).</summary>
internal sealed class MigrateStore(Database database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
