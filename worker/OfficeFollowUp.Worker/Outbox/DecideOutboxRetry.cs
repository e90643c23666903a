using System.Globalization;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Outbox;

/// <summary>
/// What the outbox does with an item after a failed try: when to try again, or stop and say why.
/// <paramref name="FirstFailedAt"/> is null while the item has not failed on its own account (a refused sign-in is the mailbox's).
/// </summary>
public sealed record OutboxRetryDecision(bool GiveUp, int FailedAttempts, DateTimeOffset? FirstFailedAt, DateTimeOffset NextAttemptAt, string? Reason);

/// <summary>
/// The outbox's retry rule, pure. A refused sign-in waits for the reconnect and spends no try. A request Graph refused
/// (400, 404 …) stops at once: trying the same request again cannot help. Anything else (throttling, 5xx, the network,
/// a timeout) is tried again after Retry-After or the doubling <see cref="RetryBackoff"/> (1 s … 15 min), until
/// <see cref="OutboxOptions.MaxAttempts"/> failed tries or, at a failure, <see cref="OutboxOptions.GiveUpAfter"/> since the first.
/// </summary>
public static class DecideOutboxRetry
{
    private static readonly TimeSpan WaitForReconnect = TimeSpan.FromMinutes(5);

    public static OutboxRetryDecision Run(GraphFailure failure, int failedAttempts, DateTimeOffset? firstFailedAt, DateTimeOffset now, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(options);
        var first = firstFailedAt ?? now;
        var attempts = failedAttempts + 1;
        switch (failure.Outcome)
        {
            case GraphOutcome.ReconnectNeeded:
                return new OutboxRetryDecision(false, failedAttempts, firstFailedAt, now + WaitForReconnect, null);
            case GraphOutcome.ItemSkipped:
                return new OutboxRetryDecision(true, attempts, first, now, DescribeRefusal(failure));
            case GraphOutcome.RetryLater:
            case GraphOutcome.CursorExpired:
                if (attempts >= options.MaxAttempts || now - first >= options.GiveUpAfter)
                {
                    return new OutboxRetryDecision(true, attempts, first, now, $"{Cause(failure)}; the worker tried {Times(attempts)} over {Span(now - first)} and stopped.");
                }

                var backoff = RetryBackoff.After(failedAttempts);
                var wait = failure.RetryAfter is { } retryAfter && retryAfter > backoff ? retryAfter : backoff;
                return new OutboxRetryDecision(false, attempts, first, now + wait, null);
            default:
                throw new InvalidOperationException($"Unhandled outcome {failure.Outcome}.");
        }
    }

    /// <summary>What the item was, in the words the pane and Health use.</summary>
    public static string What(OutboxKind kind) => kind switch
    {
        OutboxKind.ThankYouDraft => "thank-you draft",
        OutboxKind.BookMeetingHold => "one-to-one hold",
        OutboxKind.ReferralIntroDraft => "draft to the prospect",
        OutboxKind.ReferralCheckInDraft => "check-in draft",
        OutboxKind.CloseTheLoopDraft => "close-the-loop draft",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string DescribeRefusal(GraphFailure failure) =>
        failure.Status is { } status
            ? $"Outlook refused to make it ({failure.Code}, HTTP {status.ToString(CultureInfo.InvariantCulture)}); trying the same request again would not help."
            : $"Outlook refused to make it ({failure.Code}); trying the same request again would not help.";

    private static string Cause(GraphFailure failure) => failure switch
    {
        { Status: 429 } => "Outlook kept asking the worker to slow down (HTTP 429)",
        { Status: 503 } => "Outlook was unavailable (HTTP 503)",
        { Status: 504 } => "Outlook's gateway timed out (HTTP 504)",
        { Status: { } status and >= 500 } => $"Outlook had a server error (HTTP {status.ToString(CultureInfo.InvariantCulture)})",
        { Code: "transport" } => "The worker could not reach Outlook (the connection failed)",
        { Code: "timeout" } => "Outlook did not answer in time",
        _ => $"Preparing it kept failing ({failure.Code})",
    };

    private static string Times(int n) => n == 1 ? "once" : $"{n.ToString(CultureInfo.InvariantCulture)} times";

    private static string Span(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1) ? "under a minute"
        : span < TimeSpan.FromHours(1) ? Plural((int)span.TotalMinutes, "minute")
        : span < TimeSpan.FromDays(1) ? Plural((int)span.TotalHours, "hour")
        : Plural((int)span.TotalDays, "day");

    private static string Plural(int n, string unit) => $"{n.ToString(CultureInfo.InvariantCulture)} {unit}{(n == 1 ? string.Empty : "s")}";
}
