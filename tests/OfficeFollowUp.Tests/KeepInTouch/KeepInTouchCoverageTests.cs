using OfficeFollowUp.KeepInTouch;

namespace OfficeFollowUp.Tests.KeepInTouch;

/// <summary>Keep in touch says whom it covers: a contact with no tier, cadence, referral or track is counted as not covered.</summary>
public sealed class KeepInTouchCoverageTests
{
    private static readonly DateTimeOffset Since = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static TouchFacts Person(Tier? tier = null, int? days = null, bool partner = false, bool acquaintance = false) =>
        new("a@example.com", "A", tier, days, partner, acquaintance, Since, null, null, null);

    [Fact]
    public void Untracked_contacts_are_counted_apart_from_the_people_the_list_covers() =>
        Assert.Equal((4, 2), ComputeOverdue.Coverage([
            Person(), Person(), Person(tier: Tier.InnerCircle), Person(days: 30), Person(partner: true), Person(acquaintance: true),
        ]));
}
