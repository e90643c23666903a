namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// Every property the sandbox sends must exist on the Graph v1.0 type it claims to be, recursively,
/// or the tests built on the sandbox prove nothing about real Graph.
/// </summary>
public sealed class SandboxCsdlConformanceTests
{
    private const string TagId = "String {8f1d3c6e-2b7a-4e51-9c0d-3a6b2f9e7d41} Name FollowUpKey";

    private static async Task<JsonDocument> GetAsync(SandboxHarness h, string relative) =>
        JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url(relative)));

    private static void AssertConforms(JsonElement json, string type, string what, ISet<string>? visited = null)
    {
        var problems = GraphCsdl.V1.Violations(json, type, visited);
        Assert.True(problems.Count == 0, $"{what} does not match microsoft.graph.{type}:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public async Task User_and_mailbox_settings_use_only_csdl_properties()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var me = await GetAsync(h, "/me");
        using var settings = await GetAsync(h, "/me/mailboxSettings");

        AssertConforms(me.RootElement, "user", "/me");
        AssertConforms(settings.RootElement, "mailboxSettings", "/me/mailboxSettings");
        Assert.True(settings.RootElement.GetProperty("workingHours").TryGetProperty("timeZone", out _));
    }

    [Fact]
    public async Task Contact_folders_and_contacts_use_only_csdl_properties()
    {
        await using var h = await SandboxHarness.StartAsync();
        var folders = h.Mailbox.ContactFolders;
        using var list = await GetAsync(h, "/me/contactFolders");
        using var single = await GetAsync(h, $"/me/contactFolders/{folders[0].Id}");
        h.Mailbox.DeleteContact(h.Mailbox.AddContact(new("Temp", "Person", ["temp@example.org"])));

        AssertConforms(single.RootElement, "contactFolder", "a contact folder");
        Assert.All(list.RootElement.GetProperty("value").EnumerateArray(), f => AssertConforms(f, "contactFolder", "a listed folder"));

        var checkedContacts = 0;
        foreach (var folder in folders)
        {
            using var delta = await GetAsync(h, $"/me/contactFolders/{folder.Id}/contacts/delta");
            foreach (var contact in delta.RootElement.GetProperty("value").EnumerateArray())
            {
                AssertConforms(contact, "contact", "a delta contact");
                checkedContacts++;
            }
        }

        Assert.True(checkedContacts >= 10);
        using var withAddresses = await GetAsync(h, "/me/contacts?$top=3");
        Assert.All(withAddresses.RootElement.GetProperty("value").EnumerateArray(), c => AssertConforms(c, "contact", "a listed contact"));
    }

    [Fact]
    public async Task Created_draft_and_its_expanded_tag_use_only_csdl_properties()
    {
        await using var h = await SandboxHarness.StartAsync();
        var draft = new
        {
            subject = "Thanks for the introduction",
            body = new { contentType = "html", content = "<p>Kia ora Mere</p>" },
            toRecipients = new[] { new { emailAddress = new { address = "mere@paratalaw.co.nz", name = "Mere Parata" } } },
            ccRecipients = new[] { new { emailAddress = new { address = "tama@ngataelectrical.co.nz", name = "Tama Ngata" } } },
            singleValueExtendedProperties = new[] { new { id = TagId, value = "k-1" } },
        };

        using var response = await h.Raw.PostAsJsonAsync(h.Url("/me/messages"), draft);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString();
        using var expanded = await GetAsync(h, $"/me/messages/{id}?$expand={Uri.EscapeDataString($"singleValueExtendedProperties($filter=id eq '{TagId}')")}");

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        AssertConforms(created.RootElement, "message", "POST /me/messages");
        AssertConforms(expanded.RootElement, "message", "a message with its tag expanded");
        Assert.Equal(1, expanded.RootElement.GetProperty("singleValueExtendedProperties").GetArrayLength());
    }

    [Fact]
    public async Task Events_from_delta_list_get_and_post_and_the_schedule_use_only_csdl_properties()
    {
        await using var h = await SandboxHarness.StartAsync();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var window = "startDateTime=2025-03-07T11:00:00Z&endDateTime=2025-03-21T11:00:00Z";
        using var deltaRequest = new HttpRequestMessage(HttpMethod.Get, h.Url($"/me/calendarView/delta?{window}"));
        deltaRequest.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=100, outlook.timezone=\"Pacific/Auckland\"");
        using var deltaResponse = await h.Raw.SendAsync(deltaRequest);
        using var delta = JsonDocument.Parse(await deltaResponse.Content.ReadAsStringAsync());
        var instances = delta.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Contains(instances, e => e.GetProperty("type").GetString() == "exception");
        Assert.Contains(instances, e => e.GetProperty("isAllDay").GetBoolean());
        Assert.All(instances, e => AssertConforms(e, "event", "a calendarView delta event", visited));

        var hold = new
        {
            subject = "Hold: one-to-one",
            body = new { contentType = "text", content = "Turn this hold into an invitation." },
            start = new { dateTime = "2025-03-20T10:00:00", timeZone = "Pacific/Auckland" },
            end = new { dateTime = "2025-03-20T10:30:00", timeZone = "Pacific/Auckland" },
            showAs = "tentative",
            transactionId = "k-2",
            attendees = new[] { new { type = "optional", emailAddress = new { address = "mere@paratalaw.co.nz", name = "Mere Parata" } } },
            singleValueExtendedProperties = new[] { new { id = TagId, value = "k-2" } },
        };
        using var posted = await h.Raw.PostAsJsonAsync(h.Url("/me/events"), hold);
        using var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString();
        using var expanded = await GetAsync(h, $"/me/events/{id}?$expand={Uri.EscapeDataString($"singleValueExtendedProperties($filter=id eq '{TagId}')")}");
        using var list = await GetAsync(h, "/me/events?$top=50");
        await h.Raw.DeleteAsync(h.Url($"/me/events/{id}"));
        using var removedPage = await GetAsync(h, delta.RootElement.GetProperty("@odata.deltaLink").GetString()![h.Server.BaseUrl.ToString().Length..]);

        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        AssertConforms(created.RootElement, "event", "POST /me/events", visited);
        AssertConforms(expanded.RootElement, "event", "an event with its tag expanded", visited);
        Assert.Equal(1, expanded.RootElement.GetProperty("singleValueExtendedProperties").GetArrayLength());
        Assert.Contains(list.RootElement.GetProperty("value").EnumerateArray(), e => e.GetProperty("recurrence").ValueKind == JsonValueKind.Object);
        Assert.All(list.RootElement.GetProperty("value").EnumerateArray(), e => AssertConforms(e, "event", "a listed event", visited));
        Assert.Contains(removedPage.RootElement.GetProperty("value").EnumerateArray(), e => e.TryGetProperty("@removed", out _));
        Assert.All(removedPage.RootElement.GetProperty("value").EnumerateArray(), e => AssertConforms(e, "event", "a removed event", visited));

        var scheduleRequest = new
        {
            schedules = new[] { h.Mailbox.User.Mail, "someone@elsewhere.example" },
            startTime = new { dateTime = "2025-03-17T00:00:00", timeZone = "Pacific/Auckland" },
            endTime = new { dateTime = "2025-03-22T00:00:00", timeZone = "Pacific/Auckland" },
            availabilityViewInterval = 60,
        };
        using var scheduleResponse = await h.Raw.PostAsJsonAsync(h.Url("/me/calendar/getSchedule"), scheduleRequest);
        using var schedule = JsonDocument.Parse(await scheduleResponse.Content.ReadAsStringAsync());
        var entries = schedule.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => AssertConforms(e, "scheduleInformation", "a getSchedule entry", visited));

        string[] covered =
        [
            "event", "dateTimeTimeZone", "attendee", "responseStatus", "location", "patternedRecurrence", "recurrencePattern",
            "recurrenceRange", "itemBody", "recipient", "emailAddress", "singleValueLegacyExtendedProperty", "physicalAddress",
            "outlookGeoCoordinates", "scheduleInformation", "scheduleItem", "workingHours", "timeZoneBase", "freeBusyError",
        ];
        var missed = covered.Except(visited).ToList();
        Assert.True(missed.Count == 0, $"never checked: {string.Join(", ", missed)}");
    }

    [Fact]
    public void Conformance_check_reports_made_up_properties_and_enum_values()
    {
        const string json = """
            {
              "id": "x",
              "displayName": "Zoë",
              "favouriteColour": "blue",
              "emailAddresses": [{ "address": "zoe@example.org", "nmae": "Zoë" }],
              "businessAddress": { "street": "1 Quay St", "planet": "Earth" },
              "@odata.etag": "annotations are fine"
            }
            """;
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
        using var settings = JsonDocument.Parse("""{ "userPurpose": { "value": "user" }, "workingHours": { "daysOfWeek": ["funday"] } }""");

        var problems = GraphCsdl.V1.Violations(doc.RootElement, "contact");
        var settingsProblems = GraphCsdl.V1.Violations(settings.RootElement, "mailboxSettings");

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("$.favouriteColour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.emailAddresses[0].nmae", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.businessAddress.planet", StringComparison.Ordinal));
        Assert.Equal(2, settingsProblems.Count);
    }
}
