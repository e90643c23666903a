using System.Text.RegularExpressions;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The two OData query forms the worker uses on messages: the extended-property tag lookup in $filter and
/// the matching $expand. Anything else is rejected the way Graph rejects it, so a typo fails loudly in tests.
/// </summary>
internal static partial class MessageQuery
{
    public sealed record PropertyMatch(string PropertyId, string Value);

    public static bool TryParseFilter(string filter, out PropertyMatch? match)
    {
        match = null;
        var m = AnyFilter().Match(filter);
        if (!m.Success || m.Groups["p1"].Value.Equals(m.Groups["p2"].Value, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var first = Unquote(m.Groups["s1"].Value);
        var second = Unquote(m.Groups["s2"].Value);
        match = m.Groups["p1"].Value.Equals("id", StringComparison.OrdinalIgnoreCase)
            ? new PropertyMatch(first, second)
            : new PropertyMatch(second, first);
        return true;
    }

    public static bool TryParseExpand(string expand, out string? propertyId)
    {
        propertyId = null;
        var m = ExpandProperty().Match(expand);
        if (!m.Success)
        {
            return false;
        }

        propertyId = Unquote(m.Groups["s"].Value);
        return true;
    }

    private static string Unquote(string value) => value.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(
        @"^\s*singleValueExtendedProperties\s*/\s*any\s*\(\s*(?<v>\w+)\s*:\s*"
        + @"\k<v>\s*/\s*(?<p1>id|value)\s+eq\s+'(?<s1>(?:[^']|'')*)'\s+and\s+"
        + @"\k<v>\s*/\s*(?<p2>id|value)\s+eq\s+'(?<s2>(?:[^']|'')*)'\s*\)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyFilter();

    [GeneratedRegex(
        @"^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*id\s+eq\s+'(?<s>(?:[^']|'')*)'\s*\)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExpandProperty();
}
