using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Writes Graph's JSON shapes with <see cref="Utf8JsonWriter"/>: property names exactly as in the v1.0 CSDL,
/// in the order Graph sends them. A conformance test checks every name against the CSDL.
/// </summary>
internal static partial class SandboxJson
{
    public const string ContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    // Graph sends raw UTF-8 for names such as "Zoë Ångström"; only what JSON requires is escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every property a contact has in the v1.0 CSDL that the sandbox can return, for $select checks.</summary>
    public static readonly IReadOnlySet<string> ContactProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "parentFolderId", "birthday", "fileAs",
        "displayName", "givenName", "initials", "middleName", "nickName", "surname", "title", "yomiGivenName", "yomiSurname",
        "yomiCompanyName", "generation", "imAddresses", "jobTitle", "companyName", "department", "officeLocation",
        "profession", "businessHomePage", "assistantName", "manager", "homePhones", "mobilePhone", "businessPhones",
        "spouseName", "personalNotes", "children", "emailAddresses", "homeAddress", "businessAddress", "otherAddress",
    };

    public static readonly IReadOnlySet<string> MessageProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime",
        "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId",
        "conversationIndex", "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink",
        "inferenceClassification", "body", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo",
        "flag", "uniqueBody",
    };

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

    public static void WriteFolder(Utf8JsonWriter w, SandboxContactFolder folder)
    {
        w.WriteStartObject();
        w.WriteString("id", folder.Id);
        WriteNullable(w, "parentFolderId", folder.ParentFolderId);
        w.WriteString("displayName", folder.DisplayName);
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

    public static void WriteContact(Utf8JsonWriter w, ContactState contact, IReadOnlySet<string>? select)
    {
        var c = contact.Data;
        bool Has(string name) => select is null || select.Contains(name);

        w.WriteStartObject();
        w.WriteString("@odata.etag", $"W/\"{contact.ChangeKey}\"");
        w.WriteString("id", contact.Id);
        if (Has("createdDateTime")) w.WriteString("createdDateTime", Timestamp(contact.Created));
        if (Has("lastModifiedDateTime")) w.WriteString("lastModifiedDateTime", Timestamp(contact.Modified));
        if (Has("changeKey")) w.WriteString("changeKey", contact.ChangeKey);
        if (Has("categories")) WriteStrings(w, "categories", c.Categories);
        if (Has("parentFolderId")) w.WriteString("parentFolderId", contact.FolderId);
        if (Has("birthday"))
        {
            // Outlook keeps a birthday as midnight UTC of that date.
            if (c.Birthday is { } birthday) w.WriteString("birthday", Timestamp(new DateTimeOffset(birthday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
            else w.WriteNull("birthday");
        }
        if (Has("fileAs")) w.WriteString("fileAs", FileAs(c));
        if (Has("displayName")) w.WriteString("displayName", DisplayName(c));
        if (Has("givenName")) w.WriteString("givenName", c.GivenName);
        foreach (var empty in (ReadOnlySpan<string>)["initials", "middleName", "nickName"])
        {
            if (Has(empty)) w.WriteNull(empty);
        }

        if (Has("surname")) w.WriteString("surname", c.Surname);
        foreach (var empty in (ReadOnlySpan<string>)["title", "yomiGivenName", "yomiSurname", "yomiCompanyName", "generation"])
        {
            if (Has(empty)) w.WriteNull(empty);
        }

        if (Has("imAddresses")) WriteStrings(w, "imAddresses", []);
        if (Has("jobTitle")) WriteNullable(w, "jobTitle", c.JobTitle);
        if (Has("companyName")) WriteNullable(w, "companyName", c.CompanyName);
        foreach (var empty in (ReadOnlySpan<string>)["department", "officeLocation", "profession", "businessHomePage", "assistantName", "manager"])
        {
            if (Has(empty)) w.WriteNull(empty);
        }

        if (Has("homePhones")) WriteStrings(w, "homePhones", []);
        if (Has("mobilePhone")) WriteNullable(w, "mobilePhone", c.MobilePhone);
        if (Has("businessPhones")) WriteStrings(w, "businessPhones", c.BusinessPhones);
        if (Has("spouseName")) w.WriteNull("spouseName");
        if (Has("personalNotes")) w.WriteString("personalNotes", c.PersonalNotes ?? string.Empty);
        if (Has("children")) WriteStrings(w, "children", []);
        if (Has("emailAddresses"))
        {
            w.WriteStartArray("emailAddresses");
            foreach (var address in c.Emails)
            {
                WriteEmailAddress(w, DisplayName(c), address);
            }

            w.WriteEndArray();
        }

        foreach (var address in (ReadOnlySpan<string>)["homeAddress", "businessAddress", "otherAddress"])
        {
            if (Has(address))
            {
                // Graph sends an empty object for an address the contact does not have.
                w.WriteStartObject(address);
                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
    }

    public static void WriteMessage(
        Utf8JsonWriter w, SandboxMessage m, IReadOnlySet<string>? select, string? expandPropertyId, string? context)
    {
        bool Has(string name) => select is null || select.Contains(name);

        w.WriteStartObject();
        if (context is not null) w.WriteString("@odata.context", context);
        w.WriteString("@odata.etag", $"W/\"{m.ChangeKey}\"");
        w.WriteString("id", m.Id);
        if (Has("createdDateTime")) w.WriteString("createdDateTime", Timestamp(m.CreatedDateTime));
        if (Has("lastModifiedDateTime")) w.WriteString("lastModifiedDateTime", Timestamp(m.LastModifiedDateTime));
        if (Has("changeKey")) w.WriteString("changeKey", m.ChangeKey);
        if (Has("categories")) WriteStrings(w, "categories", m.Categories);
        if (Has("receivedDateTime")) w.WriteString("receivedDateTime", Timestamp(m.CreatedDateTime));
        if (Has("sentDateTime")) w.WriteString("sentDateTime", Timestamp(m.CreatedDateTime));
        if (Has("hasAttachments")) w.WriteBoolean("hasAttachments", false);
        if (Has("internetMessageId")) w.WriteString("internetMessageId", m.InternetMessageId);
        if (Has("subject")) WriteNullable(w, "subject", m.Subject);
        if (Has("bodyPreview")) w.WriteString("bodyPreview", Preview(m));
        if (Has("importance")) w.WriteString("importance", "normal");
        if (Has("parentFolderId")) w.WriteString("parentFolderId", m.ParentFolderId);
        if (Has("conversationId")) w.WriteString("conversationId", m.ConversationId);
        if (Has("conversationIndex")) w.WriteString("conversationIndex", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(m.ConversationId[..22])));
        if (Has("isDeliveryReceiptRequested")) w.WriteBoolean("isDeliveryReceiptRequested", false);
        if (Has("isReadReceiptRequested")) w.WriteBoolean("isReadReceiptRequested", false);
        if (Has("isRead")) w.WriteBoolean("isRead", true);
        if (Has("isDraft")) w.WriteBoolean("isDraft", m.IsDraft);
        if (Has("webLink")) w.WriteString("webLink", $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(m.Id)}&exvsurl=1&viewmodel=ReadMessageItem");
        if (Has("inferenceClassification")) w.WriteString("inferenceClassification", "focused");
        if (Has("body"))
        {
            w.WriteStartObject("body");
            w.WriteString("contentType", m.BodyContentType);
            w.WriteString("content", m.BodyContent);
            w.WriteEndObject();
        }

        // A draft has no sender until it is sent.
        foreach (var name in (ReadOnlySpan<string>)["sender", "from"])
        {
            if (!Has(name)) continue;
            if (m.From is { } from)
            {
                w.WriteStartObject(name);
                w.WritePropertyName("emailAddress");
                WriteEmailAddress(w, from.Name ?? from.Address, from.Address);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull(name);
            }
        }
        if (Has("toRecipients")) WriteRecipients(w, "toRecipients", m.ToRecipients);
        if (Has("ccRecipients")) WriteRecipients(w, "ccRecipients", m.CcRecipients);
        if (Has("bccRecipients")) WriteRecipients(w, "bccRecipients", m.BccRecipients);
        if (Has("replyTo")) WriteRecipients(w, "replyTo", []);
        if (Has("flag"))
        {
            w.WriteStartObject("flag");
            w.WriteString("flagStatus", "notFlagged");
            w.WriteEndObject();
        }

        WriteExpandedProperty(w, m.SingleValueExtendedProperties, expandPropertyId);

        w.WriteEndObject();
    }

    public static string DisplayName(SandboxContactSeed c) =>
        c.DisplayName ?? string.Join(' ', new[] { c.GivenName, c.Surname }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string? FileAs(SandboxContactSeed c) =>
        c.DisplayName ?? (string.IsNullOrWhiteSpace(c.Surname) ? c.GivenName : $"{c.Surname}, {c.GivenName}");

    /// <summary>
    /// <c>$expand=singleValueExtendedProperties($filter=id eq '…')</c>: as in Graph, the property appears only
    /// when expanded, and then as an array holding it (or nothing, when the item does not carry it).
    /// </summary>
    private static void WriteExpandedProperty(Utf8JsonWriter w, IReadOnlyDictionary<string, string> properties, string? expandPropertyId)
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

    private static void WriteRecipients(Utf8JsonWriter w, string name, IReadOnlyList<SandboxRecipient> recipients)
    {
        w.WriteStartArray(name);
        foreach (var r in recipients)
        {
            w.WriteStartObject();
            w.WritePropertyName("emailAddress");
            WriteEmailAddress(w, r.Name ?? r.Address, r.Address);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteEmailAddress(Utf8JsonWriter w, string? name, string address)
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

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
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

    private static string Preview(SandboxMessage m) => PreviewOf(m.BodyContentType, m.BodyContent);

    private static string PreviewOf(string contentType, string content)
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
