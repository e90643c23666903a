using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The Prefer preferences of one request. Clients send them as one comma-separated header or as several
/// headers; values may be quoted (<c>IdType="ImmutableId"</c>, <c>outlook.timezone="Pacific/Auckland"</c>).
/// </summary>
internal sealed record PreferHeader(bool ImmutableId, int? MaxPageSize, string? TimeZone = null)
{
    public static PreferHeader Parse(StringValues headers)
    {
        var immutableId = false;
        int? maxPageSize = null;
        string? timeZone = null;
        foreach (var header in headers)
        {
            foreach (var preference in SplitOutsideQuotes(header ?? string.Empty))
            {
                var equals = preference.IndexOf('=', StringComparison.Ordinal);
                var name = (equals < 0 ? preference : preference[..equals]).Trim();
                var value = equals < 0 ? string.Empty : preference[(equals + 1)..].Trim().Trim('"');
                if (name.Equals("IdType", StringComparison.OrdinalIgnoreCase)
                    && value.Equals("ImmutableId", StringComparison.OrdinalIgnoreCase))
                {
                    immutableId = true;
                }
                else if (name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                {
                    maxPageSize = size;
                }
                else if (name.Equals("outlook.timezone", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
                {
                    timeZone = value;
                }
            }
        }

        return new PreferHeader(immutableId, maxPageSize, timeZone);
    }

    private static IEnumerable<string> SplitOutsideQuotes(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == '"')
            {
                quoted = !quoted;
            }
            else if (header[i] == ',' && !quoted)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }

        yield return header[start..];
    }
}
