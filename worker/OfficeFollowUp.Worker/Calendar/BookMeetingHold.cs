using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Calendar;

/// <summary>
/// A hold to place, the note for the user when there is no slot for one, or (<see cref="WaitUntil"/>) not yet: the
/// person is not ready for a one-to-one, so the hold is looked at again then.
/// </summary>
public sealed record HoldPlan(HoldContent? Hold, string? Note)
{
    public DateTimeOffset? WaitUntil { get; init; }
}

/// <summary>
/// The 30-day step, paced (<see cref="PaceHolds"/>): once the person is ready (the thank-you sent, or from the connect
/// step on, per <c>Calendar:HoldAfter</c>), the first free slot of the configured length in the user's working hours on
/// the earliest day that still has room under <c>Calendar:MaxHoldsPerDay</c> / <c>MaxHoldsPerWeek</c>, never on the first
/// working day after the event, as a private tentative hold with no attendees. No slot: a note for the user instead of a
/// hold at an impossible time.
/// </summary>
public sealed class BookMeetingHold(CalendarReader calendar, FollowUpStore followUps, Settings.EffectiveSettings effective, TimeProvider time)
{
    /// <summary>How soon a person not yet ready is looked at again when the clock alone will not make them ready.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromHours(1);

    private static readonly HashSet<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public async Task<HoldPlan> PlanAsync(FollowUpItem step, MailboxProfile profile, HoldSlotClaims claims, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(claims);
        var settings = (await effective.ForAsync(profile.MailboxId, ct)).Calendar;
        var pacing = new HoldPacing(settings.HoldAfter, settings.MaxHoldsPerDay, settings.MaxHoldsPerWeek);
        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var now = time.GetUtcNow();
        var from = now.AddDays(1);
        var until = step.DueAt;
        var noSlot = $"No free {settings.MeetingLength.TotalMinutes:0}-minute slot in your working hours before it is due; book the one-to-one yourself.";
        if (until <= from || profile.OwnAddresses.Count == 0)
        {
            return new HoldPlan(null, noSlot);
        }

        var facts = await FactsAsync(step, profile, from, new WorkingWeek(Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0), zone), ct);
        var readiness = PaceHolds.Run(facts, pacing, now);
        if (!readiness.Ready)
        {
            return new HoldPlan(null, null) { WaitUntil = readiness.ReadyAt is { } readyAt && readyAt > now ? readyAt : now + Recheck };
        }

        var (busy, week) = await calendar.ReadScheduleAsync(profile.OwnAddresses[0], new TimeWindow(from, until), ct);
        week ??= facts.Week;
        var busyTimes = BusyTimes.From(busy);
        var slot = claims.Claim(claimed =>
        {
            // Inside the claim: holds other lanes of this pass placed count toward the day and week too.
            var placed = facts.PlacedHolds.Concat(claimed.Select(c => c.Start)).Distinct().ToList();
            var pace = PaceHolds.Run(facts with { Week = week, PlacedHolds = placed }, pacing, now);
            return pace.Days
                .Select(day => FindFreeSlot.Run([.. busyTimes, .. claimed], week, day.Start, day.End, settings.MeetingLength, settings.MeetingBuffer))
                .FirstOrDefault(s => s is not null);
        });
        if (slot is null)
        {
            return new HoldPlan(null, noSlot);
        }

        var (subject, body) = HoldTemplate.Render(step, zone);
        return new HoldPlan(new HoldContent(subject, body, slot), null);
    }

    private async Task<HoldPaceFacts> FactsAsync(FollowUpItem step, MailboxProfile profile, DateTimeOffset notBefore, WorkingWeek week, CancellationToken ct)
    {
        var metAt = step.MetAt ?? step.UpdatedAt ?? time.GetUtcNow();
        var thankYou = (await followUps.ListForPersonAsync(profile.MailboxId, EmailAddresses.Key(step.Email), ct)).FirstOrDefault(s => s.Step == FollowUpStepKind.ThankYou);
        // No thank-you step (a track without one): ready from the meeting. A skipped thank-you: ready from the user's decision.
        DateTimeOffset? thankYouDone = thankYou switch
        {
            null => metAt,
            { State: FollowUpState.Done } => thankYou.CompletedAt ?? thankYou.UpdatedAt ?? metAt,
            { State: FollowUpState.Skipped } => thankYou.UpdatedAt ?? metAt,
            _ => null,
        };
        // A week back covers every hold that can share a week with the days ahead.
        var placed = await followUps.ListHoldStartsAsync(profile.MailboxId, notBefore.AddDays(-7), ct);
        return new HoldPaceFacts(metAt, thankYouDone, thankYou?.DueAt ?? metAt, notBefore, step.DueAt, week, placed);
    }
}

/// <summary>
/// Slots taken by holds of one outbox pass. Holds are worked concurrently, and a free/busy read does not show a hold
/// another lane is creating at that moment; claiming the slot here keeps two holds off one slot.
/// </summary>
public sealed class HoldSlotClaims
{
    private readonly Lock _gate = new();
    private readonly List<TimeWindow> _claimed = [];

    /// <summary>Runs <paramref name="find"/> with the slots already claimed, and claims what it returns.</summary>
    public TimeWindow? Claim(Func<IReadOnlyList<TimeWindow>, TimeWindow?> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        lock (_gate)
        {
            var slot = find(_claimed);
            if (slot is not null)
            {
                _claimed.Add(slot);
            }

            return slot;
        }
    }
}
