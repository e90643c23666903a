using System.Globalization;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>The time zone a response renders times in: Prefer outlook.timezone as the client named it, else UTC.</summary>
internal sealed record RenderZone(TimeZoneInfo Zone, string Name)
{
    public static readonly RenderZone Utc = new(TimeZoneInfo.Utc, "UTC");

    public void Write(Utf8JsonWriter w, string property, DateTimeOffset instant)
    {
        w.WriteStartObject(property);
        w.WriteString("dateTime", SandboxTimeZones.Format(instant, Zone));
        w.WriteString("timeZone", Name);
        w.WriteEndObject();
    }

    /// <summary>All-day events float: midnight of their dates in whatever zone the client asked for.</summary>
    public void WriteDate(Utf8JsonWriter w, string property, DateOnly date)
    {
        w.WriteStartObject(property);
        w.WriteString("dateTime", SandboxTimeZones.FormatDate(date));
        w.WriteString("timeZone", Name);
        w.WriteEndObject();
    }
}

/// <summary>Graph's event JSON, in Graph's order: a stored event, or one instance of a series.</summary>
internal static class EventJson
{
    private const string NoTime = "0001-01-01T00:00:00Z";

    public static readonly GraphEntityType Type = new("microsoft.graph.event",
    [
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "transactionId", "originalStartTimeZone",
        "originalEndTimeZone", "iCalUId", "reminderMinutesBeforeStart", "isReminderOn", "hasAttachments", "subject",
        "bodyPreview", "importance", "sensitivity", "isAllDay", "isCancelled", "isOrganizer", "responseRequested",
        "seriesMasterId", "showAs", "type", "webLink", "onlineMeetingUrl", "isOnlineMeeting", "onlineMeetingProvider",
        "allowNewTimeProposals", "isDraft", "hideAttendees", "responseStatus", "body", "start", "end", "location",
        "locations", "recurrence", "attendees", "organizer", "onlineMeeting",
    ]);

    public static void Write(
        Utf8JsonWriter w,
        EventInstance e,
        SandboxUser user,
        RenderZone zone,
        IReadOnlySet<string>? select = null,
        string? expandPropertyId = null,
        string? context = null)
    {
        bool Has(string name) => select is null || select.Contains(name);
        var d = e.Data;
        var source = e.Source;
        var isOccurrence = e.Type == "occurrence";

        SandboxJson.StartOutlookItem(w, select, context, e.Id, source.ChangeKey, source.Created, source.Modified, d.Categories);
        if (Has("transactionId")) SandboxJson.WriteNullable(w, "transactionId", isOccurrence ? null : d.TransactionId);
        if (Has("originalStartTimeZone")) w.WriteString("originalStartTimeZone", SandboxTimeZones.WindowsName(source.Zone));
        if (Has("originalEndTimeZone")) w.WriteString("originalEndTimeZone", SandboxTimeZones.WindowsName(source.Zone));
        if (Has("iCalUId")) w.WriteString("iCalUId", isOccurrence ? CalendarExpansion.InstanceICalUId(source.ICalUId, e.StartDate) : source.ICalUId);
        if (Has("reminderMinutesBeforeStart")) w.WriteNumber("reminderMinutesBeforeStart", d.ReminderMinutesBeforeStart);
        if (Has("isReminderOn")) w.WriteBoolean("isReminderOn", d.IsReminderOn);
        if (Has("hasAttachments")) w.WriteBoolean("hasAttachments", false);
        if (Has("subject")) w.WriteString("subject", d.Subject);
        if (Has("bodyPreview")) w.WriteString("bodyPreview", SandboxJson.PreviewOf("html", d.BodyHtml ?? string.Empty));
        if (Has("importance")) w.WriteString("importance", "normal");
        if (Has("sensitivity")) w.WriteString("sensitivity", d.Sensitivity);
        if (Has("isAllDay")) w.WriteBoolean("isAllDay", d.IsAllDay);
        if (Has("isCancelled")) w.WriteBoolean("isCancelled", false);
        if (Has("isOrganizer")) w.WriteBoolean("isOrganizer", d.IsOrganizer);
        if (Has("responseRequested")) w.WriteBoolean("responseRequested", true);
        if (Has("seriesMasterId")) SandboxJson.WriteNullable(w, "seriesMasterId", e.SeriesMasterId);
        if (Has("showAs")) w.WriteString("showAs", d.ShowAs);
        if (Has("type")) w.WriteString("type", e.Type);
        if (Has("webLink")) w.WriteString("webLink", $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(e.Id)}&exvsurl=1&path=/calendar/item");
        if (Has("onlineMeetingUrl")) w.WriteNull("onlineMeetingUrl");
        if (Has("isOnlineMeeting")) w.WriteBoolean("isOnlineMeeting", false);
        if (Has("onlineMeetingProvider")) w.WriteString("onlineMeetingProvider", "unknown");
        if (Has("allowNewTimeProposals")) w.WriteBoolean("allowNewTimeProposals", true);
        if (Has("isDraft")) w.WriteBoolean("isDraft", false);
        if (Has("hideAttendees")) w.WriteBoolean("hideAttendees", false);
        if (Has("responseStatus"))
        {
            w.WriteStartObject("responseStatus");
            w.WriteString("response", d.IsOrganizer ? "organizer" : d.UserResponse);
            w.WriteString("time", d.IsOrganizer ? NoTime : SandboxJson.Timestamp(source.Created));
            w.WriteEndObject();
        }

        if (Has("body"))
        {
            w.WriteStartObject("body");
            w.WriteString("contentType", "html");
            w.WriteString("content", HtmlDocument(d.BodyHtml));
            w.WriteEndObject();
        }

        if (Has("start"))
        {
            if (d.IsAllDay) zone.WriteDate(w, "start", e.StartDate); else zone.Write(w, "start", e.Start);
        }

        if (Has("end"))
        {
            if (d.IsAllDay) zone.WriteDate(w, "end", e.EndDate); else zone.Write(w, "end", e.End);
        }

        if (Has("location"))
        {
            w.WritePropertyName("location");
            WriteLocation(w, d.Location, empty: true);
        }

        if (Has("locations"))
        {
            w.WriteStartArray("locations");
            if (!string.IsNullOrEmpty(d.Location))
            {
                WriteLocation(w, d.Location, empty: false);
            }

            w.WriteEndArray();
        }

        if (Has("recurrence"))
        {
            if (e.Type == "seriesMaster" && d.Recurrence is { } recurrence)
            {
                WriteRecurrence(w, recurrence, e.StartDate, source.Zone);
            }
            else
            {
                w.WriteNull("recurrence");
            }
        }

        if (Has("attendees"))
        {
            w.WriteStartArray("attendees");
            foreach (var attendee in d.Attendees)
            {
                w.WriteStartObject();
                w.WriteString("type", attendee.Type);
                w.WriteStartObject("status");
                w.WriteString("response", attendee.Response);
                w.WriteString("time", NoTime);
                w.WriteEndObject();
                w.WritePropertyName("emailAddress");
                SandboxJson.WriteEmailAddress(w, attendee.Name, attendee.Address);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (Has("organizer"))
        {
            var organizer = d.IsOrganizer || d.Organizer is null ? new SandboxAttendee(user.DisplayName, user.Mail) : d.Organizer;
            w.WriteStartObject("organizer");
            w.WritePropertyName("emailAddress");
            SandboxJson.WriteEmailAddress(w, organizer.Name, organizer.Address);
            w.WriteEndObject();
        }

        if (Has("onlineMeeting")) w.WriteNull("onlineMeeting");
        SandboxJson.WriteExpandedProperty(w, d.SingleValueExtendedProperties, expandPropertyId);

        w.WriteEndObject();
    }

    /// <summary>Outlook stores event bodies as HTML documents and returns them that way.</summary>
    private static string HtmlDocument(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        return html.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? html
            : "<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n</head>\r\n<body>\r\n"
              + html + "\r\n</body>\r\n</html>\r\n";
    }

    private static void WriteLocation(Utf8JsonWriter w, string? displayName, bool empty)
    {
        w.WriteStartObject();
        w.WriteString("displayName", displayName ?? string.Empty);
        w.WriteString("locationType", "default");
        if (string.IsNullOrEmpty(displayName))
        {
            if (empty)
            {
                // What Graph sends for an event without a location.
                w.WriteString("uniqueIdType", "unknown");
                w.WriteStartObject("address");
                w.WriteEndObject();
                w.WriteStartObject("coordinates");
                w.WriteEndObject();
            }
        }
        else
        {
            w.WriteString("uniqueId", displayName);
            w.WriteString("uniqueIdType", "private");
        }

        w.WriteEndObject();
    }

    private static void WriteRecurrence(Utf8JsonWriter w, SandboxRecurrence recurrence, DateOnly startDate, TimeZoneInfo zone)
    {
        var weekly = !recurrence.Type.Equals("daily", StringComparison.OrdinalIgnoreCase);
        w.WriteStartObject("recurrence");
        w.WriteStartObject("pattern");
        w.WriteString("type", weekly ? "weekly" : "daily");
        w.WriteNumber("interval", Math.Max(1, recurrence.Interval));
        w.WriteNumber("month", 0);
        w.WriteNumber("dayOfMonth", 0);
        w.WriteStartArray("daysOfWeek");
        foreach (var day in weekly && recurrence.DaysOfWeek.Count == 0 ? [startDate.DayOfWeek] : recurrence.DaysOfWeek)
        {
            w.WriteStringValue(day.ToString().ToLowerInvariant());
        }

        w.WriteEndArray();
        w.WriteString("firstDayOfWeek", "sunday");
        w.WriteString("index", "first");
        w.WriteEndObject();
        w.WriteStartObject("range");
        var type = recurrence.NumberOfOccurrences is > 0 ? "numbered" : recurrence.EndDate is null ? "noEnd" : "endDate";
        w.WriteString("type", type);
        w.WriteString("startDate", startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("endDate", (recurrence.EndDate ?? DateOnly.MinValue).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("recurrenceTimeZone", SandboxTimeZones.WindowsName(zone));
        w.WriteNumber("numberOfOccurrences", recurrence.NumberOfOccurrences ?? 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
