using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OfficeFollowUp.Hosting;
using OfficeFollowUp.Sandbox;
using OfficeFollowUp.Sync;

// Initial sync against the sandbox mailbox at several sizes, over the real Graph SDK on loopback
// and the real SQLite file: contacts, then calendar events. Prints two tables; medians of the runs.
//   dotnet run -c Release --project benchmarks/OfficeFollowUp.Benchmarks -- [contacts=10000,50000] [runs=3] [events=20000]
var sizes = (args.Length > 0 ? args[0] : "10000,50000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var eventSizes = (args.Length > 2 ? args[2] : "20000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

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
Console.WriteLine("RSS growth = the process's peak resident set (VmHWM) minus its resident set after the sandbox was seeded,");
Console.WriteLine("so it counts the worker's sync (Graph SDK, JSON, SQLite) and the sandbox's serving, not the seeded data.");
Console.WriteLine("Calendar window: 30 days back, 90 ahead (plus the week the window is aligned to); page size 50.");

static async Task<RunResult> MeasureAsync(int size)
{
    var time = TimeProvider.System;
    var mailbox = SandboxMailbox.WithSampleData(time);
    mailbox.SeedContacts(size - mailbox.ContactCount());
    await using var server = await SandboxServer.StartAsync(mailbox);
    var folder = Path.Combine(Path.GetTempPath(), "ofu-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    try
    {
        var app = WorkerApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataFolder={folder}",
            $"--Mailbox:GraphBaseUrl={server.BaseUrl}",
            "--Mailbox:ContactsPageSize=100",
            "--Sync:Enabled=false",
            "--TaskPane:DistFolder=/nonexistent",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var sync = app.Services.GetRequiredService<SyncMailbox>();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssBefore = Memory.CurrentRss();
        Memory.ResetPeak();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var requestsBefore = mailbox.Requests.Total;
        var watch = Stopwatch.StartNew();
        await sync.RunOnceAsync(CancellationToken.None);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var syncRequests = mailbox.Requests.Total - requestsBefore;
        var peakGrowth = Memory.PeakRss() - rssBefore;

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
        return new RunResult(mailbox.ContactCount() - 10, mailbox.ContactFolders.Count, watch.Elapsed, syncRequests, allocated, peakGrowth,
            idleRequests / (double)mailbox.ContactFolders.Count, incremental.Elapsed);
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

static async Task<EventRunResult> MeasureEventsAsync(int size)
{
    var time = TimeProvider.System;
    var mailbox = SandboxMailbox.WithSampleData(time);
    mailbox.SeedEvents(size);
    await using var server = await SandboxServer.StartAsync(mailbox);
    var folder = Path.Combine(Path.GetTempPath(), "ofu-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    try
    {
        var app = WorkerApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataFolder={folder}",
            $"--Mailbox:GraphBaseUrl={server.BaseUrl}",
            "--Sync:Enabled=false",
            "--TaskPane:DistFolder=/nonexistent",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var sync = app.Services.GetRequiredService<SyncMailbox>();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssBefore = Memory.CurrentRss();
        Memory.ResetPeak();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        mailbox.Requests.Reset();
        var watch = Stopwatch.StartNew();
        await sync.RunOnceAsync(CancellationToken.None);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var syncRequests = mailbox.Requests.Total;
        var peakGrowth = Memory.PeakRss() - rssBefore;
        var instances = await CountEventsAsync(folder);

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
        return new EventRunResult(instances, watch.Elapsed, syncRequests, allocated, peakGrowth, idleCalendar, incremental.Elapsed);
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
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
