using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The server's front door: <c>/subscriptions</c> to the tenant's subscriptions; everything else to the mailbox the path
/// names — the one mailbox as before, or a tenant's mailbox by <c>/users/{id or upn}</c>.
/// </summary>
internal sealed class SandboxServerHandler(SandboxDirectory directory, SandboxSubscriptions subscriptions)
{
    private readonly SandboxDirectory _directory = directory;
    private readonly SubscriptionRoutes _subscriptions = new(subscriptions);
    private readonly SandboxRequestHandler? _single = directory.Single is { } mailbox ? new SandboxRequestHandler(mailbox) : null;
    private readonly ConcurrentDictionary<SandboxMailbox, SandboxRequestHandler> _handlers = new();

    public Task HandleAsync(HttpContext http)
    {
        var segments = (http.Request.Path.Value ?? "/").Trim('/').Split('/');
        if (segments.Length >= 2 && Is(segments[0], "v1.0") && Is(segments[1], "subscriptions"))
        {
            return _subscriptions.HandleAsync(http, segments[2..]);
        }

        if (_single is not null)
        {
            return _single.HandleAsync(http);
        }

        if (segments.Length >= 3 && Is(segments[0], "v1.0") && Is(segments[1], "users"))
        {
            if (_directory.Find(segments[2]) is { } mailbox)
            {
                return _handlers.GetOrAdd(mailbox, m => new SandboxRequestHandler(m)).HandleAsync(http);
            }

            // A mailbox path of a user the tenant does not have; the user itself is a directory lookup.
            return ErrorAsync(http, segments.Length == 3
                ? new GraphError(HttpStatusCode.NotFound, "Request_ResourceNotFound",
                    $"Resource '{segments[2]}' does not exist or one of its queried reference-property objects are not present.")
                : SandboxDirectory.InvalidUser(segments[2]));
        }

        return ErrorAsync(http, segments.Length >= 2 && Is(segments[1], "me")
            ? new GraphError(HttpStatusCode.BadRequest, "BadRequest", "/me request is only valid with delegated authentication flow.")
            : new GraphError(HttpStatusCode.NotFound, "ResourceNotFound", $"Resource not found for the segment '{segments[^1]}'."));
    }

    private Task ErrorAsync(HttpContext http, GraphError error)
    {
        _directory.Requests.Record($"{http.Request.Method} (no mailbox)", hadImmutableIdPreference: true);
        return GraphAnswer.WriteErrorAsync(http, error, _directory.Time.GetUtcNow(), GraphAnswer.StampIds(http));
    }

    private static bool Is(string segment, string literal) => segment.Equals(literal, StringComparison.OrdinalIgnoreCase);
}
