using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Sandbox;
using OfficeFollowUp.Store;
using OfficeFollowUp.Tests.Integration;

namespace OfficeFollowUp.Tests.Store;

/// <summary>The whole worker on PostgreSQL: a new contact in the sandbox mailbox becomes one draft; bad storage settings stop the start.</summary>
public sealed class PostgreSqlWorkerTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_new_contact_becomes_exactly_one_thank_you_draft_on_PostgreSQL()
    {
        await using var store = await TestStore.CreateAsync(StoreOptions.PostgreSql);
        await using var worker = await _world.StartWorkerAsync("--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={store.Options.ConnectionString}");
        await worker.SyncOnceAsync();
        Assert.Empty(_world.Mailbox.Drafts);

        _world.Mailbox.AddContact(new SandboxContactSeed("Priya", "Raman", ["priya.raman@harbourlaw.co.nz"], "Harbour Law"));
        var run = await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        Assert.Equal((1, 1), (run.NewAcquaintances, run.DraftsPrepared));
        var draft = Assert.Single(_world.Mailbox.Drafts);
        var mailboxId = (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var thankYou = (await worker.Get<FollowUpStore>().ListOpenAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == FollowUpStepKind.ThankYou);
        Assert.Equal((FollowUpState.Prepared, draft.Id), (thankYou.State, thankYou.DraftId));

        // What the worker wrote is in PostgreSQL: a second store object on the same database reads it.
        Assert.Equal(thankYou, await new FollowUpStore(store.NewDatabase()).GetAsync(thankYou.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("--Storage:Provider=MySql", "Storage:Provider")]
    [InlineData("--Storage:Provider=PostgreSQL", "Storage:ConnectionString")]
    public async Task A_bad_storage_setting_stops_the_start_naming_the_key(string setting, string key)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => _world.StartWorkerAsync(setting));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
