using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Api;
using OfficeFollowUp.Auth;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// A loop of wrong pairing keys: throttled per client address after a few failures, logged as one line
/// of counts per interval. Other client addresses are told apart on loopback by binding the client's
/// socket to 127.0.0.2 (Linux routes all of 127.0.0.0/8 to the loopback interface).
/// </summary>
public sealed class FailedSignInLimitTests : IAsyncLifetime
{
    private const int Limit = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private readonly LogCapture _logs = new();
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        // The levels the worker ships with (appsettings.json): Information for our own categories.
        _worker = await _world.StartWorkerAsync(b => b.Logging.AddProvider(_logs),
            "--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            $"--Api:FailedSignInLimit={Limit}", $"--Api:FailedSignInWindow={Window}", $"--Api:FailedSignInLogInterval={LogInterval}");
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task After_the_limit_of_wrong_keys_the_address_gets_429_with_retry_after_even_with_the_right_key_until_the_window_passes()
    {
        using var wrong = Client("127.0.0.1", "not-the-key");
        using var right = Client("127.0.0.1", _worker.Get<ApiKey>().Value);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 3; i++)
        {
            statuses.Add((await wrong.GetAsync(new Uri("/api/status", UriKind.Relative))).StatusCode);
        }
        var throttled = await right.GetAsync(new Uri("/api/status", UriKind.Relative));
        _world.Time.Advance(Window - TimeSpan.FromSeconds(1));
        var stillThrottled = await right.GetAsync(new Uri("/api/status", UriKind.Relative));
        _world.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await right.GetAsync(new Uri("/api/status", UriKind.Relative));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, Limit), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await JsonDocument.ParseAsync(await throttled.Content.ReadAsStreamAsync())).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(Window, throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillThrottled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), stillThrottled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Another_client_address_is_not_throttled_by_the_first_ones_failures()
    {
        var key = _worker.Get<ApiKey>().Value;
        using var attacker = Client("127.0.0.1", "not-the-key");
        using var neighbour = Client("127.0.0.2", key);
        using var attackersRightKey = Client("127.0.0.1", key);

        for (var i = 0; i < Limit + 1; i++)
        {
            await attacker.GetAsync(new Uri("/api/status", UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await attackersRightKey.GetAsync(new Uri("/api/status", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync(new Uri("/api/status", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Health_and_the_pane_stay_reachable_from_a_throttled_address()
    {
        using var attacker = Client("127.0.0.1", "not-the-key");
        for (var i = 0; i < Limit + 1; i++)
        {
            await attacker.GetAsync(new Uri("/api/status", UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync(new Uri("/auth-config.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_loop_of_wrong_keys_adds_one_summary_line_per_interval_not_one_per_failure_and_never_the_key()
    {
        const string guess = "guessed-key-0123456789";
        using var wrong = Client("127.0.0.1", guess);
        using var other = Client("127.0.0.2", guess + "-2");
        var before = _logs.Entries.Count;

        for (var i = 0; i < 60; i++)
        {
            await wrong.GetAsync(new Uri("/api/followups", UriKind.Relative));
        }
        await other.GetAsync(new Uri("/api/followups", UriKind.Relative));
        var duringTheLoop = _logs.Entries.Skip(before).ToList();
        _world.Time.Advance(LogInterval);
        var afterOneInterval = _logs.Entries.Skip(before).ToList();
        _world.Time.Advance(LogInterval);
        var afterAQuietInterval = _logs.Entries.Skip(before).ToList();

        Assert.Empty(duringTheLoop);
        var summary = Assert.Single(afterOneInterval);
        Assert.Equal(LogLevel.Warning, summary.Level);
        Assert.Contains(": 6 failed from 2 client address(es); 1 address(es) newly throttled; 55 request(s) answered 429", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(guess, summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0", summary.Text, StringComparison.Ordinal);
        Assert.Single(afterAQuietInterval);
    }

    [Theory]
    [InlineData("--Api:FailedSignInLimit=0", "Api:FailedSignInLimit")]
    [InlineData("--Api:FailedSignInWindow=00:00:00", "Api:FailedSignInWindow")]
    [InlineData("--Api:FailedSignInLogInterval=-00:01:00", "Api:FailedSignInLogInterval")]
    public async Task A_bad_limit_setting_stops_the_worker_naming_the_key(string setting, string key)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => _world.StartWorkerAsync(setting));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::9", "2001:db8:1:2::/64")]
    [InlineData("::1", "::1")]
    public void Clients_are_counted_per_ipv4_address_and_per_ipv6_64_prefix(string address, string partition)
    {
        Assert.Equal(partition, FailedSignInLimiter.PartitionOf(IPAddress.Parse(address)));
    }

    /// <summary>An HTTP client whose connections come from <paramref name="localAddress"/>.</summary>
    private HttpClient Client(string localAddress, string key)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = _worker.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
