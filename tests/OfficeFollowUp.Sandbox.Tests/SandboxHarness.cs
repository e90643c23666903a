using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>A sandbox server on loopback plus the real Graph SDK (with its default handlers) pointed at it.</summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public const string ImmutableId = "IdType=\"ImmutableId\"";

    private SandboxHarness(SandboxMailbox mailbox, SandboxServer server, FakeTimeProvider time)
    {
        Mailbox = mailbox;
        Server = server;
        Time = time;
        SdkHttp = GraphClientFactory.Create();
        Graph = new GraphServiceClient(SdkHttp, new AnonymousAuthenticationProvider(), server.BaseUrl.ToString());
        Raw = new HttpClient();
    }

    public SandboxMailbox Mailbox { get; }

    public SandboxServer Server { get; }

    public FakeTimeProvider Time { get; }

    public GraphServiceClient Graph { get; }

    public HttpClient SdkHttp { get; }

    /// <summary>A plain client for checking raw JSON, headers and status codes.</summary>
    public HttpClient Raw { get; }

    public string Url(string relative) => Server.BaseUrl + relative;

    public static async Task<SandboxHarness> StartAsync(Func<TimeProvider, SandboxMailbox>? create = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 20, 0, 0, TimeSpan.Zero));
        var mailbox = (create ?? SandboxMailbox.WithSampleData)(time);
        var server = await SandboxServer.StartAsync(mailbox);
        return new SandboxHarness(mailbox, server, time);
    }

    public static void Prefer<T>(RequestConfiguration<T> config, int? maxPageSize = null)
        where T : class, new()
    {
        config.Headers.Add("Prefer", ImmutableId);
        if (maxPageSize is { } size)
        {
            config.Headers.Add("Prefer", $"odata.maxpagesize={size}");
        }
    }

    /// <summary>A round with nothing new since the last: no items, one request to the delta route, and a new delta link.</summary>
    public void AssertIdleRound<T>(string route, string previousLink, IEnumerable<T> items, string deltaLink)
    {
        Assert.Empty(items);
        Assert.Equal(1, Mailbox.Requests.Total);
        Assert.Equal(1, Mailbox.Requests.Count(route));
        Assert.NotEqual(previousLink, deltaLink, StringComparer.Ordinal);
    }

    /// <summary>
    /// Follows a delta round through the SDK: <paramref name="fetch"/> with null asks for the first page (or, given
    /// <paramref name="link"/>, follows it), then follows each nextLink. Every page but the last has a nextLink and no
    /// deltaLink; the last has a deltaLink.
    /// </summary>
    public static async Task<(List<T> Items, string DeltaLink, int Pages)> FollowRoundAsync<TPage, T>(
        Func<string?, Task<TPage?>> fetch, Func<TPage, List<T>?> valueOf, string? link = null)
        where TPage : BaseDeltaFunctionResponse
    {
        var items = new List<T>();
        var pages = 0;
        var page = await fetch(link);
        while (true)
        {
            pages++;
            Assert.NotNull(page);
            items.AddRange(valueOf(page) ?? []);
            if (page.OdataNextLink is null)
            {
                Assert.NotNull(page.OdataDeltaLink);
                return (items, page.OdataDeltaLink, pages);
            }

            Assert.Null(page.OdataDeltaLink);
            page = await fetch(page.OdataNextLink);
        }
    }

    /// <summary>
    /// <see cref="SandboxFaults.ExpireNextDeltaRequest"/> in the middle of a round: following the first page's nextLink
    /// answers 410 once, and following it again answers the page.
    /// </summary>
    public async Task AssertNextDeltaRequestExpiresOnceAsync<TPage>(
        Func<string?, Task<TPage?>> fetch, Func<TPage, int> countOf, int expectedCount)
        where TPage : BaseDeltaFunctionResponse
    {
        var first = await fetch(null);
        Mailbox.Faults.ExpireNextDeltaRequest();

        var exception = await Assert.ThrowsAsync<ODataError>(() => fetch(first!.OdataNextLink!));
        var retry = await fetch(first!.OdataNextLink!);

        Assert.Equal(410, exception.ResponseStatusCode);
        Assert.Equal(expectedCount, countOf(retry!));
    }

    /// <summary>
    /// Follows a delta round over plain HTTP in pages of 1,000 (the large seeded mailboxes, where the SDK's models
    /// would cost more than the sandbox): each item's JSON to <paramref name="onItem"/>; the page count and deltaLink.
    /// </summary>
    public async Task<(int Pages, string DeltaLink)> FollowRawRoundAsync(string url, Action<JsonElement> onItem)
    {
        var pages = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Prefer", $"{ImmutableId}, odata.maxpagesize=1000");
            using var response = await Raw.SendAsync(request);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            pages++;
            foreach (var item in page.RootElement.GetProperty("value").EnumerateArray())
            {
                onItem(item);
            }

            if (page.RootElement.TryGetProperty("@odata.deltaLink", out var delta))
            {
                return (pages, delta.GetString()!);
            }

            url = page.RootElement.GetProperty("@odata.nextLink").GetString()!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Graph.Dispose();
        SdkHttp.Dispose();
        Raw.Dispose();
        await Server.DisposeAsync();
    }
}
