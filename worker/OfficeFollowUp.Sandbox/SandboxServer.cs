using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// A Microsoft-Graph-compatible HTTP endpoint on loopback, serving one <see cref="SandboxMailbox"/> or every mailbox of
/// a <see cref="SandboxTenant"/>, with change-notification <see cref="Subscriptions"/> over them.
/// Built on an empty WebApplication so the worker's appsettings (Kestrel endpoints, URLs) cannot leak in.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseUrl, SandboxSubscriptions subscriptions)
    {
        _app = app;
        BaseUrl = baseUrl;
        Subscriptions = subscriptions;
    }

    /// <summary>The change-notification subscriptions made through <c>/subscriptions</c>, and their faults and lifecycle events.</summary>
    public SandboxSubscriptions Subscriptions { get; }

    /// <summary>The Graph SDK's BaseUrl, e.g. <c>http://127.0.0.1:5123/v1.0</c>.</summary>
    public Uri BaseUrl { get; }

    public static Task<SandboxServer> StartAsync(SandboxMailbox mailbox, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return StartAsync(SandboxDirectory.For(mailbox), port, ct);
    }

    /// <summary>Serves every mailbox of <paramref name="tenant"/> at <c>/users/{id or upn}</c>, as to an app with application permissions.</summary>
    public static Task<SandboxServer> StartAsync(SandboxTenant tenant, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return StartAsync(SandboxDirectory.For(tenant), port, ct);
    }

    private static async Task<SandboxServer> StartAsync(SandboxDirectory directory, int port, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole();

        var app = builder.Build();
        var subscriptions = new SandboxSubscriptions(directory);
        var handler = new SandboxServerHandler(directory, subscriptions);
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var bound = new Uri(address);
        return new SandboxServer(app, new Uri($"http://127.0.0.1:{bound.Port}/v1.0"), subscriptions);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Subscriptions.DisposeAsync().ConfigureAwait(false);
    }
}
