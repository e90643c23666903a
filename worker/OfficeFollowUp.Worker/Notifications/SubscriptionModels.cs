namespace OfficeFollowUp.Notifications;

/// <summary>What a subscription watches in a mailbox.</summary>
public enum SubscriptionKind
{
    /// <summary>All contacts of the mailbox (Graph: <c>/users/{id}/contacts</c>, every contact folder).</summary>
    Contacts,

    /// <summary>All events of the mailbox's calendars (Graph: <c>/users/{id}/events</c>).</summary>
    Events,
}

/// <param name="ClientStateHash">SHA-256 (hex) of the clientState secret sent at creation; the secret itself is not kept.</param>
/// <param name="RenewDue">Graph sent reauthorizationRequired: renew at the next pass whatever the expiry.</param>
public sealed record StoredSubscription(
    string MailboxId,
    SubscriptionKind Kind,
    string SubscriptionId,
    string Resource,
    string ClientStateHash,
    DateTimeOffset ExpiresAt,
    bool RenewDue,
    DateTimeOffset CreatedAt);

/// <summary>Why a pass could not keep a mailbox's subscriptions.</summary>
/// <param name="Code">Graph's error code ("ValidationError", "http503", "transport").</param>
/// <param name="Message">Graph's own words for it ("Subscription validation request failed. …"), when it gave any.</param>
public sealed record SubscriptionFailure(string Code, string? Message, DateTimeOffset At);

/// <summary>One step the pass takes to keep a mailbox's subscriptions healthy.</summary>
public abstract record SubscriptionStep(SubscriptionKind Kind)
{
    /// <summary>None stored for the kind: create one.</summary>
    public sealed record Create(SubscriptionKind Kind) : SubscriptionStep(Kind);

    /// <summary>Stored and live, but due (inside the renewal lead, or Graph asked): PATCH its expirationDateTime.</summary>
    public sealed record Renew(SubscriptionKind Kind, string SubscriptionId, DateTimeOffset NewExpiry) : SubscriptionStep(Kind);

    /// <summary>Stored but already expired (the worker was off too long) or for another resource: forget it and create a new one.</summary>
    public sealed record Recreate(SubscriptionKind Kind, string OldSubscriptionId) : SubscriptionStep(Kind);

    /// <summary>Stored but no longer wanted (notifications turned off): delete it at Graph and here.</summary>
    public sealed record Delete(SubscriptionKind Kind, string SubscriptionId) : SubscriptionStep(Kind);
}
