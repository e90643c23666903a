using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Hosting;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;
using Orleans.Configuration;
using StackExchange.Redis;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// The Orleans silo inside the worker process. Localhost (the default): in-process membership, in-memory reminders,
/// a free silo port, no gateway, nothing to install. Redis: membership, reminders and the grain directory in Redis, so
/// several processes form one cluster and a dead one's mailboxes move to the others.
/// </summary>
internal static class ClusterHosting
{
    public static WebApplicationBuilder AddMailboxCluster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<MailboxClusterOptions, MailboxClusterOptionsValidator>(builder.Configuration, MailboxClusterOptions.Section);
        services.AddOptions<MailboxClusterOptions>().PostConfigure<IOptions<StoreOptions>>((c, s) => c.StoreIsShared = s.Value.IsPostgreSql);

        // The silo's shape is decided now, before the container exists; a bad setting still stops the start with the
        // validator's message (options are validated before any hosted service, the silo included, starts).
        var settings = builder.Configuration.GetSection(MailboxClusterOptions.Section).Get<MailboxClusterOptions>() ?? new MailboxClusterOptions();
        // Out-of-range values are left to the validator's message: Orleans would fail earlier on them, with none.
        var siloPort = settings.SiloPort is > 0 and <= IPEndPoint.MaxPort ? settings.SiloPort : FreeLoopbackPort();
        var gatewayPort = settings.GatewayPort is > 0 and <= IPEndPoint.MaxPort && settings.GatewayPort != siloPort ? settings.GatewayPort : 0;
        var address = IPAddress.TryParse(settings.AdvertisedAddress, out var parsed) ? parsed : IPAddress.Loopback;
        var redis = settings.Mode == ClusterMode.Redis && !string.IsNullOrWhiteSpace(settings.RedisConnectionString)
            ? settings.RedisConnectionString
            : null;

        services.AddSingleton<MailboxPasses>();
        services.AddSingleton<MailboxSpread>();
        services.AddSingleton<RouteWakesToGrains>();
        services.AddSingleton(sp => new MailboxWakeups(
            sp.GetRequiredService<IOptions<SyncOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RouteWakesToGrains>().Wake));
        if (!builder.Configuration.GetValue(SyncOptions.Section + ":" + nameof(SyncOptions.Enabled), true))
        {
            // No background passes (tests that drive passes themselves): no silo either, which saves its start (~0.4 s).
            return builder;
        }

        builder.UseOrleans(silo =>
        {
            if (redis is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                silo.UseInMemoryReminderService();
            }
            else
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
                silo.Configure<EndpointOptions>(o =>
                {
                    o.AdvertisedIPAddress = address;
                    o.SiloPort = siloPort;
                    o.GatewayPort = gatewayPort;
                });
                silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                silo.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                silo.UseRedisGrainDirectoryAsDefault(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = settings.ProbeTimeout;
                    o.NumMissedProbesLimit = settings.MissedProbesLimit;
                });
            }

            silo.AddPlacementDirector<MailboxSpreadPlacement, MailboxSpreadDirector>();
            silo.Configure<ReminderOptions>(o =>
            {
                if (settings.ReminderPeriod < o.MinimumReminderPeriod)
                {
                    o.MinimumReminderPeriod = settings.ReminderPeriod;
                }
            });
        });

        services.AddHostedService<StartMailboxGrains>();
        return builder;
    }

    /// <summary>
    /// A port free on loopback now; the silo binds it a moment later (Localhost mode and tests). It is drawn at random
    /// below the kernel's ephemeral range: a port from that range (what binding port 0 gives) can be handed to any
    /// outgoing connection on the machine between this probe and the silo's bind, and was ("Address already in use" while
    /// browser tests started several workers at once); a port below it can only clash with another process drawing the same one.
    /// </summary>
    private static int FreeLoopbackPort()
    {
        const int Floor = 20000;
        var ceiling = Math.Min(EphemeralLow(), 32768);
        for (var attempt = 0; ceiling - Floor >= 1000 && attempt < 50; attempt++)
        {
            var port = RandomNumberGenerator.GetInt32(Floor, ceiling);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: draw again.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The low end of Linux's ephemeral port range (32768 by default; IANA's 49152 elsewhere).</summary>
    private static int EphemeralLow()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        try
        {
            return File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var low)
                ? low
                : 49152;
        }
        catch (IOException)
        {
            return 32768;
        }
    }
}
