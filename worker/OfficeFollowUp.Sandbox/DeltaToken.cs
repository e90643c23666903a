using System.Buffers.Text;
using System.Text;

namespace OfficeFollowUp.Sandbox;

/// <summary>Where a delta round stands, as its next and delta links carry it in an opaque token.</summary>
internal interface IDeltaCursor
{
    /// <summary>Ties the token to <see cref="SandboxFaults.ExpireDeltaTokens"/>: a token of an older epoch is expired.</summary>
    int Epoch { get; }

    string Encode();
}

/// <summary>
/// The opaque text of a <c>$skiptoken</c> or <c>$deltatoken</c>: a version, then the cursor's fields, base64url.
/// A token that does not decode, has another version or the wrong number of fields is no token at all.
/// </summary>
internal static class DeltaToken
{
    public static string Encode(string version, params ReadOnlySpan<string> fields)
    {
        string[] parts = [version, .. fields];
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
    }

    public static T? TryDecode<T>(string token, string version, int fieldCount, Func<string[], T> parse)
        where T : class
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            return parts.Length == fieldCount + 1 && parts[0] == version ? parse(parts[1..]) : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
