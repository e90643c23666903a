using System.Buffers.Text;
using System.Globalization;
using System.Text;

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
    long Issued = 0)
{
    private const string Version = "c1";

    public string Encode()
    {
        var text = string.Join(
            '\n',
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
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static CalendarDeltaCursor? TryDecode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            if (parts.Length != 10 || parts[0] != Version)
            {
                return null;
            }

            return new CalendarDeltaCursor(
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero),
                new DateTimeOffset(long.Parse(parts[3], CultureInfo.InvariantCulture), TimeSpan.Zero),
                long.Parse(parts[4], CultureInfo.InvariantCulture),
                long.Parse(parts[5], CultureInfo.InvariantCulture),
                long.Parse(parts[6], CultureInfo.InvariantCulture),
                int.Parse(parts[7], CultureInfo.InvariantCulture),
                parts[8] == "1",
                long.Parse(parts[9], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
