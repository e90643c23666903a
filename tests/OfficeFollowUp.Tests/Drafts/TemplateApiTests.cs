namespace OfficeFollowUp.Tests.Drafts;

/// <summary>The user's own draft templates, over the real worker, SQLite file and Graph SDK against the sandbox.</summary>
public sealed class TemplateApiTests : PairedWorkerTests
{
    private string AddMixer(string email, string name)
    {
        var end = World.Time.GetUtcNow().AddHours(-1);
        List<SandboxAttendee> attendees = [new(World.Mailbox.User.DisplayName, World.Mailbox.User.Mail), new(name, email)];
        return World.Mailbox.AddEvent(new SandboxEventSeed("Harbour Business Mixer", end.AddHours(-2), end, attendees) { Categories = ["Networking"] });
    }

    [Fact]
    public async Task Every_kind_starts_with_its_default_and_names_its_slots()
    {
        var items = (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(
            ["thank-you", "referral-contact", "referral-check-in", "close-won", "close-in-progress", "close-not-a-fit", "close-no-response", "close-poor-meeting", "birthday"],
            items.Select(i => i.GetProperty("kind").GetString()!));
        Assert.All(items, i => Assert.False(i.GetProperty("custom").GetBoolean()));
        var thankYou = items[0];
        Assert.Contains("{Remembered}", thankYou.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("Promised", thankYou.GetProperty("slots").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task An_unknown_slot_is_refused_with_a_problem_naming_it()
    {
        var response = await Client.PutAsJsonAsync("/api/templates/thank-you", new { subject = "Hello {FirstNme}", body = "Hi {FirstName},\nSee you at {Venue}." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("{FirstNme} is not a slot", errors.GetProperty("subject")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("{Venue} is not a slot", errors.GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.False((await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items")[0].GetProperty("custom").GetBoolean());
    }

    [Fact]
    public async Task A_preview_renders_the_template_for_a_sample_person_with_every_value_encoded()
    {
        var response = await Client.PostAsJsonAsync("/api/templates/thank-you/preview",
            new { subject = "Coffee, {FirstName}?", body = "Hi {FirstName} <b>,\n{Remembered}\nCoffee at {Company}?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Coffee, Priya?", preview.GetProperty("subject").GetString());
        Assert.StartsWith("[Before sending: rewrite the highlighted part", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Hi Priya <b>,\n\n[You mentioned: her firm is moving to Ponsonby", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Hi Priya &lt;b&gt;,", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, preview.GetProperty("toEdit").GetInt32());
    }

    [Fact]
    public async Task The_users_template_writes_the_next_thank_you_draft_and_reset_brings_the_default_back()
    {
        var saved = await Client.PutAsJsonAsync("/api/templates/thank-you",
            new { subject = "Kia ora {FirstName}", body = "Kia ora {FirstName},\nLovely to meet you at {EventName}. Coffee soon?" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var mixer = AddMixer("guest@company.example", "Guest Person");
        await Worker.SyncOnceAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/api/prompts/{mixer}/follow-up",
            new { people = new[] { new { email = "guest@company.example", displayName = "Guest Person" } } })).StatusCode);

        await Worker.SyncOnceAsync();

        var draft = World.Mailbox.Drafts.Single(d => d.ToRecipients[0].Address == "guest@company.example");
        Assert.Equal("Kia ora Guest", draft.Subject);
        Assert.Contains("<p>Lovely to meet you at the Harbour Business Mixer. Coffee soon?</p>", draft.BodyContent, StringComparison.Ordinal);

        var reset = await Client.DeleteAsync("/api/templates/thank-you");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var item = (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items")[0];
        Assert.False(item.GetProperty("custom").GetBoolean());
        Assert.Equal(item.GetProperty("defaultBody").GetString(), item.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Two_panes_saving_the_same_wording_the_later_one_with_a_stale_tag_gets_412_and_without_a_tag_lands_as_before()
    {
        var read = (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items")[0].GetProperty("tag").GetString()!;
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string? ifMatch, string subject = "Kia ora {FirstName}")
        {
            using var request = new HttpRequestMessage(method, "/api/templates/thank-you");
            if (method == HttpMethod.Put)
            {
                request.Content = JsonContent.Create(new { subject, body = "Kia ora {FirstName}," });
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return await Client.SendAsync(request);
        }

        var first = await SendAsync(HttpMethod.Put, read, "First pane");
        var second = await SendAsync(HttpMethod.Put, read, "Second pane");
        var staleReset = await SendAsync(HttpMethod.Delete, read);
        var garbled = await SendAsync(HttpMethod.Put, "\"settings-1\"", "Garbled");
        var afterConflicts = (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items")[0];
        var fresh = first.Headers.ETag!.ToString();
        var reset = await SendAsync(HttpMethod.Delete, fresh);
        var oldPane = await SendAsync(HttpMethod.Put, null, "Old pane");

        Assert.Equal("\"template-default\"", read);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(fresh, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tag").GetString());
        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed),
            (second.StatusCode, staleReset.StatusCode, garbled.StatusCode));
        Assert.Equal(fresh, second.Headers.ETag!.ToString());
        Assert.Equal(("First pane", fresh), (afterConflicts.GetProperty("subject").GetString(), afterConflicts.GetProperty("tag").GetString()));
        Assert.Equal((HttpStatusCode.OK, "\"template-default\""), (reset.StatusCode, reset.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.OK, oldPane.StatusCode);
        Assert.Equal("Old pane", (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task The_preview_shows_what_helps_me_most_with_a_sample_while_Referrals_LookingFor_is_blank()
    {
        var close = (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("kind").GetString() == "close-won");

        var response = await Client.PostAsJsonAsync("/api/templates/close-won/preview",
            new { subject = close.GetProperty("subject").GetString(), body = close.GetProperty("body").GetString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\n\nAnd as a reminder of what helps me most: owners of growing trade businesses.\n\n",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_birthday_wording_previews_for_the_sample_person_and_refuses_a_slot_it_does_not_have()
    {
        var birthday = (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("kind").GetString() == "birthday");

        var preview = await Client.PostAsJsonAsync("/api/templates/birthday/preview",
            new { subject = birthday.GetProperty("subject").GetString(), body = birthday.GetProperty("body").GetString() });
        var refused = await Client.PutAsJsonAsync("/api/templates/birthday", new { subject = "Happy birthday {FirstName}", body = "See you at {EventName}!" });

        Assert.Equal(["FirstName", "FullName", "MyFirstName", "MyName", "Company", "Remembered"], birthday.GetProperty("slots").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var shown = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Happy birthday, Priya", shown.GetProperty("subject").GetString());
        Assert.StartsWith("Hi Priya,\n\nHappy birthday!", shown.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("\n\nYou mentioned that you are planning a trip to Japan.\n\n", shown.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("{EventName} is not a slot", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wording_written_in_German_in_an_English_mailbox_is_saved_as_German_and_previewed_with_the_German_frame()
    {
        var wording = new { subject = "Schön, Sie kennengelernt zu haben, {FirstName}", body = "Hallo {FirstName},\n{Remembered}\nHätten Sie Lust auf einen Kaffee?" };

        var preview = await (await Client.PostAsJsonAsync("/api/templates/thank-you/preview", wording)).Content.ReadFromJsonAsync<JsonElement>();
        var saved = await Client.PutAsJsonAsync("/api/templates/thank-you", wording);

        Assert.Equal("de", preview.GetProperty("language").GetString());
        Assert.StartsWith("[Vor dem Senden: den markierten Teil", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Hätten Sie Lust auf einen Kaffee?\n\nViele Grüße\nAlex", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("de", (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("language").GetString());
        var items = (await Client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["de", "en"], items.Select(i => i.GetProperty("language").GetString()).Distinct().Order());
        Assert.Equal("en", items.Single(i => i.GetProperty("kind").GetString() == "referral-contact").GetProperty("language").GetString());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync("/api/templates/birthday-poem")).StatusCode);
    }
}
