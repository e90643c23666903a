namespace OfficeFollowUp.FollowUps;

/// <summary>Where a follow-up falls for the user, on the mailbox's calendar.</summary>
public enum DueBucket
{
    Overdue,
    Today,
    ThisWeek,
    Later,
}

/// <summary>How many open follow-ups fall in each bucket: what the Today tab counts, and what the rest holds.</summary>
public sealed record DueCountsDto(int Overdue, int Today, int ThisWeek, int Later);

/// <summary>
/// Today's list is the due window: overdue, due today, due this week (the six days after today), on the
/// mailbox's calendar — the same buckets as the pane's groupToday. A snoozed step counts from when it
/// wakes. Pure.
/// </summary>
public static class DueWindow
{
    /// <summary>When the step next needs the user: a snooze pushes it out, so a snoozed overdue step stops nagging.</summary>
    public static DateTimeOffset WhenDue(FollowUpDto item) =>
        item.State == FollowUpState.Snoozed && item.SnoozedUntil is { } until && until > item.DueAt ? until : item.DueAt;

    public static DueBucket BucketOf(DateTimeOffset due, DateTimeOffset now, TimeZoneInfo zone) => Bounds(now, zone)(due);

    /// <summary>The bucket of a due time, with the day boundaries worked out once (the zone's rules are not free).</summary>
    private static Func<DateTimeOffset, DueBucket> Bounds(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = MailboxTime.DateOf(now, zone);
        var endOfToday = MailboxTime.AtWallClock(today.AddDays(1), TimeOnly.MinValue, zone);
        var endOfWeek = MailboxTime.AtWallClock(today.AddDays(7), TimeOnly.MinValue, zone);
        return due => due < now ? DueBucket.Overdue : due < endOfToday ? DueBucket.Today : due < endOfWeek ? DueBucket.ThisWeek : DueBucket.Later;
    }

    /// <summary>The open steps split into the due window and the rest, each earliest first (ties by id, so pages are stable).</summary>
    public static (IReadOnlyList<FollowUpDto> Due, IReadOnlyList<FollowUpDto> Later, DueCountsDto Counts) Split(
        IEnumerable<FollowUpDto> items, DateTimeOffset now, TimeZoneInfo zone)
    {
        var bucketOf = Bounds(now, zone);
        var sorted = items.Select(i => (Item: i, Due: WhenDue(i))).OrderBy(i => i.Due).ThenBy(i => i.Item.Id, StringComparer.Ordinal)
            .Select(i => (i.Item, Bucket: bucketOf(i.Due))).ToList();
        int Count(DueBucket b) => sorted.Count(s => s.Bucket == b);
        return (
            sorted.Where(s => s.Bucket != DueBucket.Later).Select(s => s.Item).ToList(),
            sorted.Where(s => s.Bucket == DueBucket.Later).Select(s => s.Item).ToList(),
            new DueCountsDto(Count(DueBucket.Overdue), Count(DueBucket.Today), Count(DueBucket.ThisWeek), Count(DueBucket.Later)));
    }
}
