using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Where a delta round stands: the folder, the change window (From, End], where the next page resumes,
/// and the $select of the first request (Graph freezes query options into its tokens).
/// Epoch ties the token to <see cref="SandboxFaults.ExpireDeltaTokens"/>; Issued makes every token unique, as Graph's are.
/// </summary>
internal sealed record DeltaCursor(
    string FolderId, int Epoch, long FromSeq, long EndSeq, long ResumeSeq, bool Initial, string? Select, long Issued = 0)
{
    private const string Version = "s1";

    public string Encode()
    {
        var text = string.Join(
            '\n',
            Version,
            FolderId,
            Epoch.ToString(CultureInfo.InvariantCulture),
            FromSeq.ToString(CultureInfo.InvariantCulture),
            EndSeq.ToString(CultureInfo.InvariantCulture),
            ResumeSeq.ToString(CultureInfo.InvariantCulture),
            Initial ? "1" : "0",
            Select ?? string.Empty,
            Issued.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static DeltaCursor? TryDecode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            if (parts.Length != 9 || parts[0] != Version)
            {
                return null;
            }

            return new DeltaCursor(
                parts[1],
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture),
                long.Parse(parts[4], CultureInfo.InvariantCulture),
                long.Parse(parts[5], CultureInfo.InvariantCulture),
                parts[6] == "1",
                parts[7].Length == 0 ? null : parts[7],
                long.Parse(parts[8], CultureInfo.InvariantCulture));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
