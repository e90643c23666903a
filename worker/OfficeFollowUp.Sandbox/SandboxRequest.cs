using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Sandbox;

/// <summary>One Graph request being answered: its ids, the caller's addressing and preferences, and how to answer it.</summary>
internal sealed class SandboxRequest(HttpContext http, SandboxMailbox mailbox, string requestId, string clientRequestId)
{
    private const int MaxPageSize = 1000;

    public HttpContext Http { get; } = http;

    public SandboxMailbox Mailbox { get; } = mailbox;

    public string RequestId { get; } = requestId;

    public string ClientRequestId { get; } = clientRequestId;

    public string BaseUrl { get; } = $"{http.Request.Scheme}://{http.Request.Host}/v1.0";

    public PreferHeader Prefer { get; } = PreferHeader.Parse(http.Request.Headers["Prefer"]);

    /// <summary>
    /// The mailbox as the request addressed it, absolute: <c>…/v1.0/me</c> or <c>…/v1.0/users/{id or upn}</c>.
    /// Graph's next and delta links keep the caller's addressing, so an app-only caller never gets a /me link.
    /// </summary>
    public string MailboxRoot { get; init; } = $"{http.Request.Scheme}://{http.Request.Host}/v1.0/me";

    /// <summary>Values for the Preference-Applied header.</summary>
    public List<string> Applied { get; } = [];

    /// <summary>An absolute link to <paramref name="mePath"/> (a "/me/…" template) in the request's own addressing.</summary>
    public string Link(string mePath) =>
        mePath.StartsWith("/me/", StringComparison.OrdinalIgnoreCase) ? MailboxRoot + mePath[3..] : BaseUrl + mePath;

    /// <summary>The <c>@odata.context</c> of something in the user's mailbox, e.g. <c>messages/$entity</c>.</summary>
    public string Context(string path) => $"{BaseUrl}/$metadata#users('{Mailbox.User.Id}')/{path}";

    public string Query(string name) => Http.Request.Query[name].ToString();

    /// <summary>A query option that must be a whole number when given (<c>$top</c>, <c>$skip</c>).</summary>
    public int QueryNumber(string name, int fallback)
    {
        var text = Query(name);
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", $"Invalid value '{text}' for query option {name}.");
    }

    /// <summary><c>$top</c> of a plain list, at most Graph's 1,000.</summary>
    public int Top(int fallback) => Math.Clamp(QueryNumber("$top", fallback), 1, MaxPageSize);

    /// <summary>The page size of a delta round: <c>Prefer: odata.maxpagesize</c> (reported as applied), at most 1,000.</summary>
    public int DeltaPageSize(int fallback)
    {
        if (Prefer.MaxPageSize is not { } preferred)
        {
            return fallback;
        }

        var size = Math.Min(preferred, MaxPageSize);
        Applied.Add(string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={size}"));
        return size;
    }

    public async Task<JsonDocument> ReadBodyAsync()
    {
        try
        {
            return await JsonDocument.ParseAsync(Http.Request.Body, cancellationToken: Http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
    }

    public async Task WriteJsonAsync(int status, Action<Utf8JsonWriter> write)
    {
        if (await AnsweredByAfterApplyFaultAsync().ConfigureAwait(false))
        {
            return;
        }

        var bytes = SandboxJson.Write(write);
        var response = Http.Response;
        if (Applied.Count > 0)
        {
            response.Headers["Preference-Applied"] = string.Join(", ", Applied);
        }

        response.StatusCode = status;
        response.ContentType = SandboxJson.ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, Http.RequestAborted).ConfigureAwait(false);
    }

    public async Task NoContentAsync()
    {
        if (await AnsweredByAfterApplyFaultAsync().ConfigureAwait(false))
        {
            return;
        }

        Http.Response.StatusCode = 204;
    }

    public Task WriteErrorAsync(GraphError error)
    {
        var bytes = SandboxJson.Write(w => SandboxJson.WriteError(w, error.Code, error.Message, Mailbox.Now, RequestId, ClientRequestId));
        var response = Http.Response;
        response.StatusCode = (int)error.Status;
        if (error.Location is not null)
        {
            response.Headers.Location = error.Location;
        }

        response.ContentType = SandboxJson.ContentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, Http.RequestAborted).AsTask();
    }

    public void SetRetryAfter(TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            Http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// A write has just succeeded (every success goes through here): when a fault is due, the change stays made and
    /// the answer is a gateway's 503/504 with Retry-After, or no answer at all.
    /// </summary>
    private async Task<bool> AnsweredByAfterApplyFaultAsync()
    {
        var fault = Mailbox.Faults.TakeAfterApply(Http.Request.Method, Http.Request.Path.Value ?? "/");
        if (fault is null)
        {
            return false;
        }

        if (fault.DropConnection)
        {
            Http.Abort();
            return true;
        }

        SetRetryAfter(fault.RetryAfter);
        await WriteErrorAsync(new GraphError(fault.Status, fault.Code, fault.Message)).ConfigureAwait(false);
        return true;
    }
}

/// <summary>A Graph error answer; thrown inside handlers and written as Graph's error body.</summary>
#pragma warning disable CA1032 // Not a public exception type; only the handler creates and catches it.
internal sealed class GraphError(HttpStatusCode status, string code, string message, string? location = null) : Exception(message)
#pragma warning restore CA1032
{
    public HttpStatusCode Status { get; } = status;
    public string Code { get; } = code;
    public string? Location { get; } = location;

    public static GraphError ItemNotFound() =>
        new(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphError NotAnObject() =>
        new(HttpStatusCode.BadRequest, "BadRequest", "The request body must be a JSON object.");
}
