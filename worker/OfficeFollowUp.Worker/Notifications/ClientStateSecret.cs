using System.Security.Cryptography;
using System.Text;

namespace OfficeFollowUp.Notifications;

/// <summary>
/// The clientState a subscription is created with: random per subscription, sent to Graph once, kept only as its hash,
/// and checked on every notification in constant time, so a forged notification cannot wake a mailbox.
/// </summary>
public static class ClientStateSecret
{
    /// <summary>32 random bytes as base64url: 43 characters, under Graph's 128.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string clientState) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    public static bool Matches(string? clientState, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        if (clientState is null || clientState.Length > 256)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(storedHash);
        var actual = Encoding.ASCII.GetBytes(Hash(clientState));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
