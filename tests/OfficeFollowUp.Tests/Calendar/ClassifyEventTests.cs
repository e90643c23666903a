namespace OfficeFollowUp.Tests.Calendar;

public class ClassifyEventTests
{
    private static readonly CalendarOptions Options = new();
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 4, 30, 0, TimeSpan.Zero);

    private static CalendarEventFacts Event(string subject, string[]? categories = null, bool cancelled = false, params EventAttendee[] attendees) =>
        new("e1", null, subject, Start, Start.AddHours(2), false, "busy", categories ?? [], attendees, cancelled);

    [Theory]
    [InlineData("Chamber of Commerce business mixer", new string[0], NetworkingReason.Keyword)]
    [InlineData("BNI chapter meeting", new string[0], NetworkingReason.Keyword)]
    [InlineData("Tech Meetup: cloud costs", new string[0], NetworkingReason.Keyword)]
    [InlineData("Lunch with Priya", new[] { "networking" }, NetworkingReason.Category)]
    [InlineData("Quarterly review", new[] { "Blue category", "Networking " }, NetworkingReason.Category)]
    [InlineData("Team stand-up", new string[0], null)]
    [InlineData("Call with Sabnis & Co", new string[0], null)]
    [InlineData("Dentist", new[] { "Personal" }, null)]
    public void Events_are_networking_by_category_or_whole_word_keyword(string subject, string[] categories, NetworkingReason? expected)
    {
        Assert.Equal(expected, ClassifyEvent.Run(Event(subject, categories), null, Options));
    }

    [Fact]
    public void The_users_mark_wins_both_ways()
    {
        Assert.Equal(NetworkingReason.Marked, ClassifyEvent.Run(Event("Team stand-up"), true, Options));
        Assert.Null(ClassifyEvent.Run(Event("Chamber mixer", ["Networking"]), false, Options));
    }

    [Fact]
    public void A_cancelled_event_is_not_a_networking_event()
    {
        Assert.Null(ClassifyEvent.Run(Event("Chamber mixer", cancelled: true), null, Options));
    }

    [Fact]
    public void Configured_keywords_replace_the_defaults()
    {
        var options = new CalendarOptions { SubjectKeywords = ["rotary"] };

        Assert.Equal(NetworkingReason.Keyword, ClassifyEvent.Run(Event("Rotary club dinner"), null, options));
        Assert.Null(ClassifyEvent.Run(Event("Chamber mixer"), null, options));
    }
}
