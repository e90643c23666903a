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

    public static DueBucket BucketOf(DateTimeOffset due, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = MailboxTime.DateOf(now, zone);
        return due < now ? DueBucket.Overdue
            : due < MailboxTime.AtWallClock(today.AddDays(1), TimeOnly.MinValue, zone) ? DueBucket.Today
            : due < MailboxTime.AtWallClock(today.AddDays(7), TimeOnly.MinValue, zone) ? DueBucket.ThisWeek
            : DueBucket.Later;
    }

    /// <summary>The open steps split into the due window and the rest, each earliest first (ties by id, so pages are stable).</summary>
    public static (IReadOnlyList<FollowUpDto> Due, IReadOnlyList<FollowUpDto> Later, DueCountsDto Counts) Split(
        IEnumerable<FollowUpDto> items, DateTimeOffset now, TimeZoneInfo zone)
    {
        var sorted = items.OrderBy(WhenDue).ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => (Item: i, Bucket: BucketOf(WhenDue(i), now, zone))).ToList();
        int Count(DueBucket b) => sorted.Count(s => s.Bucket == b);
        return (
            sorted.Where(s => s.Bucket != DueBucket.Later).Select(s => s.Item).ToList(),
            sorted.Where(s => s.Bucket == DueBucket.Later).Select(s => s.Item).ToList(),
            new DueCountsDto(Count(DueBucket.Overdue), Count(DueBucket.Today), Count(DueBucket.ThisWeek), Count(DueBucket.Later)));
    }
}
