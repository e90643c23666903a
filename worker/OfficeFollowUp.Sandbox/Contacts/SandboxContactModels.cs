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

public sealed record SandboxContactFolder(string Id, string DisplayName, string? ParentFolderId);
