using System.Xml.Linq;

namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// The Microsoft Graph v1.0 schema (CSDL) reduced to what a conformance check needs: for each entity and
/// complex type its base type and declared properties, and the members of each enum.
/// </summary>
internal sealed class GraphCsdl
{
    private const string Namespace = "microsoft.graph";
    private static readonly Lazy<GraphCsdl> Shared = new(() => Load(FindCsdlPath()));

    private readonly Dictionary<string, StructuredType> _types;
    private readonly Dictionary<string, HashSet<string>> _enums;

    private GraphCsdl(Dictionary<string, StructuredType> types, Dictionary<string, HashSet<string>> enums)
    {
        _types = types;
        _enums = enums;
    }

    public static GraphCsdl V1 => Shared.Value;

    /// <summary>The repo is cloned with ../shared beside it; walk up to the folder holding the solution.</summary>
    public static string FindCsdlPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OfficeFollowUp.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "graph", "v1.0-Prod.csdl"));
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"Graph CSDL not found beside the repository at {path}.", path);
            }
        }

        throw new DirectoryNotFoundException($"No folder containing OfficeFollowUp.sln above {AppContext.BaseDirectory}.");
    }

    public static GraphCsdl Load(string path)
    {
        var doc = XDocument.Load(path);
        var schema = doc.Descendants().First(e => e.Name.LocalName == "Schema" && (string?)e.Attribute("Namespace") == Namespace);
        var types = new Dictionary<string, StructuredType>(StringComparer.Ordinal);
        var enums = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var element in schema.Elements())
        {
            var name = (string?)element.Attribute("Name");
            if (name is null)
            {
                continue;
            }

            switch (element.Name.LocalName)
            {
                case "EntityType" or "ComplexType":
                    var properties = element.Elements()
                        .Where(p => p.Name.LocalName is "Property" or "NavigationProperty")
                        .ToDictionary(p => (string)p.Attribute("Name")!, p => (string)p.Attribute("Type")!, StringComparer.Ordinal);
                    // Only open complex types (resourceData) accept any property: contact is an open entity type
                    // too, and the check exists to catch made-up properties on it.
                    var open = element.Name.LocalName == "ComplexType" && (string?)element.Attribute("OpenType") == "true";
                    types[name] = new StructuredType(ShortName((string?)element.Attribute("BaseType")), properties, open);
                    break;
                case "EnumType":
                    enums[name] = element.Elements().Where(m => m.Name.LocalName == "Member")
                        .Select(m => (string)m.Attribute("Name")!).ToHashSet(StringComparer.Ordinal);
                    break;
            }
        }

        return new GraphCsdl(types, enums);
    }

    public bool HasType(string name) => _types.ContainsKey(name);

    /// <summary>Every property name (not annotations) in <paramref name="json"/> that the type does not declare.</summary>
    public IReadOnlyList<string> Violations(JsonElement json, string typeName, string path = "$") =>
        Violations(json, typeName, null, path);

    /// <summary>As above, and adds every structured type the check descended into to <paramref name="visitedTypes"/>.</summary>
    public IReadOnlyList<string> Violations(JsonElement json, string typeName, ISet<string>? visitedTypes, string path = "$")
    {
        var problems = new List<string>();
        CheckObject(json, typeName, path, problems, visitedTypes);
        return problems;
    }

    private void CheckObject(JsonElement json, string typeName, string path, List<string> problems, ISet<string>? visited)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object of type {typeName}, got {json.ValueKind}");
            return;
        }

        if (json.TryGetProperty("@odata.type", out var odataType) && ShortName(odataType.GetString()?.TrimStart('#')) is { } derived)
        {
            typeName = derived;
        }

        if (!_types.ContainsKey(typeName))
        {
            problems.Add($"{path}: unknown type {typeName}");
            return;
        }

        visited?.Add(typeName);

        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var declared = FindProperty(typeName, property.Name);
            if (declared is null && IsOpen(typeName))
            {
                // An open type (resourceData) may carry any property.
                continue;
            }

            if (declared is null)
            {
                problems.Add($"{path}.{property.Name}: not a property of {Namespace}.{typeName}");
                continue;
            }

            var isCollection = declared.StartsWith("Collection(", StringComparison.Ordinal);
            var elementType = ShortName(isCollection ? declared["Collection(".Length..^1] : declared);
            var values = isCollection && property.Value.ValueKind == JsonValueKind.Array
                ? property.Value.EnumerateArray().Select((v, i) => (v, $"{path}.{property.Name}[{i}]"))
                : [(property.Value, $"{path}.{property.Name}")];
            foreach (var (value, valuePath) in values)
            {
                if (value.ValueKind == JsonValueKind.Null || elementType is null)
                {
                    continue;
                }

                if (_types.ContainsKey(elementType))
                {
                    CheckObject(value, elementType, valuePath, problems, visited);
                }
                else if (_enums.TryGetValue(elementType, out var members)
                    && (value.ValueKind != JsonValueKind.String || !value.GetString()!.Split(',').All(members.Contains)))
                {
                    problems.Add($"{valuePath}: '{value}' is not a member of enum {elementType}");
                }
            }
        }
    }

    private string? FindProperty(string typeName, string property)
    {
        for (var type = typeName; type is not null && _types.TryGetValue(type, out var t); type = t.BaseType)
        {
            if (t.Properties.TryGetValue(property, out var declared))
            {
                return declared;
            }
        }

        return null;
    }

    private bool IsOpen(string typeName)
    {
        for (var type = typeName; type is not null && _types.TryGetValue(type, out var t); type = t.BaseType)
        {
            if (t.IsOpen)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"graph.contact" or "microsoft.graph.contact" → "contact"; Edm and other namespaces → null.</summary>
    private static string? ShortName(string? qualified)
    {
        if (qualified is null)
        {
            return null;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["graph.", "microsoft.graph."])
        {
            if (qualified.StartsWith(prefix, StringComparison.Ordinal))
            {
                return qualified[prefix.Length..];
            }
        }

        return null;
    }

    private sealed record StructuredType(string? BaseType, Dictionary<string, string> Properties, bool IsOpen);
}
