using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Evidence;

/// <summary>How a step was completed: the mailbox showed it (mail sent, a meeting held), or the user said so.</summary>
public enum CompletedVia
{
    Sent,
    Meeting,
    Marked,
}

/// <summary>A message in Sent Items, as evidence: who it went to (email keys, To and Cc) and when.</summary>
public sealed record SentMessageFacts(
    string Id, DateTimeOffset SentAt, IReadOnlyList<string> RecipientKeys, string? ConversationId, string? InternetMessageId);

/// <summary>
/// An open step that sent mail may answer. <paramref name="StartedAt"/> is when the track started (the meeting or the
/// contact's creation): mail sent before it answers nothing. The draft fields identify the product's own draft.
/// </summary>
public sealed record OpenStepFacts(
    string StepId,
    string EmailKey,
    FollowUpStepKind Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    string? PreferredChannel,
    string? DraftId = null,
    string? DraftConversationId = null,
    string? DraftInternetMessageId = null);

/// <summary>A step the evidence completes: which message or event showed it, and when it happened.</summary>
public sealed record StepCompletion(string StepId, CompletedVia Via, string EvidenceId, DateTimeOffset At);
