using Microsoft.Extensions.Time.Testing;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Tests.Calendar;

public class PaceHoldsTests
{
    private static readonly TimeZoneInfo Auckland = MailboxTimeZone.Resolve("Pacific/Auckland");

    private static readonly WorkingWeek Weekdays = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0), new TimeOnly(17, 0), Auckland);

    private static readonly HoldPacing AfterThankYou = new(HoldReadiness.ThankYouSent, PerDay: 2, PerWeek: 5);

    private static DateTimeOffset Akl(int month, int day, int hour, int minute = 0) =>
        MailboxTime.AtWallClock(new DateTime(2026, month, day, hour, minute, 0), Auckland);

    // A mixer that ended Wednesday 25 Nov 2026, 19:30 in Auckland; the thank-you window closes Thursday 19:30.
    private static HoldPaceFacts Mixer(DateTimeOffset? thankYouSent, params DateTimeOffset[] placed) => new(
        MetAt: Akl(11, 25, 19, 30),
        ThankYouDoneAt: thankYouSent,
        ThankYouDueAt: Akl(11, 26, 19, 30),
        NotBefore: Akl(11, 26, 9),
        DueAt: Akl(12, 25, 19, 30),
        Week: Weekdays,
        PlacedHolds: placed);

    private static List<string> Days(HoldPace pace, int take = 3) =>
        [.. pace.Days.Take(take).Select(d => MailboxTime.ToLocal(d.Start, Auckland).ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture))];

    public static TheoryData<string, HoldReadiness, DateTimeOffset?, DateTimeOffset, bool, DateTimeOffset?> Readiness => new()
    {
        { "thank-you not sent: not ready, and the clock alone will not make it so", HoldReadiness.ThankYouSent, null, Akl(11, 30, 9), false, null },
        { "thank-you sent: ready from then", HoldReadiness.ThankYouSent, Akl(11, 26, 8), Akl(11, 26, 9), true, Akl(11, 26, 8) },
        { "thank-you sent later than now: not yet", HoldReadiness.ThankYouSent, Akl(11, 27, 8), Akl(11, 26, 9), false, Akl(11, 27, 8) },
        { "connect step, thank-you window still open: ready when it closes", HoldReadiness.ConnectStep, null, Akl(11, 26, 9), false, Akl(11, 26, 19, 30) },
        { "connect step, window closed without a thank-you: ready", HoldReadiness.ConnectStep, null, Akl(11, 27, 9), true, Akl(11, 26, 19, 30) },
        { "connect step, thank-you sent early: ready from then", HoldReadiness.ConnectStep, Akl(11, 26, 8), Akl(11, 26, 9), true, Akl(11, 26, 8) },
        { "track start: ready from the meeting, thank-you or not", HoldReadiness.TrackStart, null, Akl(11, 26, 9), true, Akl(11, 25, 19, 30) },
    };

    [Theory]
    [MemberData(nameof(Readiness))]
    public void A_hold_waits_until_the_person_is_ready(string because, HoldReadiness when, DateTimeOffset? sent, DateTimeOffset now, bool ready, DateTimeOffset? readyAt)
    {
        var pace = PaceHolds.Run(Mixer(sent), AfterThankYou with { ReadyWhen = when }, now);

        Assert.True((ready, readyAt) == (pace.Ready, pace.ReadyAt), because);
        Assert.True(ready || pace.Days.Count == 0, because);
    }

    public static TheoryData<string, DateTimeOffset, DateTimeOffset[], string[]> Spacing => new()
    {
        // Wednesday evening's mixer: Thursday is the first working day after it, for thank-you notes.
        { "never on the first working day after the event", Akl(11, 25, 19, 30), [], ["Fri 27 Nov", "Mon 30 Nov", "Tue 1 Dec"] },
        // A Friday event: the weekend is not working time, so Monday is the first working day and is skipped.
        { "after a Friday event the first working day is Monday", Akl(11, 27, 12), [], ["Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec"] },
        { "a day with two holds is full", Akl(11, 25, 19, 30), [Akl(11, 27, 10), Akl(11, 27, 14)], ["Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec"] },
        { "one hold leaves room on the day", Akl(11, 25, 19, 30), [Akl(11, 27, 10)], ["Fri 27 Nov", "Mon 30 Nov", "Tue 1 Dec"] },
        {
            "a week with five holds is full; the next week has room",
            Akl(11, 25, 19, 30),
            [Akl(11, 30, 9), Akl(11, 30, 11), Akl(12, 1, 9), Akl(12, 2, 9), Akl(12, 3, 9)],
            ["Fri 27 Nov", "Mon 7 Dec", "Tue 8 Dec"]
        },
    };

    [Theory]
    [MemberData(nameof(Spacing))]
    public void Holds_go_on_days_with_room_after_the_first_working_day(string because, DateTimeOffset metAt, DateTimeOffset[] placed, string[] firstDays)
    {
        var facts = Mixer(Akl(11, 26, 8), placed) with { MetAt = metAt, ThankYouDueAt = metAt.AddDays(1), NotBefore = Akl(11, 26, 9) };

        var pace = PaceHolds.Run(facts, AfterThankYou, Akl(11, 26, 9));

        Assert.True(pace.Ready, because);
        Assert.True(firstDays.SequenceEqual(Days(pace)), $"{because}: {string.Join(", ", Days(pace))}");
    }

    [Fact]
    public void Days_are_clipped_to_the_notice_and_the_due_time()
    {
        var facts = Mixer(Akl(11, 26, 8)) with { NotBefore = Akl(11, 27, 13), DueAt = Akl(11, 30, 12) };

        var pace = PaceHolds.Run(facts, AfterThankYou, Akl(11, 26, 9));

        Assert.Equal([new TimeWindow(Akl(11, 27, 13), Akl(11, 28, 0)), new TimeWindow(Akl(11, 30, 0), Akl(11, 30, 12))], pace.Days);
    }

    [Fact]
    public void A_step_due_before_the_second_working_day_has_no_day_for_a_hold()
    {
        var facts = Mixer(Akl(11, 26, 8)) with { DueAt = Akl(11, 27, 0) };

        Assert.Empty(PaceHolds.Run(facts, AfterThankYou, Akl(11, 26, 9)).Days);
    }

    [Fact]
    public void Seven_people_from_one_mixer_get_their_holds_spread_two_a_day_and_five_a_week_never_on_the_day_after()
    {
        // The thank-yous went out Thursday morning; the outbox asks for one hold at a time, each taking the first day offered.
        var clock = new FakeTimeProvider(Akl(11, 26, 9));
        var placed = new List<DateTimeOffset>();
        for (var person = 0; person < 7; person++)
        {
            var pace = PaceHolds.Run(Mixer(Akl(11, 26, 8), [.. placed]), AfterThankYou, clock.GetUtcNow());
            placed.Add(pace.Days[0].Start.AddHours(10));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var days = placed.Select(p => MailboxTime.ToLocal(p, Auckland).ToString("ddd d", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["Fri 27", "Fri 27", "Mon 30", "Mon 30", "Tue 1", "Tue 1", "Wed 2"], days);
    }
}
