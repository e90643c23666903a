using System.Net;
using System.Text.RegularExpressions;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The OData query options the sandbox understands: <c>$select</c> of known properties, and the two forms the worker
/// uses on messages and events, the extended-property tag lookup in <c>$filter</c> and the matching <c>$expand</c>.
/// Anything else is rejected the way Graph rejects it, so a typo fails loudly in tests.
/// </summary>
internal static partial class ODataQuery
{
    public sealed record PropertyMatch(string PropertyId, string Value);

    /// <summary>The names of <c>$select</c>, or null (every property) when there is none.</summary>
    public static IReadOnlySet<string>? Select(string? select, GraphEntityType type)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!type.Properties.Contains(raw))
            {
                throw new GraphError(HttpStatusCode.BadRequest, "RequestBroker--ParseUri", $"Could not find a property named '{raw}' on type '{type.Name}'.");
            }

            names.Add(raw);
        }

        return names;
    }

    /// <summary>The extended property <c>$expand</c> names, or null when there is no <c>$expand</c>.</summary>
    public static string? Expand(string expand)
    {
        if (expand.Length == 0)
        {
            return null;
        }

        return TryParseExpand(expand, out var propertyId)
            ? propertyId
            : throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", $"Parsing OData Select and Expand failed: could not expand '{expand}'.");
    }

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
