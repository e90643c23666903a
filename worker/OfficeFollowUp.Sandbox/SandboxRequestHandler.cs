using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Answers one Graph request: records it, applies injected faults, routes it and writes Graph's JSON or error body.
/// </summary>
internal sealed partial class SandboxRequestHandler(SandboxMailbox mailbox)
{
    private readonly SandboxMailbox _mailbox = mailbox;

    public async Task HandleAsync(HttpContext http)
    {
        var clientRequestId = http.Request.Headers["client-request-id"].ToString();
        var request = new SandboxRequest(
            http,
            Guid.NewGuid().ToString(),
            string.IsNullOrEmpty(clientRequestId) ? Guid.NewGuid().ToString() : clientRequestId,
            $"{http.Request.Scheme}://{http.Request.Host}/v1.0",
            PreferHeader.Parse(http.Request.Headers["Prefer"]))
        {
            MailboxRoot = MailboxRootOf(http.Request),
        };
        http.Response.Headers["request-id"] = request.RequestId;
        http.Response.Headers["client-request-id"] = request.ClientRequestId;
        http.Response.Headers.CacheControl = "private";
        if (request.Prefer.ImmutableId)
        {
            request.Applied.Add("IdType=\"ImmutableId\"");
        }

        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? "/";
        var route = SandboxRoute.Match(path, _mailbox.User);
        _mailbox.Requests.Record($"{method} {route?.Template ?? "(unmatched)"}", request.Prefer.ImmutableId);
        _mailbox.Requests.Started();
        try
        {
            await AnswerAsync(request, route, method, path).ConfigureAwait(false);
        }
        finally
        {
            _mailbox.Requests.Finished();
        }
    }

    private async Task AnswerAsync(SandboxRequest request, SandboxRoute? route, string method, string path)
    {
        var http = request.Http;
        if (_mailbox.Faults.Latency is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted).ConfigureAwait(false);
        }

        try
        {
            var failure = _mailbox.Faults.TakeFailure(method, path);
            if (failure is not null)
            {
                SetRetryAfter(http.Response, failure.RetryAfter);
                throw new GraphError(failure.Status, failure.Code, failure.Message);
            }

            if (route is null)
            {
                var segment = path.TrimEnd('/').Split('/')[^1];
                throw new GraphError(HttpStatusCode.NotFound, "ResourceNotFound", $"Resource not found for the segment '{segment}'.");
            }

            if (route.ViaMe && _mailbox.ApplicationPermissions)
            {
                // An app-only token names no user; Graph's own words for it.
                throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "/me request is only valid with delegated authentication flow.");
            }

            await DispatchAsync(request, route, method).ConfigureAwait(false);
        }
        catch (GraphError error)
        {
            await WriteErrorAsync(request, error).ConfigureAwait(false);
        }
    }

    private static string MailboxRootOf(HttpRequest request)
    {
        var baseUrl = $"{request.Scheme}://{request.Host}/v1.0";
        var segments = (request.Path.Value ?? "/").Trim('/').Split('/');
        return segments.Length >= 3 && segments[1].Equals("users", StringComparison.OrdinalIgnoreCase)
            ? $"{baseUrl}/users/{segments[2]}"
            : $"{baseUrl}/me";
    }

    private Task DispatchAsync(SandboxRequest r, SandboxRoute route, string method) => (route.Kind, method) switch
    {
        (SandboxRouteKind.Me, "GET") => WriteJsonAsync(r, 200, w => SandboxJson.WriteUser(w, _mailbox.User, r.BaseUrl)),
        (SandboxRouteKind.MailboxSettings, "GET") => WriteJsonAsync(r, 200, w => SandboxJson.WriteMailboxSettings(
            w, _mailbox.User, _mailbox.TimeZone, _mailbox.WorkingHours, _mailbox.DraftsFolderId, _mailbox.Now, r.BaseUrl)),
        (SandboxRouteKind.ContactFolders, "GET") => ListContactFoldersAsync(r),
        (SandboxRouteKind.ContactFoldersDelta, "GET") => ContactFoldersDeltaAsync(r),
        (SandboxRouteKind.ContactFolder, "GET") => GetContactFolderAsync(r, route.FolderId!),
        (SandboxRouteKind.FolderContacts, "GET") => ListContactsAsync(r, route.FolderId!),
        (SandboxRouteKind.FolderContacts, "POST") => CreateContactAsync(r, route.FolderId!),
        (SandboxRouteKind.FolderContactsDelta, "GET") => ContactsDeltaAsync(r, route.FolderId!),
        (SandboxRouteKind.FolderContact or SandboxRouteKind.Contact, "GET") => GetContactAsync(r, route.ItemId!, route.FolderId),
        (SandboxRouteKind.FolderContact or SandboxRouteKind.Contact, "PATCH") => UpdateContactAsync(r, route.ItemId!, route.FolderId),
        (SandboxRouteKind.FolderContact or SandboxRouteKind.Contact, "DELETE") => DeleteContactAsync(r, route.ItemId!, route.FolderId),
        (SandboxRouteKind.Contacts, "GET") => ListContactsAsync(r, _mailbox.DefaultContactFolderId),
        (SandboxRouteKind.Contacts, "POST") => CreateContactAsync(r, _mailbox.DefaultContactFolderId),
        (SandboxRouteKind.Messages, "GET") => ListMessagesAsync(r, "/me/messages"),
        (SandboxRouteKind.Messages, "POST") => CreateMessageAsync(r),
        (SandboxRouteKind.MailFolderMessages, "GET") => ListFolderMessagesAsync(r, route.FolderId!),
        (SandboxRouteKind.Message, "GET") => GetMessageAsync(r, route.ItemId!),
        (SandboxRouteKind.Message, "DELETE") => DeleteMessageAsync(r, route.ItemId!),
        (SandboxRouteKind.CalendarViewDelta, "GET") => CalendarViewDeltaAsync(r),
        (SandboxRouteKind.Events, "GET") => ListEventsAsync(r, route),
        (SandboxRouteKind.Events, "POST") => CreateEventAsync(r, route),
        (SandboxRouteKind.Event, "GET") => GetEventAsync(r, route),
        (SandboxRouteKind.Event, "PATCH") => UpdateEventAsync(r, route),
        (SandboxRouteKind.Event, "DELETE") => DeleteEventAsync(r, route),
        (SandboxRouteKind.GetSchedule, "POST") => GetScheduleAsync(r),
        _ => throw new GraphError(HttpStatusCode.MethodNotAllowed, "BadRequest", $"The HTTP method '{method}' is not allowed on this resource."),
    };

    private static async Task<JsonDocument> ReadBodyAsync(SandboxRequest r)
    {
        try
        {
            return await JsonDocument.ParseAsync(r.Http.Request.Body, cancellationToken: r.Http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
    }

    /// <summary>
    /// A list of messages or events as Graph pages it, with the one <c>$filter</c> the worker uses (a single-value
    /// extended property's value) and <c>$select</c>, <c>$expand</c> of that property, <c>$top</c> and <c>$skip</c>;
    /// the nextLink repeats the query with the next <c>$skip</c>, in the request's own addressing.
    /// </summary>
    private Task WriteTaggedListAsync<T>(
        SandboxRequest r,
        string path,
        string collection,
        IEnumerable<T> items,
        Func<T, IReadOnlyDictionary<string, string>> extendedProperties,
        IReadOnlySet<string> properties,
        string typeName,
        Action<Utf8JsonWriter, T, IReadOnlySet<string>?, string?> write)
    {
        var query = r.Http.Request.Query;
        var filter = query["$filter"].ToString();
        MessageQuery.PropertyMatch? match = null;
        if (filter.Length > 0 && !MessageQuery.TryParseFilter(filter, out match))
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        }

        var rawExpand = query["$expand"].ToString();
        var expandPropertyId = ParseExpand(rawExpand);
        var rawSelect = query["$select"].ToString();
        var select = ParseSelect(rawSelect, properties, typeName);
        var top = Math.Clamp(ParseNonNegative(r, "$top", DefaultMessagePageSize), 1, MaxPageSize);
        var skip = ParseNonNegative(r, "$skip", 0);

        var matches = items
            .Where(item => match is null
                || (extendedProperties(item).TryGetValue(match.PropertyId, out var value) && value == match.Value))
            .ToList();
        var page = matches.Skip(skip).Take(top).ToList();
        var hasMore = matches.Count > skip + top;

        return WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#users('{_mailbox.User.Id}')/{collection}");
            if (hasMore)
            {
                var link = new List<string>();
                if (filter.Length > 0) link.Add("$filter=" + Uri.EscapeDataString(filter));
                if (rawSelect.Length > 0) link.Add("$select=" + Uri.EscapeDataString(rawSelect));
                if (rawExpand.Length > 0) link.Add("$expand=" + Uri.EscapeDataString(rawExpand));
                link.Add(string.Create(CultureInfo.InvariantCulture, $"$top={top}"));
                link.Add(string.Create(CultureInfo.InvariantCulture, $"$skip={skip + top}"));
                w.WriteString("@odata.nextLink", $"{r.Link(path)}?{string.Join('&', link)}");
            }

            w.WriteStartArray("value");
            foreach (var item in page)
            {
                write(w, item, select, expandPropertyId);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static IReadOnlySet<string>? ParseSelect(string? select, IReadOnlySet<string> known, string typeName)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!known.Contains(raw))
            {
                throw new GraphError(HttpStatusCode.BadRequest, "RequestBroker--ParseUri", $"Could not find a property named '{raw}' on type '{typeName}'.");
            }

            names.Add(raw);
        }

        return names;
    }

    private static int ParseNonNegative(SandboxRequest r, string name, int fallback)
    {
        var text = r.Http.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", $"Invalid value '{text}' for query option {name}.");
    }

    private async Task WriteJsonAsync(SandboxRequest r, int status, Action<Utf8JsonWriter> write)
    {
        if (await AnsweredByAfterApplyFaultAsync(r).ConfigureAwait(false))
        {
            return;
        }

        var bytes = SandboxJson.Write(write);
        var response = r.Http.Response;
        if (r.Applied.Count > 0)
        {
            response.Headers["Preference-Applied"] = string.Join(", ", r.Applied);
        }

        response.StatusCode = status;
        response.ContentType = SandboxJson.ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, r.Http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// A write has just succeeded (every success goes through here): when a fault is due, the change stays made and
    /// the answer is a gateway's 503/504 with Retry-After, or no answer at all.
    /// </summary>
    private async Task<bool> AnsweredByAfterApplyFaultAsync(SandboxRequest r)
    {
        var fault = _mailbox.Faults.TakeAfterApply(r.Http.Request.Method, r.Http.Request.Path.Value ?? "/");
        if (fault is null)
        {
            return false;
        }

        if (fault.DropConnection)
        {
            r.Http.Abort();
            return true;
        }

        SetRetryAfter(r.Http.Response, fault.RetryAfter);
        await WriteErrorAsync(r, new GraphError(fault.Status, fault.Code, fault.Message)).ConfigureAwait(false);
        return true;
    }

    private static void SetRetryAfter(HttpResponse response, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    private Task WriteErrorAsync(SandboxRequest r, GraphError error)
    {
        var bytes = SandboxJson.Write(w => SandboxJson.WriteError(w, error.Code, error.Message, _mailbox.Now, r.RequestId, r.ClientRequestId));
        var response = r.Http.Response;
        response.StatusCode = (int)error.Status;
        if (error.Location is not null)
        {
            response.Headers.Location = error.Location;
        }

        response.ContentType = SandboxJson.ContentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, r.Http.RequestAborted).AsTask();
    }

    private async Task NoContent(SandboxRequest r)
    {
        if (await AnsweredByAfterApplyFaultAsync(r).ConfigureAwait(false))
        {
            return;
        }

        r.Http.Response.StatusCode = 204;
    }
}

internal sealed record SandboxRequest(HttpContext Http, string RequestId, string ClientRequestId, string BaseUrl, PreferHeader Prefer)
{
    /// <summary>
    /// The mailbox as the request addressed it, absolute: <c>…/v1.0/me</c> or <c>…/v1.0/users/{id or upn}</c>.
    /// Graph's next and delta links keep the caller's addressing, so an app-only caller never gets a /me link.
    /// </summary>
    public string MailboxRoot { get; init; } = BaseUrl + "/me";

    /// <summary>An absolute link to <paramref name="mePath"/> (a "/me/…" template) in the request's own addressing.</summary>
    public string Link(string mePath) =>
        mePath.StartsWith("/me/", StringComparison.OrdinalIgnoreCase) ? MailboxRoot + mePath[3..] : BaseUrl + mePath;

    /// <summary>Values for the Preference-Applied header.</summary>
    public List<string> Applied { get; } = [];
}

/// <summary>A Graph error answer; thrown inside handlers and written as Graph's error body.</summary>
#pragma warning disable CA1032 // Not a public exception type; only the handler creates and catches it.
internal sealed class GraphError(HttpStatusCode status, string code, string message, string? location = null) : Exception(message)
#pragma warning restore CA1032
{
    public HttpStatusCode Status { get; } = status;
    public string Code { get; } = code;
    public string? Location { get; } = location;
}
