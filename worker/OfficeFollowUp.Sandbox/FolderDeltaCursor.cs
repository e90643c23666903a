using System.Globalization;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Where a folder's delta round stands (a contact folder's contacts, or a mail folder's messages): the folder, the change
/// window (From, End], the change the next page resumes at, and the $select of the first request (Graph freezes query
/// options into its tokens). Issued makes every token unique, as Graph's are. <see cref="Kind"/> goes into the token, so
/// a contacts token is not accepted by a messages delta and the other way round.
/// </summary>
internal sealed record FolderDeltaCursor(
    string Kind, string FolderId, int Epoch, long FromSeq, long EndSeq, long ResumeSeq, bool Initial, string? Select, long Issued = 0) : IDeltaCursor
{
    /// <summary>The token versions: "s1" is what contacts tokens have always carried.</summary>
    public const string Contacts = "s1";
    public const string Messages = "m1";

    public string Encode() => DeltaToken.Encode(
        Kind,
        FolderId,
        Epoch.ToString(CultureInfo.InvariantCulture),
        FromSeq.ToString(CultureInfo.InvariantCulture),
        EndSeq.ToString(CultureInfo.InvariantCulture),
        ResumeSeq.ToString(CultureInfo.InvariantCulture),
        Initial ? "1" : "0",
        Select ?? string.Empty,
        Issued.ToString(CultureInfo.InvariantCulture));

    public static FolderDeltaCursor? TryDecode(string token, string kind) => DeltaToken.TryDecode(token, kind, 8, parts => new FolderDeltaCursor(
        kind,
        parts[0],
        int.Parse(parts[1], CultureInfo.InvariantCulture),
        long.Parse(parts[2], CultureInfo.InvariantCulture),
        long.Parse(parts[3], CultureInfo.InvariantCulture),
        long.Parse(parts[4], CultureInfo.InvariantCulture),
        parts[5] == "1",
        parts[6].Length == 0 ? null : parts[6],
        long.Parse(parts[7], CultureInfo.InvariantCulture)));
}
