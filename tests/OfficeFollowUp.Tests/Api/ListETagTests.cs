using System.Net.Http.Headers;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.Tests.Api;

/// <summary>The lists the pane polls answer with a strong ETag and 304 on a matching If-None-Match, over HTTP.</summary>
public sealed class ListETagTests : PairedWorkerTests
{
    private async Task<HttpResponseMessage> GetAsync(string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await Client.SendAsync(request);
    }

    private async Task AddAcquaintanceAsync(string first, string email)
    {
        World.Mailbox.AddContact(new SandboxContactSeed(first, "Tester", [email], "Tag Ltd"));
        await Worker.SyncOnceAsync();
    }

    [Fact]
    public async Task Followups_answer_200_with_a_strong_tag_then_304_without_a_body_then_a_new_tag_after_a_change()
    {
        await AddAcquaintanceAsync("Ana", "ana@tag.example");

        using var first = await GetAsync("/api/followups");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.True(first.Headers.CacheControl?.Private);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("items").GetArrayLength());

        using var again = await GetAsync("/api/followups", tag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, again.Headers.ETag);

        // A Done changes the list: the old tag no longer matches.
        var id = body.GetProperty("items")[0].GetProperty("id").GetString();
        (await Client.PostAsync(new Uri($"/api/followups/{id}/done", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var afterDone = await GetAsync("/api/followups", tag.Tag);
        Assert.Equal(HttpStatusCode.OK, afterDone.StatusCode);
        Assert.NotEqual(tag, afterDone.Headers.ETag);
        Assert.Equal(2, (await afterDone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());

        // A new follow-up from sync changes it again.
        var doneTag = afterDone.Headers.ETag!;
        using var unchanged = await GetAsync("/api/followups", doneTag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        await AddAcquaintanceAsync("Ben", "ben@tag.example");
        using var afterNew = await GetAsync("/api/followups", doneTag.Tag);
        Assert.Equal(HttpStatusCode.OK, afterNew.StatusCode);
        Assert.NotEqual(doneTag, afterNew.Headers.ETag);
        Assert.NotEqual(tag, afterNew.Headers.ETag);
    }

    [Fact]
    public async Task A_snooze_that_runs_out_changes_the_tag_though_no_row_was_written()
    {
        await AddAcquaintanceAsync("Cy", "cy@tag.example");
        using var list = await GetAsync("/api/followups");
        var id = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetString();
        var until = World.Time.GetUtcNow().AddHours(2);
        (await Client.PostAsJsonAsync($"/api/followups/{id}/snooze", new { until })).EnsureSuccessStatusCode();
        using var snoozed = await GetAsync("/api/followups");

        World.Time.Advance(TimeSpan.FromHours(3));
        using var woken = await GetAsync("/api/followups", snoozed.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, woken.StatusCode);
        Assert.NotEqual(snoozed.Headers.ETag, woken.Headers.ETag);
    }

    [Fact]
    public async Task A_sync_round_that_brings_nothing_new_keeps_the_tag_and_a_changed_contact_moves_it()
    {
        var contactId = World.Mailbox.AddContact(new SandboxContactSeed("Di", "Tester", ["di@tag.example"], "Tag Ltd"));
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync(); // the next round reads back the hold the first one placed
        using var first = await GetAsync("/api/followups?window=due");
        var tag = first.Headers.ETag!.Tag;

        await Worker.SyncOnceAsync();
        using var idle = await GetAsync("/api/followups?window=due", tag);
        Assert.Equal(HttpStatusCode.NotModified, idle.StatusCode);

        // Another query of the same list is another answer.
        using var whole = await GetAsync("/api/followups", tag);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);

        World.Mailbox.UpdateContact(contactId, c => c with { GivenName = "Diana" });
        await Worker.SyncOnceAsync();
        using var renamed = await GetAsync("/api/followups?window=due", tag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.NotEqual(tag, renamed.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("/api/promises")]
    [InlineData("/api/referrals")]
    [InlineData("/api/keep-in-touch")]
    [InlineData("/api/prompts")]
    [InlineData("/api/bulk-prompts")]
    [InlineData("/api/events")]
    [InlineData("/api/status")]
    public async Task Every_polled_list_revalidates(string path)
    {
        using var first = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var tag = first.Headers.ETag!;

        using var weak = await GetAsync(path, $"\"other\", W/{tag.Tag}");
        using var other = await GetAsync(path, "\"other\"");

        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(tag, other.Headers.ETag);
    }

    [Fact]
    public async Task A_new_promise_changes_the_promises_tag()
    {
        using var before = await GetAsync("/api/promises");
        (await Client.PostAsJsonAsync("/api/promises", new { person = new { email = "ana@example.com" }, text = "Send the deck", dueAt = "2026-12-01T09:00:00Z" })).EnsureSuccessStatusCode();

        using var after = await GetAsync("/api/promises", before.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abcd\"", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    public void If_none_match_compares_weakly(string header, bool matches) =>
        Assert.Equal(matches, ListETag.Matches(header, "\"abc\""));

    [Fact]
    public void The_tag_is_strong_and_follows_the_bytes()
    {
        var a = ListETag.TagOf("{\"items\":[]}"u8);
        Assert.Equal(a, ListETag.TagOf("{\"items\":[]}"u8));
        Assert.NotEqual(a, ListETag.TagOf("{\"items\":[1]}"u8));
        Assert.True(EntityTagHeaderValue.TryParse(a, out var parsed) && !parsed.IsWeak);
    }
}

/// <summary>Today's list is the due window with counts; the rest is paged with a next link; the list without a window is unchanged.</summary>
public sealed class FollowUpWindowTests : PairedWorkerTests
{
    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_due_window_holds_this_weeks_steps_and_pages_the_rest()
    {
        // Met at 19:00 Wednesday in Auckland: thank-you tomorrow (this week), connect in 7 days and the one-to-one in 30 (later).
        World.Mailbox.AddContact(new SandboxContactSeed("Dee", "Window", ["dee@window.example"], "Window Ltd"));
        await Worker.SyncOnceAsync();

        var all = await GetJsonAsync("/api/followups");
        var due = await GetJsonAsync("/api/followups?window=due");
        var page1 = await GetJsonAsync("/api/followups?window=later&limit=1");
        var page2 = await GetJsonAsync(page1.GetProperty("next").GetString()!);

        Assert.Equal(3, all.GetProperty("items").GetArrayLength());
        Assert.False(all.TryGetProperty("counts", out _));
        Assert.Equal("Pacific/Auckland", due.GetProperty("timeZone").GetString());
        Assert.Equal(["thankYou"], due.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("step").GetString()));
        var counts = due.GetProperty("counts");
        Assert.Equal((0, 0, 1, 2), (counts.GetProperty("overdue").GetInt32(), counts.GetProperty("today").GetInt32(), counts.GetProperty("thisWeek").GetInt32(), counts.GetProperty("later").GetInt32()));
        Assert.Equal("/api/followups?window=later&page=1", due.GetProperty("next").GetString());
        Assert.Equal("/api/followups?window=later&page=2&limit=1", page1.GetProperty("next").GetString());
        Assert.Equal(["connect"], page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("step").GetString()));
        Assert.Equal(["oneToOne"], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("step").GetString()));
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);

        // A day on, the thank-you is due today and the window moves: the tag changes though no row did.
        using var before = await Client.GetAsync(new Uri("/api/followups?window=due", UriKind.Relative));
        World.Time.Advance(TimeSpan.FromDays(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/followups?window=due");
        request.Headers.TryAddWithoutValidation("If-None-Match", before.Headers.ETag!.Tag);
        using var after = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var moved = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts");
        Assert.Equal(1, moved.GetProperty("today").GetInt32());
    }

    [Fact]
    public async Task The_due_window_lists_what_was_done_lately_with_how_and_when_and_its_tag_moves_when_a_step_completes()
    {
        World.Mailbox.AddContact(new SandboxContactSeed("Dee", "Window", ["dee@window.example"], "Window Ltd"));
        World.Mailbox.AddContact(new SandboxContactSeed("Ed", "Window", ["ed@window.example"], "Window Ltd"));
        await Worker.SyncOnceAsync();
        using var before = await Client.GetAsync(new Uri("/api/followups?window=due", UriKind.Relative));
        var empty = await before.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, empty.GetProperty("done").GetArrayLength());

        // Dee's thank-you is sent from Outlook; Ed's connect step is marked done in the pane.
        World.Time.Advance(TimeSpan.FromMinutes(10));
        var deeDraft = World.Mailbox.Drafts.Single(d => d.ToRecipients.Any(r => r.Address == "dee@window.example"));
        var sent = World.Mailbox.SendDraft(deeDraft.Id);
        await Worker.SyncOnceAsync();
        World.Time.Advance(TimeSpan.FromMinutes(1));
        var all = (await GetJsonAsync("/api/followups")).GetProperty("items").EnumerateArray().ToList();
        var edConnect = all.Single(i => i.GetProperty("person").GetProperty("email").GetString() == "ed@window.example" && i.GetProperty("step").GetString() == "connect");
        using var marked = await Client.PostAsync(new Uri($"/api/followups/{edConnect.GetProperty("id").GetString()}/done", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/followups?window=due");
        request.Headers.TryAddWithoutValidation("If-None-Match", before.Headers.ETag!.Tag);
        using var after = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var done = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").EnumerateArray().ToList();
        Assert.Equal(
            [("ed@window.example", "connect", "marked"), ("dee@window.example", "thankYou", "sent")],
            done.Select(d => (d.GetProperty("person").GetProperty("email").GetString(), d.GetProperty("step").GetString(), d.GetProperty("completedVia").GetString())));
        var sentAt = DateTimeOffset.Parse(done[1].GetProperty("completedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(sent.SentDateTime, sentAt);
        Assert.Equal(MailboxTimeZone.Resolve(World.Mailbox.TimeZone).GetUtcOffset(sentAt), sentAt.Offset); // in the mailbox's zone

        // Unchanged, it revalidates as before; eight days on, what was done has left the list.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/followups?window=due");
        again.Headers.TryAddWithoutValidation("If-None-Match", after.Headers.ETag!.Tag);
        using var same = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        World.Time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, (await GetJsonAsync("/api/followups?window=due")).GetProperty("done").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/followups?window=soon", "window")]
    [InlineData("/api/followups?window=later&page=0", "page")]
    [InlineData("/api/followups?window=later&page=x", "page")]
    [InlineData("/api/followups?window=due&page=2", "page")]
    [InlineData("/api/followups?window=later&limit=501", "limit")]
    public async Task A_bad_window_or_page_is_a_problem_naming_it(string path, string field)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}

/// <summary>The versioned tags on PostgreSQL, where several worker processes may share the store: a write moves the tag, no write keeps it.</summary>
public sealed class ListETagPostgreSqlTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_write_moves_the_tag_and_no_write_keeps_it_on_PostgreSQL()
    {
        await using var store = await OfficeFollowUp.Tests.Store.TestStore.CreateAsync(OfficeFollowUp.Store.StoreOptions.PostgreSql);
        await using var worker = await _world.StartBaselinedWorkerAsync("--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={store.Options.ConnectionString}");
        using var client = worker.Client();
        _world.Mailbox.AddContact(new SandboxContactSeed("Eve", "Tester", ["eve@tag.example"], "Tag Ltd"));
        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync(); // the next round reads back the hold the first one placed

        using var first = await client.GetAsync(new Uri("/api/followups?window=due", UriKind.Relative));
        var tag = first.Headers.ETag!.Tag;
        await worker.SyncOnceAsync();
        Assert.Equal(HttpStatusCode.NotModified, (await RevalidateAsync(client, tag)).StatusCode);

        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetString();
        (await client.PostAsync(new Uri($"/api/followups/{id}/done", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var afterDone = await RevalidateAsync(client, tag);
        Assert.Equal(HttpStatusCode.OK, afterDone.StatusCode);
        Assert.NotEqual(tag, afterDone.Headers.ETag!.Tag);
    }

    private static async Task<HttpResponseMessage> RevalidateAsync(HttpClient client, string tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/followups?window=due");
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        return await client.SendAsync(request);
    }
}
