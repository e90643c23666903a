using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Referrals;

namespace OfficeFollowUp.Insights;

/// <summary>Referral follow-through: received referrals contacted in time, and loops closed with whoever referred.</summary>
public sealed record ReferralScore(int Received, double? ContactedWithin24Hours, int LoopsClosed, int OutcomesRecorded);

public sealed record WeekPoint(DateOnly WeekStart, int NewAcquaintances, int ThankedWithin24Hours);

public sealed record Scorecard(
    int Acquaintances,
    double? ThankedWithin24Hours,
    double? ConnectedWithin7Days,
    double? MetWithin30Days,
    TimeSpan? MedianTimeToThankYou,
    IReadOnlyList<WeekPoint> Weeks);

/// <summary>
/// How well the user follows up, from the steps alone. A step counts as on time when the user marked
/// it done within its window after the meeting (a one-to-one also counts when a meeting with the person
/// was found in the calendar). Shares are over the people whose window has closed or who already did
/// it, so this week's new people do not drag the numbers down. Pure.
/// </summary>
public static class ComputeScorecard
{
    public static Scorecard Run(IReadOnlyList<FollowUpItem> steps, DateTimeOffset now, TimeZoneInfo zone, FollowUpOptions options, int weeks = 8)
    {
        var people = steps.Where(s => s.MetAt is not null).GroupBy(s => s.Email, StringComparer.OrdinalIgnoreCase).ToList();

        double? Share(FollowUpStepKind kind, TimeSpan window)
        {
            var relevant = people
                .Select(p => p.FirstOrDefault(s => s.Step == kind))
                .OfType<FollowUpItem>()
                .Where(s => s.State != FollowUpState.Skipped)
                .Where(s => OnTime(s, window) || now - s.MetAt!.Value >= window)
                .ToList();
            return relevant.Count == 0 ? null : relevant.Count(s => OnTime(s, window)) / (double)relevant.Count;
        }

        var thankYouTimes = steps
            .Where(s => s.Step == FollowUpStepKind.ThankYou && s.State == FollowUpState.Done && s.UpdatedAt is not null && s.MetAt is not null)
            .Select(s => s.UpdatedAt!.Value - s.MetAt!.Value)
            .Order()
            .ToList();

        var thisWeek = StartOfWeek(MailboxTime.DateOf(now, zone));
        var points = Enumerable.Range(0, weeks).Select(i => thisWeek.AddDays(-7 * (weeks - 1 - i))).Select(week =>
        {
            var inWeek = people.Where(p => StartOfWeek(MailboxTime.DateOf(p.First().MetAt!.Value, zone)) == week).ToList();
            var thanked = inWeek.Count(p => p.Any(s => s.Step == FollowUpStepKind.ThankYou && OnTime(s, options.ThankYouWithin)));
            return new WeekPoint(week, inWeek.Count, thanked);
        }).ToList();

        return new Scorecard(
            people.Count,
            Share(FollowUpStepKind.ThankYou, options.ThankYouWithin),
            Share(FollowUpStepKind.Connect, options.ConnectWithin),
            Share(FollowUpStepKind.OneToOne, options.OneToOneWithin),
            thankYouTimes.Count == 0 ? null : Median(thankYouTimes),
            points);
    }

    /// <summary>
    /// Received referrals contacted within the window, over those contacted or whose window has
    /// closed; a loop is closed when the close-the-loop draft to the referrer was prepared.
    /// </summary>
    public static ReferralScore Referrals(IReadOnlyList<Referral> referrals, DateTimeOffset now, TimeSpan contactWithin)
    {
        var received = referrals.Where(r => r.Direction == ReferralDirection.Received).ToList();
        var judged = received.Where(r => r.ContactedAt is not null || now - r.ReferredAt >= contactWithin).ToList();
        var inTime = judged.Count(r => r.ContactedAt is { } at && at - r.ReferredAt <= contactWithin);
        return new ReferralScore(
            received.Count,
            judged.Count == 0 ? null : inTime / (double)judged.Count,
            received.Count(r => r.CloseDraftId is not null),
            referrals.Count(r => r.Outcome is not null));
    }

    private static bool OnTime(FollowUpItem step, TimeSpan window) =>
        step.State == FollowUpState.Done && step.UpdatedAt is { } done && step.MetAt is { } met && done - met <= window;

    private static TimeSpan Median(IReadOnlyList<TimeSpan> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The Monday of the date's week.</summary>
    private static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
