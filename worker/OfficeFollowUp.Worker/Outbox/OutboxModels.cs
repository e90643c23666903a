namespace OfficeFollowUp.Outbox;

public enum OutboxKind
{
    ThankYouDraft,
    BookMeetingHold,
    ReferralIntroDraft,
    ReferralCheckInDraft,
    CloseTheLoopDraft,
    BirthdayDraft,
}

public enum OutboxStatus
{
    Pending,
    Completed,
    Cancelled,

    /// <summary>Closed with nothing made and a note on the step (no free slot for a hold). Earlier versions also closed refused requests so.</summary>
    Failed,

    /// <summary>Stopped after too many failed tries or too long failing, or refused by Graph; waits for the user's "try again".</summary>
    GaveUp,
}

/// <summary>
/// An intent for one mailbox item, for a follow-up step or (with no step) for a referral or a birthday. <paramref name="Attempts"/> counts
/// failed tries. <paramref name="CreateStartedAt"/> is set, before the create call, on the first try that sent one: from then
/// on the item may exist in the mailbox, so a later try looks its tag up first.
/// </summary>
public sealed record OutboxEntry(
    string Id, string MailboxId, string? StepId, OutboxKind Kind, string Tag, int Attempts, string? ReferralId = null,
    DateTimeOffset? CreateStartedAt = null, DateTimeOffset? FirstFailedAt = null, string? BirthdayId = null);

/// <summary>An entry that stopped: what it was, why, after how many failed tries, when.</summary>
public sealed record OutboxGaveUp(string OutboxId, OutboxKind Kind, string Reason, int Attempts, DateTimeOffset At);

/// <summary>A stopped entry for the Health view, with whom it was for (the person, the prospect or the partner).</summary>
public sealed record OutboxGaveUpItem(OutboxGaveUp GaveUp, string Who, string? StepId, string? ReferralId);

/// <summary>
/// Entries still to be made, and how many of them have failed at least once and wait to be tried again; apart from
/// them, the one-to-one holds that wait for their person's thank-you (not counted in <paramref name="Pending"/>).
/// </summary>
public sealed record OutboxCounts(int Pending, int Retrying, int WaitingForThankYou = 0);

public enum OutboxRetryResult
{
    Rearmed,
    NotFound,
    NotGivenUp,
}
