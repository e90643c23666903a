using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace OfficeFollowUp.Api;

/// <summary>
/// Text without control characters: NUL and the other C0/C1 codes (U+0000–U+001F, U+007F–U+009F) end up
/// in drafts, logs and the pane, and no person types them. Multi-line fields may hold line breaks and tabs.
/// </summary>
internal sealed class StrictStringConverter(bool multiLine) : JsonConverter<string>
{
    public static readonly StrictStringConverter MultiLine = new(multiLine: true);

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new WireFormatException("Text is expected here (a JSON string).");
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new WireFormatException("This text is not valid Unicode.");
        }

        if (InputRules.HasControlCharacters(text, multiLine))
        {
            throw new WireFormatException(multiLine
                ? "Control characters are not allowed; line breaks and tabs are."
                : "Control characters (line breaks, tabs, NUL, …) are not allowed here.");
        }
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

internal sealed class StrictInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw new WireFormatException("A whole number is expected here.");

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

internal sealed class StrictDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw new WireFormatException("A number is expected here.");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

internal sealed class StrictBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new WireFormatException("true or false is expected here."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>
/// An instant needs its offset: "2026-03-30T09:00:00+13:00" or "…Z". Without one the serializer would
/// read the time in the server's zone, which is nobody's (DESIGN.md rule 6); the pane always sends the
/// mailbox zone's offset.
/// </summary>
internal sealed partial class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public const string Expected = "A date and time with its offset is expected here, e.g. 2026-03-30T09:00:00+13:00 or 2026-03-29T20:00:00Z.";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new WireFormatException(Expected);
        }

        var text = reader.GetString()!;
        return text.Length <= 40 && WithOffset().IsMatch(text) && reader.TryGetDateTimeOffset(out var value) ? value : throw new WireFormatException(Expected);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}

/// <summary>
/// Enums travel as their camelCase names ("linkedIn"), read in any case. Numbers, numeric strings and
/// comma-separated lists are refused: System.Text.Json's own enum converter would store 99 or read
/// "email, phone" as a combination no enum here has.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}

internal sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    private static readonly string Expected = $"Use one of: {string.Join(", ", Names.Values)}.";

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Values.TryGetValue(reader.GetString()!, out var value))
        {
            return value;
        }
        throw new WireFormatException(Expected);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (Names.TryGetValue(value, out var name))
        {
            writer.WriteStringValue(name);
        }
        else
        {
            // Not a declared value: nothing of ours makes one, but the number beats an exception mid-response.
            writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }
    }
}
