using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Writes Graph's JSON shapes with <see cref="Utf8JsonWriter"/>: property names exactly as in the v1.0 CSDL,
/// in the order Graph sends them. A conformance test checks every name against the CSDL. This class holds what every
/// resource shares (errors, the user and mailboxSettings, outlookItem, removed items); ContactJson, EventJson and
/// MessageJson write their own resource.
/// </summary>
internal static partial class SandboxJson
{
    public const string ContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    // Graph sends raw UTF-8 for names such as "Zoë Ångström"; only what JSON requires is escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void WriteError(Utf8JsonWriter w, string code, string message, DateTimeOffset now, string requestId, string clientRequestId)
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteStartObject("innerError");
        w.WriteString("date", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteString("request-id", requestId);
        w.WriteString("client-request-id", clientRequestId);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteUser(Utf8JsonWriter w, SandboxUser user, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", $"{baseUrl}/$metadata#users/$entity");
        w.WriteStartArray("businessPhones");
        w.WriteEndArray();
        w.WriteString("displayName", user.DisplayName);
        w.WriteString("givenName", user.GivenName);
        w.WriteNull("jobTitle");
        w.WriteString("mail", user.Mail);
        w.WriteNull("mobilePhone");
        w.WriteNull("officeLocation");
        w.WriteString("preferredLanguage", user.PreferredLanguage);
        w.WriteString("surname", user.Surname);
        w.WriteString("userPrincipalName", user.UserPrincipalName);
        w.WriteString("id", user.Id);
        WriteStrings(w, "proxyAddresses", user.ProxyAddresses);
        w.WriteEndObject();
    }

    public static void WriteMailboxSettings(
        Utf8JsonWriter w, SandboxUser user, string timeZone, SandboxWorkingHours hours, string archiveFolderId, DateTimeOffset now, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", $"{baseUrl}/$metadata#users('{user.Id}')/mailboxSettings");
        w.WriteString("archiveFolder", archiveFolderId);
        w.WriteString("timeZone", timeZone);
        w.WriteString("delegateMeetingMessageDeliveryOptions", "sendToDelegateAndInformationToPrincipal");
        w.WriteString("dateFormat", "d/MM/yyyy");
        w.WriteString("timeFormat", "h:mm tt");
        // v1.0 declares userPurpose as an enum (a plain string); only beta wraps it in {"value": ...}.
        w.WriteString("userPurpose", "user");
        w.WriteStartObject("automaticRepliesSetting");
        w.WriteString("status", "disabled");
        w.WriteString("externalAudience", "all");
        w.WriteString("internalReplyMessage", string.Empty);
        w.WriteString("externalReplyMessage", string.Empty);
        WriteDateTimeTimeZone(w, "scheduledStartDateTime", now.UtcDateTime.Date.AddDays(1));
        WriteDateTimeTimeZone(w, "scheduledEndDateTime", now.UtcDateTime.Date.AddDays(2));
        w.WriteEndObject();
        w.WriteStartObject("language");
        w.WriteString("locale", user.PreferredLanguage);
        w.WriteString("displayName", LanguageName(user.PreferredLanguage));
        w.WriteEndObject();
        WriteWorkingHours(w, hours, timeZone);
        w.WriteEndObject();
    }

    public static void WriteWorkingHours(Utf8JsonWriter w, SandboxWorkingHours hours, string timeZone)
    {
        w.WriteStartObject("workingHours");
        w.WriteStartArray("daysOfWeek");
        foreach (var day in hours.DaysOfWeek)
        {
            w.WriteStringValue(day.ToString().ToLowerInvariant());
        }

        w.WriteEndArray();
        w.WriteString("startTime", hours.Start.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        w.WriteString("endTime", hours.End.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        w.WriteStartObject("timeZone");
        w.WriteString("name", timeZone);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteRemoved(Utf8JsonWriter w, string id, string type)
    {
        w.WriteStartObject();
        w.WriteString("@odata.type", type);
        w.WriteString("id", id);
        w.WriteStartObject("@removed");
        w.WriteString("reason", "deleted");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// Opens an outlookItem (contact, event, message) with what Graph's base type gives it, first and in this order:
    /// the context when given, the etag and id, then the selected ones of its four properties.
    /// </summary>
    public static void StartOutlookItem(
        Utf8JsonWriter w,
        IReadOnlySet<string>? select,
        string? context,
        string id,
        string changeKey,
        DateTimeOffset created,
        DateTimeOffset modified,
        IReadOnlyList<string> categories)
    {
        bool Has(string name) => select is null || select.Contains(name);

        w.WriteStartObject();
        if (context is not null) w.WriteString("@odata.context", context);
        w.WriteString("@odata.etag", $"W/\"{changeKey}\"");
        w.WriteString("id", id);
        if (Has("createdDateTime")) w.WriteString("createdDateTime", Timestamp(created));
        if (Has("lastModifiedDateTime")) w.WriteString("lastModifiedDateTime", Timestamp(modified));
        if (Has("changeKey")) w.WriteString("changeKey", changeKey);
        if (Has("categories")) WriteStrings(w, "categories", categories);
    }

    /// <summary>
    /// <c>$expand=singleValueExtendedProperties($filter=id eq '…')</c>: as in Graph, the property appears only
    /// when expanded, and then as an array holding it (or nothing, when the item does not carry it).
    /// </summary>
    public static void WriteExpandedProperty(Utf8JsonWriter w, IReadOnlyDictionary<string, string> properties, string? expandPropertyId)
    {
        if (expandPropertyId is null)
        {
            return;
        }

        w.WriteStartArray("singleValueExtendedProperties");
        foreach (var (id, value) in properties)
        {
            if (string.Equals(id, expandPropertyId, StringComparison.OrdinalIgnoreCase))
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("value", value);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    public static void WriteEmailAddress(Utf8JsonWriter w, string? name, string address)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("address", address);
        w.WriteEndObject();
    }

    private static void WriteDateTimeTimeZone(Utf8JsonWriter w, string name, DateTime utc)
    {
        w.WriteStartObject(name);
        w.WriteString("dateTime", utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        w.WriteString("timeZone", "UTC");
        w.WriteEndObject();
    }

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    public static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    public static string PreviewOf(string contentType, string content)
    {
        var text = contentType.Equals("html", StringComparison.OrdinalIgnoreCase)
            ? System.Net.WebUtility.HtmlDecode(Tags().Replace(content, " "))
            : content;
        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= 255 ? text : text[..255];
    }

    private static string LanguageName(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return locale;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>An entity type of the CSDL: its name (for $select errors) and the properties the sandbox can return.</summary>
internal sealed class GraphEntityType(string name, IEnumerable<string> properties)
{
    public string Name { get; } = name;

    public IReadOnlySet<string> Properties { get; } = new HashSet<string>(properties, StringComparer.OrdinalIgnoreCase);
}
