namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxEventsTests
{
    private const string FollowUpKeyId = "String {8f1d3c6e-2b7a-4e51-9c0d-3a6b2f9e7d41} Name FollowUpKey";

    /// <summary>A hold as DESIGN §5 describes it: no attendees, tentative, a transactionId and the tag.</summary>
    private static Event Hold(string key, string? transactionId = null) => new()
    {
        Subject = "Hold: one-to-one with Sofía Martínez-Ortega",
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Turn this hold into an invitation.</p>" },
        Start = new DateTimeTimeZone { DateTime = "2025-03-20T10:00:00", TimeZone = "Pacific/Auckland" },
        End = new DateTimeTimeZone { DateTime = "2025-03-20T10:30:00", TimeZone = "Pacific/Auckland" },
        ShowAs = FreeBusyStatus.Tentative,
        IsReminderOn = false,
        Sensitivity = Sensitivity.Private,
        Categories = ["Follow-up"],
        TransactionId = transactionId ?? key,
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = FollowUpKeyId, Value = key }],
    };

    [Fact]
    public async Task A_hold_is_stored_as_sent_and_a_second_post_with_the_same_transaction_id_returns_the_same_event()
    {
        await using var h = await SandboxHarness.StartAsync();
        var before = h.Mailbox.Events.Count;

        var first = await h.Graph.Me.Events.PostAsync(Hold("track-1:meeting"), c => SandboxHarness.Prefer(c));
        var second = await h.Graph.Me.Events.PostAsync(Hold("track-1:meeting"), c => SandboxHarness.Prefer(c));

        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal(before + 1, h.Mailbox.Events.Count);
        var stored = Assert.Single(h.Mailbox.CreatedEvents);
        Assert.Equal(first.Id, stored.Id);
        Assert.Equal("track-1:meeting", stored.TransactionId);
        Assert.Equal("tentative", stored.ShowAs);
        Assert.Empty(stored.Attendees);
        Assert.Equal(["Follow-up"], stored.Categories);
        Assert.Contains("Turn this hold", stored.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("track-1:meeting", stored.SingleValueExtendedProperties[FollowUpKeyId]);
        Assert.Equal(0, h.Mailbox.InvitationsSent);

        Assert.Equal(FreeBusyStatus.Tentative, first.ShowAs);
        Assert.Equal("Pacific/Auckland", first.Start!.TimeZone);
        Assert.Equal("2025-03-20T10:00:00.0000000", first.Start.DateTime);
        Assert.Equal("New Zealand Standard Time", first.OriginalStartTimeZone);
        Assert.Equal(EventType.SingleInstance, first.Type);
        Assert.True(first.IsOrganizer);
        Assert.Equal(h.Mailbox.User.Mail, first.Organizer!.EmailAddress!.Address);
        Assert.Null(first.SingleValueExtendedProperties);
    }

    [Fact]
    public async Task Show_as_defaults_to_busy_when_the_post_leaves_it_out()
    {
        await using var h = await SandboxHarness.StartAsync();
        var hold = new Event
        {
            Subject = "Hold without showAs",
            Start = new DateTimeTimeZone { DateTime = "2025-03-20T10:00:00", TimeZone = "New Zealand Standard Time" },
            End = new DateTimeTimeZone { DateTime = "2025-03-20T10:30:00", TimeZone = "New Zealand Standard Time" },
        };

        var created = await h.Graph.Me.Calendar.Events.PostAsync(hold);

        Assert.Equal(FreeBusyStatus.Busy, created!.ShowAs);
        Assert.Equal("busy", h.Mailbox.CreatedEvents.Single().ShowAs);
    }

    [Fact]
    public async Task Dropped_connection_after_a_post_leaves_one_event_and_the_retry_with_the_same_transaction_id_returns_it()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.DropConnectionAfterApply(1, pathContains: "/events");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => h.Graph.Me.Events.PostAsync(Hold("track-3:meeting")));
        var retried = await h.Graph.Me.Events.PostAsync(Hold("track-3:meeting"));

        var stored = Assert.Single(h.Mailbox.CreatedEvents);
        Assert.Equal(stored.Id, retried!.Id);
    }

    [Fact]
    public async Task Throttled_posts_retried_by_the_sdk_make_one_event_thanks_to_the_transaction_id()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.Throttle(2, 503, TimeSpan.Zero, pathContains: "/me/events");

        var created = await h.Graph.Me.Events.PostAsync(Hold("track-4:meeting"));

        Assert.Equal(created!.Id, Assert.Single(h.Mailbox.CreatedEvents).Id);
        Assert.Equal(3, h.Mailbox.Requests.Count("POST /me/events"));
    }

    [Fact]
    public async Task Attendees_on_a_post_or_added_by_a_patch_are_invited_at_once_and_a_hold_invites_nobody()
    {
        await using var h = await SandboxHarness.StartAsync();
        var hold = await h.Graph.Me.Events.PostAsync(Hold("track-5:meeting"));
        Assert.Equal(0, h.Mailbox.InvitationsSent);

        var meeting = Hold("track-6:meeting");
        meeting.Attendees =
        [
            new Attendee { EmailAddress = new EmailAddress { Address = "mere@paratalaw.co.nz", Name = "Mere Parata" }, Type = AttendeeType.Required },
            new Attendee { EmailAddress = new EmailAddress { Address = "tama@ngataelectrical.co.nz" }, Type = AttendeeType.Optional },
        ];
        var invited = await h.Graph.Me.Events.PostAsync(meeting);
        Assert.Equal(2, h.Mailbox.InvitationsSent);

        // The user turns the hold into an invitation in Outlook.
        var patched = await h.Graph.Me.Events[hold!.Id].PatchAsync(new Event
        {
            Attendees = [new Attendee { EmailAddress = new EmailAddress { Address = "sofia@tidewaterarchitects.co.nz", Name = "Sofía" } }],
            ShowAs = FreeBusyStatus.Busy,
        });

        Assert.Equal(3, h.Mailbox.InvitationsSent);
        Assert.Equal("sofia@tidewaterarchitects.co.nz", Assert.Single(patched!.Attendees!).EmailAddress!.Address);
        Assert.Equal(FreeBusyStatus.Busy, patched.ShowAs);
        Assert.Equal(2, invited!.Attendees!.Count);
        Assert.Equal(AttendeeType.Optional, invited.Attendees[1].Type);
        Assert.Equal(ResponseType.None, invited.Attendees[1].Status!.Response);
        Assert.NotEqual(hold.ChangeKey, patched.ChangeKey);
    }

    [Fact]
    public async Task A_hold_is_found_again_by_its_tag_and_read_with_the_tag_expanded()
    {
        await using var h = await SandboxHarness.StartAsync();
        var created = await h.Graph.Me.Events.PostAsync(Hold("it's-tagged"));
        await h.Graph.Me.Events.PostAsync(Hold("another"));

        var found = await h.Graph.Me.Events.GetAsync(c =>
        {
            SandboxHarness.Prefer(c);
            c.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{FollowUpKeyId}' and ep/value eq 'it''s-tagged')";
            c.QueryParameters.Select = ["id", "subject", "showAs"];
        });
        var read = await h.Graph.Me.Events[created!.Id].GetAsync(c =>
            c.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{FollowUpKeyId}')"]);

        var match = Assert.Single(found!.Value!);
        Assert.Equal(created.Id, match.Id);
        Assert.Null(match.Body);
        Assert.Equal("it's-tagged", Assert.Single(read!.SingleValueExtendedProperties!).Value);
        Assert.Equal("UTC", read.Start!.TimeZone);
        Assert.Equal("2025-03-19T21:00:00.0000000", read.Start.DateTime);
    }

    [Fact]
    public async Task Events_lists_single_events_and_series_masters_but_no_occurrences()
    {
        await using var h = await SandboxHarness.StartAsync();

        var page = await h.Graph.Me.Events.GetAsync(c => c.QueryParameters.Top = 50);

        Assert.Contains(page!.Value!, e => e.Type == EventType.SeriesMaster && e.Subject == "BNI chapter meeting" && e.Recurrence is not null);
        Assert.DoesNotContain(page.Value!, e => e.Type is EventType.Occurrence or EventType.Exception);
        var bni = page.Value!.Single(e => e.Subject == "BNI chapter meeting");
        Assert.Equal(RecurrencePatternType.Weekly, bni.Recurrence!.Pattern!.Type);
        Assert.Equal(Microsoft.Graph.Models.DayOfWeekObject.Wednesday, Assert.Single(bni.Recurrence.Pattern.DaysOfWeek!));
        Assert.Equal(RecurrenceRangeType.NoEnd, bni.Recurrence.Range!.Type);
    }

    [Fact]
    public async Task A_deleted_event_is_gone_and_shows_up_as_removed_in_the_next_delta_round()
    {
        await using var h = await SandboxHarness.StartAsync();
        var window = (Start: new DateTimeOffset(2025, 3, 15, 0, 0, 0, TimeSpan.Zero), End: new DateTimeOffset(2025, 3, 25, 0, 0, 0, TimeSpan.Zero));
        var baseline = await SandboxCalendarDeltaTests.RunRoundAsync(h, start: window.Start, end: window.End);
        var created = await h.Graph.Me.Events.PostAsync(Hold("track-7:meeting"));

        var withHold = await SandboxCalendarDeltaTests.RunRoundAsync(h, baseline.DeltaLink);
        await h.Graph.Me.Events[created!.Id].DeleteAsync();
        var afterDelete = await SandboxCalendarDeltaTests.RunRoundAsync(h, withHold.DeltaLink);
        var missing = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Events[created.Id].GetAsync());

        Assert.Equal(created.Id, Assert.Single(withHold.Items).Id);
        var removed = Assert.Single(afterDelete.Items);
        Assert.Equal(created.Id, removed.Id);
        Assert.True(removed.AdditionalData.ContainsKey("@removed"));
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", missing.Error!.Code);
        Assert.Equal(created.Id, Assert.Single(h.Mailbox.CreatedEvents).Id);
        Assert.Null(h.Mailbox.FindEvent(created.Id!));
    }

    [Fact]
    public async Task The_user_deleting_a_hold_in_outlook_removes_it_from_the_mailbox()
    {
        await using var h = await SandboxHarness.StartAsync();
        var created = await h.Graph.Me.Calendars[h.Mailbox.DefaultCalendarId].Events.PostAsync(Hold("track-8:meeting"));

        h.Mailbox.DeleteEvent(created!.Id!);

        Assert.Null(h.Mailbox.FindEvent(created.Id!));
        await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Events[created.Id].DeleteAsync());
    }

    [Fact]
    public async Task An_occurrence_can_be_read_by_its_id_and_a_wrong_calendar_is_not_found()
    {
        await using var h = await SandboxHarness.StartAsync();
        var bni = h.Mailbox.Events.Single(e => e.Type == "seriesMaster" && e.Subject == "BNI chapter meeting").Id;

        var occurrence = await h.Graph.Me.Events[$"{bni}_20250312"].GetAsync(c => c.Headers.Add("Prefer", "outlook.timezone=\"Pacific/Auckland\""));
        var wrongCalendar = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Calendars["AAMkAnope"].Events.PostAsync(Hold("x")));

        Assert.Equal(EventType.Occurrence, occurrence!.Type);
        Assert.Equal(bni, occurrence.SeriesMasterId);
        Assert.Equal("2025-03-12T07:00:00.0000000", occurrence.Start!.DateTime);
        Assert.NotEqual(h.Mailbox.Events.Single(e => e.Id == bni).ICalUId, occurrence.ICalUId);
        Assert.Equal(404, wrongCalendar.ResponseStatusCode);
    }

    [Fact]
    public async Task Bad_event_bodies_are_refused_with_a_graph_error_naming_the_problem()
    {
        await using var h = await SandboxHarness.StartAsync();
        var badZone = new { subject = "x", start = new { dateTime = "2025-03-20T10:00:00", timeZone = "Mars/Olympus" }, end = new { dateTime = "2025-03-20T11:00:00", timeZone = "UTC" } };
        var noStart = new { subject = "x" };
        var badShowAs = new { subject = "x", showAs = "maybe", start = new { dateTime = "2025-03-20T10:00:00", timeZone = "UTC" }, end = new { dateTime = "2025-03-20T11:00:00", timeZone = "UTC" } };

        using var zone = await h.Raw.PostAsJsonAsync(h.Url("/me/events"), badZone);
        using var start = await h.Raw.PostAsJsonAsync(h.Url("/me/events"), noStart);
        using var showAs = await h.Raw.PostAsJsonAsync(h.Url("/me/events"), badShowAs);
        using var zoneError = JsonDocument.Parse(await zone.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.Equal("TimeZoneNotSupportedException", zoneError.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Mars/Olympus", zoneError.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, showAs.StatusCode);
        Assert.Empty(h.Mailbox.CreatedEvents);
    }
}
