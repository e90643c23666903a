using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// A list of messages or events as Graph pages it, with the one <c>$filter</c> the worker uses (a single-value
/// extended property's value, its tag lookup) and <c>$select</c>, <c>$expand</c> of that property, <c>$top</c> and
/// <c>$skip</c>; the nextLink repeats the query with the next <c>$skip</c>, in the request's own addressing.
/// </summary>
internal static class TaggedItemList
{
    private const int DefaultPageSize = 10;

    public static Task WriteAsync<T>(
        SandboxRequest r,
        string path,
        string collection,
        GraphEntityType type,
        IEnumerable<T> items,
        Func<T, IReadOnlyDictionary<string, string>> extendedProperties,
        Action<Utf8JsonWriter, T, IReadOnlySet<string>?, string?> write)
    {
        var filter = r.Query("$filter");
        ODataQuery.PropertyMatch? match = null;
        if (filter.Length > 0 && !ODataQuery.TryParseFilter(filter, out match))
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        }

        var rawExpand = r.Query("$expand");
        var expandPropertyId = ODataQuery.Expand(rawExpand);
        var rawSelect = r.Query("$select");
        var select = ODataQuery.Select(rawSelect, type);
        var top = r.Top(DefaultPageSize);
        var skip = r.QueryNumber("$skip", 0);

        var matches = items
            .Where(item => match is null
                || (extendedProperties(item).TryGetValue(match.PropertyId, out var value) && value == match.Value))
            .ToList();
        var page = matches.Skip(skip).Take(top).ToList();
        var hasMore = matches.Count > skip + top;

        return r.WriteJsonAsync(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", r.Context(collection));
            if (hasMore)
            {
                var link = new List<string>();
                if (filter.Length > 0) link.Add("$filter=" + Uri.EscapeDataString(filter));
                if (rawSelect.Length > 0) link.Add("$select=" + Uri.EscapeDataString(rawSelect));
                if (rawExpand.Length > 0) link.Add("$expand=" + Uri.EscapeDataString(rawExpand));
                link.Add(string.Create(CultureInfo.InvariantCulture, $"$top={top}"));
                link.Add(string.Create(CultureInfo.InvariantCulture, $"$skip={skip + top}"));
                w.WriteString("@odata.nextLink", $"{r.Link(path)}?{string.Join('&', link)}");
            }

            w.WriteStartArray("value");
            foreach (var item in page)
            {
                write(w, item, select, expandPropertyId);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
