using System.Net;
using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Answers one Graph request: records it, applies injected faults, routes it to the contacts, calendar or messages
/// routes and writes Graph's JSON or error body.
/// </summary>
internal sealed class SandboxRequestHandler(SandboxMailbox mailbox)
{
    private readonly SandboxMailbox _mailbox = mailbox;
    private readonly ContactRoutes _contacts = new(mailbox.Contacts);
    private readonly EventRoutes _events = new(mailbox.Calendar);
    private readonly MessageRoutes _messages = new(mailbox.Messages);

    public async Task HandleAsync(HttpContext http)
    {
        var clientRequestId = http.Request.Headers["client-request-id"].ToString();
        var request = new SandboxRequest(
            http,
            _mailbox,
            Guid.NewGuid().ToString(),
            string.IsNullOrEmpty(clientRequestId) ? Guid.NewGuid().ToString() : clientRequestId)
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
        if (_mailbox.Faults.Latency is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, request.Http.RequestAborted).ConfigureAwait(false);
        }

        try
        {
            var failure = _mailbox.Faults.TakeFailure(method, path);
            if (failure is not null)
            {
                request.SetRetryAfter(failure.RetryAfter);
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
            await request.WriteErrorAsync(error).ConfigureAwait(false);
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
        (SandboxRouteKind.Me, "GET") => r.WriteJsonAsync(200, w => SandboxJson.WriteUser(w, _mailbox.User, r.BaseUrl)),
        (SandboxRouteKind.MailboxSettings, "GET") => r.WriteJsonAsync(200, w => SandboxJson.WriteMailboxSettings(
            w, _mailbox.User, _mailbox.TimeZone, _mailbox.WorkingHours, _mailbox.DraftsFolderId, _mailbox.Now, r.BaseUrl)),
        (SandboxRouteKind.ContactFolders, "GET") => _contacts.ListFoldersAsync(r),
        (SandboxRouteKind.ContactFoldersDelta, "GET") => _contacts.FoldersDeltaAsync(r),
        (SandboxRouteKind.ContactFolder, "GET") => _contacts.GetFolderAsync(r, route.FolderId!),
        (SandboxRouteKind.FolderContacts or SandboxRouteKind.Contacts, "GET") => _contacts.ListAsync(r, route.FolderId),
        (SandboxRouteKind.FolderContacts or SandboxRouteKind.Contacts, "POST") => _contacts.CreateAsync(r, route.FolderId),
        (SandboxRouteKind.FolderContactsDelta, "GET") => _contacts.DeltaAsync(r, route.FolderId!),
        (SandboxRouteKind.FolderContact or SandboxRouteKind.Contact, "GET") => _contacts.GetAsync(r, route.ItemId!, route.FolderId),
        (SandboxRouteKind.FolderContact or SandboxRouteKind.Contact, "PATCH") => _contacts.UpdateAsync(r, route.ItemId!, route.FolderId),
        (SandboxRouteKind.FolderContact or SandboxRouteKind.Contact, "DELETE") => _contacts.DeleteAsync(r, route.ItemId!, route.FolderId),
        (SandboxRouteKind.Messages or SandboxRouteKind.MailFolderMessages, "GET") => _messages.ListAsync(r, route.FolderId),
        (SandboxRouteKind.Messages, "POST") => _messages.CreateDraftAsync(r),
        (SandboxRouteKind.MailFolderMessagesDelta, "GET") => _messages.DeltaAsync(r, route.FolderId!),
        (SandboxRouteKind.Message, "GET") => _messages.GetAsync(r, route.ItemId!),
        (SandboxRouteKind.Message, "DELETE") => _messages.DeleteAsync(r, route.ItemId!),
        (SandboxRouteKind.CalendarViewDelta, "GET") => _events.CalendarViewDeltaAsync(r),
        (SandboxRouteKind.Events, "GET") => _events.ListAsync(r, route),
        (SandboxRouteKind.Events, "POST") => _events.CreateAsync(r, route),
        (SandboxRouteKind.Event, "GET") => _events.GetAsync(r, route),
        (SandboxRouteKind.Event, "PATCH") => _events.UpdateAsync(r, route),
        (SandboxRouteKind.Event, "DELETE") => _events.DeleteAsync(r, route),
        (SandboxRouteKind.GetSchedule, "POST") => GetScheduleRoute.AnswerAsync(r, _mailbox.Calendar),
        _ => throw new GraphError(HttpStatusCode.MethodNotAllowed, "BadRequest", $"The HTTP method '{method}' is not allowed on this resource."),
    };
}
