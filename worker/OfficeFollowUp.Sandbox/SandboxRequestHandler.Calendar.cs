using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

internal sealed partial class SandboxRequestHandler
{
    private static readonly HashSet<string> FreeBusyStatuses = new(StringComparer.Ordinal)
    {
        "unknown", "free", "tentative", "busy", "oof", "workingElsewhere",
    };

    private static readonly HashSet<string> Sensitivities = new(StringComparer.Ordinal) { "normal", "personal", "private", "confidential" };

    private static readonly HashSet<string> AttendeeTypes = new(StringComparer.Ordinal) { "required", "optional", "resource" };

    private static readonly string[] UnsupportedOnCalendarViewDelta = ["$select", "$filter", "$expand", "$orderby", "$search"];

    /// <summary>
    /// <c>GET /me/calendarView/delta</c>. The first request names the window; next and delta links carry it frozen in an
    /// opaque token. Series come back as occurrences and exceptions, never as their master.
    /// </summary>
    private Task CalendarViewDeltaAsync(SandboxRequest r)
    {
        var query = r.Http.Request.Query;
        var skipToken = query["$skiptoken"].ToString();
        var deltaToken = query["$deltatoken"].ToString();
        var basePath = r.Link("/me/calendarView/delta");
        CalendarDeltaCursor cursor;
        if (skipToken.Length > 0 || deltaToken.Length > 0)
        {
            var decoded = CalendarDeltaCursor.TryDecode(skipToken.Length > 0 ? skipToken : deltaToken)
                ?? throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidSyncStateData", "The sync state data is corrupt or otherwise invalid.");
            if (decoded.Epoch != _mailbox.Faults.DeltaEpoch | _mailbox.Faults.TakeExpireNextDeltaRequest())
            {
                var fresh = $"{basePath}?startDateTime={Iso(decoded.WindowStart)}&endDateTime={Iso(decoded.WindowEnd)}";
                throw new GraphError(HttpStatusCode.Gone, "syncStateNotFound", "The sync state is not found or has expired. Start a new delta round.", fresh);
            }

            cursor = skipToken.Length > 0 ? decoded : _mailbox.ResumeCalendarFromDeltaLink(decoded);
        }
        else
        {
            var unsupported = UnsupportedOnCalendarViewDelta.Where(query.ContainsKey).ToList();
            if (unsupported.Count > 0)
            {
                throw new GraphError(
                    HttpStatusCode.BadRequest,
                    "ErrorInvalidUrlQuery",
                    $"The following parameters are not supported with change tracking over the 'CalendarView' resource: '{string.Join(", ", unsupported)}'.");
            }

            var start = ParseWindowBound(query["startDateTime"].ToString());
            var end = ParseWindowBound(query["endDateTime"].ToString());
            if (start is null || end is null || end <= start)
            {
                throw new GraphError(
                    HttpStatusCode.BadRequest,
                    "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            }

            cursor = _mailbox.StartCalendarDeltaRound(start.Value, end.Value);
        }

        var zone = ResolveRenderZone(r);
        var pageSize = DefaultDeltaPageSize;
        if (r.Prefer.MaxPageSize is { } preferred)
        {
            pageSize = Math.Min(preferred, MaxPageSize);
            r.Applied.Add(string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={pageSize}"));
        }

        var page = _mailbox.ReadCalendarDeltaPage(cursor, pageSize);
        return WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#Collection(event)");
            if (page.Next is not null)
            {
                w.WriteString("@odata.nextLink", $"{basePath}?$skiptoken={page.Next.Encode()}");
            }

            w.WriteStartArray("value");
            foreach (var item in page.Items)
            {
                if (item.Instance is null)
                {
                    SandboxJson.WriteRemoved(w, item.Id, "#microsoft.graph.event");
                }
                else
                {
                    SandboxJson.WriteEvent(w, item.Instance, _mailbox.User, zone);
                }
            }

            w.WriteEndArray();
            if (page.Delta is not null)
            {
                w.WriteString("@odata.deltaLink", $"{basePath}?$deltatoken={page.Delta.Encode()}");
            }

            w.WriteEndObject();
        });
    }

    private void RequireCalendar(SandboxRoute route)
    {
        if (route.FolderId is not null && route.FolderId != _mailbox.DefaultCalendarId
            && !route.FolderId.Equals("calendar", StringComparison.OrdinalIgnoreCase))
        {
            throw ItemNotFound();
        }
    }

    /// <summary><c>GET /me/events</c>: single events and series masters, with the tag lookup the worker uses for holds.</summary>
    private Task ListEventsAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        var zone = ResolveRenderZone(r);
        return WriteTaggedListAsync(
            r,
            route.FolderId is null ? route.Template : $"/me/calendars/{route.FolderId}/events",
            "events",
            _mailbox.ListEvents(),
            e => e.Data.SingleValueExtendedProperties,
            SandboxJson.EventProperties,
            "microsoft.graph.event",
            (w, e, select, expand) => SandboxJson.WriteEvent(w, e, _mailbox.User, zone, select, expand));
    }

    private Task GetEventAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        var instance = _mailbox.GetEventInstance(route.ItemId!) ?? throw ItemNotFound();
        var query = r.Http.Request.Query;
        var select = ParseSelect(query["$select"].ToString(), SandboxJson.EventProperties, "microsoft.graph.event");
        var expandPropertyId = ParseExpand(query["$expand"].ToString());
        var zone = ResolveRenderZone(r);
        return WriteJsonAsync(r, 200, w => SandboxJson.WriteEvent(
            w, instance, _mailbox.User, zone, select, expandPropertyId, EventContext(r)));
    }

    /// <summary>
    /// <c>POST /me/events</c> (or a calendar's events). A repeated transactionId returns the event already made; attendees
    /// get invitations at once; showAs defaults to busy.
    /// </summary>
    private async Task CreateEventAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        using var body = await ReadBodyAsync(r).ConfigureAwait(false);
        var json = body.RootElement;
        var seed = ApplyEventJson(new SandboxEventSeed(string.Empty, default, default, []), json, creating: true);
        var (created, _) = _mailbox.CreateEventFromApi(seed);

        var instance = new EventInstance(created.Id, created.TypeName, created, created.Data.Start, created.Data.End);
        await WriteJsonAsync(r, 201, w => SandboxJson.WriteEvent(
            w, instance, _mailbox.User, ResolveRenderZone(r, created), context: EventContext(r))).ConfigureAwait(false);
    }

    private async Task UpdateEventAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        var id = route.ItemId!;
        var before = _mailbox.GetEventInstance(id) ?? throw ItemNotFound();
        using var body = await ReadBodyAsync(r).ConfigureAwait(false);
        var json = body.RootElement.Clone();

        // Validate against the current event first, so a bad body changes nothing.
        ApplyEventJson(before.Data, json, creating: false);
        var after = _mailbox.PatchEventFromApi(id, seed => ApplyEventJson(seed, json, creating: false)) ?? throw ItemNotFound();
        await WriteJsonAsync(r, 200, w => SandboxJson.WriteEvent(
            w, after, _mailbox.User, ResolveRenderZone(r, after.Source), context: EventContext(r))).ConfigureAwait(false);
    }

    private Task DeleteEventAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        if (!_mailbox.DeleteEventFromApi(route.ItemId!))
        {
            throw ItemNotFound();
        }

        return NoContent(r);
    }

    /// <summary>
    /// <c>POST /me/calendar/getSchedule</c> for the user's own mailbox: free/busy items, the availability view
    /// (0 free, 1 tentative, 2 busy, 3 oof, 4 workingElsewhere per interval) and working hours.
    /// </summary>
    private async Task GetScheduleAsync(SandboxRequest r)
    {
        using var body = await ReadBodyAsync(r).ConfigureAwait(false);
        var json = body.RootElement;
        if (json.ValueKind != JsonValueKind.Object
            || !TryGetParameter(json, "schedules", out var schedules) || schedules.ValueKind != JsonValueKind.Array || schedules.GetArrayLength() == 0)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "The 'schedules' parameter is required and must list at least one address.");
        }

        var (start, startZone, startZoneName) = ReadDateTimeTimeZone(json, "startTime", required: true)!.Value;
        var (end, _, _) = ReadDateTimeTimeZone(json, "endTime", required: true)!.Value;
        var interval = 30;
        if (TryGetParameter(json, "availabilityViewInterval", out var intervalJson) && intervalJson.ValueKind == JsonValueKind.Number)
        {
            interval = intervalJson.GetInt32();
        }

        if (interval is < 5 or > 1440)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "The 'availabilityViewInterval' must be between 5 and 1440 minutes.");
        }

        if (end <= start)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "The 'endTime' must be after the 'startTime'.");
        }

        var zone = r.Prefer.TimeZone is not null && SandboxTimeZones.Find(r.Prefer.TimeZone) is { } preferred
            ? new RenderZone(preferred, r.Prefer.TimeZone)
            : new RenderZone(startZone, startZoneName);
        if (r.Prefer.TimeZone is not null && zone.Name == r.Prefer.TimeZone)
        {
            r.Applied.Add($"outlook.timezone=\"{zone.Name}\"");
        }

        var instances = _mailbox.InstancesBetween(start, end);
        var hours = _mailbox.WorkingHours;
        var mailboxZone = _mailbox.TimeZone;
        var slots = (int)Math.Ceiling((end - start).TotalMinutes / interval);
        var view = new char[slots];
        for (var i = 0; i < slots; i++)
        {
            var slotStart = start.AddMinutes(i * interval);
            var slotEnd = slotStart.AddMinutes(interval);
            var status = instances.Where(e => e.Start < slotEnd && e.End > slotStart).Select(e => e.Data.ShowAs).MaxBy(Rank) ?? "free";
            view[i] = status switch
            {
                "tentative" => '1',
                "busy" => '2',
                "oof" => '3',
                "workingElsewhere" => '4',
                _ => '0',
            };
        }

        await WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)");
            w.WriteStartArray("value");
            foreach (var schedule in schedules.EnumerateArray().Select(s => s.GetString() ?? string.Empty))
            {
                w.WriteStartObject();
                w.WriteString("scheduleId", schedule);
                if (!IsOwnAddress(schedule))
                {
                    w.WriteString("availabilityView", string.Empty);
                    w.WriteStartArray("scheduleItems");
                    w.WriteEndArray();
                    w.WriteStartObject("error");
                    w.WriteString("message", "The sandbox mailbox can only return free/busy information for its own user.");
                    w.WriteString("responseCode", "ErrorMailRecipientNotFound");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    continue;
                }

                w.WriteString("availabilityView", new string(view));
                w.WriteStartArray("scheduleItems");
                foreach (var e in instances)
                {
                    w.WriteStartObject();
                    w.WriteBoolean("isPrivate", e.Data.Sensitivity == "private");
                    w.WriteString("status", e.Data.ShowAs);
                    w.WriteString("subject", e.Data.Subject);
                    w.WriteString("location", e.Data.Location ?? string.Empty);
                    zone.Write(w, "start", e.Start);
                    zone.Write(w, "end", e.End);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                SandboxJson.WriteWorkingHours(w, hours, mailboxZone);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);

        static int Rank(string showAs) => showAs switch
        {
            "oof" => 4,
            "busy" => 3,
            "tentative" => 2,
            "workingElsewhere" => 1,
            _ => 0,
        };
    }

    private bool IsOwnAddress(string address)
    {
        var user = _mailbox.User;
        return address.Equals(user.Mail, StringComparison.OrdinalIgnoreCase)
            || address.Equals(user.UserPrincipalName, StringComparison.OrdinalIgnoreCase)
            || user.ProxyAddresses.Any(p => p.Length > 5 && p[5..].Equals(address, StringComparison.OrdinalIgnoreCase));
    }

    private string EventContext(SandboxRequest r) => $"{r.BaseUrl}/$metadata#users('{_mailbox.User.Id}')/events/$entity";

    /// <summary>Prefer outlook.timezone when it names a zone Graph knows; otherwise UTC (or, for writes, the event's own zone).</summary>
    private static RenderZone ResolveRenderZone(SandboxRequest r, EventState? written = null)
    {
        if (r.Prefer.TimeZone is { } name && SandboxTimeZones.Find(name) is { } zone)
        {
            var applied = $"outlook.timezone=\"{name}\"";
            if (!r.Applied.Contains(applied))
            {
                r.Applied.Add(applied);
            }

            return new RenderZone(zone, name);
        }

        // Graph answers a POST or PATCH in the zone the event was written in.
        return written is null ? RenderZone.Utc : new RenderZone(written.Zone, written.Data.TimeZone ?? SandboxTimeZones.WindowsName(written.Zone));
    }

    private static DateTimeOffset? ParseWindowBound(string text) =>
        text.Length > 0 && DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.ToUniversalTime()
            : null;

    private static string Iso(DateTimeOffset value) =>
        Uri.EscapeDataString(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>Reads a dateTimeTimeZone: wall-clock dateTime in the named zone (an explicit offset wins).</summary>
    private static (DateTimeOffset Instant, TimeZoneInfo Zone, string ZoneName)? ReadDateTimeTimeZone(JsonElement json, string name, bool required)
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
    private static bool TryGetParameter(JsonElement json, string name, out JsonElement value)
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

    private static SandboxEventSeed ApplyEventJson(SandboxEventSeed seed, JsonElement json, bool creating)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "The request body must be a JSON object.");
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
                "categories" => seed with { Categories = Strings(value) },
                "transactionId" => seed with { TransactionId = value.GetString() },
                "location" when value.ValueKind == JsonValueKind.Object => seed with
                {
                    Location = value.TryGetProperty("displayName", out var displayName) ? displayName.GetString() : null,
                },
                "attendees" => seed with { Attendees = Attendees(value) },
                "recurrence" => seed with { Recurrence = Recurrence(value) },
                "singleValueExtendedProperties" => seed with { SingleValueExtendedProperties = ExtendedProperties(seed, value) },
                _ => seed,
            };
        }

        if (seed.End < seed.Start)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The 'end' of the event cannot be before its 'start'.");
        }

        return seed;
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

    private static Dictionary<string, string> ExtendedProperties(SandboxEventSeed seed, JsonElement value)
    {
        var properties = new Dictionary<string, string>(seed.SingleValueExtendedProperties, StringComparer.OrdinalIgnoreCase);
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
