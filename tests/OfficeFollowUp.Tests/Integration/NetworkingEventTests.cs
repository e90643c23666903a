namespace OfficeFollowUp.Tests.Integration;

/// <summary>Networking events, the people met there and one-to-one holds, over the real Graph SDK against the sandbox.</summary>
public sealed class NetworkingEventTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;
    private string _domain = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _domain = _world.Mailbox.User.Mail[(_world.Mailbox.User.Mail.IndexOf('@', StringComparison.Ordinal) + 1)..];
        _worker = await _world.StartBaselinedWorkerAsync(SandboxWorld.HoldsAtOnce);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    private string AddMixer(int hoursAgoEnded = 1, string subject = "Harbour Business Mixer", string[]? categories = null)
    {
        var end = _world.Time.GetUtcNow().AddHours(-hoursAgoEnded);
        List<SandboxAttendee> attendees =
        [
            new(_world.Mailbox.User.DisplayName, _world.Mailbox.User.Mail),
            new("Jo Colleague", $"jo@{_domain}"),
            new("Ray Colleague", $"ray@{_domain}"),
            new("Mixer Bot", "noreply@harbourchamber.org.nz"),
        ];
        attendees.AddRange(Enumerable.Range(1, 8).Select(i => new SandboxAttendee($"Guest{i} Person", $"guest{i}@company{i}.example")));
        return _world.Mailbox.AddEvent(new SandboxEventSeed(subject, end.AddHours(-2), end, attendees) { Categories = categories ?? ["Networking"] });
    }

    private async Task<JsonElement> PromptForAsync(HttpClient client, string eventId)
    {
        var prompts = await client.GetFromJsonAsync<JsonElement>("/api/prompts");
        return prompts.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("eventId").GetString() == eventId);
    }

    private async Task<string> MailboxIdAsync() => (await _worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;

    private async Task<IReadOnlyList<FollowUpItem>> StepsAsync() => await _worker.Get<FollowUpStore>().ListAllAsync(await MailboxIdAsync(), CancellationToken.None);

    private async Task ChooseAsync(HttpClient client, string eventId, params object[] people)
    {
        var response = await client.PostAsJsonAsync($"/api/prompts/{eventId}/follow-up", new { people });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task After_a_networking_event_the_prompt_offers_attendees_but_not_colleagues_or_noreply_and_two_choices_start_two_tracks()
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();

        var prompt = await PromptForAsync(client, mixer);
        var offered = prompt.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("email").GetString()!).ToList();
        Assert.Equal(8, offered.Count);
        Assert.DoesNotContain(offered, e => e.EndsWith(_domain, StringComparison.OrdinalIgnoreCase) || e.StartsWith("noreply", StringComparison.Ordinal));

        await ChooseAsync(client, mixer,
            new { email = "guest1@company1.example", displayName = "Guest1 Person", remember = "Opening a second bakery in <Ponsonby>", promised = "https://example.org/lease-guide" },
            new { email = "guest2@company2.example", displayName = "Guest2 Person" });
        var run = await _worker.SyncOnceAsync();

        var steps = await StepsAsync();
        Assert.Equal(6, steps.Count);
        Assert.Equal(["guest1@company1.example", "guest2@company2.example"], steps.Select(s => s.Email).Distinct().Order());
        Assert.All(steps, s => Assert.Equal(mixer, s.EventId));
        Assert.Equal(2, run.DraftsPrepared);
        var draft = _world.Mailbox.Drafts.Single(d => d.ToRecipients[0].Address == "guest1@company1.example");
        Assert.Contains("Harbour Business Mixer", draft.BodyContent, StringComparison.Ordinal);
        // The note is a short phrase about them with no pronouns, so it is said to them in the second person, encoded.
        Assert.Contains("You mentioned that you are opening a second bakery in &lt;Ponsonby&gt;.", draft.BodyContent, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/lease-guide\">", draft.BodyContent, StringComparison.Ordinal);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/prompts")).GetProperty("items").EnumerateArray(), p => p.GetProperty("eventId").GetString() == mixer);

        var promise = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/promises")).GetProperty("items").EnumerateArray());
        Assert.Equal("https://example.org/lease-guide", promise.GetProperty("text").GetString());
        Assert.Equal(mixer, promise.GetProperty("eventId").GetString());
        Assert.Equal(_world.Time.GetUtcNow().AddHours(-1).AddDays(7), promise.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_track_from_an_event_is_due_from_the_events_end()
    {
        var mixer = AddMixer(hoursAgoEnded: 3);
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();

        await ChooseAsync(client, mixer, new { email = "guest3@company3.example", displayName = "Guest3 Person" });

        var thankYou = (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.ThankYou);
        Assert.Equal(_world.Time.GetUtcNow().AddHours(-3).AddHours(24), thankYou.DueAt);
    }

    [Fact]
    public async Task A_hold_is_placed_once_even_when_the_response_is_lost_and_it_has_no_attendees()
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();
        await ChooseAsync(client, mixer, new { email = "guest4@company4.example", displayName = "Guest4 Person", remember = "Sails on Sundays" });
        _world.Mailbox.Faults.DropConnectionAfterApply(1, "/me/events");

        var first = await _worker.SyncOnceAsync();
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await _worker.SyncOnceAsync();
        await _worker.SyncOnceAsync();

        Assert.Equal((0, 1), (first.HoldsPlaced, second.HoldsPlaced));
        var hold = Assert.Single(_world.Mailbox.CreatedEvents);
        Assert.Empty(hold.Attendees);
        Assert.Equal("tentative", hold.ShowAs);
        Assert.Equal("Hold: 1-2-1 with Guest4 Person", hold.Subject);
        Assert.False(string.IsNullOrEmpty(hold.TransactionId));
        Assert.Contains("Sails on Sundays", hold.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(0, _world.Mailbox.InvitationsSent);
        var oneToOne = (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.OneToOne);
        Assert.Equal((FollowUpState.Prepared, hold.Id), (oneToOne.State, oneToOne.HoldEventId));
    }

    [Fact]
    public async Task The_hold_lies_in_the_users_working_hours_in_their_time_zone_and_before_the_step_is_due()
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();
        await ChooseAsync(client, mixer, new { email = "guest5@company5.example", displayName = "Guest5 Person" });

        await _worker.SyncOnceAsync();

        var hold = Assert.Single(_world.Mailbox.CreatedEvents);
        var zone = MailboxTimeZone.Resolve(_world.Mailbox.TimeZone);
        var start = TimeZoneInfo.ConvertTime(hold.Data.Start, zone);
        var end = TimeZoneInfo.ConvertTime(hold.Data.End, zone);
        Assert.Contains(start.DayOfWeek, _world.Mailbox.WorkingHours.DaysOfWeek);
        Assert.True(TimeOnly.FromDateTime(start.DateTime) >= _world.Mailbox.WorkingHours.Start);
        Assert.True(TimeOnly.FromDateTime(end.DateTime) <= _world.Mailbox.WorkingHours.End);
        Assert.Equal(TimeSpan.FromMinutes(30), hold.Data.End - hold.Data.Start);
        Assert.True(hold.Data.Start > _world.Time.GetUtcNow());
        var due = (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.OneToOne).DueAt;
        Assert.True(hold.Data.End <= due);
    }

    [Fact]
    public async Task A_hold_the_user_deletes_is_not_placed_again_and_its_step_is_skipped()
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();
        await ChooseAsync(client, mixer, new { email = "guest6@company6.example", displayName = "Guest6 Person" });
        await _worker.SyncOnceAsync();
        var hold = Assert.Single(_world.Mailbox.CreatedEvents);

        _world.Mailbox.DeleteEvent(hold.Id);
        await _worker.SyncOnceAsync();
        _world.Time.Advance(TimeSpan.FromHours(1));
        await _worker.SyncOnceAsync();

        // CreatedEvents keeps every POSTed event, deleted ones too: one entry means it was never placed again.
        Assert.Equal(hold.Id, Assert.Single(_world.Mailbox.CreatedEvents).Id);
        Assert.Null(_world.Mailbox.FindEvent(hold.Id));
        var oneToOne = (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.OneToOne);
        Assert.Equal(FollowUpState.Skipped, oneToOne.State);
    }

    [Fact]
    public async Task A_hold_the_user_turns_into_an_invitation_marks_the_one_to_one_done()
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();
        await ChooseAsync(client, mixer, new { email = "guest7@company7.example", displayName = "Guest7 Person" });
        await _worker.SyncOnceAsync();
        var hold = Assert.Single(_world.Mailbox.CreatedEvents);

        _world.Mailbox.UpdateEvent(hold.Id, e => e with { Attendees = [new SandboxAttendee("Guest7 Person", "guest7@company7.example")] });
        await _worker.SyncOnceAsync();
        var booked = (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.OneToOne);

        // It counts once it has happened.
        var end = _world.Mailbox.FindEvent(hold.Id)!.Data.End;
        _world.Time.SetUtcNow(end.AddMinutes(1));
        await _worker.SyncOnceAsync();

        var oneToOne = (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.OneToOne);
        Assert.NotEqual(FollowUpState.Done, booked.State);
        Assert.Equal((FollowUpState.Done, OfficeFollowUp.Evidence.CompletedVia.Meeting, end), (oneToOne.State, oneToOne.CompletedVia, oneToOne.CompletedAt));
    }

    [Fact]
    public async Task A_meeting_booked_some_other_way_completes_the_one_to_one()
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();
        await ChooseAsync(client, mixer, new { email = "guest8@company8.example", displayName = "Guest8 Person" });
        var start = _world.Time.GetUtcNow().AddDays(3);

        _world.Mailbox.AddEvent(new SandboxEventSeed("Coffee", start, start.AddMinutes(45), [new SandboxAttendee("Guest8 Person", "GUEST8@company8.example")]));
        await _worker.SyncOnceAsync();
        Assert.NotEqual(FollowUpState.Done, (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.OneToOne).State);
        _world.Time.SetUtcNow(start.AddHours(1));
        await _worker.SyncOnceAsync();

        Assert.Equal(FollowUpState.Done, (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.OneToOne).State);
    }

    [Fact]
    public async Task A_contact_created_soon_after_a_networking_event_is_linked_to_it()
    {
        var mixer = AddMixer(hoursAgoEnded: 2);
        await _worker.SyncOnceAsync();

        _world.Mailbox.AddContact(new SandboxContactSeed("Aroha", "Ngata", ["aroha@kowhai.example"], "Kōwhai Design"));
        await _worker.SyncOnceAsync();

        var thankYou = (await StepsAsync()).Single(s => s.Step == FollowUpStepKind.ThankYou);
        Assert.Equal(mixer, thankYou.EventId);
        Assert.Equal(_world.Time.GetUtcNow().AddHours(-2).AddHours(24), thankYou.DueAt);
        Assert.Contains("Harbour Business Mixer", Assert.Single(_world.Mailbox.Drafts).BodyContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prompt_says_who_is_already_being_followed_up_rather_than_calling_them_known()
    {
        var mixer = AddMixer(hoursAgoEnded: 2);
        await _worker.SyncOnceAsync();
        // The user saved one guest as a contact on the way home: their track started from the contact, before the prompt was answered.
        _world.Mailbox.AddContact(new SandboxContactSeed("Guest3", "Person", ["guest3@company3.example"], "Company Three"));
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();

        var attendees = (await PromptForAsync(client, mixer)).GetProperty("attendees").EnumerateArray()
            .ToDictionary(a => a.GetProperty("email").GetString()!, a => (Known: a.GetProperty("known").GetBoolean(), FollowingUp: a.GetProperty("followingUp").GetBoolean()));
        Assert.Equal((true, true), attendees["guest3@company3.example"]);
        Assert.All(attendees.Where(a => a.Key != "guest3@company3.example"), a => Assert.Equal((false, false), a.Value));

        // Once the track is over (every step done), they are someone the user knows, not someone being followed up.
        foreach (var step in await StepsAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/api/followups/{step.Id}/done", UriKind.Relative), null)).StatusCode);
        }
        attendees = (await PromptForAsync(client, mixer)).GetProperty("attendees").EnumerateArray()
            .ToDictionary(a => a.GetProperty("email").GetString()!, a => (Known: a.GetProperty("known").GetBoolean(), FollowingUp: a.GetProperty("followingUp").GetBoolean()));
        Assert.Equal((true, false), attendees["guest3@company3.example"]);
    }

    [Fact]
    public async Task An_event_the_user_marks_as_networking_gets_a_prompt_and_one_they_unmark_loses_it()
    {
        var lunch = AddMixer(subject: "Lunch at the club", categories: []);
        var mixer = AddMixer(subject: "Evening mixer");
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/prompts")).GetProperty("items").EnumerateArray(), p => p.GetProperty("eventId").GetString() == lunch);

        var marked = await client.PostAsJsonAsync($"/api/events/{lunch}/networking", new { isNetworking = true });
        var unmarked = await client.PostAsJsonAsync($"/api/events/{mixer}/networking", new { isNetworking = false });

        Assert.Equal("marked", (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.False((await unmarked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isNetworking").GetBoolean());
        var ids = (await client.GetFromJsonAsync<JsonElement>("/api/prompts")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("eventId").GetString()).ToList();
        Assert.Contains(lunch, ids);
        Assert.DoesNotContain(mixer, ids);
    }

    [Theory]
    [InlineData("{\"people\":[]}", "people")]
    [InlineData("{\"people\":[{\"email\":\"not-an-email\",\"displayName\":\"X\"}]}", "people[0].email")]
    [InlineData("{\"people\":[{\"email\":\"a@b.example\",\"displayName\":\"A\",\"profileUrl\":\"javascript:alert(1)\"}]}", "people[0].profileUrl")]
    [InlineData("{\"people\":[{\"email\":\"a@b.example\",\"displayName\":\"\"}]}", "people[0].displayName")]
    public async Task Bad_people_get_problem_details_naming_the_field_and_nothing_is_started(string body, string field)
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();

        var response = await client.PostAsync(new Uri($"/api/prompts/{mixer}/follow-up", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await StepsAsync());
        await PromptForAsync(client, mixer);
    }

    [Fact]
    public async Task Dismissing_a_prompt_removes_it_and_starts_nothing()
    {
        var mixer = AddMixer();
        await _worker.SyncOnceAsync();
        using var client = _worker.Client();

        var response = await client.PostAsync(new Uri($"/api/prompts/{mixer}/dismiss", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/prompts")).GetProperty("items").EnumerateArray(), p => p.GetProperty("eventId").GetString() == mixer);
        Assert.Empty(await StepsAsync());
    }

    [Fact]
    public async Task Networking_events_that_ended_long_before_the_first_connection_are_history()
    {
        await using var world = await SandboxWorld.StartAsync();
        var end = world.Time.GetUtcNow().AddDays(-5);
        var old = world.Mailbox.AddEvent(new SandboxEventSeed("Old chamber mixer", end.AddHours(-2), end, [new SandboxAttendee("Old Friend", "old@friend.example")]) { Categories = ["Networking"] });
        await using var worker = await world.StartBaselinedWorkerAsync(SandboxWorld.HoldsAtOnce);
        using var client = worker.Client();

        var ids = (await client.GetFromJsonAsync<JsonElement>("/api/prompts")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("eventId").GetString());

        Assert.DoesNotContain(old, ids);
    }
}
