using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Reading an event from a POST or PATCH body (and getSchedule's dateTimeTimeZone parameters): Graph's enum values,
/// attendees, daily and weekly recurrence, and times named in any zone Graph knows.
/// </summary>
internal static class EventBody
{
    private static readonly HashSet<string> FreeBusyStatuses = new(StringComparer.Ordinal)
    {
        "unknown", "free", "tentative", "busy", "oof", "workingElsewhere",
    };

    private static readonly HashSet<string> Sensitivities = new(StringComparer.Ordinal) { "normal", "personal", "private", "confidential" };

    private static readonly HashSet<string> AttendeeTypes = new(StringComparer.Ordinal) { "required", "optional", "resource" };

    /// <summary>The event <paramref name="seed"/> with the body's properties applied; <paramref name="creating"/> requires start and end.</summary>
    public static SandboxEventSeed Apply(SandboxEventSeed seed, JsonElement json, bool creating)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw GraphError.NotAnObject();
        }

        if (ReadDateTimeTimeZone(json, "start", required: creating) is { } start)
        {
            seed = seed with { Start = start.Instant, TimeZone = start.ZoneName };
        }

        if (ReadDateTimeTimeZone(json, "end", required: creating) is { } end)
        {
            seed = seed with { End = end.Instant };
        }

        // A null means "not given" (Kiota's backing store sends nulls for properties a caller cleared).
        foreach (var property in json.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
        {
            var value = property.Value;
            seed = property.Name switch
            {
                "subject" => seed with { Subject = value.GetString() ?? string.Empty },
                "body" when value.ValueKind == JsonValueKind.Object => seed with { BodyHtml = BodyAsHtml(value) },
                "isAllDay" => seed with { IsAllDay = value.ValueKind == JsonValueKind.True },
                "showAs" => seed with { ShowAs = Member(value, FreeBusyStatuses, "freeBusyStatus") },
                "sensitivity" => seed with { Sensitivity = Member(value, Sensitivities, "sensitivity") },
                "isReminderOn" => seed with { IsReminderOn = value.ValueKind == JsonValueKind.True },
                "reminderMinutesBeforeStart" when value.ValueKind == JsonValueKind.Number => seed with { ReminderMinutesBeforeStart = value.GetInt32() },
                "categories" => seed with { Categories = GraphBody.Strings(value) },
                "transactionId" => seed with { TransactionId = value.GetString() },
                "location" when value.ValueKind == JsonValueKind.Object => seed with
                {
                    Location = value.TryGetProperty("displayName", out var displayName) ? displayName.GetString() : null,
                },
                "attendees" => seed with { Attendees = Attendees(value) },
                "recurrence" => seed with { Recurrence = Recurrence(value) },
                "singleValueExtendedProperties" => seed with { SingleValueExtendedProperties = GraphBody.ExtendedProperties(seed.SingleValueExtendedProperties, value) },
                _ => seed,
            };
        }

        if (seed.End < seed.Start)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The 'end' of the event cannot be before its 'start'.");
        }

        return seed;
    }

    /// <summary>Reads a dateTimeTimeZone: wall-clock dateTime in the named zone (an explicit offset wins).</summary>
    public static (DateTimeOffset Instant, TimeZoneInfo Zone, string ZoneName)? ReadDateTimeTimeZone(JsonElement json, string name, bool required)
    {
        if (!TryGetParameter(json, name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return required
                ? throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", $"The '{name}' property is required.")
                : null;
        }

        var zoneName = value.TryGetProperty("timeZone", out var tz) && tz.GetString() is { Length: > 0 } z ? z : "UTC";
        var zone = SandboxTimeZones.Find(zoneName) ?? throw new GraphError(
            HttpStatusCode.BadRequest,
            "TimeZoneNotSupportedException",
            $"A valid TimeZone value must be specified. The following TimeZone value is not supported: '{zoneName}'.");
        var text = value.TryGetProperty("dateTime", out var dt) ? dt.GetString() : null;
        if (text is null || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", $"The '{name}.dateTime' value '{text}' is not a valid date and time.");
        }

        var instant = parsed.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
            DateTimeKind.Local => new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero),
            _ => SandboxTimeZones.ToInstant(parsed, zone),
        };
        return (instant, zone, zoneName);
    }

    /// <summary>
    /// Action parameters match case-insensitively: the CSDL names getSchedule's "Schedules", "StartTime", … and the SDK
    /// sends them so, while the documentation and most clients write camelCase.
    /// </summary>
    public static bool TryGetParameter(JsonElement json, string name, out JsonElement value)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Member(JsonElement value, HashSet<string> members, string enumName) =>
        value.GetString() is { } text && members.Contains(text)
            ? text
            : throw new GraphError(HttpStatusCode.BadRequest, "RequestBodyRead", $"Requested value '{value}' was not found in enum '{enumName}'.");

    private static string BodyAsHtml(JsonElement body)
    {
        var content = body.TryGetProperty("content", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        var html = body.TryGetProperty("contentType", out var ct) && string.Equals(ct.GetString(), "html", StringComparison.OrdinalIgnoreCase);
        return html ? content : WebUtility.HtmlEncode(content).Replace("\n", "<br>", StringComparison.Ordinal);
    }

    private static SandboxAttendee[] Attendees(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var attendees = new List<SandboxAttendee>();
        foreach (var a in value.EnumerateArray())
        {
            if (a.ValueKind != JsonValueKind.Object || !a.TryGetProperty("emailAddress", out var email)
                || !email.TryGetProperty("address", out var address) || address.GetString() is not { Length: > 0 } text)
            {
                throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidRecipients", "An attendee must have an emailAddress with an address.");
            }

            var type = a.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? Member(t, AttendeeTypes, "attendeeType")
                : "required";
            var name = email.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } given ? given : text;
            attendees.Add(new SandboxAttendee(name, text, type));
        }

        return [.. attendees];
    }

    private static SandboxRecurrence? Recurrence(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("pattern", out var pattern))
        {
            return null;
        }

        var type = pattern.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is not ("daily" or "weekly"))
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidRequest", $"The sandbox supports daily and weekly recurrence, not '{type}'.");
        }

        var days = pattern.TryGetProperty("daysOfWeek", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Select(x => Enum.Parse<DayOfWeek>(x.GetString() ?? "sunday", ignoreCase: true)).ToArray()
            : [];
        var interval = pattern.TryGetProperty("interval", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt32() : 1;
        var recurrence = new SandboxRecurrence(type, days, interval);
        if (value.TryGetProperty("range", out var range) && range.ValueKind == JsonValueKind.Object)
        {
            var rangeType = range.TryGetProperty("type", out var rt) ? rt.GetString() : "noEnd";
            if (rangeType == "endDate" && range.TryGetProperty("endDate", out var endDate)
                && DateOnly.TryParseExact(endDate.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                recurrence = recurrence with { EndDate = end };
            }
            else if (rangeType == "numbered" && range.TryGetProperty("numberOfOccurrences", out var count) && count.ValueKind == JsonValueKind.Number)
            {
                recurrence = recurrence with { NumberOfOccurrences = count.GetInt32() };
            }
        }

        return recurrence;
    }
}
