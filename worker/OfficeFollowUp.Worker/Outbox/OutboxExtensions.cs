using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.Outbox;

public static class OutboxExtensions
{
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(builder.Configuration, OutboxOptions.Section);
        builder.Services.AddSingleton<WorkOutbox>();
        return builder;
    }
}
