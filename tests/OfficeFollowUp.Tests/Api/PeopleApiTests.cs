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
    public async Task The_card_shows_the_contacts_notes_how_they_were_really_met_their_referrals_both_ways_and_how_steps_were_done()
    {
        _world.Mailbox.AddContact(new SandboxContactSeed("Rua", "Tane", ["rua@tane.example"], "Tane Ltd") { PersonalNotes = "Prefers a phone call." });
        await _worker.SyncOnceAsync();
        var met = _world.Time.GetUtcNow().AddHours(-2);
        _world.Mailbox.AddEvent(new SandboxEventSeed("Chamber mixer", met.AddHours(-1), met, [new SandboxAttendee("Rua Tane", "rua@tane.example")]));
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();
        (await client.PostAsJsonAsync("/api/referrals", new { direction = "received", partner = new { email = "rua@tane.example", displayName = "Rua Tane" }, prospect = new { displayName = "Sam Lee", email = "sam@lee.example" } })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/referrals", new { direction = "given", partner = new { email = "mere@parata.example", displayName = "Mere Parata" }, prospect = new { displayName = "Rua Tane", email = "rua@tane.example" } })).EnsureSuccessStatusCode();
        var card = await client.GetFromJsonAsync<JsonElement>("/api/people/rua@tane.example");
        var thankYou = card.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("step").GetString() == "thankYou").GetProperty("id").GetString();
        (await client.PostAsync(new Uri($"/api/followups/{thankYou}/done", UriKind.Relative), null)).EnsureSuccessStatusCode();

        card = await client.GetFromJsonAsync<JsonElement>("/api/people/rua@tane.example");

        Assert.Equal("Prefers a phone call.", card.GetProperty("notes").GetString());
        Assert.Equal(("event", "Chamber mixer"), (card.GetProperty("howMet").GetProperty("via").GetString(), card.GetProperty("howMet").GetProperty("subject").GetString()));
        var referrals = card.GetProperty("referrals").EnumerateArray()
            .Select(r => (r.GetProperty("role").GetString(), r.GetProperty("direction").GetString(), r.GetProperty("other").GetString())).ToList();
        Assert.Equal(2, referrals.Count);
        Assert.Contains(("partner", "received", "Sam Lee"), referrals);
        Assert.Contains(("prospect", "given", "Mere Parata"), referrals);
        var done = card.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == thankYou);
        Assert.Equal(("done", "marked"), (done.GetProperty("state").GetString(), done.GetProperty("completedVia").GetString()));
    }

    [Fact]
    public async Task A_contact_with_no_meeting_on_the_calendar_was_added_as_a_contact()
    {
        using var client = _worker.Client();
        var card = await client.GetFromJsonAsync<JsonElement>("/api/people/priya@harbourlaw.co.nz");
        Assert.Equal("contact", card.GetProperty("howMet").GetProperty("via").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("notes").ValueKind);
        Assert.Empty(card.GetProperty("referrals").EnumerateArray());
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
