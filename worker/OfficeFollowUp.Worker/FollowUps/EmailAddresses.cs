namespace OfficeFollowUp.FollowUps;

/// <summary>Email addresses as identity keys: trimmed, case-insensitive, well-formed.</summary>
public static class EmailAddresses
{
    public static string Key(string address) => address.Trim().ToLowerInvariant();

    /// <summary>
    /// An address a draft can be written to. Addresses from Graph (contacts, attendees, senders) pass the same
    /// rule as addresses typed into the API: what Outlook lets a person type into a contact's email field
    /// ("&lt;script&gt;@x.com", control characters, 300 characters) must not become a draft's recipient or a person.
    /// </summary>
    public static bool LooksValid(string? address) => Api.InputRules.IsEmail(address);

    public static string LocalPart(string address)
    {
        var key = Key(address);
        return key[..key.IndexOf('@', StringComparison.Ordinal)];
    }
}
