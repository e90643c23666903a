using OfficeFollowUp.Calendar;

namespace OfficeFollowUp.Tests.Calendar;

/// <summary>The Events tab shows events the user might have met people at; the rest wait behind a filter, each with its reason.</summary>
public sealed class EventRelevanceTests
{
    private static readonly string[] Own = ["ann@example.com"];
    private static readonly DateTimeOffset Nine = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private static CalendarEventFacts Event(
        string subject = "Coffee with Bo", bool allDay = false, string? series = null, string? response = "accepted", bool cancelled = false, params string[] attendees) =>
        new("e1", series, subject, Nine, Nine.AddHours(1), allDay, "busy", [], [.. attendees.Select(a => new EventAttendee(a, null))], cancelled)
        {
            UserResponse = response,
        };

    [Fact]
    public void A_meeting_with_someone_is_shown() =>
        Assert.Null(EventRelevance.HiddenBecause(Event(attendees: ["bo@example.org"]), false, null, Own));

    [Fact]
    public void The_products_own_hold_is_hidden_even_when_its_subject_sounds_like_networking() =>
        Assert.Equal(EventHiddenReason.OwnHold, EventRelevance.HiddenBecause(Event("Coffee: networking follow-up"), true, NetworkingReason.Keyword, Own));

    [Fact]
    public void A_declined_or_cancelled_meeting_is_hidden_unless_the_user_marked_it()
    {
        Assert.Equal(EventHiddenReason.Declined, EventRelevance.HiddenBecause(Event(response: "declined", attendees: ["bo@example.org"]), false, NetworkingReason.Keyword, Own));
        Assert.Equal(EventHiddenReason.Cancelled, EventRelevance.HiddenBecause(Event(cancelled: true, attendees: ["bo@example.org"]), false, null, Own));
        Assert.Null(EventRelevance.HiddenBecause(Event(response: "declined"), false, NetworkingReason.Marked, Own));
    }

    [Fact]
    public void An_all_day_entry_is_hidden_but_an_all_day_conference_is_shown()
    {
        Assert.Equal(EventHiddenReason.AllDay, EventRelevance.HiddenBecause(Event("Labour Day", allDay: true, response: "organizer"), false, null, Own));
        Assert.Null(EventRelevance.HiddenBecause(Event("Chamber conference", allDay: true), false, NetworkingReason.Category, Own));
    }

    [Theory]
    [InlineData("organizer", new string[0], EventHiddenReason.RecurringPersonal)]
    [InlineData(null, new[] { "ANN@example.com" }, EventHiddenReason.RecurringPersonal)]
    [InlineData("organizer", new[] { "bo@example.org" }, null)]
    [InlineData("accepted", new string[0], null)]
    public void A_recurring_block_is_hidden_only_when_nobody_else_is_on_it(string? response, string[] attendees, EventHiddenReason? hidden) =>
        Assert.Equal(hidden, EventRelevance.HiddenBecause(Event("Gym", series: "master-1", response: response, attendees: attendees), false, null, Own));

    [Theory]
    [InlineData("organizer", new[] { "bo@example.com", "Cy@Example.com" }, EventHiddenReason.RecurringColleagues)]
    [InlineData("accepted", new[] { "ann@example.com", "bo@example.com" }, EventHiddenReason.RecurringColleagues)]
    [InlineData("organizer", new[] { "bo@example.com", "dee@client.example" }, null)]
    [InlineData("accepted", new[] { "bo@sub.example.com" }, null)]
    public void A_recurring_meeting_with_only_colleagues_is_hidden_but_one_with_anyone_from_outside_is_shown(string response, string[] attendees, EventHiddenReason? hidden) =>
        Assert.Equal(hidden, EventRelevance.HiddenBecause(Event("Stand-up", series: "master-2", response: response, attendees: attendees), false, null, Own));

    [Fact]
    public void Colleagues_are_not_people_on_the_same_free_mail_domain_and_a_single_meeting_with_colleagues_is_shown()
    {
        Assert.Null(EventRelevance.HiddenBecause(Event("Book club", series: "master-3", response: "organizer", attendees: ["bo@gmail.com"]), false, null, ["ann@gmail.com"]));
        Assert.Null(EventRelevance.HiddenBecause(Event("Planning day", attendees: ["bo@example.com"]), false, null, Own));
        Assert.Null(EventRelevance.HiddenBecause(Event("Team lunch", series: "master-4", attendees: ["bo@example.com"]), false, NetworkingReason.Keyword, Own));
    }

    [Fact]
    public void An_all_day_event_is_its_wall_clock_days_whether_graph_gave_utc_or_local_midnights()
    {
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
        // Read in UTC: midnight to midnight UTC, which in Auckland would read 1 PM to 1 PM.
        var utc = new DateTimeOffset(2026, 12, 25, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal((new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 25)), EventRelevance.AllDayDates(utc, utc.AddDays(1), auckland));
        // Local midnights in the mailbox's zone, two days.
        var local = new DateTimeOffset(2026, 12, 25, 0, 0, 0, TimeSpan.FromHours(13));
        Assert.Equal((new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26)), EventRelevance.AllDayDates(local, local.AddDays(2), auckland));
    }
}
