namespace OfficeFollowUp.Calendar;

/// <summary>One entry of the user's free/busy (getSchedule scheduleItems), already in absolute time.</summary>
public sealed record ScheduleEntry(string Status, DateTimeOffset Start, DateTimeOffset End);

/// <summary>Which free/busy entries a hold must avoid: everything but "free" — tentative too, the user may go.</summary>
public static class BusyTimes
{
    public static IReadOnlyList<TimeWindow> From(IEnumerable<ScheduleEntry> entries) =>
        entries
            .Where(e => !string.Equals(e.Status, "free", StringComparison.OrdinalIgnoreCase) && e.End > e.Start)
            .Select(e => new TimeWindow(e.Start, e.End))
            .OrderBy(r => r.Start)
            .ToList();
}
