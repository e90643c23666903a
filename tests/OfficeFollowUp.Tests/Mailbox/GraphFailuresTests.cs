using System.Net.Sockets;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace OfficeFollowUp.Tests.Mailbox;

/// <summary>
/// Every failure sync and the outbox can meet, and what they do about it. Graph's answers go through
/// the real SDK (its default handlers, retry included, and its error parsing), with only the wire
/// replaced by a canned answer, so each row maps the exception the SDK really throws for it.
/// </summary>
public sealed class GraphFailuresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Why, Graph's status and error code (null: no body at all), and the outcome and code the failure carries.</summary>
    public static TheoryData<string, int, string?, GraphOutcome, string> GraphAnswers => new()
    {
        { "410 Gone is an expired delta cursor", 410, "resyncRequired", GraphOutcome.CursorExpired, "resyncRequired" },
        { "410 Gone without a body is an expired cursor too", 410, null, GraphOutcome.CursorExpired, "http410" },
        { "syncStateNotFound is an expired cursor whatever the status", 400, "syncStateNotFound", GraphOutcome.CursorExpired, "syncStateNotFound" },
        { "resyncRequired is an expired cursor", 400, "resyncRequired", GraphOutcome.CursorExpired, "resyncRequired" },
        { "syncStateInvalid is an expired cursor", 400, "syncStateInvalid", GraphOutcome.CursorExpired, "syncStateInvalid" },
        { "the cursor codes are matched in any case", 400, "SyncStateNotFound", GraphOutcome.CursorExpired, "SyncStateNotFound" },
        { "401 means the person must sign in again", 401, "InvalidAuthenticationToken", GraphOutcome.ReconnectNeeded, "InvalidAuthenticationToken" },
        { "401 without a body is the same", 401, null, GraphOutcome.ReconnectNeeded, "http401" },
        { "403 (consent withdrawn, mailbox access removed) means reconnect", 403, "ErrorAccessDenied", GraphOutcome.ReconnectNeeded, "ErrorAccessDenied" },
        { "403 without a body is the same", 403, null, GraphOutcome.ReconnectNeeded, "http403" },
        { "408 request timeout is tried again later", 408, "RequestTimeout", GraphOutcome.RetryLater, "RequestTimeout" },
        { "429 throttling is tried again later", 429, "ApplicationThrottled", GraphOutcome.RetryLater, "ApplicationThrottled" },
        { "503 is tried again later", 503, "ServiceNotAvailable", GraphOutcome.RetryLater, "ServiceNotAvailable" },
        { "504 without a body is tried again later", 504, null, GraphOutcome.RetryLater, "http504" },
        { "500 is tried again later", 500, "InternalServerError", GraphOutcome.RetryLater, "InternalServerError" },
        { "500 without a body is tried again later", 500, null, GraphOutcome.RetryLater, "http500" },
        { "502 from a gateway is tried again later", 502, null, GraphOutcome.RetryLater, "http502" },
        { "an unknown 5xx is tried again later", 599, null, GraphOutcome.RetryLater, "http599" },
        { "400 on one item skips that item", 400, "ErrorInvalidRecipients", GraphOutcome.ItemSkipped, "ErrorInvalidRecipients" },
        { "400 without a code skips the item", 400, null, GraphOutcome.ItemSkipped, "http400" },
        { "404 on an item skips it", 404, "ErrorItemNotFound", GraphOutcome.ItemSkipped, "ErrorItemNotFound" },
        { "409 conflict skips the item", 409, "ErrorIrresolvableConflict", GraphOutcome.ItemSkipped, "ErrorIrresolvableConflict" },
        { "413 too large skips the item", 413, "RequestEntityTooLarge", GraphOutcome.ItemSkipped, "RequestEntityTooLarge" },
        { "an empty code counts as none", 404, "", GraphOutcome.ItemSkipped, "http404" },
    };

    [Theory]
    [MemberData(nameof(GraphAnswers))]
    public async Task Each_graph_answer_maps_to_what_sync_and_the_outbox_do(string because, int status, string? code, GraphOutcome outcome, string expectedCode)
    {
        var thrown = await ThrownByGraphAsync(new CannedAnswer(status, code, RetryAfter: null), retries: false);

        var failure = GraphFailures.Map(thrown, Now);

        Assert.True(GraphFailures.IsGraphOrTransport(thrown), because);
        Assert.True(
            failure == new GraphFailure(outcome, expectedCode, status, null),
            $"{because}: got {failure} from {thrown.GetType().Name}");
    }

    /// <summary>Why, the status, the Retry-After header as Graph sent it, and the wait the failure carries (seconds; null: none).</summary>
    public static TheoryData<string, int, string?, int?> RetryAfters => new()
    {
        { "429 with Retry-After in seconds waits that long", 429, "120", 120 },
        { "503 with Retry-After in seconds waits that long", 503, "5", 5 },
        { "504 with Retry-After in seconds waits that long", 504, "30", 30 },
        { "Retry-After as an HTTP date waits until then", 429, "Wed, 25 Nov 2026 09:01:30 GMT", 90 },
        { "Retry-After as a date already past waits no longer", 429, "Wed, 25 Nov 2026 08:59:00 GMT", 0 },
        { "an unreadable Retry-After leaves the wait to our own backoff", 429, "soon", null },
        { "429 without Retry-After leaves the wait to our own backoff", 429, null, null },
        { "a 401 is never waited out: the person must reconnect", 401, "30", null },
        { "an expired cursor is never waited out", 410, "30", null },
        { "a refused item is never waited out", 400, "30", null },
    };

    [Theory]
    [MemberData(nameof(RetryAfters))]
    public async Task Retry_after_is_honoured_where_trying_again_helps(string because, int status, string? retryAfter, int? expectedSeconds)
    {
        // The outbox turns the SDK's own retry off for creates (DraftWriter), so the throttling answer reaches it whole.
        var thrown = await ThrownByGraphAsync(new CannedAnswer(status, "ApplicationThrottled", retryAfter), retries: false);

        var failure = GraphFailures.Map(thrown, Now);

        var expected = expectedSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        Assert.True(failure.RetryAfter == expected, $"{because}: expected {expected}, got {failure.RetryAfter} from {thrown.GetType().Name}");
    }

    /// <summary>Why, and the status the SDK's retry handler saw on every try before it gave up.</summary>
    public static TheoryData<string, int> ExhaustedRetries => new()
    {
        { "throttled on every try", 429 },
        { "service unavailable on every try", 503 },
        { "gateway timeout on every try", 504 },
    };

    [Theory]
    [MemberData(nameof(ExhaustedRetries))]
    public async Task The_sdk_giving_up_its_retries_is_tried_again_later_with_the_status_it_saw(string because, int status)
    {
        var answer = new CannedAnswer(status, "ApplicationThrottled", RetryAfter: "0");
        var thrown = await ThrownByGraphAsync(answer, retries: true);

        var failure = GraphFailures.Map(thrown, Now);

        Assert.True(answer.Requests > 1, $"{because}: the SDK should have retried");
        Assert.IsType<AggregateException>(thrown);
        Assert.True(GraphFailures.IsGraphOrTransport(thrown), because);
        // The handler's exception keeps only the status in its message: no Retry-After, our own backoff decides.
        Assert.True(
            failure == new GraphFailure(GraphOutcome.RetryLater, $"http{status}", status, null),
            $"{because}: got {failure}");
    }

    /// <summary>Why, the exception (by name, see <see cref="Thrown"/>), whether it is a Graph or wire failure at all, and its outcome and code.</summary>
    public static TheoryData<string, string, bool, GraphOutcome, string, int?> OtherFailures => new()
    {
        { "a refused connection is the network: later", "connection refused", true, GraphOutcome.RetryLater, "transport", null },
        { "an HTTP failure with a status maps by the status", "HttpRequestException 503", true, GraphOutcome.RetryLater, "http503", 503 },
        { "an HTTP 401 without Graph's body still means reconnect", "HttpRequestException 401", true, GraphOutcome.ReconnectNeeded, "http401", 401 },
        { "HttpClient's timeout is a timeout: later", "HttpClient timeout", true, GraphOutcome.RetryLater, "timeout", null },
        { "a timeout is a timeout: later", "TimeoutException", true, GraphOutcome.RetryLater, "timeout", null },
        { "a connection cut mid-answer is the network: later", "IOException", true, GraphOutcome.RetryLater, "transport", null },
        { "Entra's refusal names its AADSTS code", "AuthenticationFailedException AADSTS700016", true, GraphOutcome.ReconnectNeeded, "AADSTS700016", null },
        { "the AADSTS code is found in an inner exception", "AuthenticationFailedException inner AADSTS65001", true, GraphOutcome.ReconnectNeeded, "AADSTS65001", null },
        { "a sign-in failure without a code says authentication", "AuthenticationFailedException", true, GraphOutcome.ReconnectNeeded, "authentication", null },
        { "no usable credential means reconnect", "CredentialUnavailableException", true, GraphOutcome.ReconnectNeeded, "authentication", null },
        { "of several failures together the last one counts", "AggregateException IOException then 401", true, GraphOutcome.ReconnectNeeded, "http401", 401 },
        { "an empty aggregate is no Graph failure", "AggregateException empty", false, GraphOutcome.RetryLater, "AggregateException", null },
        { "an aggregate holding a bug is no Graph failure", "AggregateException holding a bug", false, GraphOutcome.RetryLater, "InvalidOperationException", null },
        { "our own bug is no Graph failure (if mapped, later, named by type)", "InvalidOperationException", false, GraphOutcome.RetryLater, "InvalidOperationException", null },
        { "a cancellation we asked for is no Graph failure", "cancelled by us", false, GraphOutcome.RetryLater, "timeout", null },
    };

    [Theory]
    [MemberData(nameof(OtherFailures))]
    public void Wire_sign_in_and_other_failures_map_too(string because, string exception, bool isGraphOrTransport, GraphOutcome outcome, string code, int? status)
    {
        var thrown = Thrown[exception]();

        var failure = GraphFailures.Map(thrown, Now);

        Assert.True(GraphFailures.IsGraphOrTransport(thrown) == isGraphOrTransport, $"{because}: IsGraphOrTransport should be {isGraphOrTransport}");
        Assert.True(failure == new GraphFailure(outcome, code, status, null), $"{because}: got {failure}");
    }

    private static readonly Dictionary<string, Func<Exception>> Thrown = new(StringComparer.Ordinal)
    {
        ["connection refused"] = () => new HttpRequestException("Connection refused (graph.microsoft.com:443)", new SocketException((int)SocketError.ConnectionRefused)),
        ["HttpRequestException 503"] = () => new HttpRequestException("Service Unavailable", null, HttpStatusCode.ServiceUnavailable),
        ["HttpRequestException 401"] = () => new HttpRequestException("Unauthorized", null, HttpStatusCode.Unauthorized),
        ["HttpClient timeout"] = () => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()),
        ["TimeoutException"] = () => new TimeoutException(),
        ["IOException"] = () => new IOException("Unable to read data from the transport connection: Connection reset by peer."),
        ["AuthenticationFailedException AADSTS700016"] = () => new AuthenticationFailedException("AADSTS700016: Application with identifier 'x' was not found in the directory."),
        ["AuthenticationFailedException inner AADSTS65001"] = () => new AuthenticationFailedException(
            "ClientCertificateCredential authentication failed.", new InvalidOperationException("AADSTS65001: The user or administrator has not consented to use the application.")),
        ["AuthenticationFailedException"] = () => new AuthenticationFailedException("DeviceCodeCredential authentication failed: the device code expired."),
        ["CredentialUnavailableException"] = () => new CredentialUnavailableException("No token cache and no device to sign in on."),
        ["AggregateException IOException then 401"] = () => new AggregateException(
            new IOException("reset"), new ODataError { ResponseStatusCode = 401, Error = new MainError { Code = "" } }),
        ["AggregateException empty"] = () => new AggregateException(),
        ["AggregateException holding a bug"] = () => new AggregateException(new IOException("reset"), new InvalidOperationException("bug")),
        ["InvalidOperationException"] = () => new InvalidOperationException("Sequence contains no elements"),
        ["cancelled by us"] = () => new TaskCanceledException("A task was canceled.", null, new CancellationToken(canceled: true)),
    };

    [Fact]
    public void Every_named_exception_has_a_row()
    {
        Assert.Equal(Thrown.Keys.Order(StringComparer.Ordinal), OtherFailures.Select(row => (string)row[1]).Order(StringComparer.Ordinal));
    }

    /// <summary>What the wire answers, every time it is asked.</summary>
    private sealed record CannedAnswer(int Status, string? Code, string? RetryAfter)
    {
        private int _requests;

        public int Requests => _requests;

        public HttpResponseMessage Answer(HttpRequestMessage request)
        {
            Interlocked.Increment(ref _requests);
            var response = new HttpResponseMessage((HttpStatusCode)Status) { RequestMessage = request };
            if (Code is not null)
            {
                var body = """{"error":{"code":"CODE","message":"Canned answer.","innerError":{"request-id":"r1"}}}""".Replace("CODE", Code, StringComparison.Ordinal);
                response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            if (RetryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
            }
            return response;
        }
    }

    private sealed class Wire(CannedAnswer answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer.Answer(request));
    }

    /// <summary>A read through the SDK's default pipeline (as the worker builds it), answered by <paramref name="answer"/>.</summary>
    private static async Task<Exception> ThrownByGraphAsync(CannedAnswer answer, bool retries)
    {
        using var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: new Wire(answer));
        using var client = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), "http://localhost/v1.0");
        var retry = retries ? new RetryHandlerOption { MaxRetry = 2, Delay = 0 } : new RetryHandlerOption { MaxRetry = 0 };

        var thrown = await Record.ExceptionAsync(() => client.Me.Messages.GetAsync(r => r.Options.Add(retry)));

        Assert.NotNull(thrown);
        Assert.True(thrown is ApiException or AggregateException, $"unexpected {thrown.GetType().Name}: {thrown.Message}");
        return thrown;
    }
}
