namespace OfficeFollowUp.FollowUps;

/// <summary>A step as the task pane sees it.</summary>
public sealed record FollowUpItem(
    string Id,
    string MailboxId,
    string Email,
    string DisplayName,
    string? GivenName,
    string? CompanyName,
    FollowUpStepKind Step,
    DateTimeOffset DueAt,
    FollowUpState State,
    DateTimeOffset? SnoozedUntil,
    string? SkipReason,
    string? DraftId);
