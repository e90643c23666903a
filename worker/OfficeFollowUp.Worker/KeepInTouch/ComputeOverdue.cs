namespace OfficeFollowUp.KeepInTouch;

/// <summary>What the keep-in-touch planner knows about one person.</summary>
public sealed record TouchFacts(
    string Email,
    string DisplayName,
    Tier? ChosenTier,
    int? CadenceDays,
    bool IsReferralPartner,
    bool IsAcquaintance,
    DateTimeOffset KnownSince,
    DateTimeOffset? LastMeeting,
    DateTimeOffset? LastFollowUp,
    string? PreferredChannel);

public sealed record TouchReminder(
    string Email, string DisplayName, Tier Tier, TimeSpan Cadence, DateTimeOffset? LastTouch, DateTimeOffset DueAt, int DaysOverdue, string? PreferredChannel);

/// <summary>
/// Who is overdue for a touch: no meeting with them in the calendar and no completed follow-up inside
/// their cadence (a per-person override, else their tier's). People the user never placed in a tier
/// are tracked only when they are referral partners or acquaintances met through the product, so
/// the contacts present at the first connection do not flood the list. Pure.
/// </summary>
public static class ComputeOverdue
{
    public static IReadOnlyList<TouchReminder> Run(IEnumerable<TouchFacts> people, DateTimeOffset now, KeepInTouchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reminders = new List<TouchReminder>();
        foreach (var person in people)
        {
            if (person.ChosenTier is null && person.CadenceDays is null && !person.IsReferralPartner && !person.IsAcquaintance)
            {
                continue;
            }

            var tier = person.ChosenTier ?? (person.IsReferralPartner ? Tier.ReferralPartner : Tier.Other);
            var cadence = person.CadenceDays is { } days ? TimeSpan.FromDays(days) : options.CadenceOf(tier);
            DateTimeOffset? lastTouch = Max(person.LastMeeting, person.LastFollowUp);
            var due = Max(lastTouch, person.KnownSince)!.Value + cadence;
            if (now >= due)
            {
                reminders.Add(new TouchReminder(person.Email, person.DisplayName, tier, cadence, lastTouch, due, (int)(now - due).TotalDays, person.PreferredChannel));
            }
        }

        return reminders.OrderByDescending(r => now - r.DueAt).ThenBy(r => r.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whom the list covers: people with a tier, a cadence, a referral or a track (tracked), and contacts with none of these (untracked).</summary>
    public static (int Tracked, int Untracked) Coverage(IEnumerable<TouchFacts> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var untracked = 0;
        var tracked = 0;
        foreach (var person in people)
        {
            if (person.ChosenTier is null && person.CadenceDays is null && !person.IsReferralPartner && !person.IsAcquaintance)
            {
                untracked++;
            }
            else
            {
                tracked++;
            }
        }
        return (tracked, untracked);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
