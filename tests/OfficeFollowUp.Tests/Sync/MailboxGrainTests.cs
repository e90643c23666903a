using System.Diagnostics;
using OfficeFollowUp.Cluster;
using Orleans;

namespace OfficeFollowUp.Tests.Sync;

/// <summary>
/// The default (Localhost) cluster: the signed-in mailbox's passes run in its Orleans grain inside the worker, started
/// with the worker, woken through <see cref="MailboxWakeups"/>.
/// </summary>
public sealed class MailboxGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    // A poll interval no test waits for (and fake time never reaches): only a wake can run a second pass.
    private Task<RunningWorker> StartGrainWorkerAsync() =>
        _world.StartWorkerAsync("--Sync:Enabled=true", "--Sync:PollInterval=12:00:00", "--Sync:SafetyPollInterval=12:00:00");

    private static async Task<MailboxGrainStatus> WaitForAsync(IMailboxGrain grain, Func<MailboxGrainStatus, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await grain.StatusAsync();
            if (done(status))
            {
                return status;
            }

            Assert.True(clock.Elapsed < Patience, $"the mailbox grain did not get there in {Patience.TotalSeconds} s (passes: {status.Passes})");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_worker_starts_the_mailbox_grain_which_baselines_on_its_own()
    {
        await using var worker = await StartGrainWorkerAsync();
        var grain = worker.Get<IGrainFactory>().GetGrain<IMailboxGrain>(MailboxPasses.SignedInKey);

        var status = await WaitForAsync(grain, s => s.Passes >= 1);

        Assert.Equal(Environment.ProcessId, status.ProcessId);
        var stored = await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None);
        Assert.Equal(stored?.Profile.MailboxId, status.MailboxId);
        Assert.NotNull(stored?.BaselinedAt);
        Assert.Empty(_world.Mailbox.Drafts);
    }

    [Fact]
    public async Task A_wake_runs_a_pass_at_once_and_a_new_contact_gets_exactly_one_draft()
    {
        await using var worker = await StartGrainWorkerAsync();
        var grain = worker.Get<IGrainFactory>().GetGrain<IMailboxGrain>(MailboxPasses.SignedInKey);
        var baselined = await WaitForAsync(grain, s => s.Passes >= 1 && s.MailboxId is not null);
        _world.Mailbox.AddContact(new SandboxContactSeed("Priya", "Raman", ["priya.raman@harbourlaw.co.nz"], "Harbour Law"));
        await Task.Delay(300);
        Assert.Equal(baselined.Passes, (await grain.StatusAsync()).Passes);
        Assert.Empty(_world.Mailbox.Drafts);

        worker.Get<MailboxWakeups>().Wake(baselined.MailboxId!);

        await WaitForAsync(grain, s => s.Passes > baselined.Passes);
        var draft = Assert.Single(_world.Mailbox.Drafts);
        Assert.Equal("priya.raman@harbourlaw.co.nz", Assert.Single(draft.ToRecipients).Address);

        worker.Get<MailboxWakeups>().Wake(baselined.MailboxId!);
        await WaitForAsync(grain, s => s.Passes > baselined.Passes + 1);
        Assert.Single(_world.Mailbox.Drafts);
    }

    [Fact]
    public async Task Two_workers_in_one_process_each_get_their_own_silo_port()
    {
        await using var first = await StartGrainWorkerAsync();
        await using var second = await StartGrainWorkerAsync();

        var a = await first.Get<IGrainFactory>().GetGrain<IMailboxGrain>(MailboxPasses.SignedInKey).StatusAsync();
        var b = await second.Get<IGrainFactory>().GetGrain<IMailboxGrain>(MailboxPasses.SignedInKey).StatusAsync();

        Assert.NotEqual(a.Silo, b.Silo);
    }
}
