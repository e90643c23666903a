namespace OfficeFollowUp.Api;

/// <summary>Names parsed from the wire: enum names in any case, never numbers.</summary>
internal static class WireEnums
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !text.Trim().Any(char.IsDigit) && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Names<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(n => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n)));
}
