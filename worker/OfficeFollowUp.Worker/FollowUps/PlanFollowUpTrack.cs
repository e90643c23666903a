namespace OfficeFollowUp.FollowUps;

/// <summary>
/// The 24/7/30 track for one acquaintance. Day-based steps are counted in the mailbox's own
/// calendar days, so "in 7 days" keeps the same wall-clock time across a DST change.
/// </summary>
public static class PlanFollowUpTrack
{
    public static IReadOnlyList<PlannedStep> Run(DateTimeOffset metAt, TimeZoneInfo zone, FollowUpOptions options) =>
    [
        new PlannedStep(FollowUpStepKind.ThankYou, InZone(metAt + options.ThankYouWithin, zone)),
        new PlannedStep(FollowUpStepKind.Connect, AddLocal(metAt, options.ConnectWithin, zone)),
        new PlannedStep(FollowUpStepKind.OneToOne, AddLocal(metAt, options.OneToOneWithin, zone)),
    ];

    private static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    private static DateTimeOffset AddLocal(DateTimeOffset instant, TimeSpan span, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime + span;
        if (zone.IsInvalidTime(local))
        {
            // The wall-clock time falls in a spring-forward gap: move past it.
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }
}
