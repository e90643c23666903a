using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.KeepInTouch;

/// <summary>
/// A contact with a birthday, as birthday drafting sees them. <paramref name="KeptInTouch"/>: the user keeps in touch
/// with them by default (a tier or cadence of their own, or an open follow-up track).
/// </summary>
public sealed record BirthdayCandidate(string DisplayName, string? Email, DateOnly Birthday, string? PreferredChannel, bool KeptInTouch, string? ContactId = null);

/// <summary>
/// A birthday draft to prepare: for whom, which year's birthday (the exactly-once key is person and year), on which
/// date, and the window in which mail the user sends the person counts as the birthday wish (from the start of the lead
/// day to the end of <see cref="PlanBirthdayDrafts.SentGrace"/> after the birthday, in the mailbox's zone).
/// </summary>
public sealed record BirthdayDraftPlan(string Email, string DisplayName, int Year, DateOnly Date, DateTimeOffset WindowFrom, DateTimeOffset WindowUntil, string? ContactId = null);

/// <summary>
/// Which birthdays get a draft now. Pure: contacts, clock, the mailbox's zone and the settings in. A draft is planned
/// from the start of the lead day (KeepInTouch:BirthdayDraftLead, in the mailbox's calendar days) until the birthday
/// itself, so it waits in Drafts on the morning of the day; a birthday already past this year waits for next year, and
/// a worker that was off over a birthday drafts nothing late. Only for an address a draft can go to, and only where the
/// person prefers email or has said nothing: someone who prefers a call or LinkedIn gets the reminder with the channel.
/// 29 February is 28 February in other years.
/// </summary>
public static class PlanBirthdayDrafts
{
    /// <summary>How long after the birthday mail to the person still counts as the birthday wish.</summary>
    public static readonly TimeSpan SentGrace = TimeSpan.FromDays(3);

    public static IReadOnlyList<BirthdayDraftPlan> Run(IEnumerable<BirthdayCandidate> people, DateTimeOffset now, TimeZoneInfo zone, KeepInTouchOptions options)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BirthdayDrafts == BirthdayDraftsFor.None)
        {
            return [];
        }

        var today = MailboxTime.DateOf(now, zone);
        var lead = (int)options.BirthdayDraftLead.TotalDays;
        var plans = new List<BirthdayDraftPlan>();
        foreach (var person in people.Where(p => Wanted(p, options.BirthdayDrafts)).DistinctBy(p => EmailAddresses.Key(p.Email!), StringComparer.Ordinal))
        {
            var date = UpcomingBirthdays.Next(person.Birthday, today);
            var from = date.AddDays(-lead);
            if (today < from)
            {
                continue;
            }

            var (windowFrom, windowUntil) = Window(date, zone, options);
            plans.Add(new BirthdayDraftPlan(person.Email!.Trim(), person.DisplayName, date.Year, date, windowFrom, windowUntil, person.ContactId));
        }

        return plans;
    }

    /// <summary>The window in which sent mail counts as the wish for a birthday on <paramref name="date"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Window(DateOnly date, TimeZoneInfo zone, KeepInTouchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (MailboxTime.AtWallClock(date.AddDays(-(int)options.BirthdayDraftLead.TotalDays), TimeOnly.MinValue, zone),
            MailboxTime.AtWallClock(date.AddDays(1 + (int)SentGrace.TotalDays), TimeOnly.MinValue, zone));
    }

    /// <summary>Whether the person's birthday gets a draft at all, whatever the date.</summary>
    public static bool Wanted(BirthdayCandidate person, BirthdayDraftsFor audience)
    {
        ArgumentNullException.ThrowIfNull(person);
        return audience != BirthdayDraftsFor.None
            && EmailAddresses.LooksValid(person.Email)
            && (person.PreferredChannel is null || string.Equals(person.PreferredChannel, "Email", StringComparison.OrdinalIgnoreCase))
            && (audience == BirthdayDraftsFor.Everyone || person.KeptInTouch);
    }
}
