using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Notifications;

/// <summary>
/// Where Graph posts change and lifecycle notifications. Anonymous (Graph has no key of ours), so each item counts only
/// when its subscription is ours and its clientState matches the stored hash. A notification is a hint: it only wakes
/// the mailbox, whose next pass reads the changes by delta. Answers at once (Graph wants 202 within 3 s); the Graph
/// work a lifecycle event asks for (renew, recreate) is left to that pass.
/// </summary>
public static class NotificationEndpoints
{
    public const string RateLimit = "graph-notifications";
    private const int MaxItems = 1000;
    private const int MaxValidationToken = 2048;

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var limit = builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>()?.RequestsPerMinute
            ?? new NotificationOptions().RequestsPerMinute;
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter($"graph:{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        return builder;
    }

    public static WebApplication MapGraphNotifications(this WebApplication app)
    {
        app.MapPost("/api/graph/notifications", (HttpContext http, SubscriptionStore store, MailboxWakeups wakeups, ILoggerFactory logs, CancellationToken ct) =>
                ReceiveAsync(http, store, wakeups, logs.CreateLogger(typeof(NotificationEndpoints).FullName!), lifecycle: false, ct))
            .AllowAnonymous().RequireRateLimiting(RateLimit).DisableAntiforgery();
        app.MapPost("/api/graph/lifecycle", (HttpContext http, SubscriptionStore store, MailboxWakeups wakeups, ILoggerFactory logs, CancellationToken ct) =>
                ReceiveAsync(http, store, wakeups, logs.CreateLogger(typeof(NotificationEndpoints).FullName!), lifecycle: true, ct))
            .AllowAnonymous().RequireRateLimiting(RateLimit).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, SubscriptionStore store, MailboxWakeups wakeups, ILogger logger, bool lifecycle, CancellationToken ct)
    {
        // Graph's handshake when a subscription is made: echo the token as text/plain within 10 s.
        if (http.Request.Query.TryGetValue("validationToken", out var token))
        {
            return token.Count == 1 && token[0] is { Length: > 0 and <= MaxValidationToken } value
                ? TypedResults.Text(value, "text/plain", Encoding.UTF8, StatusCodes.Status200OK)
                : TypedResults.BadRequest();
        }

        var items = await ReadAsync(http.Request, ct);
        if (items is null)
        {
            return TypedResults.BadRequest();
        }

        var woken = new HashSet<string>(StringComparer.Ordinal);
        var ignored = 0;
        var known = new Dictionary<string, StoredSubscription?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!known.TryGetValue(item.SubscriptionId, out var subscription))
            {
                subscription = await store.FindAsync(item.SubscriptionId, ct);
                known[item.SubscriptionId] = subscription;
            }

            if (subscription is null || !ClientStateSecret.Matches(item.ClientState, subscription.ClientStateHash))
            {
                ignored++;
                continue;
            }

            if (lifecycle && item.LifecycleEvent is { } lifecycleEvent)
            {
                NotificationsTrace.Lifecycle(logger, lifecycleEvent, subscription.Kind);
                if (lifecycleEvent.Equals("reauthorizationRequired", StringComparison.OrdinalIgnoreCase))
                {
                    await store.MarkRenewDueAsync(subscription.SubscriptionId, ct);
                }
                else if (lifecycleEvent.Equals("subscriptionRemoved", StringComparison.OrdinalIgnoreCase))
                {
                    // Forgotten here, so the woken pass creates it again and then reads what changed meanwhile.
                    await store.DeleteAsync(subscription.SubscriptionId, ct);
                }

                // "missed" (and any other event): the woken pass's delta round reads what the lost notifications named.
            }

            woken.Add(subscription.MailboxId);
        }

        if (ignored > 0)
        {
            NotificationsTrace.Ignored(logger, ignored);
        }

        foreach (var mailboxId in woken)
        {
            wakeups.Wake(mailboxId);
        }

        return TypedResults.Accepted((string?)null);
    }

    private sealed record Item(string SubscriptionId, string? ClientState, string? LifecycleEvent);

    /// <summary>A changeNotificationCollection's items, or null when the body is not one.</summary>
    private static async Task<List<Item>?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array
                || value.GetArrayLength() > MaxItems)
            {
                return null;
            }

            var items = new List<Item>();
            foreach (var element in value.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object && Text(element, "subscriptionId") is { Length: > 0 and <= 200 } id)
                {
                    items.Add(new Item(id, Text(element, "clientState"), Text(element, "lifecycleEvent")));
                }
            }

            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
