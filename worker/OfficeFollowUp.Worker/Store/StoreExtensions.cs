using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.Store;

public static class StoreExtensions
{
    public static WebApplicationBuilder AddStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StoreOptions, StoreOptionsValidator>(builder.Configuration, StoreOptions.Section);
        builder.Services.AddSingleton<Database>();
        // One repository per aggregate; all the product's SQL is in them.
        builder.Services.AddSingleton<MailboxStore>();
        builder.Services.AddSingleton<SyncStateStore>();
        builder.Services.AddSingleton<ContactStore>();
        builder.Services.AddSingleton<PeopleStore>();
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<FollowUpStore>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<ReferralStore>();
        builder.Services.AddSingleton<PromiseStore>();
        builder.Services.AddSingleton<KeepInTouchStore>();
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddHostedService<SecureDataFolder>();
        builder.Services.AddHostedService<MigrateStore>();
        return builder;
    }

    /// <summary>Applies migrations before anything else starts (hosted services start in registration order).</summary>
    private sealed class MigrateStore(Database database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
