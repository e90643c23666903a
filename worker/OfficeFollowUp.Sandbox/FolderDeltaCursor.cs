using System.Globalization;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Where a contacts delta round stands: the folder, the change window (From, End], the change the next page resumes
/// at, and the $select of the first request (Graph freezes query options into its tokens).
/// Issued makes every token unique, as Graph's are.
/// </summary>
internal sealed record ContactsDeltaCursor(
    string FolderId, int Epoch, long FromSeq, long EndSeq, long ResumeSeq, bool Initial, string? Select, long Issued = 0) : IDeltaCursor
{
    private const string Version = "s1";

    public string Encode() => DeltaToken.Encode(
        Version,
        FolderId,
        Epoch.ToString(CultureInfo.InvariantCulture),
        FromSeq.ToString(CultureInfo.InvariantCulture),
        EndSeq.ToString(CultureInfo.InvariantCulture),
        ResumeSeq.ToString(CultureInfo.InvariantCulture),
        Initial ? "1" : "0",
        Select ?? string.Empty,
        Issued.ToString(CultureInfo.InvariantCulture));

    public static ContactsDeltaCursor? TryDecode(string token) => DeltaToken.TryDecode(token, Version, 8, parts => new ContactsDeltaCursor(
        parts[0],
        int.Parse(parts[1], CultureInfo.InvariantCulture),
        long.Parse(parts[2], CultureInfo.InvariantCulture),
        long.Parse(parts[3], CultureInfo.InvariantCulture),
        long.Parse(parts[4], CultureInfo.InvariantCulture),
        parts[5] == "1",
        parts[6].Length == 0 ? null : parts[6],
        long.Parse(parts[7], CultureInfo.InvariantCulture)));
}
