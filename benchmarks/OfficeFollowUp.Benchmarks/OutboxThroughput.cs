using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OfficeFollowUp.Sandbox;
using OfficeFollowUp.Sync;
using OfficeFollowUp.Testing;

/// <summary>
/// The outbox under a burst of new acquaintances: N new contacts after the baseline, then sync passes
/// until no outbox entry is pending. Counts the Graph requests the outbox made (drafts, holds, their tag
/// lookups and free/busy reads; the delta polls of the passes are counted apart) per new acquaintance,
/// and drafts per second over the whole burst (detection, drafts and holds, as the worker runs them).
/// </summary>
internal static class OutboxThroughput
{
    public static async Task RunAsync(int contacts, int runs, int[] latenciesMs)
    {
        Console.WriteLine($"OfficeFollowUp outbox benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} run(s), {contacts:N0} new contacts");
        Console.WriteLine();
        Console.WriteLine("| new contacts | sandbox latency per request | wall time (median) | drafts/s | drafts | holds | Graph requests per new acquaintance (outbox) | all Graph requests per new acquaintance (incl. delta polls) | peak requests in flight | passes |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var routes = new List<string>();
        foreach (var latency in latenciesMs)
        {
            var results = new List<OutboxRunResult>();
            for (var run = 0; run < runs; run++)
            {
                results.Add(await MeasureAsync(contacts, TimeSpan.FromMilliseconds(latency)));
            }

            var median = results.OrderBy(r => r.Elapsed).ElementAt(results.Count / 2);
            var perAcquaintance = results.Select(r => r.OutboxRequests / (double)contacts).Order().ElementAt(results.Count / 2);
            var allPerAcquaintance = results.Select(r => r.AllRequests / (double)contacts).Order().ElementAt(results.Count / 2);
            var draftsPerSecond = results.Select(r => r.Drafts / r.Elapsed.TotalSeconds).Order().ElementAt(results.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {contacts:N0} | {latency} ms | {median.Elapsed.TotalSeconds:F2} s | {draftsPerSecond:F1} | {median.Drafts:N0} | {median.Holds:N0} | {perAcquaintance:F2} | {allPerAcquaintance:F2} | {median.PeakInFlight} | {median.Passes} |"));
            routes.Add($"{latency} ms: " + string.Join(", ", median.ByRoute.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value:N0}")));
        }

        Console.WriteLine();
        Console.WriteLine("Outbox requests by route (median run): " + string.Join("; ", routes));
        Console.WriteLine("Drafts/s and requests per acquaintance are medians of the runs; wall time is from the first pass after the contacts were added");
        Console.WriteLine("until no outbox entry was pending. A hold for which no free slot is left becomes a note on its step, not a hold.");
        Console.WriteLine("Sandbox latency delays every answer by that much wall-clock time, as Graph's own latency would; on loopback with none,");
        Console.WriteLine("worker and sandbox share the process's cores and concurrency buys little.");
    }

    private static bool IsOutboxRoute(string route) =>
        !route.Contains("/delta", StringComparison.Ordinal)
        && (route.Contains("/messages", StringComparison.Ordinal) || route.Contains("/events", StringComparison.Ordinal) || route.Contains("getSchedule", StringComparison.Ordinal));

    private static async Task<OutboxRunResult> MeasureAsync(int contacts, TimeSpan latency)
    {
        var time = TimeProvider.System;
        var mailbox = SandboxMailbox.WithSampleData(time);
        await using var site = await SandboxSite.StartAsync(mailbox, "ofu-bench");
        var app = await Bench.StartWorkerAsync(site, "--Mailbox:ContactsPageSize=100", "--FollowUps:BulkAdditionLimit=1000");
        var sync = app.Services.GetRequiredService<SyncMailbox>();
        await sync.RunOnceAsync(CancellationToken.None);
        for (var i = 0; i < contacts; i++)
        {
            mailbox.AddContact(new SandboxContactSeed($"New{i}", "Acquaintance", [$"new{i}@burst.example"], "Burst Ltd"));
        }

        mailbox.Faults.Latency = latency;
        mailbox.Requests.Reset();
        var watch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            await sync.RunOnceAsync(CancellationToken.None);
            passes++;
        }
        while (await PendingAsync(site.DataFolder) > 0 && passes < 10_000);
        watch.Stop();

        var snapshot = mailbox.Requests.Snapshot();
        var outbox = snapshot.ByRoute.Where(r => IsOutboxRoute(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        await app.StopAsync();
        await app.DisposeAsync();
        return new OutboxRunResult(watch.Elapsed, mailbox.Drafts.Count, mailbox.CreatedEvents.Count, outbox.Values.Sum(), snapshot.Total, passes, outbox, mailbox.Requests.PeakInFlight);
    }

    private static async Task<int> PendingAsync(string folder)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "officefollowup.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE status = 'Pending'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

internal sealed record OutboxRunResult(TimeSpan Elapsed, int Drafts, int Holds, int OutboxRequests, int AllRequests, int Passes, IReadOnlyDictionary<string, int> ByRoute, int PeakInFlight);
