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
}
