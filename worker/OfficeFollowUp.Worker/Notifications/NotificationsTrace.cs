using Microsoft.Extensions.Logging;

namespace OfficeFollowUp.Notifications;

/// <summary>Change-notification milestones: kinds, counts and Graph's error codes only, never a person or a secret.</summary>
internal static partial class NotificationsTrace
{
    [LoggerMessage(1601, LogLevel.Information, "Change notifications on for the mailbox: {Kind} subscription created, expires {ExpiresAt:u}.")]
    public static partial void Created(ILogger logger, SubscriptionKind kind, DateTimeOffset expiresAt);

    [LoggerMessage(1602, LogLevel.Information, "{Kind} subscription renewed until {ExpiresAt:u}.")]
    public static partial void Renewed(ILogger logger, SubscriptionKind kind, DateTimeOffset expiresAt);

    [LoggerMessage(1603, LogLevel.Information, "{Kind} subscription was gone at Graph; creating a new one.")]
    public static partial void Gone(ILogger logger, SubscriptionKind kind);

    [LoggerMessage(1604, LogLevel.Information, "{Kind} subscription deleted: change notifications are off.")]
    public static partial void Deleted(ILogger logger, SubscriptionKind kind);

    [LoggerMessage(1605, LogLevel.Warning, "The {Kind} subscription could not be kept ({Code}); the mailbox is polled as usual until it can.")]
    public static partial void Failed(ILogger logger, SubscriptionKind kind, string code);

    [LoggerMessage(1606, LogLevel.Information, "Graph lifecycle event {LifecycleEvent} for a {Kind} subscription.")]
    public static partial void Lifecycle(ILogger logger, string lifecycleEvent, SubscriptionKind kind);

    [LoggerMessage(1607, LogLevel.Debug, "{Count} notification item(s) ignored: unknown subscription or wrong clientState.")]
    public static partial void Ignored(ILogger logger, int count);
}
