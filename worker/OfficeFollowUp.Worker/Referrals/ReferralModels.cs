using OfficeFollowUp.Outbox;

namespace OfficeFollowUp.Referrals;

/// <summary>Received: partner → prospect → me. Given: me → prospect → partner.</summary>
public enum ReferralDirection
{
    Received,
    Given,
}

public enum ReferralOutcome
{
    Won,
    InProgress,
    NotAFit,
    NoResponse,
    PoorMeeting,
}

/// <summary>Someone on a message or in a referral: an address and, where known, a name.</summary>
public sealed record Party(string Email, string? DisplayName);

/// <summary>What detection needs from a message: who, to whom, the subject and the start of the body as plain text.</summary>
public sealed record IntroMessage(
    Party? From,
    IReadOnlyList<Party> To,
    IReadOnlyList<Party> Cc,
    string? Subject,
    string? BodyStart);

/// <summary>
/// An introduction found in a message: the parties as detection understood them. When the user
/// introduced two people the roles are a guess (<see cref="RolesUncertain"/>), so the pane lets them swap.
/// </summary>
public sealed record Introduction(ReferralDirection Direction, Party Partner, Party Prospect, bool RolesUncertain);

/// <summary>A referral as stored.</summary>
public sealed record Referral(
    string Id,
    string MailboxId,
    ReferralDirection Direction,
    Party Partner,
    string ProspectName,
    string? ProspectEmail,
    string? ProspectPhone,
    string? Note,
    bool CopyPartner,
    string? SourceMessageId,
    DateTimeOffset ReferredAt,
    DateTimeOffset? ContactedAt,
    bool? PartnerFollowedUp,
    ReferralOutcome? Outcome,
    decimal? OutcomeValue,
    string? OutcomeNote,
    string? BetterFit,
    DateTimeOffset? OutcomeAt,
    string? IntroDraftId,
    string? CheckInDraftId,
    string? CloseDraftId,
    DateTimeOffset CreatedAt)
{
    /// <summary>The latest of this referral's drafts that the outbox stopped trying to make, if any.</summary>
    public OutboxGaveUp? DraftGaveUp { get; init; }

    /// <summary>How the contact with the prospect showed: sent mail, or the user's word.</summary>
    public Evidence.CompletedVia? ContactedVia { get; init; }

    /// <summary>Given: when the user's mail asking the partner how it went was sent.</summary>
    public DateTimeOffset? CheckedInAt { get; init; }

    /// <summary>When the close-the-loop note to the partner was sent (a prepared draft is not a closed loop).</summary>
    public DateTimeOffset? LoopClosedAt { get; init; }

    /// <summary>Given: when the user recorded the partner's answer to the check-in.</summary>
    public DateTimeOffset? PartnerAnsweredAt { get; init; }

    /// <summary>Given: when the user last nudged a partner who had not reached the prospect yet.</summary>
    public DateTimeOffset? PartnerNudgedAt { get; init; }

    /// <summary>The row's version when it was read: a write that names it lands only if nobody wrote the row since.</summary>
    public long RowVersion { get; init; }
}
