using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OfficeFollowUp.Api;

/// <summary>
/// How the API reads JSON bodies (DESIGN.md rule 8: bad input gets a clear error and loses nothing).
/// A field the request type does not have, a field given twice, a number where an enum name belongs, a
/// date and time without an offset, the wrong JSON type or a control character is refused while reading,
/// with the JSON path of the value; <see cref="BadRequestProblems"/> turns that into a problem naming the field.
/// One setup for every endpoint, so a new request type is strict without doing anything.
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        // Web defaults read "5" as a number; the API takes numbers as JSON numbers only.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new StrictDateTimeOffsetConverter());
        options.Converters.Add(new StrictStringConverter(multiLine: false));
        options.Converters.Add(new StrictInt32Converter());
        options.Converters.Add(new StrictDecimalConverter());
        options.Converters.Add(new StrictBooleanConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(AllowLineBreaksInMultiLineText);
    }

    /// <summary>Text fields marked <see cref="MultiLineTextAttribute"/> (notes typed in a text area) may hold line breaks and tabs.</summary>
    private static void AllowLineBreaksInMultiLineText(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(string) && property.AttributeProvider?.IsDefined(typeof(MultiLineTextAttribute), inherit: true) == true)
            {
                property.CustomConverter = StrictStringConverter.MultiLine;
            }
        }
    }
}

/// <summary>A request's free-text field that may span lines (a note, a reason): line breaks and tabs are allowed in it, other control characters are not.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineTextAttribute : Attribute;

/// <summary>A value the API refuses while reading JSON; the message is written for the person who sent it, the serializer adds the path.</summary>
public sealed class WireFormatException(string message) : JsonException(message);
