using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Referrals;

namespace OfficeFollowUp.Insights;

/// <summary>Referral follow-through: received referrals contacted in time, and loops closed with whoever referred.</summary>
public sealed record ReferralScore(int Received, double? ContactedWithin24Hours, int LoopsClosed, int OutcomesRecorded);

public sealed record WeekPoint(DateOnly WeekStart, int NewAcquaintances, int ThankedWithin24Hours);

/// <summary>
/// A rate with its counts ("8 of 11"): <paramref name="OnTime"/> of <paramref name="Of"/> people counted, and how many
/// more the user marked done on time without the mailbox showing it (not in the rate where it says sent or met).
/// </summary>
public sealed record RateCounts(int OnTime, int Of, int MarkedOnTime);

public sealed record Scorecard(
    int Acquaintances,
    double? ThankedWithin24Hours,
    double? ConnectedWithin7Days,
    double? MetWithin30Days,
    TimeSpan? MedianTimeToThankYou,
    IReadOnlyList<WeekPoint> Weeks)
{
    public RateCounts Thanked { get; init; } = new(0, 0, 0);

    public RateCounts Connected { get; init; } = new(0, 0, 0);

    public RateCounts Met { get; init; } = new(0, 0, 0);
}

/// <summary>
/// How well the user follows up. Evidence over clicks: "thanked" counts thank-yous the mailbox shows sent, "met" counts
/// one-to-ones it shows held, within their windows after the meeting; steps the user marked done count apart (connect
/// counts both: it happens where the person is, mostly outside the mailbox). Shares are over the people whose window has
/// closed or who already did it, so this week's new people do not drag the numbers down. Time to thank-you runs from the
/// meeting to the sent message. Pure.
/// </summary>
public static class ComputeScorecard
{
    public static Scorecard Run(IReadOnlyList<FollowUpItem> steps, DateTimeOffset now, TimeZoneInfo zone, FollowUpOptions options, int weeks = 8)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(options);
        var people = steps.Where(s => s.MetAt is not null).GroupBy(s => s.Email, StringComparer.OrdinalIgnoreCase).ToList();

        RateCounts Count(FollowUpStepKind kind, TimeSpan window, CompletedVia? evidence)
        {
            var relevant = people
                .Select(p => p.FirstOrDefault(s => s.Step == kind))
                .OfType<FollowUpItem>()
                .Where(s => s.State != FollowUpState.Skipped)
                .Where(s => OnTime(s, window) || now - s.MetAt!.Value >= window)
                .ToList();
            var onTime = relevant.Where(s => OnTime(s, window)).ToList();
            var marked = onTime.Count(s => Via(s) == CompletedVia.Marked);
            return evidence is null
                ? new RateCounts(onTime.Count, relevant.Count, marked)
                : new RateCounts(onTime.Count(s => Via(s) == evidence), relevant.Count, marked);
        }

        var thanked = Count(FollowUpStepKind.ThankYou, options.ThankYouWithin, CompletedVia.Sent);
        var connected = Count(FollowUpStepKind.Connect, options.ConnectWithin, null);
        var met = Count(FollowUpStepKind.OneToOne, options.OneToOneWithin, CompletedVia.Meeting);

        var thankYouTimes = steps
            .Where(s => s.Step == FollowUpStepKind.ThankYou && s.State == FollowUpState.Done && Via(s) == CompletedVia.Sent && s.MetAt is not null)
            .Select(s => DoneAt(s)!.Value - s.MetAt!.Value)
            .Order()
            .ToList();

        var thisWeek = StartOfWeek(MailboxTime.DateOf(now, zone));
        var points = Enumerable.Range(0, weeks).Select(i => thisWeek.AddDays(-7 * (weeks - 1 - i))).Select(week =>
        {
            var inWeek = people.Where(p => StartOfWeek(MailboxTime.DateOf(p.First().MetAt!.Value, zone)) == week).ToList();
            var sentOnTime = inWeek.Count(p => p.Any(s => s.Step == FollowUpStepKind.ThankYou && Via(s) == CompletedVia.Sent && OnTime(s, options.ThankYouWithin)));
            return new WeekPoint(week, inWeek.Count, sentOnTime);
        }).ToList();

        return new Scorecard(
            people.Count,
            Share(thanked),
            connected.Of == 0 ? null : connected.OnTime / (double)connected.Of,
            Share(met),
            thankYouTimes.Count == 0 ? null : Median(thankYouTimes),
            points)
        {
            Thanked = thanked,
            Connected = connected,
            Met = met,
        };
    }

    private static double? Share(RateCounts counts) => counts.Of == 0 ? null : counts.OnTime / (double)counts.Of;

    /// <summary>A done step from before completions were recorded is the user's word.</summary>
    private static CompletedVia? Via(FollowUpItem step) =>
        step.State == FollowUpState.Done ? step.CompletedVia ?? CompletedVia.Marked : null;

    private static DateTimeOffset? DoneAt(FollowUpItem step) => step.CompletedAt ?? step.UpdatedAt;

    /// <summary>
    /// Received referrals contacted within the window, over those contacted or whose window has
    /// closed; a loop is closed when the close-the-loop note to the referrer was sent (a draft is not a closed loop).
    /// </summary>
    public static ReferralScore Referrals(IReadOnlyList<Referral> referrals, DateTimeOffset now, TimeSpan contactWithin)
    {
        var received = referrals.Where(r => r.Direction == ReferralDirection.Received).ToList();
        var judged = received.Where(r => r.ContactedAt is not null || now - r.ReferredAt >= contactWithin).ToList();
        var inTime = judged.Count(r => r.ContactedAt is { } at && at - r.ReferredAt <= contactWithin);
        return new ReferralScore(
            received.Count,
            judged.Count == 0 ? null : inTime / (double)judged.Count,
            received.Count(r => r.LoopClosedAt is not null),
            referrals.Count(r => r.Outcome is not null));
    }

    private static bool OnTime(FollowUpItem step, TimeSpan window) =>
        step.State == FollowUpState.Done && DoneAt(step) is { } done && step.MetAt is { } met && done - met <= window;

    private static TimeSpan Median(IReadOnlyList<TimeSpan> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The Monday of the date's week.</summary>
    private static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
