using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebApplication = Microsoft.AspNetCore.Builder.WebApplication;

namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>How the receiver answers Graph's validation request.</summary>
public enum ValidationAnswer
{
    Echo,
    WrongEcho,
    ServerError,
    EchoAsJson,
    TooSlow,
}

/// <summary>
/// The app's side of change notifications on loopback, as a real HTTP endpoint: answers the validation handshake
/// (as told), records every notification POST to <see cref="NotificationUrl"/> and <see cref="LifecycleUrl"/>, and can
/// fail or stall notifications to show what Graph does then.
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _notifications = new();
    private readonly ConcurrentQueue<JsonElement> _lifecycle = new();
    private readonly ConcurrentQueue<string> _validationTokens = new();
    private int _failNext;
    private int _attempts;

    private NotificationReceiver(WebApplication app, string root)
    {
        _app = app;
        NotificationUrl = root + "/notify";
        LifecycleUrl = root + "/lifecycle";
    }

    public string NotificationUrl { get; }

    public string LifecycleUrl { get; }

    public ValidationAnswer Validation { get; set; } = ValidationAnswer.Echo;

    /// <summary>Answers every change notification (not lifecycle ones) with 500 while true.</summary>
    public bool AlwaysFail { get; set; }

    /// <summary>Waits this long (wall clock) before answering a notification.</summary>
    public TimeSpan NotificationDelay { get; set; }

    /// <summary>The change notifications received, each one item of a POST's value array, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Notifications => [.. _notifications];

    public IReadOnlyList<JsonElement> Lifecycle => [.. _lifecycle];

    public IReadOnlyList<string> ValidationTokens => [.. _validationTokens];

    /// <summary>The raw bodies of every notification POST (both URLs), for conformance checks.</summary>
    public ConcurrentQueue<JsonElement> Bodies { get; } = new();

    /// <summary>Every change-notification POST received, answered or failed.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Answers the next <paramref name="count"/> change notifications with 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        NotificationReceiver? receiver = null;
        app.Run(http => receiver!.HandleAsync(http));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        receiver = new NotificationReceiver(app, $"http://127.0.0.1:{address.Port}");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (http.Request.Query.TryGetValue("validationToken", out var token))
        {
            _validationTokens.Enqueue(token.ToString());
            switch (Validation)
            {
                case ValidationAnswer.ServerError:
                    http.Response.StatusCode = 500;
                    return;
                case ValidationAnswer.TooSlow:
                    await Task.Delay(TimeSpan.FromSeconds(3), http.RequestAborted);
                    break;
            }

            http.Response.StatusCode = 200;
            http.Response.ContentType = Validation == ValidationAnswer.EchoAsJson ? "application/json" : "text/plain; charset=utf-8";
            await http.Response.WriteAsync(Validation == ValidationAnswer.WrongEcho ? token + "x" : token.ToString());
            return;
        }

        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        if (NotificationDelay > TimeSpan.Zero)
        {
            await Task.Delay(NotificationDelay);
        }

        var lifecycle = http.Request.Path.Value == "/lifecycle";
        if (!lifecycle)
        {
            Interlocked.Increment(ref _attempts);
        }

        if (!lifecycle && (AlwaysFail || Interlocked.Decrement(ref _failNext) >= 0))
        {
            http.Response.StatusCode = 500;
            return;
        }

        var root = body.RootElement.Clone();
        Bodies.Enqueue(root);
        var target = lifecycle ? _lifecycle : _notifications;
        foreach (var item in root.GetProperty("value").EnumerateArray())
        {
            target.Enqueue(item);
        }

        http.Response.StatusCode = 202;
    }
}
