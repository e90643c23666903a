using System.Globalization;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Where a calendarView delta round stands. The window is frozen into the token (Graph ignores query options
/// on next and delta links); the change window is (From, End] of the calendar log; a page resumes at a log entry
/// and an offset inside that entry's instances, because one series can expand to more instances than a page holds.
/// </summary>
internal sealed record CalendarDeltaCursor(
    int Epoch,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long FromSeq,
    long EndSeq,
    long ResumeSeq,
    int ResumeOffset,
    bool Initial,
    long Issued = 0) : IDeltaCursor
{
    private const string Version = "c1";

    public string Encode() => DeltaToken.Encode(
        Version,
        Epoch.ToString(CultureInfo.InvariantCulture),
        WindowStart.UtcTicks.ToString(CultureInfo.InvariantCulture),
        WindowEnd.UtcTicks.ToString(CultureInfo.InvariantCulture),
        FromSeq.ToString(CultureInfo.InvariantCulture),
        EndSeq.ToString(CultureInfo.InvariantCulture),
        ResumeSeq.ToString(CultureInfo.InvariantCulture),
        ResumeOffset.ToString(CultureInfo.InvariantCulture),
        Initial ? "1" : "0",
        Issued.ToString(CultureInfo.InvariantCulture));

    public static CalendarDeltaCursor? TryDecode(string token) => DeltaToken.TryDecode(token, Version, 9, parts => new CalendarDeltaCursor(
        int.Parse(parts[0], CultureInfo.InvariantCulture),
        new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero),
        new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero),
        long.Parse(parts[3], CultureInfo.InvariantCulture),
        long.Parse(parts[4], CultureInfo.InvariantCulture),
        long.Parse(parts[5], CultureInfo.InvariantCulture),
        int.Parse(parts[6], CultureInfo.InvariantCulture),
        parts[7] == "1",
        long.Parse(parts[8], CultureInfo.InvariantCulture)));
}
