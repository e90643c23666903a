using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// <c>/subscriptions</c> and <c>/subscriptions/{id}</c>: create (with Graph's validation handshake to the notification
/// and lifecycle URLs), list, get, renew (PATCH expirationDateTime) and delete. Errors where Graph's wording is known
/// follow it; the others are written down in the sandbox's README section on subscriptions.
/// </summary>
internal sealed class SubscriptionRoutes(SandboxSubscriptions subscriptions)
{
    private const int MaxClientStateLength = 128;
    private static readonly string[] ChangeTypes = ["created", "updated", "deleted"];

    private readonly SandboxSubscriptions _subscriptions = subscriptions;

    public async Task HandleAsync(HttpContext http, string[] rest)
    {
        var ids = GraphAnswer.StampIds(http);
        var method = http.Request.Method;
        // The single mailbox's (or the tenant's) log and faults cover subscriptions too, so a test can throttle a create.
        var directory = _subscriptions.Directory;
        var template = rest.Length switch { 0 => "/subscriptions", 1 => "/subscriptions/{id}", _ => "/subscriptions/{id}/" + rest[1] };
        directory.Requests.Record($"{method} {template}", hadImmutableIdPreference: true);
        try
        {
            if (directory.Faults.TakeFailure(method, http.Request.Path.Value ?? "/") is { } failure)
            {
                if (failure.RetryAfter is { } wait)
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                throw new GraphError(failure.Status, failure.Code, failure.Message);
            }

            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}/v1.0";
            var answer = (rest.Length, method) switch
            {
                (0, "POST") => CreateAsync(http, baseUrl),
                (0, "GET") => ListAsync(http, baseUrl),
                (1, "GET") => GetAsync(http, baseUrl, rest[0]),
                (1, "PATCH") => RenewAsync(http, baseUrl, rest[0]),
                (1, "DELETE") => DeleteAsync(http, rest[0]),
                (2, "POST") when rest[1].Equals("reauthorize", StringComparison.OrdinalIgnoreCase) => ReauthorizeAsync(http, rest[0]),
                (> 1, _) => throw new GraphError(HttpStatusCode.NotFound, "ResourceNotFound", $"Resource not found for the segment '{rest[^1]}'."),
                _ => throw new GraphError(HttpStatusCode.MethodNotAllowed, "BadRequest", $"The HTTP method '{method}' is not allowed on this resource."),
            };
            await answer.ConfigureAwait(false);
        }
        catch (GraphError error)
        {
            await GraphAnswer.WriteErrorAsync(http, error, _subscriptions.Now, ids).ConfigureAwait(false);
        }
    }

    private static GraphError NotFound() => new(HttpStatusCode.NotFound, "ResourceNotFound", "The object was not found.");

    private static GraphError Invalid(string message) => new(HttpStatusCode.BadRequest, "InvalidRequest", message);

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) is { Length: > 0 } value ? value : throw Invalid($"{name} is a required property for subscription creation.");

    /// <summary>Graph accepts only HTTPS notification URLs; the sandbox also accepts plain HTTP to loopback.</summary>
    private static string CheckUrl(string url, string name)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw Invalid($"The {name} '{url}' must be an absolute HTTPS URL.");
        }

        return url;
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext http)
    {
        try
        {
            var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc : throw GraphError.NotAnObject();
        }
        catch (JsonException)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
    }

    private DateTimeOffset CheckExpiration(JsonElement root)
    {
        var text = RequiredString(root, "expirationDateTime");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiration))
        {
            throw Invalid($"Invalid value '{text}' for expirationDateTime.");
        }

        var now = _subscriptions.Now;
        if (expiration <= now)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ExtensionError", "Subscription expiration must be in the future.");
        }

        var max = _subscriptions.Options.MaxExpiration;
        if (expiration > now + max)
        {
            throw new GraphError(
                HttpStatusCode.BadRequest,
                "ExtensionError",
                string.Create(CultureInfo.InvariantCulture, $"Subscription expiration can only be {(int)max.TotalMinutes} minutes in the future."));
        }

        return expiration;
    }

    private async Task CreateAsync(HttpContext http, string baseUrl)
    {
        using var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var root = body.RootElement;
        var changeType = RequiredString(root, "changeType");
        foreach (var type in changeType.Split(','))
        {
            if (!ChangeTypes.Contains(type.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                throw Invalid($"'{type}' is not a valid changeType; use created, updated or deleted, comma-separated.");
            }
        }

        var notificationUrl = CheckUrl(RequiredString(root, "notificationUrl"), "notificationUrl");
        var lifecycleUrl = OptionalString(root, "lifecycleNotificationUrl") is { } l ? CheckUrl(l, "lifecycleNotificationUrl") : null;
        var resource = RequiredString(root, "resource");
        var expiration = CheckExpiration(root);
        var clientState = OptionalString(root, "clientState");
        if (clientState?.Length > MaxClientStateLength)
        {
            throw Invalid($"clientState can be at most {MaxClientStateLength} characters.");
        }

        if (root.TryGetProperty("includeResourceData", out var rich) && rich.ValueKind == JsonValueKind.True)
        {
            throw Invalid("The sandbox sends notifications without resource data only; includeResourceData must be false.");
        }

        var target = SubscriptionTarget.Parse(resource, _subscriptions.Directory);
        await ValidateAsync(notificationUrl).ConfigureAwait(false);
        if (lifecycleUrl is not null)
        {
            await ValidateAsync(lifecycleUrl).ConfigureAwait(false);
        }

        var creatorId = _subscriptions.Directory.Me?.User.Id ?? SandboxSubscriptions.ApplicationId;
        var subscription = _subscriptions.Add(
            new SandboxSubscription(Guid.NewGuid().ToString(), resource, changeType, notificationUrl, lifecycleUrl, clientState, expiration, creatorId),
            target);
        await GraphAnswer.WriteJsonAsync(http, 201, w => NotificationJson.WriteSubscription(
            w, subscription, SandboxSubscriptions.ApplicationId, $"{baseUrl}/$metadata#subscriptions/$entity")).ConfigureAwait(false);
    }

    private Task ListAsync(HttpContext http, string baseUrl)
    {
        var active = _subscriptions.Active;
        return GraphAnswer.WriteJsonAsync(http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{baseUrl}/$metadata#subscriptions");
            w.WriteStartArray("value");
            foreach (var subscription in active)
            {
                NotificationJson.WriteSubscription(w, subscription, SandboxSubscriptions.ApplicationId, null);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private Task GetAsync(HttpContext http, string baseUrl, string id)
    {
        var subscription = _subscriptions.Find(id) ?? throw NotFound();
        return GraphAnswer.WriteJsonAsync(http, 200, w => NotificationJson.WriteSubscription(
            w, subscription, SandboxSubscriptions.ApplicationId, $"{baseUrl}/$metadata#subscriptions/$entity"));
    }

    private async Task RenewAsync(HttpContext http, string baseUrl, string id)
    {
        var current = _subscriptions.Find(id) ?? throw NotFound();
        using var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var root = body.RootElement;
        if (OptionalString(root, "lifecycleNotificationUrl") is { } lifecycle && lifecycle != current.LifecycleNotificationUrl)
        {
            throw Invalid("lifecycleNotificationUrl can only be set when the subscription is created.");
        }

        var expiration = root.TryGetProperty("expirationDateTime", out _) ? CheckExpiration(root) : current.ExpirationDateTime;
        var notificationUrl = OptionalString(root, "notificationUrl") is { } url ? CheckUrl(url, "notificationUrl") : current.NotificationUrl;
        if (notificationUrl != current.NotificationUrl)
        {
            await ValidateAsync(notificationUrl).ConfigureAwait(false);
        }

        var renewed = _subscriptions.Update(id, s => s with { ExpirationDateTime = expiration, NotificationUrl = notificationUrl })
            ?? throw NotFound();
        await GraphAnswer.WriteJsonAsync(http, 200, w => NotificationJson.WriteSubscription(
            w, renewed, SandboxSubscriptions.ApplicationId, $"{baseUrl}/$metadata#subscriptions/$entity")).ConfigureAwait(false);
    }

    /// <summary><c>POST /subscriptions/{id}/reauthorize</c>: answers a reauthorizationRequired without extending the expiry.</summary>
    private Task ReauthorizeAsync(HttpContext http, string id)
    {
        _ = _subscriptions.Find(id) ?? throw NotFound();
        _subscriptions.CountReauthorization();
        http.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task DeleteAsync(HttpContext http, string id)
    {
        if (!_subscriptions.Remove(id))
        {
            throw NotFound();
        }

        http.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Graph's handshake: POST {url}?validationToken={token} (text/plain); the app must answer 200 with the token as the
    /// text/plain body within <see cref="SandboxNotificationOptions.ValidationTimeout"/>, or the create fails with 400.
    /// </summary>
    private async Task ValidateAsync(string url)
    {
        _subscriptions.CountValidation();
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var uri = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "validationToken=" + Uri.EscapeDataString(token);
        using var timeout = new CancellationTokenSource(_subscriptions.Options.ValidationTimeout);
        try
        {
            using var content = new StringContent(string.Empty, Encoding.UTF8, "text/plain");
            using var response = await _subscriptions.Http.PostAsync(uri, content, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw ValidationFailed("Notification endpoint must respond with 200 OK to validation request.");
            }

            var echoed = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!string.Equals(response.Content.Headers.ContentType?.MediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
            {
                throw ValidationFailed("Response to the validation request must have Content-Type text/plain.");
            }

            if (!string.Equals(echoed, token, StringComparison.Ordinal))
            {
                throw ValidationFailed("Response must exactly match validationToken query parameter.");
            }
        }
        catch (OperationCanceledException)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ValidationError", "Subscription validation request timed out.");
        }
        catch (HttpRequestException)
        {
            throw ValidationFailed("Notification endpoint must respond with 200 OK to validation request.");
        }

        static GraphError ValidationFailed(string why) =>
            new(HttpStatusCode.BadRequest, "ValidationError", $"Subscription validation request failed. {why}");
    }
}
