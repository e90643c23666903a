using System.Net.Http.Json;
using System.Text.Json;
using OfficeFollowUp.Testing;

namespace OfficeFollowUp.Reliability.Harness;

/// <summary>
/// What a drill runs in: the sandbox mailbox hosted by the test process (so it outlives every worker), a data
/// folder of its own, and the real worker started against it as a child process, on real time and loopback only.
/// </summary>
internal sealed class DrillWorld : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];
    private HttpClient? _api;
    private WorkerProcess? _apiFor;

    private readonly SandboxSite _site;

    private DrillWorld(SandboxSite site) => _site = site;

    public SandboxMailbox Mailbox => _site.Mailbox;

    public SandboxServer Server => _site.Server;

    public string DataFolder => _site.DataFolder;

    /// <summary>The worker currently running, if any.</summary>
    public WorkerProcess? Worker { get; private set; }

    /// <summary>Error-level log lines over every worker this world started.</summary>
    public int WorkerErrorLines => _workers.Sum(w => w.ErrorLines);

    public static async Task<DrillWorld> StartAsync() =>
        // OFU_DRILL_KEEP=1, for a post-mortem of a failed drill: the worker's SQLite file and api-key stay.
        new(await SandboxSite.StartAsync(
            SandboxMailbox.WithSampleData(TimeProvider.System), "ofu-drills", keepDataFolder: Environment.GetEnvironmentVariable("OFU_DRILL_KEEP") == "1"));

    /// <summary>Where every drill begins: a world whose first worker has finished its baseline.</summary>
    public static async Task<DrillWorld> StartBaselinedAsync(params string[] workerArgs)
    {
        var world = await StartAsync();
        try
        {
            await world.StartWorkerAsync(workerArgs);
            await world.WaitForBaselineAsync(TimeSpan.FromMinutes(3));
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a worker on the data folder (the previous one must be stopped) and waits until its API answers.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(params string[] extraArgs)
    {
        if (Worker is { HasExited: false })
        {
            throw new InvalidOperationException("A worker is already running on this data folder.");
        }

        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataFolder={DataFolder}",
            $"--Mailbox:GraphBaseUrl={Server.BaseUrl}",
            "--Mailbox:ContactsPageSize=5",
            "--Calendar:PageSize=5",
            // The drills count one hold per new acquaintance, made exactly once: they ask for holds as tracks start, unpaced.
            "--Calendar:HoldAfter=TrackStart",
            "--Calendar:MaxHoldsPerDay=20",
            "--Calendar:MaxHoldsPerWeek=100",
            "--Sync:PollInterval=00:00:00.200",
            "--Api:RequestsPerMinute=100000",
            "--TaskPane:DistFolder=/nonexistent-in-drills",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
            .. extraArgs,
        ];
        var worker = await WorkerProcess.StartAsync(args, TimeSpan.FromSeconds(90));
        _workers.Add(worker);
        Worker = worker;
        await Eventually.HoldsAsync(async () =>
        {
            using var client = new HttpClient { BaseAddress = worker.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            return (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "the worker's /health answered", () => worker.RecentOutput);
        return worker;
    }

    public async Task KillWorkerAsync()
    {
        if (Worker is { } worker)
        {
            await worker.KillHardAsync();
        }
    }

    /// <summary>The pairing key the worker keeps in its data folder.</summary>
    public string ApiKey => File.ReadAllText(Path.Combine(DataFolder, "api-key")).Trim();

    /// <summary>A paired API client for the running worker (one per worker process).</summary>
    public HttpClient Api
    {
        get
        {
            var worker = Worker ?? throw new InvalidOperationException("No worker is running.");
            if (_api is null || _apiFor != worker)
            {
                _api?.Dispose();
                (_api, _apiFor) = (worker.Client(ApiKey), worker);
            }

            return _api;
        }
    }

    /// <summary><c>GET /api/status</c>, or null while the worker cannot answer.</summary>
    public async Task<JsonElement?> StatusAsync()
    {
        try
        {
            var client = Api;
            return await client.GetFromJsonAsync<JsonElement>("/api/status");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The first connection: every existing contact and event saved as history, both cursors stored.</summary>
    public async Task WaitForBaselineAsync(TimeSpan timeout)
    {
        await Eventually.HoldsAsync(async () =>
        {
            var status = await StatusAsync();
            if (status is not { } s || s.GetProperty("baselinedAt").ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            var resources = s.GetProperty("sync").EnumerateArray().ToList();
            return resources.Any(r => r.GetProperty("resource").GetString() == "calendar")
                && resources.All(r => r.GetProperty("stage").GetString() == "Incremental");
        }, timeout, "the worker finished its baseline (contacts and calendar incremental)", () => Worker?.RecentOutput ?? string.Empty);
    }

    /// <summary>
    /// Waits for two complete sync rounds of every resource after <paramref name="after"/>: the second one began
    /// after the first ended, so it has read everything added before <paramref name="after"/>.
    /// </summary>
    public async Task WaitForRoundsAfterAsync(DateTimeOffset after, TimeSpan timeout)
    {
        var mark = after;
        for (var round = 1; round <= 2; round++)
        {
            var since = mark;
            await Eventually.HoldsAsync(async () =>
            {
                var status = await StatusAsync();
                return status is { } s && s.GetProperty("sync").EnumerateArray().All(r =>
                    r.GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String && r.GetProperty("lastSuccessAt").GetDateTimeOffset() > since);
            }, timeout, $"sync round {round} of every resource completed after the last arrival", () => Worker?.RecentOutput ?? string.Empty);
            mark = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Items skipped per resource as the Health view shows them (<c>GET /api/status</c>).</summary>
    public async Task<IReadOnlyDictionary<string, long>> ItemsSkippedAsync()
    {
        var status = await StatusAsync() ?? throw new InvalidOperationException("The worker did not answer /api/status.");
        return status.GetProperty("sync").EnumerateArray()
            .ToDictionary(r => r.GetProperty("resource").GetString()!, r => r.GetProperty("itemsSkipped").GetInt64(), StringComparer.Ordinal);
    }

    /// <summary>
    /// "Whom will you follow up with?": answers the prompt for <paramref name="eventId"/> with the given people.
    /// <see cref="PickResult.AlreadyAnswered"/> when an earlier answer went through (its response lost with a killed worker).
    /// </summary>
    public async Task<PickResult> TryPickAsync(string eventId, IReadOnlyList<PickedPerson> people)
    {
        try
        {
            var client = Api;
            // The event list first: an event the worker knew before the prompt list was read and that has no
            // open prompt was answered. (In the other order, a sync between the two reads looks like an answer.)
            var events = await client.GetFromJsonAsync<JsonElement>("/api/events");
            var known = events.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("id").GetString() == eventId);
            var prompts = await client.GetFromJsonAsync<JsonElement>("/api/prompts");
            var open = prompts.GetProperty("items").EnumerateArray().Any(p => p.GetProperty("eventId").GetString() == eventId);
            if (!open)
            {
                return known ? PickResult.AlreadyAnswered : PickResult.NotSyncedYet;
            }

            await FollowUpAsync(eventId, people);
            return PickResult.Answered;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return PickResult.WorkerUnavailable;
        }
    }

    /// <summary>Read-only diagnostics of the worker's SQLite file.</summary>
    public WorkerStore Store => new(DataFolder);

    /// <summary>
    /// Waits until the worker has read every expected person and has nothing left in its outbox, so counting the
    /// mailbox is final. False when that did not happen in time (the tally then says what is missing).
    /// </summary>
    public async Task<bool> WaitUntilQuietAsync(IReadOnlyCollection<ExpectedPerson> expected, TimeSpan timeout)
    {
        try
        {
            await Eventually.HoldsAsync(() => Store.QuietAsync(expected), timeout, "the worker read every expected person and emptied its outbox");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>For each missing item, what the worker's store says about its person.</summary>
    public async Task<MissingExplained> ExplainMissingAsync(MailboxTally tally, int max = 12)
    {
        var lines = new List<string> { await Store.OutboxSummaryAsync() };
        var states = new Dictionary<PersonState, int>();
        foreach (var person in tally.MissingDrafts.Concat(tally.MissingHolds).DistinctBy(p => p.Email))
        {
            var diagnosis = await Store.DiagnoseAsync(person.Email);
            states[diagnosis.State] = states.GetValueOrDefault(diagnosis.State) + 1;
            if (lines.Count <= max)
            {
                lines.Add($"  {person.Email} ({person.Source}): {diagnosis.Text}");
            }
        }

        return new MissingExplained(string.Join('\n', lines), states);
    }

    /// <summary>"Not now": closes a prompt without following up with anyone.</summary>
    public async Task DismissAsync(string eventId)
    {
        var client = Api;
        var response = await client.PostAsync(new Uri($"/api/prompts/{Uri.EscapeDataString(eventId)}/dismiss", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Answers an open prompt; a refusal (a problem response) fails the drill.</summary>
    public async Task FollowUpAsync(string eventId, IReadOnlyList<PickedPerson> people)
    {
        var client = Api;
        var response = await client.PostAsJsonAsync(
            $"/api/prompts/{Uri.EscapeDataString(eventId)}/follow-up",
            new { people = people.Select(p => new { email = p.Email, displayName = p.DisplayName, remember = p.Remember }) });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Answering the prompt was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Event ids with an open prompt right now, and the people each offers.</summary>
    public async Task<IReadOnlyList<(string EventId, IReadOnlyList<(string Email, string DisplayName)> Attendees)>> OpenPromptsAsync()
    {
        var client = Api;
        var prompts = await client.GetFromJsonAsync<JsonElement>("/api/prompts");
        return
        [
            .. prompts.GetProperty("items").EnumerateArray().Select(p => (
                p.GetProperty("eventId").GetString()!,
                (IReadOnlyList<(string, string)>)[.. p.GetProperty("attendees").EnumerateArray()
                    .Select(a => (a.GetProperty("email").GetString()!, a.GetProperty("displayName").GetString() ?? string.Empty))])),
        ];
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await _site.DisposeAsync();
    }
}

/// <summary>What the worker's store says about the people with missing items, and how many are in each state.</summary>
internal sealed record MissingExplained(string Text, IReadOnlyDictionary<PersonState, int> People)
{
    public int In(PersonState state) => People.GetValueOrDefault(state);

    public override string ToString() => Text;
}

internal enum PickResult
{
    Answered,
    AlreadyAnswered,
    NotSyncedYet,
    WorkerUnavailable,
}

internal sealed record PickedPerson(string Email, string DisplayName, string? Remember = null);

/// <summary>Polling with a deadline: the machine is shared and loaded, so drills wait for outcomes, never for fixed times.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? context = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The worker is (re)starting; ask again.
            }

            if (clock.Elapsed > timeout)
            {
                var detail = context?.Invoke();
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"Waited {timeout.TotalSeconds:0} s for: {what}.{(string.IsNullOrEmpty(detail) ? string.Empty : "\n" + detail)}"));
            }

            await Task.Delay(100);
        }
    }
}
