namespace OfficeFollowUp.FollowUps;

/// <summary>
/// The 24/7/30 track for one acquaintance. Day-based steps are counted in the mailbox's own
/// calendar days, so "in 7 days" keeps the same wall-clock time across a DST change.
/// </summary>
public static class PlanFollowUpTrack
{
    public static IReadOnlyList<PlannedStep> Run(DateTimeOffset metAt, TimeZoneInfo zone, FollowUpOptions options) =>
    [
        new PlannedStep(FollowUpStepKind.ThankYou, MailboxTime.ToLocal(metAt + options.ThankYouWithin, zone)),
        new PlannedStep(FollowUpStepKind.Connect, MailboxTime.AddLocal(metAt, options.ConnectWithin, zone)),
        new PlannedStep(FollowUpStepKind.OneToOne, MailboxTime.AddLocal(metAt, options.OneToOneWithin, zone)),
    ];
}
