namespace OfficeFollowUp.Calendar;

public sealed record EventAttendee(string Email, string? Name);

/// <summary>An event instance as calendar sync saw it (occurrences of a series are instances too).</summary>
public sealed record CalendarEventFacts(
    string Id,
    string? SeriesMasterId,
    string Subject,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    string ShowAs,
    IReadOnlyList<string> Categories,
    IReadOnlyList<EventAttendee> Attendees,
    bool IsCancelled)
{
    /// <summary>The user's own part (Graph's responseStatus): "organizer", "accepted", "tentativelyAccepted", "declined", "none", "notResponded"; null when unknown.</summary>
    public string? UserResponse { get; init; }
}

public enum NetworkingReason
{
    Category,
    Keyword,
    Marked,
}

public sealed record AttendeeCandidate(string Email, string DisplayName, bool Known);

public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>The user's working week as mailbox settings describe it.</summary>
public sealed record WorkingWeek(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, TimeZoneInfo Zone);
