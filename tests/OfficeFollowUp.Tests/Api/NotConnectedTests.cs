using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFollowUp.Tests.Integration;

namespace OfficeFollowUp.Tests.Api;

/// <summary>
/// Before the first sync has connected the mailbox the pane still opens: its lists are empty, an item
/// cannot exist (404), and an action that needs the mailbox gets the one "not connected" answer.
/// A bad body is still named first, so the user fixes their input once.
/// </summary>
public sealed class NotConnectedTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _worker = await _world.StartWorkerAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/followups", """{"timeZone":"UTC","items":[]}""")]
    [InlineData("/api/followups?window=due", """{"timeZone":"UTC","items":[],"counts":{"overdue":0,"today":0,"thisWeek":0,"later":0},"next":null}""")]
    [InlineData("/api/referrals", """{"timeZone":"UTC","items":[]}""")]
    [InlineData("/api/promises", """{"timeZone":"UTC","items":[]}""")]
    [InlineData("/api/keep-in-touch", """{"timeZone":"UTC","overdue":[],"birthdays":[],"tracked":0,"untracked":0}""")]
    [InlineData("/api/prompts", """{"items":[]}""")]
    [InlineData("/api/events", """{"items":[]}""")]
    public async Task Lists_are_empty(string path, string expected)
    {
        using var client = _worker.Client();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_person_card_knows_nobody_yet()
    {
        using var client = _worker.Client();

        var card = await client.GetFromJsonAsync<JsonElement>("/api/people/ana@example.com");

        Assert.False(card.GetProperty("known").GetBoolean());
        Assert.Equal("ana@example.com", card.GetProperty("email").GetString());
        Assert.Equal(0, card.GetProperty("steps").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/followups/x/done", "{}", "No such follow-up")]
    [InlineData("/api/promises/x/done", "{}", "No such promise")]
    [InlineData("/api/referrals/x/contacted", "{}", "No such referral")]
    [InlineData("/api/prompts/x/dismiss", "{}", "No such event")]
    [InlineData("/api/outbox/x/retry", "{}", "No such outbox item")]
    public async Task An_item_does_not_exist(string path, string body, string title)
    {
        using var client = _worker.Client();

        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("PUT", "/api/people/ana@example.com/remember", """{"remember":"Runs a bakery"}""")]
    [InlineData("PUT", "/api/people/ana@example.com/cadence", """{"tier":"innerCircle"}""")]
    [InlineData("POST", "/api/promises", """{"person":{"email":"ana@example.com"},"text":"Send the deck","dueAt":"2026-12-01T09:00:00Z"}""")]
    public async Task An_action_gets_the_one_not_connected_answer(string method, string path, string body)
    {
        using var client = _worker.Client();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Mailbox not connected", problem.GetProperty("title").GetString());
        Assert.Equal("Connect the mailbox first.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bad_body_is_named_before_the_mailbox_is_looked_up()
    {
        using var client = _worker.Client();

        var response = await client.PutAsJsonAsync("/api/people/ana@example.com/remember", new { remember = "" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("remember", out _));
    }
}
