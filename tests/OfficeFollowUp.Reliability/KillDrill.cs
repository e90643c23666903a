namespace OfficeFollowUp.Reliability;

/// <summary>
/// Drill (a): kill -9. The worker process is killed with SIGKILL at random points while new contacts and networking
/// events arrive, and restarted on the same data folder; the sandbox mailbox (hosted here) outlives every kill.
/// Every new acquaintance must end with exactly one thank-you draft and one one-to-one hold in the mailbox.
/// </summary>
public sealed class KillDrill(ITestOutputHelper output)
{
    private const string AfterWrite = "right after a draft or hold was written";
    private const string AtRandom = "at a random moment";
    private const string DuringStartUp = "during start-up";
    private static readonly string[] KillPoints = [AfterWrite, AtRandom, DuringStartUp];

    [Fact]
    public async Task Killing_the_worker_at_random_points_leaves_every_draft_and_hold_exactly_once()
    {
        var sizes = DrillSizes.Current;
        var random = new Random(sizes.Seed);
        var clock = Stopwatch.StartNew();
        await using var world = await DrillWorld.StartBaselinedAsync();

        var arrivals = new Arrivals(world, $"kill{sizes.Seed}");
        var killsAt = KillPoints.ToDictionary(p => p, _ => 0, StringComparer.Ordinal);
        for (var cycle = 1; killsAt.Values.Sum() < sizes.Kills; cycle++)
        {
            arrivals.AddContacts(cycle, sizes.ContactsPerKill);
            arrivals.AddMixer(cycle);
            await arrivals.AnswerOpenPromptsAsync();

            var point = KillPoints[cycle % KillPoints.Length];
            killsAt[point] += await KillAtAsync(world, point, random);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: cycle {cycle}, killed {point}");
            await world.StartWorkerAsync();
        }

        // After the last restart: every prompt answered, then the worker left to finish its work.
        await arrivals.AnswerAllPromptsAsync(TimeSpan.FromMinutes(2));
        var quiet = await world.WaitUntilQuietAsync(arrivals.Expected, sizes.Full ? TimeSpan.FromMinutes(8) : TimeSpan.FromMinutes(2));

        var tally = MailboxTally.Count(world.Mailbox, arrivals.Expected);
        var kills = killsAt.Values.Sum();
        var figures = new DrillFigures("kill -9", sizes.Form, sizes.Seed, kills, tally.ExpectedItems, tally.Made, tally.Duplicated, tally.Missing,
            "SIGKILL: " + string.Join(", ", killsAt.Select(kv => $"{kv.Value}× {kv.Key}")), clock.Elapsed,
            tally.ExactlyOnce && quiet ? "pass" : "FAIL");
        var details = $"""
            {arrivals.Contacts} new contacts and {arrivals.Mixers} mixers (2 people picked from each) over {kills} kills
            {tally.Describe()}
            {await world.ExplainMissingAsync(tally)}
            worker error log lines: {world.WorkerErrorLines}; invitations sent: {world.Mailbox.InvitationsSent}
            """;
        figures.Report(output, details);

        Assert.True(tally.ExactlyOnce, $"Not exactly once after {kills} kills:\n{details}");
        Assert.True(quiet, $"The worker did not finish its work in time:\n{details}\n{world.Worker?.RecentOutput}");
        Assert.Equal(0, world.Mailbox.InvitationsSent);
    }

    /// <returns>How many times the worker was killed.</returns>
    private static async Task<int> KillAtAsync(DrillWorld world, string point, Random random)
    {
        var kills = 1;
        switch (point)
        {
            case AfterWrite:
                // Between Graph applying a write and the worker recording it: the window "exactly once" is about.
                var before = world.Mailbox.Drafts.Count + world.Mailbox.CreatedEvents.Count;
                var waited = Stopwatch.StartNew();
                while (world.Mailbox.Drafts.Count + world.Mailbox.CreatedEvents.Count == before && waited.Elapsed < TimeSpan.FromSeconds(20))
                {
                    await Task.Delay(1);
                }

                break;
            case AtRandom:
                await Task.Delay(random.Next(0, 1500));
                break;
            case DuringStartUp:
                // Kill now, then kill the next worker inside its first pass.
                await world.KillWorkerAsync();
                await world.StartWorkerAsync();
                await Task.Delay(random.Next(0, 300));
                kills++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(point), point, "Unknown kill point.");
        }

        await world.KillWorkerAsync();
        return kills;
    }
}
