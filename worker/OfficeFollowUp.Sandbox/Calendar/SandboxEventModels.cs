namespace OfficeFollowUp.Sandbox;

/// <summary>
/// What a calendar event is made of; the mailbox gives it an id, timestamps, a change key and an iCalUId.
/// Start and End are instants; for an all-day event only their dates in <see cref="TimeZone"/> count (End exclusive).
/// A null subject is sent as JSON null.
/// </summary>
public sealed record SandboxEventSeed(
    string? Subject,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<SandboxAttendee> Attendees)
{
    public bool IsAllDay { get; init; }

    /// <summary>Graph's freeBusyStatus: "busy" (Graph's default), "tentative", "free", "oof", "workingElsewhere".</summary>
    public string ShowAs { get; init; } = "busy";

    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? Location { get; init; }

    public string? BodyHtml { get; init; }

    public SandboxRecurrence? Recurrence { get; init; }

    /// <summary>False for an invitation someone else sent; then <see cref="Organizer"/> names them.</summary>
    public bool IsOrganizer { get; init; } = true;

    public SandboxAttendee? Organizer { get; init; }

    /// <summary>The user's own answer to someone else's invitation (responseStatus): "accepted", "tentativelyAccepted", "declined", "notResponded".</summary>
    public string UserResponse { get; init; } = "accepted";

    /// <summary>"normal", "personal", "private" or "confidential".</summary>
    public string Sensitivity { get; init; } = "normal";

    public bool IsReminderOn { get; init; } = true;

    public int ReminderMinutesBeforeStart { get; init; } = 15;

    /// <summary>IANA or Windows zone the event was made in (originalStartTimeZone); null means the mailbox's zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The client's idempotency key from <c>POST /me/events</c>.</summary>
    public string? TransactionId { get; init; }

    public IReadOnlyDictionary<string, string> SingleValueExtendedProperties { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>An attendee or organizer; a null name is sent as JSON null.</summary>
public sealed record SandboxAttendee(string? Name, string Address, string Type = "required")
{
    /// <summary>Graph's responseType: "none", "accepted", "tentativelyAccepted", "declined", "notResponded".</summary>
    public string Response { get; init; } = "none";
}

/// <summary>
/// The recurrence patterns the sandbox expands: daily or weekly (on <see cref="DaysOfWeek"/>) every
/// <see cref="Interval"/> days/weeks, ending on <see cref="EndDate"/>, after <see cref="NumberOfOccurrences"/>, or never.
/// </summary>
public sealed record SandboxRecurrence(string Type, IReadOnlyList<DayOfWeek> DaysOfWeek, int Interval = 1)
{
    public DateOnly? EndDate { get; init; }

    public int? NumberOfOccurrences { get; init; }

    public static SandboxRecurrence Weekly(params DayOfWeek[] days) => new("weekly", days);

    public static SandboxRecurrence Daily(int interval = 1) => new("daily", [], interval);
}

/// <summary>An event as the sandbox stores it: a single instance, a series master or an exception of a series.</summary>
public sealed record SandboxEvent(
    string Id,
    string Type,
    string? SeriesMasterId,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastModifiedDateTime,
    string ChangeKey,
    string ICalUId,
    SandboxEventSeed Data)
{
    public string? Subject => Data.Subject;
    public string ShowAs => Data.ShowAs;
    public string? TransactionId => Data.TransactionId;
    public IReadOnlyList<SandboxAttendee> Attendees => Data.Attendees;
    public IReadOnlyList<string> Categories => Data.Categories;
    public string? BodyHtml => Data.BodyHtml;
    public IReadOnlyDictionary<string, string> SingleValueExtendedProperties => Data.SingleValueExtendedProperties;
}
