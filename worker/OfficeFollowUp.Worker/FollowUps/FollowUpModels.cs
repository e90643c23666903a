namespace OfficeFollowUp.FollowUps;

public enum FollowUpStepKind
{
    ThankYou,
    Connect,
    OneToOne,
}

public enum FollowUpState
{
    Pending,
    Prepared,
    Done,
    Snoozed,
    Skipped,
}

/// <summary>A contact as the sync saw it: only the facts detection needs.</summary>
public sealed record ContactFacts(
    string Id,
    string DisplayName,
    string? GivenName,
    string? CompanyName,
    IReadOnlyList<string> Emails,
    DateTimeOffset? CreatedAt,
    DateOnly? Birthday = null,
    string? JobTitle = null,
    string? PersonalNotes = null);

/// <summary>Who the user is: every address that reaches them, and their time zone.</summary>
public sealed record MailboxProfile(
    string MailboxId,
    string DisplayName,
    string? GivenName,
    IReadOnlyList<string> OwnAddresses,
    string TimeZoneId);

public sealed record NewAcquaintance(
    string ContactId,
    string Email,
    string DisplayName,
    string? GivenName,
    string? CompanyName,
    DateTimeOffset MetAt,
    IReadOnlyList<string> OtherEmails);

public enum SkipReason
{
    /// <summary>No email address at all (a phone-only contact): not an error, nothing to report.</summary>
    NoEmailAddress,

    /// <summary>Email addresses, none of which a draft can be written to: the contact is skipped and counted in Health.</summary>
    UnusableAddress,

    OwnAddress,
    GroupAddress,
    AlreadyKnown,
    DuplicateInBatch,
}

public sealed record SkippedContact(string ContactId, SkipReason Reason);

public sealed record Detection(IReadOnlyList<NewAcquaintance> NewAcquaintances, IReadOnlyList<SkippedContact> Skipped);

public sealed record PlannedStep(FollowUpStepKind Kind, DateTimeOffset DueAt);
