namespace OfficeFollowUp.Tests.Promises;

public sealed class PromiseApiTests : PairedWorkerTests
{
    private async Task<JsonElement> PromiseAsync(string text, TimeSpan dueIn)
    {
        var response = await Client.PostAsJsonAsync("/api/promises", new
        {
            person = new { email = "grace.liu@summitrealty.co.nz", displayName = "Grace Liu" },
            text,
            dueAt = World.Time.GetUtcNow() + dueIn,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<JsonElement>> ListAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/promises")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_promise_is_listed_becomes_overdue_and_leaves_the_list_when_done()
    {
        var promise = await PromiseAsync("Send her Łukasz's details", TimeSpan.FromDays(2));

        var listed = Assert.Single(await ListAsync());
        Assert.Equal(("open", false), (listed.GetProperty("state").GetString(), listed.GetProperty("overdue").GetBoolean()));
        Assert.Equal("Grace Liu", listed.GetProperty("person").GetProperty("displayName").GetString());

        World.Time.Advance(TimeSpan.FromDays(3));
        Assert.True(Assert.Single(await ListAsync()).GetProperty("overdue").GetBoolean());

        var done = await Client.PostAsync(new Uri($"/api/promises/{promise.GetProperty("id").GetString()}/done", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task A_snoozed_promise_comes_back_open_when_the_snooze_runs_out()
    {
        var id = (await PromiseAsync("Ask Tama about solar installers", TimeSpan.FromHours(1))).GetProperty("id").GetString();

        var snooze = await Client.PostAsJsonAsync($"/api/promises/{id}/snooze", new { until = World.Time.GetUtcNow().AddDays(1) });
        var snoozed = Assert.Single(await ListAsync());
        World.Time.Advance(TimeSpan.FromDays(2));
        var back = Assert.Single(await ListAsync());

        Assert.Equal(HttpStatusCode.OK, snooze.StatusCode);
        Assert.Equal("snoozed", snoozed.GetProperty("state").GetString());
        Assert.Equal(("open", true), (back.GetProperty("state").GetString(), back.GetProperty("overdue").GetBoolean()));
    }

    [Theory]
    [InlineData("""{"text":"x","dueAt":"2026-12-01T00:00:00Z"}""", "person")]
    [InlineData("""{"person":{"email":"nope"},"text":"x","dueAt":"2026-12-01T00:00:00Z"}""", "person.email")]
    [InlineData("""{"person":{"email":"grace.liu@summitrealty.co.nz"},"dueAt":"2026-12-01T00:00:00Z"}""", "text")]
    [InlineData("""{"person":{"email":"grace.liu@summitrealty.co.nz"},"text":"x"}""", "dueAt")]
    [InlineData("""{"person":{"email":"grace.liu@summitrealty.co.nz"},"text":"x","dueAt":"2026-12-01T00:00:00Z","eventId":"no-such-event"}""", "eventId")]
    public async Task Bad_promises_get_a_problem_naming_the_field_and_nothing_is_kept(string body, string field)
    {
        var response = await Client.PostAsync(new Uri("/api/promises", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(await ListAsync());
    }
}
