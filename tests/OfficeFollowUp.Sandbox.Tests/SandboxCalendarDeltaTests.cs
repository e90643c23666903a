using Microsoft.Kiota.Abstractions.Serialization;

namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxCalendarDeltaTests
{
    private const string Auckland = "Pacific/Auckland";

    // The harness clock is 2025-03-10T20:00Z: Tuesday 11 March, 09:00 in Auckland (NZDT, +13). Saturday to Saturday.
    private static readonly DateTimeOffset WindowStart = new(2025, 3, 8, 0, 0, 0, TimeSpan.FromHours(13));
    private static readonly DateTimeOffset WindowEnd = WindowStart.AddDays(14);

    private sealed record Round(List<Event> Items, string DeltaLink, int Pages);

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first page of a calendarView delta round over a window (link null), or the page a link leads to.</summary>
    private static Func<string?, Task<Microsoft.Graph.Me.CalendarView.Delta.DeltaGetResponse?>> Fetch(
        SandboxHarness h, int pageSize, string? timeZone = null, DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        var builder = h.Graph.Me.CalendarView.Delta;
        void Configure(Microsoft.Kiota.Abstractions.RequestConfiguration<Microsoft.Graph.Me.CalendarView.Delta.DeltaRequestBuilder.DeltaRequestBuilderGetQueryParameters> c)
        {
            SandboxHarness.Prefer(c, pageSize);
            if (timeZone is not null)
            {
                c.Headers.Add("Prefer", $"outlook.timezone=\"{timeZone}\"");
            }
        }

        return link => link is null
            ? builder.GetAsDeltaGetResponseAsync(c =>
            {
                Configure(c);
                c.QueryParameters.StartDateTime = Iso(start ?? WindowStart);
                c.QueryParameters.EndDateTime = Iso(end ?? WindowEnd);
            })
            : builder.WithUrl(link).GetAsDeltaGetResponseAsync(Configure);
    }

    internal static Task<(List<Event> Items, string DeltaLink, int Pages)> RunRoundAsync(
        SandboxHarness h, string? link = null, int pageSize = 3, string? timeZone = null, DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        SandboxHarness.FollowRoundAsync(Fetch(h, pageSize, timeZone, start, end), page => page.Value, link);

    private static bool IsRemoved(Event e) => e.AdditionalData.ContainsKey("@removed");

    private static string Series(SandboxHarness h, string subject) =>
        h.Mailbox.Events.Single(e => e.Type == "seriesMaster" && e.Subject == subject).Id;

    [Fact]
    public async Task Initial_round_returns_every_instance_in_the_window_once_as_occurrences_and_exceptions_in_the_preferred_zone()
    {
        await using var h = await SandboxHarness.StartAsync();

        var (items, deltaLink, pages) = await RunRoundAsync(h, timeZone: Auckland);

        var ids = items.Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(pages >= (ids.Count + 2) / 3, $"{ids.Count} items came in {pages} pages of 3");
        Assert.DoesNotContain(items, e => e.Type == EventType.SeriesMaster);
        Assert.DoesNotContain(items, IsRemoved);
        Assert.All(items, e => Assert.Equal(Auckland, e.Start!.TimeZone));

        var bni = Series(h, "BNI chapter meeting");
        var bniInstances = items.Where(e => e.SeriesMasterId == bni).OrderBy(e => e.Start!.DateTime).ToList();
        Assert.Equal(2, bniInstances.Count);
        Assert.Equal(EventType.Occurrence, bniInstances[0].Type);
        Assert.Equal("2025-03-12T07:00:00.0000000", bniInstances[0].Start!.DateTime);
        Assert.Equal("2025-03-12T08:30:00.0000000", bniInstances[0].End!.DateTime);
        Assert.Null(bniInstances[0].Recurrence);
        Assert.Equal(EventType.Exception, bniInstances[1].Type);
        Assert.Equal("BNI chapter meeting – visitors' day", bniInstances[1].Subject);
        Assert.Equal("2025-03-19T09:00:00.0000000", bniInstances[1].End!.DateTime);

        var standUps = items.Where(e => e.SeriesMasterId == Series(h, "Team stand-up")).Select(e => e.Start!.DateTime).ToList();
        Assert.Equal(["2025-03-10T09:00:00.0000000"], standUps);

        var holiday = Assert.Single(items, e => e.Subject == "Public holiday");
        Assert.True(holiday.IsAllDay);
        Assert.Equal("2025-03-17T00:00:00.0000000", holiday.Start!.DateTime);
        Assert.Equal("2025-03-18T00:00:00.0000000", holiday.End!.DateTime);

        var mixer = Assert.Single(items, e => e.Subject == "Chamber of Commerce business mixer");
        Assert.Equal(12, mixer.Attendees!.Count);
        Assert.Contains("Networking", mixer.Categories!);
        Assert.False(mixer.IsOrganizer);
        Assert.Equal("2025-03-10T19:30:00.0000000", mixer.End!.DateTime);
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
        Assert.Equal(0, h.Mailbox.Requests.WithoutImmutableIdPreference);
    }

    [Fact]
    public async Task Without_a_time_zone_preference_times_are_utc_and_the_preferences_are_reported_as_applied()
    {
        await using var h = await SandboxHarness.StartAsync();
        var url = h.Url($"/me/calendarView/delta?startDateTime={Iso(WindowStart)}&endDateTime={Iso(WindowEnd)}");

        using var plain = JsonDocument.Parse(await h.Raw.GetStringAsync(url));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=4, outlook.timezone=\"New Zealand Standard Time\"");
        using var response = await h.Raw.SendAsync(request);
        using var zoned = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(10, plain.RootElement.GetProperty("value").GetArrayLength());
        Assert.All(plain.RootElement.GetProperty("value").EnumerateArray(), e => Assert.Equal("UTC", e.GetProperty("start").GetProperty("timeZone").GetString()));
        var applied = response.Headers.GetValues("Preference-Applied").Single();
        Assert.Contains("odata.maxpagesize=4", applied, StringComparison.Ordinal);
        Assert.Contains("outlook.timezone=\"New Zealand Standard Time\"", applied, StringComparison.Ordinal);
        Assert.Equal(4, zoned.RootElement.GetProperty("value").GetArrayLength());
        Assert.All(zoned.RootElement.GetProperty("value").EnumerateArray(), e =>
            Assert.Equal("New Zealand Standard Time", e.GetProperty("end").GetProperty("timeZone").GetString()));
    }

    [Fact]
    public async Task Next_round_returns_created_and_changed_instances_and_removals_even_outside_the_window()
    {
        await using var h = await SandboxHarness.StartAsync();
        var farAway = h.Mailbox.AddEvent(new SandboxEventSeed("Annual conference", WindowEnd.AddDays(60), WindowEnd.AddDays(61), []));
        var baseline = await RunRoundAsync(h);
        var lunch = Assert.Single(baseline.Items, e => e.Subject == "Lunch with Mere").Id!;
        var bni = Series(h, "BNI chapter meeting");

        h.Mailbox.DeleteEvent(lunch);
        h.Mailbox.DeleteEvent(farAway);
        var coffee = h.Mailbox.AddEvent(new SandboxEventSeed("Coffee with Sofía", WindowStart.AddDays(3).AddHours(10), WindowStart.AddDays(3).AddHours(11), []));
        h.Mailbox.UpdateEvent(bni, e => e with { Location = "Te Papa, level 4" });
        var next = await RunRoundAsync(h, baseline.DeltaLink);

        Assert.Contains(next.Items, e => e.Id == lunch && IsRemoved(e));
        Assert.Contains(next.Items, e => e.Id == farAway && IsRemoved(e));
        var removed = Assert.IsType<UntypedObject>(next.Items.First(e => e.Id == farAway).AdditionalData["@removed"]).GetValue();
        Assert.Equal("deleted", Assert.IsType<UntypedString>(removed["reason"]).GetValue());
        Assert.Equal("Coffee with Sofía", Assert.Single(next.Items, e => e.Id == coffee).Subject);
        var occurrence = Assert.Single(next.Items, e => e.SeriesMasterId == bni);
        Assert.Equal(EventType.Occurrence, occurrence.Type);
        Assert.Equal("Te Papa, level 4", occurrence.Location!.DisplayName);
        Assert.Equal(4, next.Items.Count);
    }

    [Fact]
    public async Task Cancelling_an_occurrence_and_deleting_a_series_come_back_as_removed_instances()
    {
        await using var h = await SandboxHarness.StartAsync();
        var baseline = await RunRoundAsync(h);
        var bni = Series(h, "BNI chapter meeting");
        var standUp = Series(h, "Team stand-up");
        var bniIds = baseline.Items.Where(e => e.SeriesMasterId == bni).Select(e => e.Id!).ToList();
        var standUpId = baseline.Items.Single(e => e.SeriesMasterId == standUp).Id!;

        h.Mailbox.DeleteEvent(standUpId);
        h.Mailbox.DeleteEvent(bni);
        var next = await RunRoundAsync(h, baseline.DeltaLink);

        Assert.All(next.Items, e => Assert.True(IsRemoved(e)));
        Assert.Equal([.. bniIds.Append(standUpId).Order(StringComparer.Ordinal)], next.Items.Select(e => e.Id!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Idle_poll_is_one_request_with_an_empty_page_and_a_new_delta_link()
    {
        await using var h = await SandboxHarness.StartAsync();
        var baseline = await RunRoundAsync(h);
        h.Mailbox.Requests.Reset();

        var idle = await RunRoundAsync(h, baseline.DeltaLink);

        h.AssertIdleRound("GET /me/calendarView/delta", baseline.DeltaLink, idle.Items, idle.DeltaLink);
    }

    [Fact]
    public async Task The_window_is_frozen_into_the_token_and_query_parameters_on_links_are_ignored()
    {
        await using var h = await SandboxHarness.StartAsync();
        var baseline = await RunRoundAsync(h);
        var inside = h.Mailbox.AddEvent(new SandboxEventSeed("Inside", WindowStart.AddDays(1), WindowStart.AddDays(1).AddHours(1), []));
        var outside = h.Mailbox.AddEvent(new SandboxEventSeed("Outside", WindowEnd.AddDays(5), WindowEnd.AddDays(5).AddHours(1), []));

        var wider = $"{baseline.DeltaLink}&startDateTime={Iso(WindowStart)}&endDateTime={Iso(WindowEnd.AddDays(30))}";
        var next = await RunRoundAsync(h, wider);

        Assert.DoesNotContain("startDateTime", baseline.DeltaLink, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(inside, Assert.Single(next.Items).Id);
        Assert.DoesNotContain(next.Items, e => e.Id == outside);
    }

    [Fact]
    public async Task A_window_is_required_and_select_or_filter_are_refused()
    {
        await using var h = await SandboxHarness.StartAsync();
        var window = $"startDateTime={Iso(WindowStart)}&endDateTime={Iso(WindowEnd)}";

        using var missing = await h.Raw.GetAsync(h.Url($"/me/calendarView/delta?startDateTime={Iso(WindowStart)}"));
        using var select = await h.Raw.GetAsync(h.Url($"/me/calendarView/delta?{window}&$select=subject"));
        using var filter = await h.Raw.GetAsync(h.Url($"/me/calendarView/delta?{window}&$filter=showAs eq 'busy'"));
        var sdk = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.CalendarView.Delta.GetAsDeltaGetResponseAsync());

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, select.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Equal(400, sdk.ResponseStatusCode);
        Assert.Equal("ErrorInvalidParameter", sdk.Error!.Code);
    }

    [Fact]
    public async Task Expired_tokens_answer_410_with_a_location_for_a_fresh_round_over_the_same_window()
    {
        await using var h = await SandboxHarness.StartAsync();
        var baseline = await RunRoundAsync(h);
        h.Mailbox.Faults.ExpireDeltaTokens();

        using var response = await h.Raw.GetAsync(baseline.DeltaLink);
        var exception = await Assert.ThrowsAsync<ODataError>(() => RunRoundAsync(h, baseline.DeltaLink));
        var fresh = await RunRoundAsync(h, response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(410, exception.ResponseStatusCode);
        Assert.Equal("syncStateNotFound", exception.Error!.Code);
        Assert.Equal(baseline.Items.Select(e => e.Id).Order(), fresh.Items.Select(e => e.Id).Order());
    }

    [Fact]
    public async Task Expiring_the_next_delta_request_fails_a_round_midway_once()
    {
        await using var h = await SandboxHarness.StartAsync();
        await h.AssertNextDeltaRequestExpiresOnceAsync(Fetch(h, pageSize: 3), page => page.Value!.Count, 3);
    }

    [Fact]
    public async Task Empty_pages_repeated_items_and_throttling_do_not_lose_instances()
    {
        await using var h = await SandboxHarness.StartAsync();
        var clean = await RunRoundAsync(h);
        h.Mailbox.Faults.EmptyPageEvery = 2;
        h.Mailbox.Faults.RepeatItems = true;
        h.Mailbox.Faults.Throttle(2, 429, TimeSpan.Zero, pathContains: "/calendarView/delta");

        var faulty = await RunRoundAsync(h, pageSize: 2);

        Assert.True(faulty.Items.Count > clean.Items.Count, "repeats expected");
        Assert.Equal(clean.Items.Select(e => e.Id).Order(), faulty.Items.Select(e => e.Id).Distinct().Order());
    }

    [Fact]
    public async Task A_daily_series_longer_than_a_page_is_split_across_pages_without_gaps()
    {
        await using var h = await SandboxHarness.StartAsync(time => new SandboxMailbox(time));
        var series = h.Mailbox.AddEvent(new SandboxEventSeed("Morning walk", WindowStart.AddHours(6), WindowStart.AddHours(7), [])
        {
            Recurrence = SandboxRecurrence.Daily() with { NumberOfOccurrences = 10 },
            TimeZone = Auckland,
        });

        var round = await RunRoundAsync(h, pageSize: 4, timeZone: Auckland);

        Assert.Equal(10, round.Items.Select(e => e.Id).Distinct().Count());
        Assert.Equal(10, round.Items.Count);
        Assert.All(round.Items, e => Assert.Equal(series, e.SeriesMasterId));
        Assert.Equal("2025-03-17T06:00:00.0000000", round.Items.Max(e => e.Start!.DateTime));
    }

    [Fact]
    public async Task Twenty_thousand_seeded_events_page_through_a_round_without_duplicates()
    {
        await using var h = await SandboxHarness.StartAsync(time =>
        {
            var mailbox = new SandboxMailbox(time);
            mailbox.SeedEvents(20_000);
            return mailbox;
        });
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var (pages, _) = await h.FollowRawRoundAsync(
            h.Url($"/me/calendarView/delta?startDateTime={Iso(WindowStart.AddDays(-200))}&endDateTime={Iso(WindowEnd.AddDays(60))}"),
            e =>
            {
                Assert.True(ids.Add(e.GetProperty("id").GetString()!));
                Assert.NotEqual("seriesMaster", e.GetProperty("type").GetString());
            });

        var singles = h.Mailbox.Events.Count(e => e.Type == "singleInstance");
        Assert.True(ids.Count > singles, $"{ids.Count} instances from {singles} single events plus series");
        Assert.True(pages >= ids.Count / 1000);
        Assert.Contains(h.Mailbox.Events, e => e.Type == "seriesMaster");
        Assert.Contains(h.Mailbox.Events, e => e.Data.IsAllDay);
    }
}
