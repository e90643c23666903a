namespace OfficeFollowUp.Tests.Api;

/// <summary>GET /api/events says which events the Events tab hides by default, and why.</summary>
public sealed class EventsApiTests() : PairedWorkerTests(SandboxWorld.HoldsAtOnce)
{
    [Fact]
    public async Task The_hold_the_product_placed_is_listed_as_hidden_because_it_is_its_own()
    {
        World.Mailbox.AddContact(new SandboxContactSeed("Hana", "Tester", ["hana@hold.example"], "Hold Ltd"));
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync(); // reads back the hold the first round placed

        var followUps = await Client.GetFromJsonAsync<JsonElement>("/api/followups");
        var holdId = followUps.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("holdEventId")).Single(h => h.ValueKind == JsonValueKind.String).GetString();
        var events = await Client.GetFromJsonAsync<JsonElement>("/api/events");
        var hold = events.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetString() == holdId);

        Assert.Equal("ownHold", hold.GetProperty("hidden").GetString());
        Assert.Equal(JsonValueKind.Null, hold.GetProperty("allDay").ValueKind);
    }

    [Fact]
    public async Task A_weekly_stand_up_with_colleagues_is_hidden_as_such_and_a_weekly_meeting_with_a_client_is_shown()
    {
        var user = World.Mailbox.User;
        var domain = user.Mail[(user.Mail.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var start = World.Time.GetUtcNow().AddHours(2);
        var weekly = SandboxRecurrence.Weekly(start.DayOfWeek);
        World.Mailbox.AddEvent(new SandboxEventSeed("Team stand-up", start, start.AddMinutes(15),
            [new(user.DisplayName, user.Mail), new("Bo Colleague", $"bo@{domain}"), new("Cy Colleague", $"cy@{domain}")]) { Recurrence = weekly });
        World.Mailbox.AddEvent(new SandboxEventSeed("Client check-in", start.AddHours(1), start.AddHours(2),
            [new("Bo Colleague", $"bo@{domain}"), new("Dee Client", "dee@client.example")]) { Recurrence = weekly });
        await Worker.SyncOnceAsync();

        var events = (await Client.GetFromJsonAsync<JsonElement>("/api/events")).GetProperty("items").EnumerateArray().ToList();
        var standUps = events.Where(e => e.GetProperty("subject").GetString() == "Team stand-up").ToList();
        var checkIns = events.Where(e => e.GetProperty("subject").GetString() == "Client check-in").ToList();

        Assert.NotEmpty(standUps);
        Assert.All(standUps, e => Assert.Equal("recurringColleagues", e.GetProperty("hidden").GetString()));
        Assert.NotEmpty(checkIns);
        Assert.All(checkIns, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("hidden").ValueKind));
    }
}
