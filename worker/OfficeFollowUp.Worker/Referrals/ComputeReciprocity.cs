namespace OfficeFollowUp.Referrals;

public sealed record WalkThroughItem(string ReferralId, ReferralDirection Direction, string ProspectName, ReferralOutcome? Outcome, string Ask);

public sealed record Reciprocity(
    Party Partner,
    IReadOnlyList<Referral> Given,
    IReadOnlyList<Referral> Received,
    int GivenWon,
    int ReceivedWon,
    bool PartnerNotFollowingUp,
    DateTimeOffset? LastOneToOne,
    IReadOnlyList<WalkThroughItem> WalkThrough,
    string AskBack);

/// <summary>
/// The reciprocity view for one partner: what went each way and how it ended, whether the partner
/// follows up on what the user sends them, and a checklist to walk through every referral together
/// before asking for referrals back. Pure.
/// </summary>
public static class ComputeReciprocity
{
    public static Reciprocity Run(Party partner, IReadOnlyList<Referral> referrals, DateTimeOffset? lastOneToOne, string? lookingFor)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var given = referrals.Where(r => r.Direction == ReferralDirection.Given).OrderByDescending(r => r.ReferredAt).ToList();
        var received = referrals.Where(r => r.Direction == ReferralDirection.Received).OrderByDescending(r => r.ReferredAt).ToList();

        // Report back on what they sent first (that is what they want to hear), then ask about what the user sent.
        var walk = received.OrderBy(r => r.ReferredAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => new WalkThroughItem(r.Id, r.Direction, r.ProspectName, r.Outcome, r.Outcome switch
            {
                null => $"Tell them where things stand with {r.ProspectName}.",
                ReferralOutcome.Won => $"Thank them again: {r.ProspectName} became a client.",
                ReferralOutcome.InProgress => $"Tell them {r.ProspectName} is in progress.",
                _ => $"Close the loop on {r.ProspectName} and thank them for thinking of you.",
            }))
            .Concat(given.OrderBy(r => r.ReferredAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => new WalkThroughItem(r.Id, r.Direction, r.ProspectName, r.Outcome, r.Outcome switch
            {
                null when r.PartnerFollowedUp is not true => $"Ask whether they reached {r.ProspectName}.",
                null or ReferralOutcome.InProgress => $"Ask how it is going with {r.ProspectName}.",
                _ => $"Ask what they learned from {r.ProspectName}, and whether the referral was a good one.",
            })))
            .ToList();

        var askBack = string.IsNullOrWhiteSpace(lookingFor)
            ? "Then ask: who do you know who could use what I do?"
            : $"Then ask: who do you know among {lookingFor.Trim()}?";

        return new Reciprocity(
            partner, given, received,
            given.Count(r => r.Outcome == ReferralOutcome.Won), received.Count(r => r.Outcome == ReferralOutcome.Won),
            given.Any(r => r.PartnerFollowedUp == false),
            lastOneToOne, walk, askBack);
    }
}
