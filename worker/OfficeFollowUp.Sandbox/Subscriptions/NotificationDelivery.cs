using System.Net.Http.Headers;
using System.Threading.Channels;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Sends notifications to the app in the background, one POST each, from a bounded queue: the mailbox change that
/// caused one only queues it (and a full queue drops it, as Graph drops what it cannot deliver), so a slow or dead
/// endpoint never slows the mailbox. A try fails on anything but 2xx within <see cref="SandboxNotificationOptions.ResponseTimeout"/>;
/// it is tried again after each of <see cref="SandboxNotificationOptions.RetryDelays"/> and then dropped.
/// </summary>
internal sealed class NotificationDelivery : IAsyncDisposable
{
    private readonly SandboxNotificationOptions _options;
    private readonly Channel<Delivery> _queue;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Action<Delivery> _onDropped;
    private int _pending;
    private int _queued;
    private int _delivered;
    private int _lifecycleDelivered;
    private int _failedAttempts;
    private int _dropped;
    private int _overflowed;

    public NotificationDelivery(SandboxNotificationOptions options, Action<Delivery> onDropped)
    {
        _options = options;
        _onDropped = onDropped;
        _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _loop = Task.Run(RunAsync);
    }

    public HttpClient Http => _http;

    public (int Delivered, int Lifecycle, int FailedAttempts, int Dropped, int Overflowed) Counts =>
        (Volatile.Read(ref _delivered), Volatile.Read(ref _lifecycleDelivered), Volatile.Read(ref _failedAttempts),
            Volatile.Read(ref _dropped), Volatile.Read(ref _overflowed));

    /// <summary>Queued, waiting to be retried or delayed, or being sent.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues a delivery; never blocks. False (and counted) when the queue is full.</summary>
    public bool Enqueue(Delivery delivery)
    {
        // Bounded by the options at the moment of writing, so a test can shrink the queue on a running server.
        if (Interlocked.Increment(ref _queued) > Math.Max(1, _options.QueueCapacity) || !_queue.Writer.TryWrite(delivery))
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _overflowed);
            return false;
        }

        Interlocked.Increment(ref _pending);
        return true;
    }

    /// <summary>Queues a delivery after a wall-clock wait (a delayed notification).</summary>
    public void EnqueueAfter(Delivery delivery, TimeSpan delay)
    {
        Interlocked.Increment(ref _pending);
        _ = Task.Delay(delay, _stop.Token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    Enqueue(delivery);
                }

                Interlocked.Decrement(ref _pending);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            Interlocked.Decrement(ref _queued);
            var accepted = await TrySendAsync(delivery).ConfigureAwait(false);
            if (accepted)
            {
                Interlocked.Increment(ref delivery.IsLifecycle ? ref _lifecycleDelivered : ref _delivered);
            }
            else
            {
                Interlocked.Increment(ref _failedAttempts);
                var delays = _options.RetryDelays;
                if (delivery.Attempt < delays.Count)
                {
                    EnqueueAfter(delivery with { Attempt = delivery.Attempt + 1 }, delays[delivery.Attempt]);
                }
                else
                {
                    Interlocked.Increment(ref _dropped);
                    _onDropped(delivery);
                }
            }

            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task<bool> TrySendAsync(Delivery delivery)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(_options.ResponseTimeout);
        try
        {
            using var content = new ByteArrayContent(delivery.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await _http.PostAsync(delivery.Url, content, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // Refused, reset or too slow: the app did not accept it.
            return false;
        }
    }
}

/// <summary>One POST to the app: the changeNotificationCollection to send, where, and which try this is (0 = first).</summary>
internal sealed record Delivery(Uri Url, byte[] Body, SandboxSubscription Subscription, bool IsLifecycle, int Attempt = 0);
