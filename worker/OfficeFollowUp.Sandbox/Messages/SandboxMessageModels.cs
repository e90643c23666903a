namespace OfficeFollowUp.Sandbox;

public sealed record SandboxRecipient(string? Name, string Address);

/// <summary>A message created through <c>POST /me/messages</c>, or received/sent mail seeded into Inbox or Sent Items.</summary>
public sealed record SandboxMessage(
    string Id,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastModifiedDateTime,
    string ChangeKey,
    string ParentFolderId,
    string ConversationId,
    string InternetMessageId,
    string? Subject,
    string BodyContentType,
    string BodyContent,
    IReadOnlyList<SandboxRecipient> ToRecipients,
    IReadOnlyList<SandboxRecipient> CcRecipients,
    IReadOnlyList<SandboxRecipient> BccRecipients,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> SingleValueExtendedProperties)
{
    public bool IsDraft { get; init; } = true;

    /// <summary>The sender of received or sent mail; a draft has none until it is sent.</summary>
    public SandboxRecipient? From { get; init; }

    /// <summary>When sent mail left the mailbox; null for a draft (Graph then reports its creation time).</summary>
    public DateTimeOffset? SentDateTime { get; init; }

    /// <summary>A message as a client or a seed describes it: the mailbox stamps its ids, times, change key and folder.</summary>
    internal static SandboxMessage Unstamped(
        string? subject,
        string bodyContentType,
        string bodyContent,
        IReadOnlyList<SandboxRecipient> to,
        IReadOnlyList<SandboxRecipient> cc,
        IReadOnlyList<SandboxRecipient>? bcc = null,
        IReadOnlyList<string>? categories = null,
        IReadOnlyDictionary<string, string>? singleValueExtendedProperties = null) =>
        new(
            string.Empty, default, default, string.Empty, string.Empty, string.Empty, string.Empty,
            subject, bodyContentType, bodyContent, to, cc, bcc ?? [], categories ?? [],
            singleValueExtendedProperties ?? new Dictionary<string, string>());
}

/// <summary>What a received or sent message is made of; the mailbox gives it ids and timestamps.</summary>
public sealed record SandboxMailSeed(
    SandboxRecipient From,
    IReadOnlyList<SandboxRecipient> To,
    string Subject,
    string TextBody,
    IReadOnlyList<SandboxRecipient>? Cc = null,
    bool Sent = false,
    DateTimeOffset? ReceivedAt = null);
