using System.Net;
using System.Net.Http.Headers;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace OfficeFollowUp.Mailbox;

public enum GraphOutcome
{
    /// <summary>Throttled, a server hiccup or the network: try again later, keep the cursor.</summary>
    RetryLater,

    /// <summary>The delta cursor is gone (410, syncStateNotFound, resyncRequired): one fresh round.</summary>
    CursorExpired,

    /// <summary>401/403: the person must sign in again; stop calling this mailbox until they do.</summary>
    ReconnectNeeded,

    /// <summary>The request itself was refused (400, 404 on an item): skip it, count it, go on.</summary>
    ItemSkipped,
}

public sealed record GraphFailure(GraphOutcome Outcome, string Code, int? Status, TimeSpan? RetryAfter);

/// <summary>The one place that turns what Graph (or the wire) threw into an outcome the sync and outbox act on.</summary>
public static partial class GraphFailures
{
    public static GraphFailure Map(Exception exception, DateTimeOffset now)
    {
        switch (exception)
        {
            case AggregateException aggregate when RetriesExhaustedStatus(aggregate) is { } exhausted:
                // The SDK's retry handler gave up on 429/503/504: still "later", with our own backoff.
                return FromStatus((int)exhausted, null, null);
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                return Map(aggregate.InnerExceptions[^1], now);
            case ODataError odata:
                return FromStatus(odata.ResponseStatusCode, odata.Error?.Code, RetryAfterOf(odata.ResponseHeaders, now));
            case ApiException api:
                return FromStatus(api.ResponseStatusCode, null, RetryAfterOf(api.ResponseHeaders, now));
            case HttpRequestException { StatusCode: { } status }:
                return FromStatus((int)status, null, null);
            case HttpRequestException:
                return new GraphFailure(GraphOutcome.RetryLater, "transport", null, null);
            case TaskCanceledException or TimeoutException:
                return new GraphFailure(GraphOutcome.RetryLater, "timeout", null, null);
            case IOException:
                return new GraphFailure(GraphOutcome.RetryLater, "transport", null, null);
            case Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException:
                // Entra's AADSTS number says why (700027: unknown certificate, 65001: no consent, …); it names
                // no person and no secret, so it is the code the log and the Health view show.
                return new GraphFailure(GraphOutcome.ReconnectNeeded, EntraErrorCode(exception) ?? "authentication", null, null);
            default:
                return new GraphFailure(GraphOutcome.RetryLater, exception.GetType().Name, null, null);
        }
    }

    private static string? EntraErrorCode(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (EntraCode().Match(e.Message) is { Success: true } match)
            {
                return match.Value;
            }
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bAADSTS\d{4,7}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EntraCode();

    /// <summary>Graph answered 404: the thing (a subscription Graph removed or let expire) is gone.</summary>
    public static bool IsNotFound(Exception exception, DateTimeOffset now) =>
        IsGraphOrTransport(exception) && Map(exception, now).Status == (int)HttpStatusCode.NotFound;

    public static bool IsGraphOrTransport(Exception exception) =>
        exception is AggregateException aggregate
            ? RetriesExhaustedStatus(aggregate) is not null || (aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsGraphOrTransport)) :
        exception is ApiException or HttpRequestException or IOException or TimeoutException
            or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException
            || (exception is TaskCanceledException tce && !tce.CancellationToken.IsCancellationRequested);

    /// <summary>
    /// Kiota's RetryHandler, once out of retries, throws an AggregateException of plain exceptions whose
    /// messages read "HTTP request failed with status code: ServiceUnavailable..." — the status is only there.
    /// </summary>
    private static HttpStatusCode? RetriesExhaustedStatus(AggregateException aggregate)
    {
        if (!aggregate.Message.StartsWith("Too many retries performed", StringComparison.Ordinal) || aggregate.InnerExceptions.Count == 0)
        {
            return null;
        }

        var match = RetryStatus().Match(aggregate.InnerExceptions[^1].Message);
        return match.Success && Enum.TryParse<HttpStatusCode>(match.Groups[1].Value, out var status) ? status : HttpStatusCode.ServiceUnavailable;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"status code: (\w+)")]
    private static partial System.Text.RegularExpressions.Regex RetryStatus();

    private static GraphFailure FromStatus(int status, string? code, TimeSpan? retryAfter)
    {
        var errorCode = string.IsNullOrEmpty(code) ? $"http{status}" : code;
        if (string.Equals(code, "syncStateNotFound", StringComparison.OrdinalIgnoreCase)
            || string.Equals(code, "resyncRequired", StringComparison.OrdinalIgnoreCase)
            || string.Equals(code, "syncStateInvalid", StringComparison.OrdinalIgnoreCase)
            || status == (int)HttpStatusCode.Gone)
        {
            return new GraphFailure(GraphOutcome.CursorExpired, errorCode, status, null);
        }

        return status switch
        {
            401 or 403 => new GraphFailure(GraphOutcome.ReconnectNeeded, errorCode, status, null),
            408 or 429 or >= 500 => new GraphFailure(GraphOutcome.RetryLater, errorCode, status, retryAfter),
            _ => new GraphFailure(GraphOutcome.ItemSkipped, errorCode, status, null),
        };
    }

    private static TimeSpan? RetryAfterOf(IDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Date is { } date
            ? date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }
}
