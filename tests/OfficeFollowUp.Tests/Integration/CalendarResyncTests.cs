namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// A calendar round without a usable cursor (expired, or a moved window) on a mailbox past its baseline is
/// reconciled with the store inside the window: events added meanwhile count as they would in an incremental
/// round, and events deleted meanwhile are removed — a deleted hold skips its step.
/// </summary>
public sealed class CalendarResyncTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string AddMixer(string subject, string guest = "kiri@mixer.example")
    {
        var end = _world.Time.GetUtcNow().AddHours(-1);
        return _world.Mailbox.AddEvent(new SandboxEventSeed(subject, end.AddHours(-2), end,
            [new SandboxAttendee("Mixer Guest", guest), new SandboxAttendee("Wiremu Mixer", "wiremu@mixer.example")])
        {
            Categories = ["Networking"],
        });
    }

    /// <summary>Someone else's mixer: meeting Kiri there again would complete Kiri's one-to-one.</summary>
    private string AddLateMixer() => AddMixer("Mixer during the time away", "aroha@late.example");

    private static async Task<List<string>> IdsAsync(RunningWorker worker, string path)
    {
        using var client = worker.Client();
        var list = await client.GetFromJsonAsync<JsonElement>(path);
        return [.. list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty(path == "/api/prompts" ? "eventId" : "id").GetString()!)];
    }

    private static async Task<FollowUpItem> OneToOneAsync(RunningWorker worker)
    {
        var mailboxId = (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        return (await worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None)).Single(s => s.Step == FollowUpStepKind.OneToOne);
    }

    private static async Task<JsonElement> CalendarStatusAsync(RunningWorker worker)
    {
        using var client = worker.Client();
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
        return status.GetProperty("sync").EnumerateArray().Single(s => s.GetProperty("resource").GetString() == SyncCalendar.Resource);
    }

    /// <summary>A person chosen after a mixer, whose one-to-one hold is then placed and seen by the next poll.</summary>
    private async Task<SandboxEvent> PlaceHoldAsync(RunningWorker worker)
    {
        var mixer = AddMixer("Harbour mixer");
        await worker.SyncOnceAsync();
        using var client = worker.Client();
        var response = await client.PostAsJsonAsync($"/api/prompts/{mixer}/follow-up", new { people = new[] { new { email = "kiri@mixer.example", displayName = "Kiri Mixer" } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();
        return Assert.Single(_world.Mailbox.CreatedEvents);
    }

    [Fact]
    public async Task An_expired_calendar_cursor_brings_events_added_while_stale_and_drops_events_deleted_meanwhile()
    {
        var gone = AddMixer("Mixer that was cancelled");
        await using var worker = await _world.StartBaselinedWorkerAsync(SandboxWorld.HoldsAtOnce);
        Assert.Contains(gone, await IdsAsync(worker, "/api/prompts"));
        var late = AddLateMixer();
        _world.Mailbox.DeleteEvent(gone);

        // The calendar is synced first, so its cursor takes the 410.
        _world.Mailbox.Faults.ExpireNextDeltaRequest();
        await worker.SyncOnceAsync();

        Assert.False(_world.Mailbox.Faults.ExpireNextDeltaRequestPending, "The 410 was never served.");
        var prompts = await IdsAsync(worker, "/api/prompts");
        Assert.Contains(late, prompts);
        Assert.DoesNotContain(gone, prompts);
        Assert.DoesNotContain(gone, await IdsAsync(worker, "/api/events"));
        var resync = (await CalendarStatusAsync(worker)).GetProperty("lastResync");
        Assert.Equal("CursorExpired", resync.GetProperty("reason").GetString());
        Assert.Equal((1, 1), (resync.GetProperty("new").GetInt32(), resync.GetProperty("removed").GetInt32()));
    }

    [Fact]
    public async Task A_hold_deleted_while_the_calendar_cursor_was_stale_skips_its_step_and_is_not_placed_again()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync(SandboxWorld.HoldsAtOnce);
        var hold = await PlaceHoldAsync(worker);

        _world.Mailbox.DeleteEvent(hold.Id);
        _world.Mailbox.Faults.ExpireNextDeltaRequest();
        await worker.SyncOnceAsync();
        _world.Time.Advance(TimeSpan.FromHours(1));
        await worker.SyncOnceAsync();

        Assert.Equal(hold.Id, Assert.Single(_world.Mailbox.CreatedEvents).Id);
        Assert.Equal(FollowUpState.Skipped, (await OneToOneAsync(worker)).State);
    }

    [Fact]
    public async Task After_a_week_offline_the_moved_window_is_reconciled_and_a_hold_deleted_meanwhile_skips_its_step()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync(SandboxWorld.HoldsAtOnce);
        var hold = await PlaceHoldAsync(worker);

        _world.Time.Advance(TimeSpan.FromDays(7));
        _world.Mailbox.DeleteEvent(hold.Id);
        var late = AddLateMixer();
        await worker.SyncOnceAsync();

        Assert.Equal(FollowUpState.Skipped, (await OneToOneAsync(worker)).State);
        Assert.Contains(late, await IdsAsync(worker, "/api/prompts"));
        var resync = (await CalendarStatusAsync(worker)).GetProperty("lastResync");
        Assert.Equal("WindowMoved", resync.GetProperty("reason").GetString());
        Assert.Equal(1, resync.GetProperty("removed").GetInt32());
    }

    [Fact]
    public async Task A_calendar_cursor_that_expires_mid_round_loses_nothing()
    {
        await using var worker = await _world.StartWorkerAsync(["--Calendar:PageSize=5", .. SandboxWorld.HoldsAtOnce]);
        await worker.SyncOnceAsync();
        var hold = await PlaceHoldAsync(worker);

        // A moved window starts a fresh round, whose second page carries the first token: that one is refused.
        _world.Time.Advance(TimeSpan.FromDays(7));
        _world.Mailbox.DeleteEvent(hold.Id);
        var late = AddLateMixer();
        _world.Mailbox.Faults.ExpireNextDeltaRequest();
        await worker.SyncOnceAsync();

        Assert.False(_world.Mailbox.Faults.ExpireNextDeltaRequestPending, "The 410 was never served.");
        Assert.True((await IdsAsync(worker, "/api/events")).Count > 5, "The round should have had more than one page.");
        Assert.Equal(FollowUpState.Skipped, (await OneToOneAsync(worker)).State);
        Assert.Contains(late, await IdsAsync(worker, "/api/prompts"));
        var status = await CalendarStatusAsync(worker);
        Assert.Equal("Incremental", status.GetProperty("stage").GetString());
        Assert.Equal("CursorExpired", status.GetProperty("lastResync").GetProperty("reason").GetString());
    }
}
