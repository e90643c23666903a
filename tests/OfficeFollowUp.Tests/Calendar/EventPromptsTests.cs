namespace OfficeFollowUp.Tests.Calendar;

/// <summary>
/// "Whom will you follow up with?": which events the pane asks about. Defaults: a two-day look-back
/// before the calendar was connected, and a prompt stays open for 14 days.
/// </summary>
public sealed class EventPromptsTests
{
    private static readonly CalendarOptions Options = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>What sets the event apart from a plain networking mixer that ended when the row says.</summary>
    private static readonly Dictionary<string, Func<StoredEvent, StoredEvent>> Variations = new(StringComparer.Ordinal)
    {
        ["a mixer"] = e => e,
        ["not networking"] = e => e with { Facts = e.Facts with { Subject = "Dentist" } },
        ["networking by category"] = e => e with { Facts = e.Facts with { Subject = "Lunch with Priya", Categories = ["Networking"] } },
        ["marked by the user"] = e => e with { Facts = e.Facts with { Subject = "Dentist" }, Mark = true },
        ["unmarked by the user"] = e => e with { Facts = e.Facts with { Categories = ["Networking"] }, Mark = false },
        ["answered"] = e => e with { PromptState = "answered" },
        ["dismissed"] = e => e with { PromptState = "dismissed" },
        ["cancelled"] = e => e with { Facts = e.Facts with { IsCancelled = true } },
        ["cancelled, marked by the user"] = e => e with { Facts = e.Facts with { IsCancelled = true }, Mark = true },
        ["all day"] = e => e with { Facts = e.Facts with { IsAllDay = true } },
    };

    /// <summary>Why, the event (see <see cref="Variations"/>), hours since it ended (negative: it ends later), days since the calendar was connected, and whether the pane asks.</summary>
    public static TheoryData<string, string, double, double, bool> Events => new()
    {
        { "a mixer that ended an hour ago is asked about", "a mixer", 1, 30, true },
        { "a mixer that ends this moment is asked about", "a mixer", 0, 30, true },
        { "a mixer still going is not asked about yet", "a mixer", -1, 30, false },
        { "a mixer next week is not asked about yet", "a mixer", -24 * 7, 30, false },
        { "13 days later the prompt is still open", "a mixer", 24 * 13, 30, true },
        { "exactly 14 days later the prompt is still open", "a mixer", 24 * 14, 30, true },
        { "after 14 days the prompt closes", "a mixer", (24 * 14) + 1, 30, false },
        { "the evening before the calendar was connected is asked about (look-back)", "a mixer", 14, 0.25, true },
        { "exactly two days before connecting is inside the look-back", "a mixer", 48 + 6, 0.25, true },
        { "three days before connecting is history", "a mixer", 72 + 6, 0.25, false },
        { "an event after connecting is news however long ago connecting was", "a mixer", 24 * 10, 11, true },
        { "networking by category is asked about", "networking by category", 1, 30, true },
        { "an event that is not networking is not asked about", "not networking", 1, 30, false },
        { "the user's mark makes any event networking", "marked by the user", 1, 30, true },
        { "the user's unmark wins over the category", "unmarked by the user", 1, 30, false },
        { "an answered prompt is not asked again", "answered", 1, 30, false },
        { "a dismissed prompt is not asked again", "dismissed", 1, 30, false },
        { "a cancelled event is not asked about", "cancelled", 1, 30, false },
        { "a cancelled event is not asked about even when marked", "cancelled, marked by the user", 1, 30, false },
        { "an all-day event is not asked about", "all day", 1, 30, false },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Which_events_the_pane_asks_about(string because, string variation, double endedHoursAgo, double connectedDaysAgo, bool asked)
    {
        var end = Now - TimeSpan.FromHours(endedHoursAgo);
        var stored = Variations[variation](Mixer("e1", end));

        var pending = EventPrompts.Pending([stored], Now, Now - TimeSpan.FromDays(connectedDaysAgo), Options);

        Assert.True(pending.Count == (asked ? 1 : 0), because);
    }

    [Fact]
    public void Every_variation_has_a_row()
    {
        Assert.Equal(Variations.Keys.Order(StringComparer.Ordinal), Events.Select(row => (string)row[1]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_most_recent_event_is_asked_about_first()
    {
        StoredEvent[] events = [Mixer("monday", Now.AddDays(-2)), Mixer("tuesday", Now.AddDays(-1)), Mixer("last-week", Now.AddDays(-8))];

        var pending = EventPrompts.Pending(events, Now, Now.AddDays(-30), Options);

        Assert.Equal(["tuesday", "monday", "last-week"], pending.Select(e => e.Facts.Id));
    }

    private static StoredEvent Mixer(string id, DateTimeOffset end) => new(
        new CalendarEventFacts(id, null, "Chamber business mixer", end.AddHours(-2), end, false, "busy", [], [], false),
        Mark: null,
        PromptState: null);
}
