namespace OfficeFollowUp.Promises;

public enum PromiseState
{
    Open,
    Done,
    Snoozed,
}

/// <summary>"I'll get back to you with …": something the user said they would do for a person, by a date.</summary>
public sealed record Promise(
    string Id,
    string Email,
    string DisplayName,
    string? EventId,
    string? EventSubject,
    string Text,
    DateTimeOffset DueAt,
    PromiseState State,
    DateTimeOffset? SnoozedUntil,
    DateTimeOffset? DoneAt,
    string? PreferredChannel)
{
    /// <summary>How the user said they would keep it; "by email" lets the mail they send the person keep it.</summary>
    public Calendar.PreferredChannel? Channel { get; init; }

    /// <summary>How it was kept: the mail sent, or the user's word.</summary>
    public Evidence.CompletedVia? DoneVia { get; init; }

    /// <summary>A snooze that has run out shows the promise as open again.</summary>
    public PromiseState StateAt(DateTimeOffset now) => State == PromiseState.Snoozed && SnoozedUntil <= now ? PromiseState.Open : State;

    public bool IsOverdue(DateTimeOffset now) => StateAt(now) == PromiseState.Open && DueAt <= now;
}
