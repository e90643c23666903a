using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.Sync;

public static class SyncExtensions
{
    public static WebApplicationBuilder AddContactSync(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SyncOptions, SyncOptionsValidator>(builder.Configuration, SyncOptions.Section);
        builder.Services.AddSingleton<SaveContactsPage>();
        builder.Services.AddSingleton<RemoveMissingContacts>();
        builder.Services.AddSingleton<DeltaRound>();
        builder.Services.AddSingleton<SyncContactFolder>();
        builder.Services.AddSingleton<SyncMailbox>();
        builder.Services.AddSingleton<SyncApplicationMailboxes>();
        builder.Services.AddHostedService<SyncWorker>();
        return builder;
    }
}
