using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Calendar;

/// <summary>When a person is ready for the one-to-one hold.</summary>
public enum HoldReadiness
{
    /// <summary>Once the thank-you was sent: a hold before any thank-you is a wall of holds for strangers.</summary>
    ThankYouSent,

    /// <summary>From the connect step on: the thank-you is done, or its window has closed.</summary>
    ConnectStep,

    /// <summary>As soon as the track starts, for a user who wants the hold at once; the limits and the first-day rule still apply.</summary>
    TrackStart,
}

/// <param name="PerDay">Holds placed on one day at most.</param>
/// <param name="PerWeek">Holds placed in one week (Monday to Sunday, in the mailbox's zone) at most.</param>
public sealed record HoldPacing(HoldReadiness ReadyWhen, int PerDay, int PerWeek);

/// <param name="MetAt">The meeting the track is measured from (the event's end, or the contact's creation).</param>
/// <param name="ThankYouDoneAt">When the thank-you step was completed, if it was.</param>
/// <param name="ThankYouDueAt">The end of the thank-you window, where the connect step takes over.</param>
/// <param name="NotBefore">The earliest a hold may start (the caller's notice: tomorrow, say).</param>
/// <param name="DueAt">The one-to-one step's due time: the hold ends before it.</param>
/// <param name="PlacedHolds">Start times of the holds already on the calendar or claimed in this pass.</param>
public sealed record HoldPaceFacts(
    DateTimeOffset MetAt,
    DateTimeOffset? ThankYouDoneAt,
    DateTimeOffset ThankYouDueAt,
    DateTimeOffset NotBefore,
    DateTimeOffset DueAt,
    WorkingWeek Week,
    IReadOnlyList<DateTimeOffset> PlacedHolds);

/// <param name="ReadyAt">Not ready: when the person will be, if the clock alone decides it (null: when the thank-you is sent).</param>
/// <param name="Days">Ready: the days a hold may go on, earliest first, each clipped to [NotBefore, DueAt); empty when none has room.</param>
public sealed record HoldPace(bool Ready, DateTimeOffset? ReadyAt, IReadOnlyList<TimeWindow> Days);

/// <summary>
/// Holds are paced (DESIGN.md rule 10): a hold is placed only when the person is ready for a one-to-one, never on the
/// first working day after the event (the day for thank-you notes, not for a calendar full of holds), and on days and
/// weeks that still have room under the limits. The caller looks for a free slot in the days returned, in order, so
/// holds spread over the window instead of filling the next two days. Pure: facts and clock in, days out.
/// </summary>
public static class PaceHolds
{
    public static HoldPace Run(HoldPaceFacts facts, HoldPacing pacing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(pacing);
        var readyAt = pacing.ReadyWhen switch
        {
            HoldReadiness.ThankYouSent => facts.ThankYouDoneAt,
            HoldReadiness.ConnectStep => facts.ThankYouDoneAt is { } done && done < facts.ThankYouDueAt ? done : facts.ThankYouDueAt,
            HoldReadiness.TrackStart => facts.MetAt,
            _ => throw new ArgumentOutOfRangeException(nameof(pacing), pacing.ReadyWhen, "Unknown readiness."),
        };
        if (readyAt is null || readyAt > now)
        {
            return new HoldPace(false, readyAt, []);
        }

        var zone = facts.Week.Zone;
        var firstWorkingDay = NextWorkingDay(MailboxTime.DateOf(facts.MetAt, zone), facts.Week);
        var earliest = NextWorkingDay(firstWorkingDay, facts.Week);
        var notBeforeDay = MailboxTime.DateOf(facts.NotBefore, zone);
        var start = earliest > notBeforeDay ? earliest : notBeforeDay;
        var lastDay = MailboxTime.DateOf(facts.DueAt, zone);
        var placedDays = facts.PlacedHolds.Select(h => MailboxTime.DateOf(h, zone)).ToList();

        var days = new List<TimeWindow>();
        for (var day = start; day <= lastDay; day = day.AddDays(1))
        {
            if (!facts.Week.Days.Contains(day.DayOfWeek)
                || placedDays.Count(d => d == day) >= pacing.PerDay
                || placedDays.Count(d => WeekOf(d) == WeekOf(day)) >= pacing.PerWeek)
            {
                continue;
            }

            var from = Max(MailboxTime.AtWallClock(day, TimeOnly.MinValue, zone), facts.NotBefore);
            var until = Min(MailboxTime.AtWallClock(day.AddDays(1), TimeOnly.MinValue, zone), facts.DueAt);
            if (from < until)
            {
                days.Add(new TimeWindow(from, until));
            }
        }

        return new HoldPace(true, readyAt, days);
    }

    private static DateOnly NextWorkingDay(DateOnly after, WorkingWeek week)
    {
        var day = after.AddDays(1);
        // A week with no working days would loop forever; seven steps cover every week.
        for (var i = 0; i < 7 && !week.Days.Contains(day.DayOfWeek); i++)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>The Monday that starts the date's week.</summary>
    private static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
