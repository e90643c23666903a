using System.Net.Http.Headers;

namespace OfficeFollowUp.Tests.Api;

/// <summary>
/// One worker with something of everything in it: a follow-up track, an event prompt, a referral, a
/// promise, a keep-in-touch cadence that is overdue, changed settings. Each family's table of bad
/// requests must get a 400 problem naming the field, and every list the pane reads must read back
/// exactly as before (DESIGN.md rule 8: bad input gets a clear error and loses nothing).
/// </summary>
public sealed class BadInputWorld : IAsyncLifetime
{
    public const string Tama = "tama@ngataelectrical.co.nz";
    public const string Prospect = "ana@silva.example";

    public SandboxWorld World { get; private set; } = null!;

    public RunningWorker Worker { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Dictionary<string, string> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        World = await SandboxWorld.StartAsync();
        // Hundreds of requests in a few seconds, some with wrong keys on purpose: lift both limits.
        Worker = await World.StartWorkerAsync("--Api:RequestsPerMinute=100000", "--Api:FailedSignInLimit=10000");
        await Worker.SyncOnceAsync();
        Client = Worker.Client();

        World.Mailbox.AddContact(new SandboxContactSeed("Zoë", "Ångström", ["zoe@nordic.design"], "Nordic Design"));
        var end = World.Time.GetUtcNow().AddHours(-1);
        Ids["event"] = World.Mailbox.AddEvent(new SandboxEventSeed("Harbour Business Mixer", end.AddHours(-2), end,
            [new(World.Mailbox.User.DisplayName, World.Mailbox.User.Mail), new("Guest One", "guest1@company1.example"), new("Guest Two", "guest2@company2.example")])
        { Categories = ["Networking"] });
        await Worker.SyncOnceAsync();

        Ok(await Client.PutAsJsonAsync($"/api/people/{Tama}/cadence", new { tier = "referralPartner", cadenceDays = 7 }));
        World.Time.Advance(TimeSpan.FromDays(8));
        Ok(await Client.PutAsJsonAsync($"/api/people/{Tama}/remember", new { remember = "Rewiring the marae kitchen" }));

        Ids["followUp"] = (await Client.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items")[0].GetProperty("id").GetString()!;
        Ids["referral"] = (await ReadAsync(await Client.PostAsJsonAsync("/api/referrals", new
        {
            direction = "received",
            partner = new { email = "sam@taylorlaw.example", displayName = "Sam Taylor" },
            prospect = new { displayName = "Ana Silva", email = Prospect },
        }))).GetProperty("id").GetString()!;
        Ids["promise"] = (await ReadAsync(await Client.PostAsJsonAsync("/api/promises", new
        {
            person = new { email = "guest1@company1.example", displayName = "Guest One" },
            text = "Send the lease guide",
            dueAt = World.Time.GetUtcNow().AddDays(3),
        }))).GetProperty("id").GetString()!;
        Ok(await Client.PutAsJsonAsync("/api/settings", new
        {
            networkingCategory = "Networking",
            subjectKeywords = new[] { "mixer", "chamber" },
            meetingLengthMinutes = 45,
            meetingBufferMinutes = 10,
            signature = "Kiri",
            cadences = new { referralPartner = 14, innerCircle = 30, other = 90 },
        }));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Worker.DisposeAsync();
        await World.DisposeAsync();
    }

    /// <summary>Everything the pane can read back, as the API answers it.</summary>
    public async Task<string> SnapshotAsync()
    {
        var reads = new[]
        {
            "/api/followups", "/api/prompts", "/api/events", "/api/referrals", $"/api/referrals/{Ids["referral"]}", "/api/promises",
            "/api/keep-in-touch", $"/api/people/{Tama}", $"/api/people/{Prospect}", "/api/settings", "/api/scorecard",
        };
        var text = new StringBuilder();
        foreach (var path in reads)
        {
            var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text.Append(path).Append(" → ").AppendLine(await response.Content.ReadAsStringAsync());
        }
        return text.ToString();
    }

    private static void Ok(HttpResponseMessage response) => Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Ok(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class BadInputTests(BadInputWorld world) : IClassFixture<BadInputWorld>
{
    /// <summary>No body at all; the others are sent as they are, with Content-Type application/json.</summary>
    private const string NoBody = "(none)";

    private const string Tama = BadInputWorld.Tama;

    /// <summary>312 characters, the length the acceptance run used; well-formed otherwise.</summary>
    private static readonly string LongEmail = new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";

    private static readonly string Until = "2026-12-20T09:00:00+13:00";

    public static TheoryData<string, string, string, string> FollowUps => new()
    {
        { "POST", "/api/followups/{followUp}/snooze", NoBody, "body" },
        { "POST", "/api/followups/{followUp}/snooze", "null", "body" },
        { "POST", "/api/followups/{followUp}/snooze", "{}", "until" },
        { "POST", "/api/followups/{followUp}/snooze", $$"""{"untill":"{{Until}}"}""", "untill" },
        { "POST", "/api/followups/{followUp}/snooze", """{"until":20261220}""", "until" },
        { "POST", "/api/followups/{followUp}/snooze", """{"until":"2026-12-20T09:00:00"}""", "until" },
        { "POST", "/api/followups/{followUp}/snooze", """{"until":"2026-12-20"}""", "until" },
        { "POST", "/api/followups/{followUp}/snooze", $$"""{"until":"{{Until}}","until":"2026-12-21T09:00:00+13:00"}""", "until" },
        { "POST", "/api/followups/{followUp}/snooze", """{"until":""", "body" },
        { "POST", "/api/followups/{followUp}/snooze", "[]", "body" },
        { "POST", "/api/followups/{followUp}/skip", """{"reason":"on\u0000purpose"}""", "reason" },
        { "POST", "/api/followups/{followUp}/skip", """{"reason":"C1\u0085control"}""", "reason" },
        { "POST", "/api/followups/{followUp}/skip", """{"reason":["a list"]}""", "reason" },
        { "POST", "/api/followups/{followUp}/skip", """{"reason":"Met already","reasonCode":3}""", "reasonCode" },
        { "POST", "/api/followups/soh%01id/skip", """{"reason":"Met already"}""", "id" },
    };

    public static TheoryData<string, string, string, string> PromptsAndEvents => new()
    {
        { "POST", "/api/prompts/{event}/follow-up", NoBody, "body" },
        { "POST", "/api/prompts/{event}/follow-up", "null", "body" },
        { "POST", "/api/prompts/{event}/follow-up", "{}", "people" },
        { "POST", "/api/prompts/{event}/follow-up", """{"peple":[{"email":"guest1@company1.example","displayName":"Guest One"}]}""", "peple" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":"guest1@company1.example"}""", "people" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","preferredChannel":2}]}""", "people[0].preferredChannel" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","preferredChannel":99}]}""", "people[0].preferredChannel" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","preferredChannel":"99"}]}""", "people[0].preferredChannel" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","preferredChannel":"email, phone"}]}""", "people[0].preferredChannel" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","preferedChannel":"email"}]}""", "people[0].preferedChannel" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest\u0000One"}]}""", "people[0].displayName" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","remember":"two\nlines\u0007"}]}""", "people[0].remember" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","promised":"a\nb"}]}""", "people[0].promised" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"<script>@x.com","displayName":"Guest One"}]}""", "people[0].email" },
        { "POST", "/api/prompts/{event}/follow-up", $$"""{"people":[{"email":"{{LongEmail}}","displayName":"Guest One"}]}""", "people[0].email" },
        { "POST", "/api/prompts/{event}/follow-up", """{"people":[{"email":"guest1@company1.example","displayName":"Guest One","known":true}]}""", "people[0].known" },
        { "POST", "/api/events/{event}/networking", NoBody, "body" },
        { "POST", "/api/events/{event}/networking", "{}", "isNetworking" },
        { "POST", "/api/events/{event}/networking", """{"isNetworking":"yes"}""", "isNetworking" },
        { "POST", "/api/events/{event}/networking", """{"isNetworking":1}""", "isNetworking" },
        { "POST", "/api/events/{event}/networking", """{"isNetworkin":false}""", "isNetworkin" },
        { "POST", "/api/events/bad%01id/networking", """{"isNetworking":false}""", "eventId" },
    };

    public static TheoryData<string, string, string, string> Referrals => new()
    {
        { "POST", "/api/referrals", NoBody, "body" },
        { "POST", "/api/referrals", "null", "body" },
        { "POST", "/api/referrals", "{}", "direction" },
        { "POST", "/api/referrals", """{"direction":1,"partner":{"email":"sam@taylorlaw.example"},"prospect":{"displayName":"Lee","phone":"021 555 0101"}}""", "direction" },
        { "POST", "/api/referrals", """{"direction":"sideways","partner":{"email":"sam@taylorlaw.example"},"prospect":{"displayName":"Lee","phone":"021 555 0101"}}""", "direction" },
        { "POST", "/api/referrals", """{"direction":"given","partner":{"email":"sam@taylorlaw.example"},"prospect":{"displayName":"Lee","phone":"021 555 0101"},"referredAt":"2026-11-30T10:00:00"}""", "referredAt" },
        { "POST", "/api/referrals", """{"direction":"given","partner":{"emial":"sam@taylorlaw.example"},"prospect":{"displayName":"Lee","phone":"021 555 0101"}}""", "partner.emial" },
        { "POST", "/api/referrals", """{"direction":"given","partner":{"email":"<script>@x.com"},"prospect":{"displayName":"Lee","phone":"021 555 0101"}}""", "partner.email" },
        { "POST", "/api/referrals", """{"direction":"given","partner":{"email":"sam@taylorlaw.example"},"prospect":{"displayName":"Lee\u0000","phone":"021 555 0101"}}""", "prospect.displayName" },
        { "POST", "/api/referrals", """{"direction":"given","partner":{"email":"sam@taylorlaw.example"},"prospect":{"displayName":"Lee","phone":"021 555 0101"},"note":"ok\n\u001b[31m"}""", "note" },
        { "POST", "/api/referrals", """{"direction":"received","partner":{"email":"sam@taylorlaw.example"},"prospect":{"displayName":"Lee","phone":"021 555 0101"},"copyPartner":"yes"}""", "copyPartner" },
        { "POST", "/api/referrals/{referral}/outcome", NoBody, "body" },
        { "POST", "/api/referrals/{referral}/outcome", "{}", "outcome" },
        { "POST", "/api/referrals/{referral}/outcome", """{"outcome":0}""", "outcome" },
        { "POST", "/api/referrals/{referral}/outcome", """{"outcome":"wonn"}""", "outcome" },
        { "POST", "/api/referrals/{referral}/outcome", """{"outcome":"won","value":"5000"}""", "value" },
        { "POST", "/api/referrals/{referral}/outcome", """{"outcome":"won","valeu":5000}""", "valeu" },
        { "POST", "/api/referrals/{referral}/partner-followed-up", "null", "body" },
        { "POST", "/api/referrals/{referral}/partner-followed-up", """{"followedUp":"true"}""", "followedUp" },
        { "GET", "/api/partners/%3Cscript%3E@x.com/reciprocity", NoBody, "email" },
        { "GET", "/api/referrals/detect?messageId=AAM%00kAG", NoBody, "messageId" },
    };

    public static TheoryData<string, string, string, string> Promises => new()
    {
        { "POST", "/api/promises", NoBody, "body" },
        { "POST", "/api/promises", "null", "body" },
        { "POST", "/api/promises", "{}", "person" },
        { "POST", "/api/promises", """{"person":{"email":"guest2@company2.example"},"text":"Intro to Sam","dueAt":"2026-12-20T09:00:00"}""", "dueAt" },
        { "POST", "/api/promises", """{"person":{"email":"guest2@company2.example"},"text":"Intro to Sam","dueAt":1797000000}""", "dueAt" },
        { "POST", "/api/promises", """{"person":{"email":"guest2@company2.example"},"text":"Intro\u0000to Sam","dueAt":"2026-12-20T09:00:00Z"}""", "text" },
        { "POST", "/api/promises", """{"person":{"email":"guest2@company2.example"},"text":"Intro to Sam","dueAt":"2026-12-20T09:00:00Z","due":"soon"}""", "due" },
        { "POST", "/api/promises", $$"""{"person":{"email":"{{LongEmail}}"},"text":"Intro to Sam","dueAt":"2026-12-20T09:00:00Z"}""", "person.email" },
        { "POST", "/api/promises", """{"person":"guest2@company2.example","text":"Intro to Sam","dueAt":"2026-12-20T09:00:00Z"}""", "person" },
        { "POST", "/api/promises/{promise}/snooze", NoBody, "body" },
        { "POST", "/api/promises/{promise}/snooze", """{"until":"2026-12-20T09:00"}""", "until" },
        { "POST", "/api/promises/{promise}/snooze", """{"snoozeUntil":"2026-12-20T09:00:00Z"}""", "snoozeUntil" },
    };

    public static TheoryData<string, string, string, string> KeepInTouchAndPeople => new()
    {
        { "PUT", $"/api/people/{Tama}/cadence", NoBody, "body" },
        { "PUT", $"/api/people/{Tama}/cadence", "null", "body" },
        { "PUT", $"/api/people/{Tama}/cadence", "{}", "tier" },
        { "PUT", $"/api/people/{Tama}/cadence", """{"tyre":"innerCircle"}""", "tyre" },
        { "PUT", $"/api/people/{Tama}/cadence", """{"tier":"innerCircle","cadenceDays":"30"}""", "cadenceDays" },
        { "PUT", $"/api/people/{Tama}/cadence", """{"tier":"innerCircle","cadenceDays":30.5}""", "cadenceDays" },
        { "PUT", $"/api/people/{Tama}/cadence", """{"tier":2}""", "tier" },
        { "PUT", $"/api/people/{Tama}/cadence", """{"tier":"bestFriends"}""", "tier" },
        { "PUT", $"/api/people/{Tama}/cadence", """{"tier":"innerCircle","displayName":"Tama\u0000"}""", "displayName" },
        { "PUT", "/api/people/%3Cscript%3E@x.com/cadence", """{"tier":"innerCircle"}""", "email" },
        { "PUT", $"/api/people/{LongEmail}/cadence", """{"tier":"innerCircle"}""", "email" },
        { "PUT", "/api/people/tama%01@ngataelectrical.co.nz/cadence", """{"tier":"innerCircle"}""", "email" },
        { "PUT", "/api/people/tama%E2%80%8B@ngataelectrical.co.nz/cadence", """{"tier":"innerCircle"}""", "email" },
        { "PUT", $"/api/people/{Tama}/remember", "{}", "remember" },
        { "PUT", $"/api/people/{Tama}/remember", """{"remember":"Fishing\u0000"}""", "remember" },
        { "PUT", $"/api/people/{Tama}/remember", """{"rememberr":"Fishing"}""", "rememberr" },
        { "PUT", "/api/people/%3Cscript%3E@x.com/remember", """{"remember":"Fishing"}""", "email" },
        { "GET", $"/api/people/{LongEmail}", NoBody, "email" },
        { "GET", "/api/people/a@b", NoBody, "email" },
    };

    public static TheoryData<string, string, string, string> Settings => new()
    {
        { "PUT", "/api/settings", NoBody, "body" },
        { "PUT", "/api/settings", "null", "body" },
        { "PUT", "/api/settings", "{}", "networkingCategory" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"signature\"", "\"signatur\"", StringComparison.Ordinal), "signatur" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"meetingLengthMinutes\":30", "\"meetingLengthMinutes\":\"30\"", StringComparison.Ordinal), "meetingLengthMinutes" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"meetingLengthMinutes\":30", "\"meetingLengthMinutes\":30.5", StringComparison.Ordinal), "meetingLengthMinutes" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"mixer\"", "\"mixer\\u0000\"", StringComparison.Ordinal), "subjectKeywords[0]" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"Kiri\"", "\"Kiri\\nNgata\"", StringComparison.Ordinal), "signature" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"other\":90", "\"other\":\"x\"", StringComparison.Ordinal), "cadences.other" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"other\":90", "\"other\":90,\"everyone\":60", StringComparison.Ordinal), "cadences.everyone" },
        { "PUT", "/api/settings", ValidSettings.Replace("\"Networking\"", "5", StringComparison.Ordinal), "networkingCategory" },
    };

    /// <summary>Differs from the stored settings in every value, so accepting it by mistake would show.</summary>
    private const string ValidSettings =
        """{"networkingCategory":"Networking","subjectKeywords":["mixer"],"meetingLengthMinutes":30,"meetingBufferMinutes":5,"signature":"Kiri","cadences":{"referralPartner":10,"innerCircle":20,"other":90}}""";

    [Theory]
    [MemberData(nameof(FollowUps))]
    public Task Bad_follow_up_decisions_get_a_problem_naming_the_field_and_change_nothing(string method, string path, string body, string field) =>
        RefusedAsync(method, path, body, field);

    [Theory]
    [MemberData(nameof(PromptsAndEvents))]
    public Task Bad_prompt_answers_and_event_marks_get_a_problem_naming_the_field_and_change_nothing(string method, string path, string body, string field) =>
        RefusedAsync(method, path, body, field);

    [Theory]
    [MemberData(nameof(Referrals))]
    public Task Bad_referrals_and_outcomes_get_a_problem_naming_the_field_and_change_nothing(string method, string path, string body, string field) =>
        RefusedAsync(method, path, body, field);

    [Theory]
    [MemberData(nameof(Promises))]
    public Task Bad_promises_get_a_problem_naming_the_field_and_change_nothing(string method, string path, string body, string field) =>
        RefusedAsync(method, path, body, field);

    [Theory]
    [MemberData(nameof(KeepInTouchAndPeople))]
    public Task Bad_cadences_and_person_notes_get_a_problem_naming_the_field_and_change_nothing(string method, string path, string body, string field) =>
        RefusedAsync(method, path, body, field);

    [Theory]
    [MemberData(nameof(Settings))]
    public Task Bad_settings_get_a_problem_naming_the_field_and_change_nothing(string method, string path, string body, string field) =>
        RefusedAsync(method, path, body, field);

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-the-key")]
    [InlineData("Bearer {key}x")]
    [InlineData("Bearer x{key}")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic {key}")]
    [InlineData("Bearer {long}")]
    public async Task A_wrong_pairing_key_gets_401_problem_details_and_changes_nothing(string authorization)
    {
        var before = await world.SnapshotAsync();
        var key = world.Worker.Get<OfficeFollowUp.Api.ApiKey>().Value;
        using var client = world.Worker.Client(paired: false);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/people/{Tama}/cadence") { Content = Json("""{"tier":"other"}""") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("{key}", key, StringComparison.Ordinal).Replace("{long}", new string('k', 8000), StringComparison.Ordinal));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task The_sign_in_configuration_is_read_only_and_open()
    {
        using var client = world.Worker.Client(paired: false);

        var get = await client.GetAsync(new Uri("/auth-config.json", UriKind.Relative));
        var post = await client.PostAsync(new Uri("/auth-config.json", UriKind.Relative), Json("""{"mode":"entra"}"""));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("pairing", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Theory]
    [InlineData("""{"people":[{"email":"guest1@company1.example","displayName":"Guest One","preferredChannel":99}]}""", "Use one of: email, phone, linkedIn, whatsApp, inPerson.")]
    [InlineData("""{"peple":[]}""", "Unknown field; check its spelling.")]
    [InlineData("""{"people":[{"email":"guest1@company1.example","displayName":"Guest\u0000One"}]}""", "Control characters (line breaks, tabs, NUL, …) are not allowed here.")]
    [InlineData("""{"people":[{"email":"guest1@company1.example","displayName":"Guest One","remember":"a\u0000"}]}""", "Control characters are not allowed; line breaks and tabs are.")]
    [InlineData("""{"people":[{"email":"guest1@company1.example","displayName":5}]}""", "Text is expected here (a JSON string).")]
    [InlineData("""{"people":[{"email":"<script>@x.com","displayName":"Guest One"}]}""", "This does not look like an email address.")]
    [InlineData("""{"people":[""", "The body is not valid JSON (line 1, position 12).")]
    public async Task The_problem_says_what_is_wrong_with_the_field(string body, string message)
    {
        var response = await SendAsync("POST", "/api/prompts/{event}/follow-up", body);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var only = Assert.Single(errors.EnumerateObject());
        Assert.Equal(message, Assert.Single(only.Value.EnumerateArray()).GetString());
    }

    /// <summary>Kestrel refuses a NUL in the path itself, before any endpoint (a bare 400, no problem body): still nothing stored.</summary>
    [Theory]
    [InlineData("/api/people/tama%00@ngataelectrical.co.nz/cadence")]
    [InlineData("/api/followups/nul%00id/skip")]
    public async Task A_nul_in_the_path_is_refused_before_the_api(string path)
    {
        var before = await world.SnapshotAsync();

        var response = await SendAsync(path.Contains("cadence", StringComparison.Ordinal) ? "PUT" : "POST", path, """{"tier":"innerCircle","reason":"x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task A_date_without_an_offset_is_refused_with_an_example_of_one()
    {
        var response = await SendAsync("POST", "/api/followups/{followUp}/snooze", """{"until":"2026-12-20T09:00:00"}""");

        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("until")[0].GetString();
        Assert.Contains("with its offset", message, StringComparison.Ordinal);
        Assert.Contains("+13:00", message, StringComparison.Ordinal);
    }

    private async Task RefusedAsync(string method, string path, string body, string field)
    {
        var before = await world.SnapshotAsync();

        var response = await SendAsync(method, path, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), text);
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Equal(before, await world.SnapshotAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string body)
    {
        foreach (var (name, id) in world.Ids)
        {
            path = path.Replace($"{{{name}}}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body != NoBody)
        {
            request.Content = Json(body);
        }
        return await world.Client.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, new MediaTypeHeaderValue("application/json"));
}
