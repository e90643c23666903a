using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Calendar;

/// <summary>A hold to place, or the note for the user when there is no slot for one.</summary>
public sealed record HoldPlan(HoldContent? Hold, string? Note);

/// <summary>
/// The 30-day step: the first free slot of the configured length in the user's working hours, from
/// tomorrow until the step is due, as a private tentative hold with no attendees. No slot: a note
/// for the user instead of a hold at an impossible time.
/// </summary>
public sealed class BookMeetingHold(CalendarReader calendar, Settings.EffectiveSettings effective, TimeProvider time)
{
    public async Task<HoldPlan> PlanAsync(FollowUpItem step, MailboxProfile profile, HoldSlotClaims claims, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(claims);
        var settings = (await effective.ForAsync(profile.MailboxId, ct)).Calendar;
        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var from = time.GetUtcNow().AddDays(1);
        var until = step.DueAt;
        var noSlot = $"No free {settings.MeetingLength.TotalMinutes:0}-minute slot in your working hours before it is due; book the one-to-one yourself.";
        if (until <= from || profile.OwnAddresses.Count == 0)
        {
            return new HoldPlan(null, noSlot);
        }

        var (busy, week) = await calendar.ReadScheduleAsync(profile.OwnAddresses[0], new TimeWindow(from, until), ct);
        week ??= new WorkingWeek(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            new TimeOnly(9, 0), new TimeOnly(17, 0), zone);
        var busyTimes = BusyTimes.From(busy);
        var slot = claims.Claim(claimed => FindFreeSlot.Run([.. busyTimes, .. claimed], week, from, until, settings.MeetingLength, settings.MeetingBuffer));
        if (slot is null)
        {
            return new HoldPlan(null, noSlot);
        }

        var (subject, body) = HoldTemplate.Render(step, zone);
        return new HoldPlan(new HoldContent(subject, body, slot), null);
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
