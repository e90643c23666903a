using System.Collections.Concurrent;
using System.Globalization;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Graph accepts IANA names ("Pacific/Auckland"), Windows names ("New Zealand Standard Time") and "UTC" wherever a
/// time zone is named (Prefer: outlook.timezone, dateTimeTimeZone.timeZone), and writes Windows names back in
/// originalStartTimeZone and workingHours.
/// </summary>
internal static class SandboxTimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, string> WindowsNames = new(StringComparer.Ordinal);

    public static TimeZoneInfo? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return Cache.GetOrAdd(name.Trim(), static n =>
            n.Equals("UTC", StringComparison.OrdinalIgnoreCase) || n.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase)
                ? TimeZoneInfo.Utc
                : TimeZoneInfo.TryFindSystemTimeZoneById(n, out var zone) ? zone : null);
    }

    public static string WindowsName(TimeZoneInfo zone)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }

        // The ICU lookup is slow enough to dominate a 20,000-event delta round, so remember it.
        return WindowsNames.GetOrAdd(zone.Id, static (_, z) =>
            z.HasIanaId && TimeZoneInfo.TryConvertIanaIdToWindowsId(z.Id, out var windows) ? windows : z.Id, zone);
    }

    /// <summary>The instant a wall-clock time in a zone names (a skipped DST hour moves forward, as Outlook does).</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Graph's dateTime text: wall clock in the zone with seven fraction digits and no offset.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
