using System.Globalization;
using System.Net;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// <c>/me/calendarView/delta</c>, and the events of the default calendar (<c>/me/events</c>, <c>/me/calendar/events</c>,
/// <c>/me/calendars/{id}/events</c>): list with the tag lookup, get, create, update, delete.
/// </summary>
internal sealed class EventRoutes(SandboxCalendar calendar)
{
    private static readonly string[] UnsupportedOnCalendarViewDelta = ["$select", "$filter", "$expand", "$orderby", "$search"];

    private readonly SandboxCalendar _calendar = calendar;

    /// <summary>
    /// <c>GET /me/calendarView/delta</c>. The first request names the window; next and delta links carry it frozen in an
    /// opaque token. Series come back as occurrences and exceptions, never as their master.
    /// </summary>
    public Task CalendarViewDeltaAsync(SandboxRequest r)
    {
        var roundLink = r.Link("/me/calendarView/delta");
        var cursor = DeltaResponse.CursorFromLink(
            r,
            CalendarDeltaCursor.TryDecode,
            c => $"{roundLink}?startDateTime={Iso(c.WindowStart)}&endDateTime={Iso(c.WindowEnd)}",
            _calendar.ResumeFromDeltaLink);
        if (cursor is null)
        {
            var unsupported = UnsupportedOnCalendarViewDelta.Where(r.Http.Request.Query.ContainsKey).ToList();
            if (unsupported.Count > 0)
            {
                throw new GraphError(
                    HttpStatusCode.BadRequest,
                    "ErrorInvalidUrlQuery",
                    $"The following parameters are not supported with change tracking over the 'CalendarView' resource: '{string.Join(", ", unsupported)}'.");
            }

            var start = ParseWindowBound(r.Query("startDateTime"));
            var end = ParseWindowBound(r.Query("endDateTime"));
            if (start is null || end is null || end <= start)
            {
                throw new GraphError(
                    HttpStatusCode.BadRequest,
                    "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            }

            cursor = _calendar.StartDeltaRound(start.Value, end.Value);
        }

        var zone = ResolveRenderZone(r);
        var page = _calendar.ReadDeltaPage(cursor, r.DeltaPageSize(DeltaResponse.DefaultPageSize));
        return DeltaResponse.WritePageAsync(r, "event", roundLink, page, (w, instance) => EventJson.Write(w, instance, r.Mailbox.User, zone));
    }

    /// <summary><c>GET /me/events</c>: single events and series masters, with the tag lookup the worker uses for holds.</summary>
    public Task ListAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        var zone = ResolveRenderZone(r);
        return TaggedItemList.WriteAsync(
            r,
            route.FolderId is null ? route.Template : $"/me/calendars/{route.FolderId}/events",
            "events",
            EventJson.Type,
            _calendar.List(),
            e => e.Data.SingleValueExtendedProperties,
            (w, e, select, expand) => EventJson.Write(w, e, r.Mailbox.User, zone, select, expand));
    }

    public Task GetAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        var instance = _calendar.GetInstance(route.ItemId!) ?? throw GraphError.ItemNotFound();
        var select = ODataQuery.Select(r.Query("$select"), EventJson.Type);
        var expandPropertyId = ODataQuery.Expand(r.Query("$expand"));
        var zone = ResolveRenderZone(r);
        return r.WriteJsonAsync(200, w => EventJson.Write(w, instance, r.Mailbox.User, zone, select, expandPropertyId, r.Context("events/$entity")));
    }

    /// <summary>
    /// <c>POST /me/events</c> (or a calendar's events). A repeated transactionId returns the event already made; attendees
    /// get invitations at once; showAs defaults to busy.
    /// </summary>
    public async Task CreateAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        using var body = await r.ReadBodyAsync().ConfigureAwait(false);
        var seed = EventBody.Apply(new SandboxEventSeed(string.Empty, default, default, []), body.RootElement, creating: true);
        var created = _calendar.CreateFromApi(seed);
        await r.WriteJsonAsync(201, w => EventJson.Write(
            w, created.AsInstance(), r.Mailbox.User, ResolveRenderZone(r, created), context: r.Context("events/$entity"))).ConfigureAwait(false);
    }

    public async Task UpdateAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        var id = route.ItemId!;
        var before = _calendar.GetInstance(id) ?? throw GraphError.ItemNotFound();
        using var body = await r.ReadBodyAsync().ConfigureAwait(false);
        var json = body.RootElement.Clone();

        // Validate against the current event first, so a bad body changes nothing.
        EventBody.Apply(before.Data, json, creating: false);
        var after = _calendar.PatchFromApi(id, seed => EventBody.Apply(seed, json, creating: false)) ?? throw GraphError.ItemNotFound();
        await r.WriteJsonAsync(200, w => EventJson.Write(
            w, after, r.Mailbox.User, ResolveRenderZone(r, after.Source), context: r.Context("events/$entity"))).ConfigureAwait(false);
    }

    public Task DeleteAsync(SandboxRequest r, SandboxRoute route)
    {
        RequireCalendar(route);
        return _calendar.Delete(route.ItemId!) ? r.NoContentAsync() : throw GraphError.ItemNotFound();
    }

    private void RequireCalendar(SandboxRoute route)
    {
        if (route.FolderId is not null && route.FolderId != _calendar.DefaultCalendarId
            && !route.FolderId.Equals("calendar", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphError.ItemNotFound();
        }
    }

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
}
