using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OfficeFollowUp.Hosting;
using OfficeFollowUp.Sandbox;
using OfficeFollowUp.Sync;
using OfficeFollowUp.Testing;

// Initial sync against the sandbox mailbox at several sizes, over the real Graph SDK on loopback
// and the real SQLite file: contacts, then calendar events. Prints two tables; medians of the runs.
//   dotnet run -c Release --project benchmarks/OfficeFollowUp.Benchmarks -- [contacts=10000,50000] [runs=3] [events=20000] [rates=50,200]
// The outbox under a burst of new acquaintances (Graph requests per acquaintance, drafts per second):
//   dotnet run -c Release --project benchmarks/OfficeFollowUp.Benchmarks -- outbox [new contacts=500] [runs=3] [sandbox latency ms=0,50]
if (args.Length > 0 && args[0] == "cluster")
{
    // A team: dotnet run -c Release --project benchmarks/OfficeFollowUp.Benchmarks -- cluster [mailboxes=1000] [contacts=200] [idle seconds=120] [latency samples=50]
    await ClusterBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200,
        TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 120),
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 50);
    return;
}

if (args.Length > 0 && args[0] == "api")
{
    // GET /api/followups alone: dotnet run -c Release --project benchmarks/OfficeFollowUp.Benchmarks -- api [runs=3] [rates=50,100,200] [revalidations %=90]
    await ApiLatency.RunAsync(
        (args.Length > 2 ? args[2] : "50,100,200").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 90);
    return;
}

if (args.Length > 0 && args[0] == "outbox")
{
    await OutboxThroughput.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3,
        (args.Length > 3 ? args[3] : "0,50").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray());
    return;
}

var sizes = (args.Length > 0 ? args[0] : "10000,50000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var eventSizes = (args.Length > 2 ? args[2] : "20000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var rates = (args.Length > 3 ? args[3] : "50,200").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

Console.WriteLine($"OfficeFollowUp contact sync benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} run(s) per size, page size 100");
Console.WriteLine();
Console.WriteLine("| contacts | initial sync (median) | contacts/s | Graph requests (sync) | managed alloc | worker RSS growth (peak) | contacts requests per idle poll | incremental round, 10 new contacts |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");

foreach (var size in sizes)
{
    var results = new List<RunResult>();
    for (var run = 0; run < runs; run++)
    {
        results.Add(await MeasureAsync(size));
    }

    var median = results.OrderBy(r => r.Initial).ElementAt(results.Count / 2);
    var incremental = results.Select(r => r.Incremental).Order().ElementAt(results.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {median.Contacts:N0} | {median.Initial.TotalSeconds:F2} s | {median.Contacts / median.Initial.TotalSeconds:N0} | {median.SyncRequests:N0} | {median.AllocatedBytes / 1048576.0:F0} MiB | {results.Max(r => r.PeakRssGrowth) / 1048576.0:F0} MiB | {median.IdlePollRequests:F1} per folder ({median.Folders} folders) | {incremental.TotalMilliseconds:F0} ms |"));
}

Console.WriteLine();
Console.WriteLine("| events seeded (about 1 in 25 a weekly series) | instances in window | initial sync (median) | instances/s | Graph requests (sync) | managed alloc | worker RSS growth (peak) | calendar requests per idle poll | incremental round, 10 changes |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var size in eventSizes)
{
    var results = new List<EventRunResult>();
    for (var run = 0; run < runs; run++)
    {
        results.Add(await MeasureEventsAsync(size));
    }

    var median = results.OrderBy(r => r.Initial).ElementAt(results.Count / 2);
    var incremental = results.Select(r => r.Incremental).Order().ElementAt(results.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {size:N0} | {median.Instances:N0} | {median.Initial.TotalSeconds:F2} s | {median.Instances / median.Initial.TotalSeconds:N0} | {median.SyncRequests:N0} | {median.AllocatedBytes / 1048576.0:F0} MiB | {results.Max(r => r.PeakRssGrowth) / 1048576.0:F0} MiB | {median.IdlePollRequests} | {incremental.TotalMilliseconds:F0} ms |"));
}

Console.WriteLine();
await ApiLatency.RunAsync(rates, runs);

Console.WriteLine();
Console.WriteLine("RSS growth = the process's peak resident set (VmHWM) minus its resident set after the sandbox was seeded,");
Console.WriteLine("so it counts the worker's sync (Graph SDK, JSON, SQLite) and the sandbox's serving, not the seeded data.");
Console.WriteLine("Calendar window: 30 days back, 90 ahead (plus the week the window is aligned to); page size 50.");

static async Task<RunResult> MeasureAsync(int size)
{
    var time = TimeProvider.System;
    var mailbox = SandboxMailbox.WithSampleData(time);
    mailbox.SeedContacts(size - mailbox.ContactCount());
    await using var site = await SandboxSite.StartAsync(mailbox, "ofu-bench");
    var app = await Bench.StartWorkerAsync(site, "--Mailbox:ContactsPageSize=100");
    var sync = app.Services.GetRequiredService<SyncMailbox>();

    mailbox.Requests.Reset();
    var (elapsed, allocated, peakGrowth) = await Bench.MeasureAsync(() => sync.RunOnceAsync(CancellationToken.None));
    var syncRequests = mailbox.Requests.Total;

    mailbox.Requests.Reset();
    await sync.RunOnceAsync(CancellationToken.None);
    var idleRequests = mailbox.Requests.Count("GET /me/contactFolders/{id}/contacts/delta");

    for (var i = 0; i < 10; i++)
    {
        mailbox.AddContact(new SandboxContactSeed($"Bench{i}", "Person", [$"bench{i}@example.org"], "Bench Ltd"));
    }
    var incremental = Stopwatch.StartNew();
    await sync.RunOnceAsync(CancellationToken.None);
    incremental.Stop();

    await app.StopAsync();
    await app.DisposeAsync();
    return new RunResult(mailbox.ContactCount() - 10, mailbox.ContactFolders.Count, elapsed, syncRequests, allocated, peakGrowth,
        idleRequests / (double)mailbox.ContactFolders.Count, incremental.Elapsed);
}

static async Task<EventRunResult> MeasureEventsAsync(int size)
{
    var time = TimeProvider.System;
    var mailbox = SandboxMailbox.WithSampleData(time);
    mailbox.SeedEvents(size);
    await using var site = await SandboxSite.StartAsync(mailbox, "ofu-bench");
    var app = await Bench.StartWorkerAsync(site);
    var sync = app.Services.GetRequiredService<SyncMailbox>();

    mailbox.Requests.Reset();
    var (elapsed, allocated, peakGrowth) = await Bench.MeasureAsync(() => sync.RunOnceAsync(CancellationToken.None));
    var syncRequests = mailbox.Requests.Total;
    var instances = await CountEventsAsync(site.DataFolder);

    mailbox.Requests.Reset();
    await sync.RunOnceAsync(CancellationToken.None);
    var idleCalendar = mailbox.Requests.Count("GET /me/calendarView/delta");

    // Ten changes: five new events, three moved, two deleted.
    var now = time.GetUtcNow();
    var existing = mailbox.Events.Where(e => e.SeriesMasterId is null && e.Type == "singleInstance").Take(5).ToList();
    for (var i = 0; i < 5; i++)
    {
        var start = now.AddDays(i + 1).AddHours(2);
        mailbox.AddEvent(new SandboxEventSeed($"Bench meeting {i}", start, start.AddMinutes(30), [new SandboxAttendee($"Bench {i}", $"bench{i}@example.org")]));
    }
    foreach (var e in existing.Take(3))
    {
        mailbox.UpdateEvent(e.Id, s => s with { Start = s.Start.AddHours(1), End = s.End.AddHours(1) });
    }
    foreach (var e in existing.Skip(3).Take(2))
    {
        mailbox.DeleteEvent(e.Id);
    }
    var incremental = Stopwatch.StartNew();
    await sync.RunOnceAsync(CancellationToken.None);
    incremental.Stop();

    await app.StopAsync();
    await app.DisposeAsync();
    return new EventRunResult(instances, elapsed, syncRequests, allocated, peakGrowth, idleCalendar, incremental.Elapsed);
}

static async Task<int> CountEventsAsync(string folder)
{
    await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "officefollowup.db")}");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM events";
    return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

internal sealed record EventRunResult(int Instances, TimeSpan Initial, int SyncRequests, long AllocatedBytes, long PeakRssGrowth, int IdlePollRequests, TimeSpan Incremental);

internal sealed record RunResult(int Contacts, int Folders, TimeSpan Initial, int SyncRequests, long AllocatedBytes, long PeakRssGrowth, double IdlePollRequests, TimeSpan Incremental);

/// <summary>What every measurement shares: the real worker on loopback against a sandbox, and one measured pass.</summary>
internal static class Bench
{
    /// <summary>The real worker on the site's data folder and sandbox, with sync left to the measurement to drive.</summary>
    public static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartWorkerAsync(SandboxSite site, params string[] extra)
    {
        var app = WorkerApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataFolder={site.DataFolder}",
            $"--Mailbox:GraphBaseUrl={site.Server.BaseUrl}",
            "--Sync:Enabled=false",
            "--TaskPane:DistFolder=/nonexistent",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ]);
        await app.StartAsync();
        return app;
    }

    /// <summary>Wall time, managed allocation and peak RSS growth of one pass, after a full collection.</summary>
    public static async Task<(TimeSpan Elapsed, long Allocated, long PeakGrowth)> MeasureAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssBefore = Memory.CurrentRss();
        Memory.ResetPeak();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        return (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, Memory.PeakRss() - rssBefore);
    }
}

internal static class Memory
{
    public static long CurrentRss() => ReadStatus("VmRSS:");

    public static long PeakRss() => ReadStatus("VmHWM:");

    /// <summary>Linux lets a process reset its peak RSS by writing 5 to clear_refs.</summary>
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Without the reset the peak still bounds the growth from above.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long ReadStatus(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>
/// GET /api/followups with 1,002 open items (334 new acquaintances), at fixed request rates over
/// loopback for 10 s each; the load generator shares the process and its two cores with the worker.
/// Two loads side by side: the full body every time (the whole list, no ETag, as panes before the due
/// window read it), and the realistic mix of a polling pane: Today's due window with If-None-Match, most
/// answers 304 (the list did not change since the last poll), every so often a full answer.
/// </summary>
internal static class ApiLatency
{
    private const string FullPath = "/api/followups";
    private const string WindowPath = "/api/followups?window=due";

    /// <summary>
    /// The due window's tag from its latest full answer: a polling pane revalidates with the tag it last received. The tag
    /// moves with the store's change version and with each minute (a change by time alone), so a tag kept from the start
    /// would stop matching after the first minute.
    /// </summary>
    private static volatile string s_windowTag = "";

    public static async Task RunAsync(int[] rates, int runs, int revalidatePercent = 90)
    {
        var time = TimeProvider.System;
        var mailbox = SandboxMailbox.WithSampleData(time);
        await using var site = await SandboxSite.StartAsync(mailbox, "ofu-bench");
        var app = await Bench.StartWorkerAsync(site, "--Api:RequestsPerMinute=100000", "--FollowUps:BulkAdditionLimit=1000");
        var sync = app.Services.GetRequiredService<SyncMailbox>();
        await sync.RunOnceAsync(CancellationToken.None);
        for (var i = 0; i < 334; i++)
        {
            mailbox.AddContact(new SandboxContactSeed($"Load{i}", "Person", [$"load{i}@example.org"], "Load Ltd"));
        }
        while ((await sync.RunOnceAsync(CancellationToken.None)).DraftsPrepared > 0)
        {
            // Work the outbox to the end so the list is stable while measured.
        }

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", app.Services.GetRequiredService<OfficeFollowUp.Api.ApiKey>().Value);
        using var probe = await client.GetAsync(new Uri(FullPath, UriKind.Relative));
        var body = await probe.Content.ReadAsByteArrayAsync();
        var items = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength();
        using var windowProbe = await client.GetAsync(new Uri(WindowPath, UriKind.Relative));
        var window = await windowProbe.Content.ReadAsByteArrayAsync();
        var windowJson = System.Text.Json.JsonDocument.Parse(window).RootElement;
        s_windowTag = windowProbe.Headers.ETag!.Tag;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET /api/followups, {items:N0} open items: full body {body.Length / 1024.0:F0} KiB; due window ({WindowPath}) {windowJson.GetProperty("items").GetArrayLength():N0} items, {window.Length / 1024.0:F0} KiB; 304 has no body."));
        Console.WriteLine($"Realistic mix: {revalidatePercent}% revalidations of the due window with If-None-Match (304), the rest the due window in full (200).");
        Console.WriteLine();
        // Service time first: one request at a time, so no queueing, only what one answer costs the worker.
        Console.WriteLine("| one at a time (200 requests) | p50 | p99 | body bytes |");
        Console.WriteLine("|---|---:|---:|---:|");
        await SequentialAsync("revalidation of the due window (304)", client, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, WindowPath);
            request.Headers.TryAddWithoutValidation("If-None-Match", s_windowTag);
            return request;
        });
        await SequentialAsync("due window in full (200)", client, () => new HttpRequestMessage(HttpMethod.Get, WindowPath));
        await SequentialAsync("full body, no ETag (200)", client, () => new HttpRequestMessage(HttpMethod.Get, FullPath));
        Console.WriteLine();

        Console.WriteLine("| load | rate | requests | p50 (median of runs) | p99 (median of runs) | body bytes per request (mean) | 304s | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var rate in rates)
        {
            await MeasureAsync("realistic mix", rate, runs, client, i =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, WindowPath);
                if (i % 100 < revalidatePercent)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", s_windowTag);
                }
                return request;
            });
            await MeasureAsync("full body, no ETag", rate, runs, client, _ => new HttpRequestMessage(HttpMethod.Get, FullPath));
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task MeasureAsync(string load, int rate, int runs, HttpClient client, Func<int, HttpRequestMessage> request)
    {
        var p50s = new List<double>();
        var p99s = new List<double>();
        var total = 0;
        var errors = 0;
        var notModified = 0;
        long bytes = 0;
        for (var run = 0; run < runs; run++)
        {
            var results = await LoadAsync(client, rate, TimeSpan.FromSeconds(10), request);
            var latencies = results.Where(r => r.Ok).Select(r => r.Milliseconds).Order().ToList();
            p50s.Add(latencies[latencies.Count / 2]);
            p99s.Add(latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(latencies.Count * 0.99) - 1)]);
            total += results.Length;
            errors += results.Count(r => !r.Ok);
            notModified += results.Count(r => r.NotModified);
            bytes += results.Sum(r => (long)r.Bytes);
        }
        p50s.Sort();
        p99s.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {load} | {rate}/s | {total:N0} | {p50s[p50s.Count / 2]:F1} ms | {p99s[p99s.Count / 2]:F1} ms | {bytes / (double)Math.Max(1, total) / 1024.0:F1} KiB | {notModified:N0} | {errors} |"));
    }

    private static async Task SequentialAsync(string what, HttpClient client, Func<HttpRequestMessage> request)
    {
        for (var i = 0; i < 20; i++)
        {
            await TimeOneAsync(client, request());
        }
        var samples = new List<Sample>();
        for (var i = 0; i < 200; i++)
        {
            samples.Add(await TimeOneAsync(client, request()));
        }
        var latencies = samples.Where(r => r.Ok).Select(r => r.Milliseconds).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {latencies[latencies.Count / 2]:F1} ms | {latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1]:F1} ms | {samples.Average(r => r.Bytes) / 1024.0:F1} KiB |"));
    }

    private readonly record struct Sample(bool Ok, bool NotModified, double Milliseconds, int Bytes);

    /// <summary>Open-loop load: request i starts at i/rate whatever earlier ones are doing, so slow answers cannot hide queueing.</summary>
    private static async Task<Sample[]> LoadAsync(HttpClient client, int rate, TimeSpan duration, Func<int, HttpRequestMessage> request)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var tasks = new List<Task<Sample>>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            tasks.Add(TimeOneAsync(client, request(i)));
        }

        return await Task.WhenAll(tasks);
    }

    private static async Task<Sample> TimeOneAsync(HttpClient client, HttpRequestMessage request)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                var notModified = response.StatusCode == System.Net.HttpStatusCode.NotModified;
                if (response.StatusCode == System.Net.HttpStatusCode.OK && response.Headers.ETag is { } tag
                    && response.RequestMessage?.RequestUri?.OriginalString.EndsWith(WindowPath, StringComparison.Ordinal) == true)
                {
                    s_windowTag = tag.Tag;
                }
                return new Sample(response.IsSuccessStatusCode || notModified, notModified, Stopwatch.GetElapsedTime(start).TotalMilliseconds, body.Length);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Refused, or past HttpClient's timeout in a queue the machine cannot drain: an error, not a crash.
            return new Sample(false, false, 0, 0);
        }
    }
}
