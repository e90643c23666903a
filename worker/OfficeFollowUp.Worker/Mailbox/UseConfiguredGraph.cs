using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Mailbox;

/// <summary>With a tenant configured (or a loopback Graph given), Graph's address is known at start.</summary>
internal sealed class UseConfiguredGraph(IOptions<MailboxOptions> options, MailboxEndpoint endpoint) : IHostedService
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
