using OfficeFollowUp.Evidence;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// What the user sent completes the steps it answers, read from Sent Items through the real Graph SDK's messages delta
/// against the sandbox, into the real SQLite file.
/// </summary>
public sealed class SentMailCompletesStepsTests : IAsyncLifetime
{
    private static readonly SandboxRecipient Priya = new("Priya Raman", "priya.raman@harbourlaw.co.nz");

    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<(RunningWorker Worker, string MailboxId)> StartWithPriyaAsync()
    {
        var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(new SandboxContactSeed("Priya", "Raman", [Priya.Address], "Harbour Law"));
        await worker.SyncOnceAsync();
        var mailboxId = (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        return (worker, mailboxId);
    }

    private static async Task<FollowUpItem> StepAsync(RunningWorker worker, string mailboxId, FollowUpStepKind kind) =>
        (await worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == kind);

    [Fact]
    public async Task A_draft_the_user_edited_then_sent_completes_its_thank_you_at_the_sent_time()
    {
        var (worker, mailboxId) = await StartWithPriyaAsync();
        await using var _ = worker;
        var draft = Assert.Single(_world.Mailbox.Drafts);
        _world.Mailbox.EditDraft(draft.Id, d => d with { BodyContent = d.BodyContent + "<p>PS: the book I mentioned is on its way.</p>" });
        _world.Time.Advance(TimeSpan.FromHours(3));
        var sent = _world.Mailbox.SendDraft(draft.Id);
        _world.Time.Advance(TimeSpan.FromMinutes(5));

        await worker.SyncOnceAsync();

        var thankYou = await StepAsync(worker, mailboxId, FollowUpStepKind.ThankYou);
        Assert.Equal((FollowUpState.Done, CompletedVia.Sent), (thankYou.State, thankYou.CompletedVia));
        Assert.Equal(sent.SentDateTime, thankYou.CompletedAt);
        var connect = await StepAsync(worker, mailboxId, FollowUpStepKind.Connect);
        Assert.NotEqual(FollowUpState.Done, connect.State);
        Assert.Empty(_world.Mailbox.Drafts);
    }

    [Fact]
    public async Task A_sent_draft_whose_tag_and_id_did_not_survive_is_found_by_its_conversation()
    {
        var (worker, mailboxId) = await StartWithPriyaAsync();
        await using var _ = worker;
        var draft = Assert.Single(_world.Mailbox.Drafts);

        // Sent without immutable ids and without its tag, to an address the user typed instead: only its message ids remain.
        _world.Mailbox.EditDraft(draft.Id, d => d with { ToRecipients = [new SandboxRecipient(null, "priya@personal.example")] });
        var copy = _world.Mailbox.SendDraft(draft.Id, keepTag: false, keepId: false);
        await worker.SyncOnceAsync();

        Assert.NotEqual(draft.Id, copy.Id);

        var thankYou = await StepAsync(worker, mailboxId, FollowUpStepKind.ThankYou);
        Assert.Equal((FollowUpState.Done, CompletedVia.Sent), (thankYou.State, thankYou.CompletedVia));
        Assert.Equal(copy.SentDateTime, thankYou.CompletedAt);
    }

    [Fact]
    public async Task Mail_written_from_scratch_to_the_person_completes_the_thank_you_and_an_expired_cursor_completes_nothing_twice()
    {
        var (worker, mailboxId) = await StartWithPriyaAsync();
        await using var _ = worker;
        _world.Time.Advance(TimeSpan.FromHours(1));
        _world.Mailbox.SendMail([new SandboxRecipient("Mere", "mere@paratalaw.co.nz")], "Lunch?", "Hi", cc: [Priya]);
        await worker.SyncOnceAsync();
        var first = await StepAsync(worker, mailboxId, FollowUpStepKind.ThankYou);

        _world.Time.Advance(TimeSpan.FromDays(2));
        _world.Mailbox.SendMail([Priya], "One more thing", "Hi again");
        _world.Mailbox.Faults.ExpireDeltaTokens();
        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        var again = await StepAsync(worker, mailboxId, FollowUpStepKind.ThankYou);
        Assert.Equal((FollowUpState.Done, CompletedVia.Sent), (first.State, first.CompletedVia));
        Assert.Equal(first.CompletedAt, again.CompletedAt);
        var state = await worker.Get<SyncStateStore>().GetAsync(mailboxId, SyncSentItems.Resource, CancellationToken.None);
        Assert.Equal(SyncStage.Incremental, state.Stage);
        Assert.NotNull(state.LastResync);
        // Priya's channel is not email: the second mail completes no connect step, and the one-to-one waits for a meeting.
        Assert.NotEqual(FollowUpState.Done, (await StepAsync(worker, mailboxId, FollowUpStepKind.Connect)).State);
        Assert.NotEqual(FollowUpState.Done, (await StepAsync(worker, mailboxId, FollowUpStepKind.OneToOne)).State);
    }

    [Fact]
    public async Task Mail_to_a_different_person_completes_nothing_and_only_moves_their_last_contact()
    {
        var (worker, mailboxId) = await StartWithPriyaAsync();
        await using var _ = worker;
        await worker.Get<PeopleStore>().SetRememberAsync(mailboxId, "mere@paratalaw.co.nz", "Mere Parata", "Knows everyone at the chamber", _world.Time.GetUtcNow(), CancellationToken.None);
        _world.Time.Advance(TimeSpan.FromHours(1));
        var toMere = _world.Mailbox.SendMail([new SandboxRecipient("Mere Parata", "mere@paratalaw.co.nz")], "Catch up", "Hi Mere");

        await worker.SyncOnceAsync();

        var steps = await worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None);
        Assert.DoesNotContain(steps, s => s.State == FollowUpState.Done);
        var touch = await worker.Get<KeepInTouchStore>().LoadAsync(mailboxId, _world.Time.GetUtcNow(), CancellationToken.None);
        Assert.Equal(toMere.SentDateTime, touch.Single(t => t.Email == "mere@paratalaw.co.nz").LastFollowUp);
    }
}
