using OfficeFollowUp.Evidence;

namespace OfficeFollowUp.KeepInTouch;

/// <summary>
/// Where a year's birthday draft is: planned (the outbox is making it), prepared (waiting in Drafts), done (mail was sent),
/// or skipped by the user ("Skip this year": never drafted again that year, and sent mail no longer completes it).
/// </summary>
public enum BirthdayDraftState
{
    Planned,
    Prepared,
    Done,
    Skipped,
}

/// <summary>One person's birthday draft for one year, with what the draft needs to say about them.</summary>
public sealed record BirthdayDraft(
    string Id,
    string MailboxId,
    string Email,
    string DisplayName,
    int Year,
    DateOnly Date,
    BirthdayDraftState State,
    string? DraftId,
    CompletedVia? CompletedVia,
    DateTimeOffset? CompletedAt,
    string? GivenName = null,
    string? CompanyName = null,
    string? Remember = null,
    string? PersonalNotes = null);
