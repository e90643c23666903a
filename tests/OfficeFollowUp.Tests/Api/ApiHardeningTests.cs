using OfficeFollowUp.Auth;

namespace OfficeFollowUp.Tests.Api;

public sealed class ApiHardeningTests : IAsyncLifetime
{
    private const string AddInOrigin = "https://addin.example.com";
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;
    private string _dist = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _dist = await _world.WriteBuiltPaneAsync(new Dictionary<string, string>
        {
            ["taskpane.html"] = "<!doctype html><title>pane</title>",
            [".vite/manifest.json"] = """{"taskpane.html":{"file":"assets/taskpane.js"}}""",
            ["assets/taskpane.js"] = "export {};",
        });
        _worker = await _world.StartWorkerAsync(
            $"--TaskPane:DistFolder={_dist}",
            $"--Api:AllowedOrigins:0={AddInOrigin}",
            "--Api:RequestsPerMinute=5");
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/followups")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "GET" },
            { "Access-Control-Request-Headers", "authorization" },
        },
    };

    [Fact]
    public async Task A_preflight_from_the_add_in_origin_is_allowed_and_one_from_a_foreign_origin_is_refused()
    {
        using var client = _worker.Client(paired: false);

        var ours = await client.SendAsync(Preflight(AddInOrigin));
        var foreign = await client.SendAsync(Preflight("https://evil.example.net"));

        Assert.Equal(AddInOrigin, ours.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", string.Join(',', ours.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task A_cross_origin_read_from_a_foreign_origin_gets_no_cors_grant()
    {
        using var client = _worker.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { { "Origin", "https://evil.example.net" } } };

        var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_pane_page_has_a_policy_that_allows_office_js_and_outlook_framing_only()
    {
        using var client = _worker.Client(paired: false);

        var response = await client.GetAsync(new Uri("/taskpane.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com;", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com https://outlook.live.com https://*.officeapps.live.com", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/followups")]
    [InlineData("/health")]
    public async Task Api_responses_carry_nosniff_no_referrer_and_a_policy_that_loads_nothing(string path)
    {
        using var client = _worker.Client();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.ApiPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        // Plain http on loopback: no HSTS (it would pin every localhost port of the browser to https).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_refused_body_from_the_add_in_origin_keeps_its_cors_grant_so_the_pane_can_read_the_field()
    {
        using var client = _worker.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/followups/any/skip")
        {
            Headers = { { "Origin", AddInOrigin } },
            Content = new StringContent("""{"reasn":"typo"}""", Encoding.UTF8, "application/json"),
        };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AddInOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reasn", out _));
    }

    [Theory]
    [InlineData("/.vite/manifest.json")]
    [InlineData("/.VITE/manifest.json")]
    [InlineData("/assets/../.vite/manifest.json")]
    [InlineData("/.vite/")]
    public async Task Build_metadata_in_dot_folders_is_not_served(string path)
    {
        using var client = _worker.Client(paired: false);

        var hidden = await client.GetAsync(new Uri(path, UriKind.Relative));
        var asset = await client.GetAsync(new Uri("/assets/taskpane.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("taskpane.html", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413()
    {
        using var client = _worker.Client();
        var reason = new string('x', 100 * 1024);
        using var body = new StringContent(JsonSerializer.Serialize(new { reason }), Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/followups/any/skip", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Past_the_per_minute_budget_a_caller_gets_429_problem_details_with_retry_after()
    {
        using var client = _worker.Client();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var retryAfter = last.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        // Health is not rationed: monitoring keeps working while a caller is throttled.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }
}
