namespace OfficeFollowUp.Sandbox;

/// <summary>A subscription as the sandbox holds it (what <c>GET /subscriptions/{id}</c> shows).</summary>
public sealed record SandboxSubscription(
    string Id,
    string Resource,
    string ChangeType,
    string NotificationUrl,
    string? LifecycleNotificationUrl,
    string? ClientState,
    DateTimeOffset ExpirationDateTime,
    string CreatorId);

/// <summary>The lifecycle events Graph sends to a subscription's lifecycleNotificationUrl.</summary>
public enum SandboxLifecycleEvent
{
    /// <summary>Renew or reauthorize the subscription or it stops; the sandbox also sends it ahead of expiry.</summary>
    ReauthorizationRequired,

    /// <summary>Graph removed the subscription: create it again and resync.</summary>
    SubscriptionRemoved,

    /// <summary>Some change notifications could not be delivered: resync.</summary>
    Missed,
}

/// <summary>
/// Limits and timings of the sandbox's change notifications. Durations are wall-clock (HTTP to the app) except
/// <see cref="MaxExpiration"/> and <see cref="ReauthorizationLead"/>, which are on the mailbox's clock.
/// </summary>
public sealed class SandboxNotificationOptions
{
    /// <summary>Outlook resources (contacts, events, messages): under 7 days, 10,080 minutes.</summary>
    public TimeSpan MaxExpiration { get; set; } = TimeSpan.FromMinutes(10080);

    /// <summary>How long the app has to answer the validation request (Graph: 10 s).</summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the app has to answer a notification (Graph asks for 3 s) before the try counts as failed.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Waits before each new try of a notification the app did not accept (no 2xx, or too slow). After the last, the
    /// notification is dropped and, when the subscription has a lifecycleNotificationUrl, a <c>missed</c> lifecycle
    /// notification is sent. Graph retries with back-off for up to four hours; the sandbox keeps it short.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];

    /// <summary>A <c>reauthorizationRequired</c> lifecycle notification is sent this long before a subscription expires.</summary>
    public TimeSpan ReauthorizationLead { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Notifications waiting to be sent at most; more are dropped (and counted as overflowed), never blocking the mailbox.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}

/// <summary>What happened to change and lifecycle notifications so far.</summary>
public sealed record SandboxNotificationCounts(
    int Delivered,
    int LifecycleDelivered,
    int FailedAttempts,
    int Dropped,
    int Lost,
    int Duplicated,
    int Delayed,
    int Overflowed,
    int ValidationRequests);
