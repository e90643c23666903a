using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>Reading the parts of a request body that contacts, events and messages share.</summary>
internal static class GraphBody
{
    public static string[] Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(e => e.GetString()).OfType<string>()] : [];

    /// <summary>
    /// <c>singleValueExtendedProperties</c> (where the worker puts its tag) over the ones the item already has;
    /// their ids compare case-insensitively.
    /// </summary>
    public static Dictionary<string, string> ExtendedProperties(IReadOnlyDictionary<string, string> current, JsonElement value)
    {
        var properties = new Dictionary<string, string>(current, StringComparer.OrdinalIgnoreCase);
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var property in value.EnumerateArray())
            {
                if (property.TryGetProperty("id", out var id) && id.GetString() is { } key && property.TryGetProperty("value", out var v))
                {
                    properties[key] = v.GetString() ?? string.Empty;
                }
            }
        }

        return properties;
    }
}
