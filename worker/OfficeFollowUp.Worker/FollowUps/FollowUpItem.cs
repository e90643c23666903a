using OfficeFollowUp.Outbox;

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
    string? DraftId,
    string? HoldEventId = null,
    string? Note = null,
    DateTimeOffset? MetAt = null,
    string? EventId = null,
    string? EventSubject = null,
    string? Remember = null,
    string? Promised = null,
    string? PreferredChannel = null,
    string? ProfileUrl = null,
    DateTimeOffset? UpdatedAt = null,
    OutboxGaveUp? GaveUp = null,
    OfficeFollowUp.Evidence.CompletedVia? CompletedVia = null,
    DateTimeOffset? CompletedAt = null,
    DateTimeOffset? HoldStartsAt = null,
    string? JobTitle = null,
    string? PersonalNotes = null);
