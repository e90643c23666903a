using Microsoft.Extensions.Options;
using Microsoft.Graph;
using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.Mailbox;

public static class MailboxExtensions
{
    public static WebApplicationBuilder AddMailbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<MailboxOptions, MailboxOptionsValidator>(builder.Configuration, MailboxOptions.Section);
        builder.Services.AddSingleton<MailboxEndpoint>();
        builder.Services.AddSingleton<MailboxClientFactory>();
        builder.Services.AddSingleton<MailboxReader>();
        builder.Services.AddSingleton<TaggedItems>();
        builder.Services.AddSingleton<DraftWriter>();
        builder.Services.AddSingleton<CalendarReader>();
        builder.Services.AddSingleton<HoldWriter>();
        builder.Services.AddHostedService<UseConfiguredGraph>();
        return builder;
    }

    /// <summary>With a tenant configured (or a loopback Graph given), Graph's address is known at start.</summary>
    private sealed class UseConfiguredGraph(IOptions<MailboxOptions> options, MailboxEndpoint endpoint) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!options.Value.UsesSandbox)
            {
                endpoint.Set(new Uri(options.Value.GraphBaseUrl));
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
