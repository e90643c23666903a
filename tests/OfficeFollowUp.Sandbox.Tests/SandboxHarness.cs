using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using OfficeFollowUp.Sandbox;

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

    public async ValueTask DisposeAsync()
    {
        Graph.Dispose();
        SdkHttp.Dispose();
        Raw.Dispose();
        await Server.DisposeAsync();
    }
}
