namespace OfficeFollowUp.Tests.Api;

public sealed class PeopleApiTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(new SandboxContactSeed("Priya", "Raman", ["priya@harbourlaw.co.nz"], "Harbour Law"));
        await _worker.SyncOnceAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task The_person_card_shows_who_they_are_their_track_and_the_last_meeting()
    {
        var met = _world.Time.GetUtcNow().AddHours(-1);
        _world.Mailbox.AddEvent(new SandboxEventSeed("Coffee with Priya", met.AddMinutes(-45), met, [new SandboxAttendee("Priya Raman", "Priya@HarbourLaw.co.nz")]));
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();

        var card = await client.GetFromJsonAsync<JsonElement>("/api/people/PRIYA@harbourlaw.co.nz");

        Assert.True(card.GetProperty("known").GetBoolean());
        Assert.Equal("Priya Raman", card.GetProperty("displayName").GetString());
        Assert.Equal("Harbour Law", card.GetProperty("companyName").GetString());
        Assert.Equal(["thankYou", "connect", "oneToOne"], card.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Equal("Coffee with Priya", card.GetProperty("lastMeeting").GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Someone_unknown_gets_an_empty_card_not_an_error()
    {
        using var client = _worker.Client();

        var card = await client.GetFromJsonAsync<JsonElement>("/api/people/stranger@nowhere.example");

        Assert.False(card.GetProperty("known").GetBoolean());
        Assert.Empty(card.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task The_one_thing_to_remember_is_saved_and_shown()
    {
        using var client = _worker.Client();

        var response = await client.PutAsJsonAsync("/api/people/priya@harbourlaw.co.nz/remember", new { remember = "Training for the Auckland marathon" });
        var bad = await client.PutAsJsonAsync("/api/people/priya@harbourlaw.co.nz/remember", new { remember = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Training for the Auckland marathon", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("remember").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("remember", out _));
    }

    [Fact]
    public async Task The_scorecard_matches_the_store()
    {
        using var client = _worker.Client();
        var thankYou = (await client.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items").EnumerateArray().First(i => i.GetProperty("step").GetString() == "thankYou");
        await client.PostAsync(new Uri($"/api/followups/{thankYou.GetProperty("id").GetString()}/done", UriKind.Relative), null);

        var card = await client.GetFromJsonAsync<JsonElement>("/api/scorecard");

        Assert.Equal(1, card.GetProperty("acquaintances").GetInt32());
        // A click on Done is the user's word, not a thank-you the mailbox shows sent: 0 of 1 thanked, 1 marked by you.
        Assert.Equal(0.0, card.GetProperty("thankedWithin24Hours").GetDouble());
        var thanked = card.GetProperty("thanked");
        Assert.Equal((0, 1, 1), (thanked.GetProperty("onTime").GetInt32(), thanked.GetProperty("of").GetInt32(), thanked.GetProperty("markedOnTime").GetInt32()));
        Assert.Equal(JsonValueKind.Null, card.GetProperty("medianHoursToThankYou").ValueKind);
        Assert.Equal(8, card.GetProperty("weeks").GetArrayLength());
    }
}
