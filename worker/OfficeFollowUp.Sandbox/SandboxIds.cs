namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Makes ids that look like Exchange immutable ids: long, base64url-ish, case-sensitive, padded with '=';
/// and change keys, which follow an item's version.
/// Callers hold the mailbox lock, so the shared <see cref="Random"/> is safe.
/// </summary>
internal sealed class SandboxIds(int seed)
{
    private readonly Random _random = new(seed);
    private readonly byte[] _mailboxPart = MakeMailboxPart(seed);

    public string Next(byte kind)
    {
        // 1 kind byte + 16 mailbox bytes + 23 random bytes = 40 bytes -> 56 chars ending in one '='.
        Span<byte> bytes = stackalloc byte[40];
        bytes[0] = kind;
        _mailboxPart.CopyTo(bytes[1..]);
        _random.NextBytes(bytes[17..]);
        return "AAMkA" + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    public string NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    public static string ChangeKey(long version) =>
        "EQAAABYAAAA" + Convert.ToBase64String(BitConverter.GetBytes(version)).Replace('+', '-').Replace('/', '_');

    private static byte[] MakeMailboxPart(int seed)
    {
        var bytes = new byte[16];
        new Random(seed ^ 0x5EED).NextBytes(bytes);
        return bytes;
    }
}
