using OfficeFollowUp.Evidence;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>A meeting with the person completes the one-to-one once it has happened; a mixer they attended does not.</summary>
public sealed class MeetingCompletesStepsTests : IAsyncLifetime
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

    private static async Task<FollowUpItem> OneToOneAsync(RunningWorker worker, string mailboxId) =>
        (await worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == FollowUpStepKind.OneToOne);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_coffee_the_user_booked_or_accepted_completes_the_one_to_one_when_it_ends_and_counts_as_contact(bool organisedByUser)
    {
        var (worker, mailboxId) = await StartWithPriyaAsync();
        await using var _ = worker;
        var start = _world.Time.GetUtcNow().AddDays(2);
        var coffee = _world.Mailbox.BookMeeting(Priya, start, start.AddMinutes(45), organisedByUser: organisedByUser);

        await worker.SyncOnceAsync();
        var before = await OneToOneAsync(worker, mailboxId);
        _world.Time.SetUtcNow(start.AddHours(1));
        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        var after = await OneToOneAsync(worker, mailboxId);
        Assert.NotEqual(FollowUpState.Done, before.State);
        Assert.Equal((FollowUpState.Done, CompletedVia.Meeting, start.AddMinutes(45)), (after.State, after.CompletedVia, after.CompletedAt));
        var touch = await worker.Get<KeepInTouchStore>().LoadAsync(mailboxId, _world.Time.GetUtcNow(), CancellationToken.None);
        Assert.Equal(start.AddMinutes(45), touch.Single(t => t.Email == Priya.Address).LastMeeting);
        Assert.NotNull(_world.Mailbox.FindEvent(coffee));
    }

    [Fact]
    public async Task A_mixer_the_person_attended_and_an_invitation_the_user_declined_complete_nothing()
    {
        var (worker, mailboxId) = await StartWithPriyaAsync();
        await using var _ = worker;
        var start = _world.Time.GetUtcNow().AddDays(1);
        List<SandboxAttendee> crowd = [new(Priya.Name, Priya.Address), .. Enumerable.Range(1, 10).Select(i => new SandboxAttendee($"Guest {i}", $"guest{i}@company{i}.example"))];
        _world.Mailbox.AddEvent(new SandboxEventSeed("Chamber breakfast", start, start.AddHours(2), crowd));
        _world.Mailbox.AddEvent(new SandboxEventSeed("Her coffee invitation", start.AddHours(3), start.AddHours(4), [new SandboxAttendee(Priya.Name, Priya.Address)])
        {
            IsOrganizer = false,
            Organizer = new SandboxAttendee(Priya.Name, Priya.Address),
            UserResponse = "declined",
        });

        await worker.SyncOnceAsync();
        _world.Time.SetUtcNow(start.AddHours(5));
        await worker.SyncOnceAsync();

        Assert.NotEqual(FollowUpState.Done, (await OneToOneAsync(worker, mailboxId)).State);
        var touch = await worker.Get<KeepInTouchStore>().LoadAsync(mailboxId, _world.Time.GetUtcNow(), CancellationToken.None);
        Assert.Null(touch.Single(t => t.Email == Priya.Address).LastMeeting);
    }
}
