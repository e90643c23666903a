using System.Net.Sockets;
using System.Text;
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
/// Team mode: three real worker processes in one Orleans cluster (Redis membership, reminders and grain directory) on
/// one PostgreSQL store, serving many sandbox mailboxes in application mode. The mailboxes spread over the three
/// processes (each grain lives on exactly one); every new contact gets exactly one draft; after SIGKILL of one
/// process its mailboxes resume on the other two within the failure-detection time (short probes here), and no draft
/// is made twice or lost. Prints the failover time and the mailboxes per process in the drill figures.
/// </summary>
public sealed class TeamFailoverDrill(ITestOutputHelper output)
{
    private const int Processes = 3;
    private const int ProbeSeconds = 2;
    private const int MissedProbes = 2;
    // The default: a mailbox must not wait for its reminder's next tick (up to this long) to resume.
    private const int ReminderSeconds = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    // What the cluster needs to notice a dead process and bring its mailboxes back: the probes that must go unanswered,
    // one more probe period for the vote, and a pass (seconds on 2 busy cores). Not the reminder: the survivors start the
    // dead process's grains as soon as they learn of its death.
    private static readonly TimeSpan FailoverBudget = TimeSpan.FromSeconds((ProbeSeconds * (MissedProbes + 1)) + 25);

    private static int MailboxCount => DrillSizes.Current.Full
        ? Int("OFU_DRILL_TEAM_MAILBOXES", 60)
        : Int("OFU_DRILL_TEAM_MAILBOXES", 12);

    [Fact]
    public async Task A_killed_process_s_mailboxes_resume_on_the_others_with_every_draft_exactly_once()
    {
        var clock = Stopwatch.StartNew();
        var count = MailboxCount;
        var tenant = new SandboxTenant(TimeProvider.System);
        var mailboxes = tenant.SeedMailboxes(count, contactsEach: 3);
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
                $"--Cluster:ProbeTimeout=00:00:0{ProbeSeconds}",
                $"--Cluster:MissedProbesLimit={MissedProbes}",
                $"--Cluster:ReminderPeriod={TimeSpan.FromSeconds(ReminderSeconds)}",
                "--Api:RequestsPerMinute=100000",
                "--TaskPane:DistFolder=/nonexistent-in-drills",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
                "--Logging:LogLevel:OfficeFollowUp.Cluster=Information",
                "--Logging:LogLevel:Orleans.Runtime.MembershipService=Information",
                "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
            ];
        }

        var details = new StringBuilder();
        void Note(string line)
        {
            var stamped = $"{clock.Elapsed.TotalSeconds:0.0} s: {line}";
            output.WriteLine(stamped);
            details.AppendLine(stamped);
        }

        try
        {
            // The first migrates the shared store; the other two then start together and join its cluster.
            var first = await team.StartAsync(Args(FreePort()));
            var others = await Task.WhenAll(Enumerable.Range(1, Processes - 1).Select(_ => team.StartAsync(Args(FreePort()))));
            WorkerProcess[] all = [first, .. others];
            var pids = all.Select(p => p.ProcessId).ToHashSet();
            Note($"{Processes} processes started: {string.Join(", ", pids)}; {count} mailboxes" + (team.Restarts > 0 ? $"; {team.Restarts} ended on its own while joining and was started again" : ""));
            await WaitAsync("every mailbox baselined", async () => await BaselinedAsync(store) == count, team);

            // An outside Orleans client of the same cluster: asks each grain where it lives.
            using var client = await ClientAsync(redis, clusterId);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var keys = mailboxes.Select(m => m.User.UserPrincipalName).ToList();

            // Every process takes its share: at most ⌈mailboxes / processes⌉ each, none left empty.
            var share = (count + Processes - 1) / Processes;
            Dictionary<string, int> before = [];
            await WaitAsync("the mailboxes spread over the three processes", async () =>
            {
                before = await WhereAsync(grains, keys);
                var perProcess = before.Values.GroupBy(p => p).ToList();
                return perProcess.Count == Processes && perProcess.All(g => g.Count() <= share);
            }, team);
            Note($"mailboxes per process: {Describe(before)}");
            Assert.All(before.Values, pid => Assert.Contains(pid, pids));

            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)))
            {
                mailbox.AddContact(new SandboxContactSeed($"First{i}", "Arrival", [$"first{i}@arrivals.example"], null));
            }

            await WaitAsync("one draft per mailbox", () => Task.FromResult(mailboxes.All(m => m.Drafts.Count >= 1)), team);
            before = await WhereAsync(grains, keys);
            Note($"one draft per mailbox; mailboxes per process: {Describe(before)}");

            // SIGKILL the process holding the most mailboxes mid-work: new contacts are arriving for every mailbox.
            var victimPid = before.Values.GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var victim = all.Single(p => p.ProcessId == victimPid);
            var survivors = all.Where(p => p != victim).Select(p => p.ProcessId).ToHashSet();
            var moved = mailboxes.Where(m => before[m.User.UserPrincipalName] == victimPid).ToList();
            var half = mailboxes.Count / 2;
            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)).Take(half))
            {
                mailbox.AddContact(new SandboxContactSeed($"Second{i}", "Arrival", [$"second{i}@arrivals.example"], null));
            }

            await victim.KillHardAsync();
            var killedAt = clock.Elapsed;
            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)).Skip(half))
            {
                mailbox.AddContact(new SandboxContactSeed($"Second{i}", "Arrival", [$"second{i}@arrivals.example"], null));
            }

            Note($"killed pid {victimPid} (SIGKILL) holding {moved.Count} mailbox(es)");
            await WaitAsync("a second draft in every mailbox of the killed process", () => Task.FromResult(moved.All(m => m.Drafts.Count >= 2)), team);
            var failover = clock.Elapsed - killedAt;
            await WaitAsync("a second draft per mailbox after the kill", () => Task.FromResult(mailboxes.All(m => m.Drafts.Count >= 2)), team);
            var after = await WhereAsync(grains, keys);
            Note($"failover: the killed process's mailboxes made their new drafts {failover.TotalSeconds:0.0} s after the kill " +
                $"(budget {FailoverBudget.TotalSeconds:0} s: probes {ProbeSeconds} s × {MissedProbes} missed, reminder {ReminderSeconds} s not waited for); mailboxes per process now: {Describe(after)}");

            // Settle: a late duplicate would show up here.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var duplicated = 0;
            var missing = 0;
            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)))
            {
                var recipients = mailbox.Drafts.SelectMany(d => d.ToRecipients).Select(r => r.Address).ToList();
                string[] expected = [$"first{i}@arrivals.example", $"second{i}@arrivals.example"];
                duplicated += recipients.Count - recipients.Distinct(StringComparer.Ordinal).Count();
                missing += expected.Count(e => !recipients.Contains(e));
            }

            var made = mailboxes.Sum(m => m.Drafts.Count);
            var holds = mailboxes.Sum(m => m.InvitationsSent);
            var ok = duplicated == 0 && missing == 0 && holds == 0 && failover < FailoverBudget && after.Values.All(survivors.Contains);
            Note($"drafts made {made} of {2 * count} expected, duplicated {duplicated}, missing {missing}; invitations sent {holds}");
            new DrillFigures("team failover", DrillSizes.Current.Form, 0, 1, 2 * count, made, duplicated, missing,
                $"{Processes} processes, {count} mailboxes, SIGKILL 1 ({moved.Count} moved), failover {failover.TotalSeconds:0.0} s, per process {Describe(before)} → {Describe(after)}",
                clock.Elapsed, ok ? "pass" : "FAIL").Report(output, details.ToString());

            Assert.NotEmpty(moved);
            Assert.All(after.Values, pid => Assert.Contains(pid, survivors));
            Assert.Equal(Processes - 1, after.Values.Distinct().Count());
            Assert.True(failover < FailoverBudget, $"resumed after {failover.TotalSeconds:0.0} s (budget {FailoverBudget.TotalSeconds:0} s)");
            foreach (var (mailbox, i) in mailboxes.Select((m, i) => (m, i)))
            {
                var recipients = mailbox.Drafts.Select(d => Assert.Single(d.ToRecipients).Address).Order(StringComparer.Ordinal).ToList();
                Assert.Equal([$"first{i}@arrivals.example", $"second{i}@arrivals.example"], recipients);
            }

            Assert.Equal(0, holds);
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

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

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
        string.Join(", ", where.Values.GroupBy(p => p).OrderBy(g => g.Key).Select(g => $"pid {g.Key}: {g.Count()}"));

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

        /// <summary>Processes that ended on their own before listening and were started again.</summary>
        public int Restarts => Volatile.Read(ref _restarts);

        private int _restarts;

        /// <summary>
        /// Starts a process, and starts it again (once) when it ended on its own before listening, as a team's process
        /// supervisor (systemd's Restart=on-failure) would: under heavy load a joining silo that answers its probes too
        /// slowly is declared dead by the others and stops itself. The drill is about a process killed after it served.
        /// </summary>
        public async Task<WorkerProcess> StartAsync(string[] args)
        {
            WorkerProcess process;
            try
            {
                process = await WorkerProcess.StartAsync(args, TimeSpan.FromSeconds(180));
            }
            catch (WorkerExitedException)
            {
                Interlocked.Increment(ref _restarts);
                process = await WorkerProcess.StartAsync(args, TimeSpan.FromSeconds(180));
            }

            lock (_processes)
            {
                _processes.Add(process);
            }

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
