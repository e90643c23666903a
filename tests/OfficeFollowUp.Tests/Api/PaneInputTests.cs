namespace OfficeFollowUp.Tests.Api;

/// <summary>The stricter API still takes what the pane sends: enum names in its casing, offsets, notes over several lines.</summary>
public sealed class PaneInputTests : PairedWorkerTests
{
    [Fact]
    public async Task A_person_met_with_a_multi_line_note_and_a_channel_name_is_followed_up_and_reads_back_as_sent()
    {
        var end = World.Time.GetUtcNow().AddHours(-1);
        var mixer = World.Mailbox.AddEvent(new SandboxEventSeed("Harbour Business Mixer", end.AddHours(-2), end,
            [new(World.Mailbox.User.DisplayName, World.Mailbox.User.Mail), new("Guest One", "guest1@company1.example")])
        { Categories = ["Networking"] });
        await Worker.SyncOnceAsync();
        const string remember = "Two things:\r\n\t- a second café in Petone\n\t- her daughter's rowing";
        var body = JsonSerializer.Serialize(new { people = new[] { new { email = "guest1@company1.example", displayName = "Guest One", remember, preferredChannel = "whatsApp" } } });

        var response = await Client.PostAsync(new Uri($"/api/prompts/{Uri.EscapeDataString(mixer)}/follow-up", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = await Client.GetFromJsonAsync<JsonElement>("/api/people/guest1@company1.example");
        Assert.Equal(remember, card.GetProperty("remember").GetString());
        Assert.Equal("whatsApp", card.GetProperty("preferredChannel").GetString());
    }

    [Fact]
    public async Task A_snooze_at_the_mailbox_zones_offset_is_kept_to_the_instant()
    {
        World.Mailbox.AddContact(new SandboxContactSeed("Zoë", "Ångström", ["zoe@nordic.design"]));
        await Worker.SyncOnceAsync();
        var id = (await Client.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items")[0].GetProperty("id").GetString();

        var response = await Client.PostAsync(new Uri($"/api/followups/{id}/snooze", UriKind.Relative),
            new StringContent("""{"until":"2026-11-27T09:00:00+13:00"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var until = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("snoozedUntil").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero), until);
    }
}
