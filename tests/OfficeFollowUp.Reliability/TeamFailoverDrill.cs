using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OfficeFollowUp.Cluster;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace OfficeFollowUp.Reliability;

/// <summary>
/// Team mode: two real worker processes in one Orleans cluster (Redis membership, reminders and grain directory) on
/// one PostgreSQL store, serving several sandbox mailboxes in application mode. Each mailbox's grain lives on exactly
/// one process; every new contact gets exactly one draft; after SIGKILL of one process its mailboxes resume on the
/// other within the failure-detection time (short probes here), and no draft is made twice.
/// </summary>
public sealed class TeamFailoverDrill(ITestOutputHelper output)
{
    private const int MailboxCount = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_killed_process_s_mailboxes_resume_on_the_other_with_every_draft_exactly_once()
    {
        var clock = Stopwatch.StartNew();
        var tenant = new SandboxTenant(TimeProvider.System);
        var mailboxes = tenant.SeedMailboxes(MailboxCount, contactsEach: 3);
        await using var server = await SandboxServer.StartAsync(tenant);
        var store = await TeamServers.NewDatabaseAsync();
        var redis = TeamServers.RedisConnectionString;
        var clusterId = "ofu-drill-" + Guid.NewGuid().ToString("N")[..8];
        var folders = new List<string>();
        await using var team = new Team();

        string[] Args(int gatewayPort)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ofu-drills", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            folders.Add(folder);
            return
            [
                "--urls=http://127.0.0.1:0",
                $"--Storage:DataFolder={folder}",
                "--Storage:Provider=PostgreSQL",
                $"--Storage:ConnectionString={store}",
                "--Mailbox:Mode=Application",
                $"--Mailbox:GraphBaseUrl={server.BaseUrl}",
                .. mailboxes.Select((m, i) => $"--Mailbox:Mailboxes:{i}={m.User.UserPrincipalName}"),
                "--Sync:PollInterval=00:00:00.500",
                // The drills count one hold per new acquaintance, made exactly once: they ask for holds as tracks start, unpaced.
                "--Calendar:HoldAfter=TrackStart",
                "--Calendar:MaxHoldsPerDay=20",
                "--Calendar:MaxHoldsPerWeek=100",
                "--Cluster:Mode=Redis",
                $"--Cluster:RedisConnectionString={redis}",
                $"--Cluster:ClusterId={clusterId}",
                $"--Cluster:ServiceId={clusterId}",
                $"--Cluster:GatewayPort={gatewayPort}",
                "--Cluster:ProbeTimeout=00:00:02",
                "--Cluster:MissedProbesLimit=2",
                "--Cluster:ReminderPeriod=00:00:02",
                "--Api:RequestsPerMinute=100000",
                "--TaskPane:DistFolder=/nonexistent-in-drills",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
                "--Logging:LogLevel:OfficeFollowUp.Cluster=Information",
                "--Logging:LogLevel:Orleans.Runtime.MembershipService=Information",
                "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
            ];
        }

        try
        {
            // One after the other: the first migrates the shared store, the second joins its cluster.
            var first = await team.StartAsync(Args(FreePort()));
            var second = await team.StartAsync(Args(FreePort()));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: processes {first.ProcessId} and {second.ProcessId} started");
            await WaitAsync("every mailbox baselined", async () => await BaselinedAsync(store) == MailboxCount, team);

            // An outside Orleans client of the same cluster: asks each grain where it lives.
            using var client = await ClientAsync(redis, clusterId);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var keys = mailboxes.Select(m => m.User.UserPrincipalName).ToList();

            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)))
            {
                mailbox.AddContact(new SandboxContactSeed($"First{i}", "Arrival", [$"first{i}@arrivals.example"], null));
            }

            await WaitAsync("one draft per mailbox", () => Task.FromResult(mailboxes.All(m => m.Drafts.Count >= 1)), team);
            var before = await WhereAsync(grains, keys);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: grains per process: {Describe(before)}; activations logged: {first.GrainActivations} + {second.GrainActivations}");
            Assert.All(before.Values, pid => Assert.Contains(pid, new[] { first.ProcessId, second.ProcessId }));
            Assert.Equal(MailboxCount, first.GrainActivations + second.GrainActivations);
            Assert.All(mailboxes, m => Assert.Single(m.Drafts));

            // SIGKILL the process holding the most mailboxes, then new contacts arrive for every mailbox.
            var victim = before.Values.GroupBy(p => p).OrderByDescending(g => g.Count()).First().Key == first.ProcessId ? first : second;
            var survivor = victim == first ? second : first;
            var moved = before.Where(kv => kv.Value == victim.ProcessId).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            await victim.KillHardAsync();
            var killedAt = clock.Elapsed;
            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)))
            {
                mailbox.AddContact(new SandboxContactSeed($"Second{i}", "Arrival", [$"second{i}@arrivals.example"], null));
            }

            await WaitAsync("a second draft per mailbox after the kill", () => Task.FromResult(mailboxes.All(m => m.Drafts.Count >= 2)), team);
            var resumed = clock.Elapsed - killedAt;
            var after = await WhereAsync(grains, keys);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {victim.ProcessId} holding {moved.Count} mailbox(es); every mailbox had its new draft {resumed.TotalSeconds:0.0} s after the kill; grains now: {Describe(after)}");

            Assert.NotEmpty(moved);
            Assert.All(after.Values, pid => Assert.Equal(survivor.ProcessId, pid));
            Assert.True(resumed < TimeSpan.FromSeconds(60), $"resumed after {resumed.TotalSeconds:0.0} s");
            await Task.Delay(TimeSpan.FromSeconds(2));
            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)))
            {
                var recipients = mailbox.Drafts.Select(d => Assert.Single(d.ToRecipients).Address).Order(StringComparer.Ordinal).ToList();
                Assert.Equal([$"first{i}@arrivals.example", $"second{i}@arrivals.example"], recipients);
            }

            Assert.All(mailboxes, m => Assert.Equal(0, m.InvitationsSent));
        }
        finally
        {
            await team.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            foreach (var folder in folders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is harmless.
                }
            }
        }

        async Task WaitAsync(string what, Func<Task<bool>> done, Team running)
        {
            var waited = Stopwatch.StartNew();
            while (!await done())
            {
                Assert.True(waited.Elapsed < Patience, $"Not reached in {Patience.TotalSeconds:0} s: {what}.\n{running.RecentOutput}");
                await Task.Delay(200);
            }
        }
    }

    private static async Task<int> BaselinedAsync(string store)
    {
        try
        {
            await using var connection = new NpgsqlConnection(store);
            return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM mailboxes WHERE baselined_at IS NOT NULL");
        }
        catch (PostgresException)
        {
            return 0; // not migrated yet
        }
    }

    private static async Task<Dictionary<string, int>> WhereAsync(IClusterClient grains, IReadOnlyList<string> keys)
    {
        var where = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            where[key] = (await grains.GetGrain<IMailboxGrain>(key).StatusAsync()).ProcessId;
        }

        return where;
    }

    private static string Describe(Dictionary<string, int> where) =>
        string.Join(", ", where.Values.GroupBy(p => p).Select(g => $"pid {g.Key}: {g.Count()}"));

    private static async Task<IHost> ClientAsync(string redis, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c =>
        {
            c.UseRedisClustering(redis);
            c.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The team's processes, stopped by their process ids whatever happens.</summary>
    private sealed class Team : IAsyncDisposable
    {
        private readonly List<WorkerProcess> _processes = [];

        public string RecentOutput => string.Join("\n---\n", _processes.Select(p => $"[pid {p.ProcessId}]\n{p.RecentOutput}"));

        public async Task<WorkerProcess> StartAsync(string[] args)
        {
            var process = await WorkerProcess.StartAsync(args, TimeSpan.FromSeconds(180));
            _processes.Add(process);
            return process;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in _processes)
            {
                await process.DisposeAsync();
            }

            _processes.Clear();
        }
    }
}
