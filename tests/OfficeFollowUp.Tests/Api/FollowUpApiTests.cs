using OfficeFollowUp.Api;

namespace OfficeFollowUp.Tests.Api;

public sealed class FollowUpApiTests : IAsyncLifetime
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

    private async Task<JsonElement> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/api/followups", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("GET", "/api/followups")]
    [InlineData("GET", "/api/status")]
    [InlineData("POST", "/api/followups/x/done")]
    public async Task Every_endpoint_but_health_needs_the_pairing_key(string method, string path)
    {
        using var anonymous = _worker.Client(paired: false);
        using var wrong = _worker.Client(paired: false);
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-key");

        var none = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var bad = await wrong.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var health = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void The_key_file_is_readable_only_by_the_user()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(_worker.Get<ApiKey>().FilePath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.True(_worker.Get<ApiKey>().Value.Length >= 40);
    }

    [Fact]
    public async Task The_pending_list_shows_person_step_due_time_and_state_in_the_mailbox_time_zone()
    {
        using var client = _worker.Client();

        var list = await ListAsync(client);

        Assert.Equal("Pacific/Auckland", list.GetProperty("timeZone").GetString());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["thankYou", "connect", "oneToOne"], items.Select(i => i.GetProperty("step").GetString()));
        var thankYou = items[0];
        Assert.Equal("Zoë Ångström", thankYou.GetProperty("person").GetProperty("displayName").GetString());
        Assert.Equal("zoe@nordic.design", thankYou.GetProperty("person").GetProperty("email").GetString());
        Assert.Equal("prepared", thankYou.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(thankYou.GetProperty("draftId").GetString()));
        Assert.EndsWith("+13:00", thankYou.GetProperty("dueAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_snooze_and_skip_change_the_list()
    {
        using var client = _worker.Client();
        var ids = (await ListAsync(client)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

        var done = await client.PostAsync(new Uri($"/api/followups/{ids[0]}/done", UriKind.Relative), null);
        var snooze = await client.PostAsJsonAsync($"/api/followups/{ids[1]}/snooze", new { until = _world.Time.GetUtcNow().AddDays(2) });
        var skip = await client.PostAsJsonAsync($"/api/followups/{ids[2]}/skip", new { reason = "We already meet monthly" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { done.StatusCode, snooze.StatusCode, skip.StatusCode });
        var marked = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("marked", marked.GetProperty("completedVia").GetString());
        Assert.Equal(_world.Time.GetUtcNow(), marked.GetProperty("completedAt").GetDateTimeOffset());
        var remaining = (await ListAsync(client)).GetProperty("items").EnumerateArray().ToList();
        var item = Assert.Single(remaining);
        Assert.Equal((ids[1], "snoozed"), (item.GetProperty("id").GetString(), item.GetProperty("state").GetString()));

        var reopen = await client.PostAsJsonAsync($"/api/followups/{ids[0]}/skip", new { reason = "changed my mind" });
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
    }

    [Theory]
    [InlineData("snooze", "{}", "until")]
    [InlineData("snooze", "{\"until\":\"2020-01-01T00:00:00Z\"}", "until")]
    [InlineData("skip", "{\"reason\":\"\"}", "reason")]
    [InlineData("skip", "{}", "reason")]
    public async Task Bad_input_gets_problem_details_naming_the_field(string action, string body, string field)
    {
        using var client = _worker.Client();
        var id = (await ListAsync(client)).GetProperty("items")[0].GetProperty("id").GetString();

        var response = await client.PostAsync(new Uri($"/api/followups/{id}/{action}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(3, (await ListAsync(client)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_follow_up_is_404_problem_details()
    {
        using var client = _worker.Client();

        var response = await client.PostAsync(new Uri("/api/followups/does-not-exist/done", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Status_reports_each_contact_folder_sync()
    {
        using var client = _worker.Client();

        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");

        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Equal(1, status.GetProperty("acquaintances").GetInt32());
        Assert.All(status.GetProperty("sync").EnumerateArray(), s => Assert.Equal("Incremental", s.GetProperty("stage").GetString()));
    }
}
