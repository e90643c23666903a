namespace OfficeFollowUp.FollowUps;

/// <summary>Email addresses as identity keys: trimmed, case-insensitive, minimally well-formed.</summary>
public static class EmailAddresses
{
    public static string Key(string address) => address.Trim().ToLowerInvariant();

    public static bool LooksValid(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var trimmed = address.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 3
            && trimmed.IndexOf('.', at) > at + 1 && !trimmed.Any(char.IsWhiteSpace);
    }

    public static string LocalPart(string address)
    {
        var key = Key(address);
        return key[..key.IndexOf('@', StringComparison.Ordinal)];
    }
}
