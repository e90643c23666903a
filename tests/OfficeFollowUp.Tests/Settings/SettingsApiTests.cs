namespace OfficeFollowUp.Tests.Settings;

/// <summary>A person's own settings, over the real worker, SQLite file and Graph SDK against the sandbox.</summary>
public sealed class SettingsApiTests() : PairedWorkerTests(SandboxWorld.HoldsAtOnce)
{
    private static object Settings(
        string category = "Networking", string[]? keywords = null, int length = 30, int buffer = 15, string signature = "",
        int referralPartner = 14, int innerCircle = 30, int other = 90) => new
        {
            networkingCategory = category,
            subjectKeywords = keywords ?? ["mixer", "networking"],
            meetingLengthMinutes = length,
            meetingBufferMinutes = buffer,
            signature,
            cadences = new { referralPartner, innerCircle, other },
        };

    private async Task<JsonElement> PutAsync(object settings)
    {
        var response = await Client.PutAsJsonAsync("/api/settings", settings);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private string AddEvent(string subject, string[] categories, params SandboxAttendee[] guests)
    {
        var end = World.Time.GetUtcNow().AddHours(-1);
        List<SandboxAttendee> attendees = [new(World.Mailbox.User.DisplayName, World.Mailbox.User.Mail), .. guests];
        return World.Mailbox.AddEvent(new SandboxEventSeed(subject, end.AddHours(-2), end, attendees) { Categories = categories });
    }

    private async Task<List<string>> PromptedEventIdsAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/prompts")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("eventId").GetString()!).ToList();

    private async Task ChooseAsync(string eventId, string email, string name)
    {
        var response = await Client.PostAsJsonAsync($"/api/prompts/{eventId}/follow-up", new { people = new[] { new { email, displayName = name } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Settings_start_as_configured()
    {
        var settings = await Client.GetFromJsonAsync<JsonElement>("/api/settings");

        Assert.Equal("Networking", settings.GetProperty("networkingCategory").GetString());
        Assert.Contains("mixer", settings.GetProperty("subjectKeywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal((30, 15, ""), (settings.GetProperty("meetingLengthMinutes").GetInt32(), settings.GetProperty("meetingBufferMinutes").GetInt32(), settings.GetProperty("signature").GetString()));
        var cadences = settings.GetProperty("cadences");
        Assert.Equal((14, 30, 90), (cadences.GetProperty("referralPartner").GetInt32(), cadences.GetProperty("innerCircle").GetInt32(), cadences.GetProperty("other").GetInt32()));
    }

    [Fact]
    public async Task A_new_subject_keyword_makes_an_event_a_networking_event_with_a_prompt()
    {
        var lunch = AddEvent("Rotary lunch", [], new SandboxAttendee("Mere Tane", "mere@tane.example"));
        await Worker.SyncOnceAsync();
        Assert.DoesNotContain(lunch, await PromptedEventIdsAsync());

        var saved = await PutAsync(Settings(keywords: ["mixer", "  Rotary ", "rotary"]));

        Assert.Equal(["mixer", "Rotary"], saved.GetProperty("subjectKeywords").EnumerateArray().Select(k => k.GetString()!));
        Assert.Contains(lunch, await PromptedEventIdsAsync());
        var listed = (await Client.GetFromJsonAsync<JsonElement>("/api/events")).GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetString() == lunch);
        Assert.Equal("keyword", listed.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_changed_networking_category_is_the_one_that_counts()
    {
        var breakfast = AddEvent("Thursday breakfast", ["Clients"], new SandboxAttendee("Mere Tane", "mere@tane.example"));
        await Worker.SyncOnceAsync();
        Assert.DoesNotContain(breakfast, await PromptedEventIdsAsync());

        await PutAsync(Settings(category: "clients"));

        Assert.Contains(breakfast, await PromptedEventIdsAsync());
    }

    [Fact]
    public async Task A_changed_meeting_length_changes_the_length_of_the_hold()
    {
        await PutAsync(Settings(length: 45, buffer: 0));
        var mixer = AddEvent("Harbour Business Mixer", ["Networking"], new SandboxAttendee("Guest Person", "guest@company.example"));
        await Worker.SyncOnceAsync();
        await ChooseAsync(mixer, "guest@company.example", "Guest Person");

        await Worker.SyncOnceAsync();

        var hold = Assert.Single(World.Mailbox.CreatedEvents);
        Assert.Equal(TimeSpan.FromMinutes(45), hold.Data.End - hold.Data.Start);
    }

    [Fact]
    public async Task A_changed_signature_signs_the_next_thank_you_draft()
    {
        await PutAsync(Settings(signature: "Ada, Harbour Bakery"));
        var mixer = AddEvent("Harbour Business Mixer", ["Networking"], new SandboxAttendee("Guest Person", "guest@company.example"));
        await Worker.SyncOnceAsync();
        await ChooseAsync(mixer, "guest@company.example", "Guest Person");

        await Worker.SyncOnceAsync();

        var draft = World.Mailbox.Drafts.Single(d => d.ToRecipients[0].Address == "guest@company.example");
        Assert.Contains("Ada, Harbour Bakery", draft.BodyContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_cadence_changes_when_someone_is_overdue()
    {
        const string tama = "tama@ngataelectrical.co.nz";
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/people/{tama}/cadence", new { tier = "referralPartner" })).StatusCode);
        World.Time.Advance(TimeSpan.FromDays(8));
        var before = await Client.GetFromJsonAsync<JsonElement>("/api/keep-in-touch");
        Assert.DoesNotContain(before.GetProperty("overdue").EnumerateArray(), o => o.GetProperty("person").GetProperty("email").GetString() == tama);

        await PutAsync(Settings(referralPartner: 7));

        var after = await Client.GetFromJsonAsync<JsonElement>("/api/keep-in-touch");
        var overdue = after.GetProperty("overdue").EnumerateArray().Single(o => o.GetProperty("person").GetProperty("email").GetString() == tama);
        Assert.Equal(7, overdue.GetProperty("cadenceDays").GetInt32());
    }

    [Theory]
    [InlineData("subjectKeywords[1]")]
    [InlineData("meetingLengthMinutes")]
    [InlineData("meetingBufferMinutes")]
    [InlineData("networkingCategory")]
    [InlineData("signature")]
    [InlineData("cadences.innerCircle")]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        var bad = field switch
        {
            "subjectKeywords[1]" => Settings(keywords: ["mixer", " ", "meetup"], signature: "Changed"),
            "meetingLengthMinutes" => Settings(length: 5, signature: "Changed"),
            "meetingBufferMinutes" => Settings(buffer: 121, signature: "Changed"),
            "networkingCategory" => Settings(category: new string('x', 256), signature: "Changed"),
            "signature" => Settings(signature: new string('s', 201)),
            "cadences.innerCircle" => Settings(innerCircle: 731, signature: "Changed"),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var response = await Client.PutAsJsonAsync("/api/settings", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var mailboxId = (await Worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        Assert.Equal(OfficeFollowUp.Settings.SettingsOverrides.None, await Worker.Get<SettingsStore>().GetAsync(mailboxId, CancellationToken.None));
        Assert.Equal("", (await Client.GetFromJsonAsync<JsonElement>("/api/settings")).GetProperty("signature").GetString());
    }

    [Fact]
    public async Task Too_many_keywords_are_refused()
    {
        var response = await Client.PutAsJsonAsync("/api/settings", Settings(keywords: [.. Enumerable.Range(1, 31).Select(i => $"k{i}")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subjectKeywords", out _));
    }

    [Fact]
    public async Task Settings_need_the_pairing_key_or_a_token()
    {
        using var anonymous = Worker.Client(paired: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/settings", Settings())).StatusCode);
    }
}
