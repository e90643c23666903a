namespace OfficeFollowUp.Tests.FollowUps;

/// <summary>
/// The pane's safe actions end to end: undo of a step marked done, and skip that deletes the step's unsent draft, through
/// the real API, the real SQLite file and the real Graph SDK against the sandbox mailbox.
/// </summary>
public sealed class FollowUpActionsTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(new SandboxContactSeed("Zoë", "Ångström", ["zoe@nordic.design"], "Nordic Design"));
        await _worker.SyncOnceAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/followups");
        return list.GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, string step, string email = "zoe@nordic.design") =>
        (await ItemsAsync(client)).Single(i => i.GetProperty("step").GetString() == step && i.GetProperty("person").GetProperty("email").GetString() == email);

    [Fact]
    public async Task Undo_reopens_a_step_the_user_marked_done_as_it_was_with_its_draft()
    {
        using var client = _worker.Client();
        var thankYou = await StepAsync(client, "thankYou");
        var id = thankYou.GetProperty("id").GetString();
        Assert.Equal("Nordic Design", thankYou.GetProperty("company").GetString());

        var done = await client.PostAsync(new Uri($"/api/followups/{id}/done", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.DoesNotContain(await ItemsAsync(client), i => i.GetProperty("id").GetString() == id);

        var reopen = await client.PostAsync(new Uri($"/api/followups/{id}/reopen", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        var reopened = await reopen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("prepared", reopened.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("completedVia").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("completedAt").ValueKind);
        Assert.Equal(thankYou.GetProperty("draftId").GetString(), reopened.GetProperty("draftId").GetString());
        Assert.Contains(await ItemsAsync(client), i => i.GetProperty("id").GetString() == id);
        // The same draft, not a second one.
        await _worker.SyncOnceAsync();
        Assert.Single(_world.Mailbox.Drafts);
    }

    [Fact]
    public async Task Undo_cannot_reopen_a_step_the_mailbox_showed_done_or_a_skipped_one()
    {
        using var client = _worker.Client();
        var thankYou = await StepAsync(client, "thankYou");
        var connect = (await StepAsync(client, "connect")).GetProperty("id").GetString();
        _world.Time.Advance(TimeSpan.FromHours(1));
        _world.Mailbox.SendDraft(thankYou.GetProperty("draftId").GetString()!);
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        await _worker.SyncOnceAsync();
        Assert.DoesNotContain(await ItemsAsync(client), i => i.GetProperty("step").GetString() == "thankYou");
        await client.PostAsJsonAsync($"/api/followups/{connect}/skip", new { reason = "Not on LinkedIn" });

        var sent = await client.PostAsync(new Uri($"/api/followups/{thankYou.GetProperty("id").GetString()}/reopen", UriKind.Relative), null);
        var skipped = await client.PostAsync(new Uri($"/api/followups/{connect}/reopen", UriKind.Relative), null);
        var unknown = await client.PostAsync(new Uri("/api/followups/no-such-step/reopen", UriKind.Relative), null);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.NotFound), (sent.StatusCode, skipped.StatusCode, unknown.StatusCode));
        Assert.Equal("application/problem+json", sent.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(await ItemsAsync(client), i => i.GetProperty("step").GetString() is "thankYou" or "connect");
    }

    [Fact]
    public async Task Skip_with_delete_draft_deletes_the_unsent_draft_from_Drafts_on_the_next_pass()
    {
        using var client = _worker.Client();
        var thankYou = await StepAsync(client, "thankYou");
        Assert.Single(_world.Mailbox.Drafts);

        var skip = await client.PostAsJsonAsync($"/api/followups/{thankYou.GetProperty("id").GetString()}/skip", new { reason = "Already spoke on the phone", deleteDraft = true });
        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        Assert.Equal("skipped", (await skip.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        await _worker.SyncOnceAsync();

        Assert.Empty(_world.Mailbox.Drafts);
        var mailboxId = (await _worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var step = (await _worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == FollowUpStepKind.ThankYou);
        Assert.Equal((FollowUpState.Skipped, null), (step.State, step.DraftId));
        // Nothing is made again on later passes.
        await _worker.SyncOnceAsync();
        Assert.Empty(_world.Mailbox.Drafts);
    }

    [Fact]
    public async Task Skip_without_delete_draft_leaves_the_draft_in_Drafts()
    {
        using var client = _worker.Client();
        var thankYou = await StepAsync(client, "thankYou");

        await client.PostAsJsonAsync($"/api/followups/{thankYou.GetProperty("id").GetString()}/skip", new { reason = "Later, by hand" });
        await _worker.SyncOnceAsync();

        Assert.Single(_world.Mailbox.Drafts);
    }

    [Fact]
    public async Task Skip_with_delete_draft_never_deletes_a_draft_the_user_already_sent()
    {
        using var client = _worker.Client();
        var thankYou = await StepAsync(client, "thankYou");
        var draftId = thankYou.GetProperty("draftId").GetString()!;
        // Sent in Outlook; the worker has not seen it yet when the user skips in the pane.
        var sent = _world.Mailbox.SendDraft(draftId);

        await client.PostAsJsonAsync($"/api/followups/{thankYou.GetProperty("id").GetString()}/skip", new { reason = "Sent it myself", deleteDraft = true });
        await _worker.SyncOnceAsync();

        Assert.Contains(_world.Mailbox.Mail, m => m.Id == sent.Id && !m.IsDraft);
    }

    [Fact]
    public async Task Days_off_lists_the_all_day_out_of_office_and_holidays_on_the_calendar_in_the_mailbox_zone()
    {
        var now = _world.Time.GetUtcNow();
        var zone = MailboxTimeZone.Resolve("Pacific/Auckland");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateTimeOffset Midnight(DateOnly d) => new(TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        _world.Mailbox.AddEvent(new SandboxEventSeed("Annual leave", Midnight(today.AddDays(20)), Midnight(today.AddDays(22)), []) { IsAllDay = true, ShowAs = "oof" });
        _world.Mailbox.AddEvent(new SandboxEventSeed("Show day", Midnight(today.AddDays(25)), Midnight(today.AddDays(26)), []) { IsAllDay = true, ShowAs = "free", Categories = ["Holiday"] });
        _world.Mailbox.AddEvent(new SandboxEventSeed("Strategy offsite", Midnight(today.AddDays(27)), Midnight(today.AddDays(28)), []) { IsAllDay = true, ShowAs = "busy" });
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();

        var answer = await client.GetFromJsonAsync<JsonElement>("/api/followups/days-off");

        Assert.Equal("Pacific/Auckland", answer.GetProperty("timeZone").GetString());
        var days = answer.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("reason").GetString())).ToList();
        string Date(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains((Date(20), "Out of office"), days);
        Assert.Contains((Date(21), "Out of office"), days);
        Assert.Contains((Date(25), "Show day"), days);
        Assert.DoesNotContain(days, d => d.Item1 == Date(22) || d.Item1 == Date(27));
    }

    [Fact]
    public async Task Undo_after_the_outbox_dropped_the_unmade_draft_makes_it_after_all_once()
    {
        using var client = _worker.Client();
        _world.Mailbox.Faults.FailNext(503, "ServiceUnavailable", 1, "/me/messages", "POST");
        _world.Mailbox.AddContact(new SandboxContactSeed("Ana", "Silva", ["ana@silva.pt"], null));
        await _worker.SyncOnceAsync();
        var thankYou = (await ItemsAsync(client)).Single(i => i.GetProperty("person").GetProperty("email").GetString() == "ana@silva.pt" && i.GetProperty("step").GetString() == "thankYou");
        var id = thankYou.GetProperty("id").GetString();
        Assert.Equal("pending", thankYou.GetProperty("state").GetString());

        await client.PostAsync(new Uri($"/api/followups/{id}/done", UriKind.Relative), null);
        _world.Time.Advance(TimeSpan.FromHours(2));
        await _worker.SyncOnceAsync();
        Assert.DoesNotContain(_world.Mailbox.Drafts, d => d.ToRecipients.Any(r => r.Address == "ana@silva.pt"));

        var reopen = await client.PostAsync(new Uri($"/api/followups/{id}/reopen", UriKind.Relative), null);
        Assert.Equal("pending", (await reopen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        await _worker.SyncOnceAsync();
        await _worker.SyncOnceAsync();

        Assert.Single(_world.Mailbox.Drafts, d => d.ToRecipients.Any(r => r.Address == "ana@silva.pt"));
        Assert.Equal("prepared", (await StepAsync(client, "thankYou", "ana@silva.pt")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_draft_deletion_that_fails_is_tried_again_on_the_next_pass()
    {
        using var client = _worker.Client();
        var thankYou = await StepAsync(client, "thankYou");
        _world.Mailbox.Faults.FailNext(503, "ServiceUnavailable", 4, "/me/messages", "DELETE");

        await client.PostAsJsonAsync($"/api/followups/{thankYou.GetProperty("id").GetString()}/skip", new { reason = "Met again already", deleteDraft = true });
        await _worker.SyncOnceAsync();
        Assert.Single(_world.Mailbox.Drafts);
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        await _worker.SyncOnceAsync();

        Assert.Empty(_world.Mailbox.Drafts);
    }
}
