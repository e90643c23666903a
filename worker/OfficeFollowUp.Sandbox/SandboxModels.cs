namespace OfficeFollowUp.Sandbox;

/// <summary>
/// What a new contact is made of; the mailbox gives it an id, timestamps and a change key. A null name is sent
/// as JSON null, as Graph sends a name the contact does not have; a contact may have no email address at all.
/// </summary>
public sealed record SandboxContactSeed(
    string? GivenName,
    string? Surname,
    IReadOnlyList<string> Emails,
    string? CompanyName = null,
    string? JobTitle = null,
    string? MobilePhone = null)
{
    /// <summary>Overrides "GivenName Surname", e.g. for names written family name first.</summary>
    public string? DisplayName { get; init; }

    public string? PersonalNotes { get; init; }

    public DateOnly? Birthday { get; init; }
    public IReadOnlyList<string> BusinessPhones { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
}

public sealed record SandboxUser(
    string Id,
    string DisplayName,
    string GivenName,
    string Surname,
    string Mail,
    string UserPrincipalName,
    string PreferredLanguage,
    IReadOnlyList<string> ProxyAddresses);

public sealed record SandboxContactFolder(string Id, string DisplayName, string? ParentFolderId);

public sealed record SandboxWorkingHours(IReadOnlyList<DayOfWeek> DaysOfWeek, TimeOnly Start, TimeOnly End);

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
}
