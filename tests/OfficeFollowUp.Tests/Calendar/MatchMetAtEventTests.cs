namespace OfficeFollowUp.Tests.Calendar;

public class MatchMetAtEventTests
{
    private static readonly DateTimeOffset MixerEnd = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static CalendarEventFacts Event(string id, DateTimeOffset end, params string[] attendees) =>
        new(id, null, "Chamber mixer", end.AddHours(-2), end, false, "busy", ["Networking"],
            [.. attendees.Select(a => new EventAttendee(a, null))], false);

    // hours after the mixer the contact appeared, whether they were invited → linked to the mixer?
    [Theory]
    [InlineData(1, false, true)]      // inside the 6-hour link window: anyone
    [InlineData(19, true, true)]      // the case: invited, added 19 hours later
    [InlineData(19, false, false)]    // not invited, 19 hours later: not linked
    [InlineData(47.9, true, true)]
    [InlineData(48.5, true, false)]   // past the 48-hour match window
    public void A_contact_is_linked_to_the_event_they_were_invited_to_within_the_match_window(double hoursAfter, bool invited, bool linked)
    {
        var mixer = Event("mixer", MixerEnd, invited ? "LUKASZ@kiwiledger.nz" : "someone@else.nz");

        var picked = MatchMetAtEvent.Pick([mixer], "lukasz@kiwiledger.nz", MixerEnd.AddHours(hoursAfter), TimeSpan.FromHours(6), TimeSpan.FromHours(48));

        Assert.Equal(linked, picked is not null);
    }

    [Fact]
    public void The_event_they_were_invited_to_wins_over_a_later_one_they_were_not()
    {
        var invitedTo = Event("breakfast", MixerEnd, "kim@example.org");
        var later = Event("later", MixerEnd.AddHours(20), "other@example.org");

        var picked = MatchMetAtEvent.Pick([later, invitedTo], "kim@example.org", MixerEnd.AddHours(22), TimeSpan.FromHours(6), TimeSpan.FromHours(48));

        Assert.Equal("breakfast", picked?.Id);
    }

    [Fact]
    public void A_cancelled_or_not_yet_started_event_is_never_picked()
    {
        var cancelled = Event("cancelled", MixerEnd, "kim@example.org") with { IsCancelled = true };
        var future = Event("future", MixerEnd.AddDays(2), "kim@example.org");

        Assert.Null(MatchMetAtEvent.Pick([cancelled, future], "kim@example.org", MixerEnd.AddHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(48)));
    }
}
