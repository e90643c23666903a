namespace OfficeFollowUp.Reliability;

/// <summary>
/// Drill (b): a fault storm. While new contacts and networking events arrive, about 30% of the worker's Graph
/// requests are answered with a fault: about a fifth of all requests throttled (429/503 with Retry-After, nothing
/// applied), 30% of the writes the mailbox applied answered 503/504 with Retry-After or with a dropped connection
/// after all (writes are about 40% of the requests), delta cursors expiring with 410 in the middle of a round;
/// delta pages repeat items and come empty.
/// Every new acquaintance must end with exactly one thank-you draft and one one-to-one hold in the mailbox.
/// </summary>
public sealed class FaultStormDrill(ITestOutputHelper output)
{
    [Fact]
    public async Task Under_a_storm_of_graph_faults_every_draft_and_hold_exists_exactly_once()
    {
        var sizes = DrillSizes.Current;
        var random = new Random(sizes.Seed);
        var clock = Stopwatch.StartNew();
        await using var world = await DrillWorld.StartBaselinedAsync();

        var arrivals = new Arrivals(world, $"storm{sizes.Seed}");
        var quiet = false;
        string faults;
        int expiries;
        await using (var storm = new FaultStorm(world.Mailbox, sizes.Seed, throttleRate: 0.18, writeFaultRate: 0.3))
        {
            // Waves of two new contacts and one mixer (two people picked). A cursor expires after the first two waves
            // and then now and again, so some contacts arrive while a cursor is stale (as after a week offline) and most
            // are read by an ordinary round under the storm.
            for (var wave = 1; arrivals.Expected.Count < sizes.StormPeople; wave++)
            {
                arrivals.AddContacts(wave, 2);
                arrivals.AddMixer(wave);
                await Task.Delay(random.Next(300, 1500));
                if (wave == 1 || (wave > 2 && random.NextDouble() < 0.075))
                {
                    storm.ExpireACursor();
                }
                else if (wave == 2 || (wave > 2 && random.NextDouble() < 0.08))
                {
                    storm.ExpireAllCursors();
                }

                await arrivals.AnswerOpenPromptsAsync();
            }

            await arrivals.AnswerAllPromptsAsync(TimeSpan.FromMinutes(3));
            quiet = await world.WaitUntilQuietAsync(arrivals.Expected, sizes.Full ? TimeSpan.FromMinutes(15) : TimeSpan.FromMinutes(2));
            faults = storm.Summary;
            expiries = storm.CursorExpiriesServed;
        }

        var tally = MailboxTally.Count(world.Mailbox, arrivals.Expected);
        var figures = new DrillFigures("fault storm", sizes.Form, sizes.Seed, 0, tally.ExpectedItems, tally.Made, tally.Duplicated, tally.Missing,
            faults, clock.Elapsed, tally.ExactlyOnce && quiet ? "pass" : "FAIL");
        var explained = await world.ExplainMissingAsync(tally);
        var details = $"""
            {arrivals.Contacts} new contacts and {arrivals.Mixers} mixers (2 people picked from each)
            faults: {faults}
            {tally.Describe()}
            {explained}
            {string.Join("\n", Causes(tally, explained, expiries))}
            worker error log lines: {world.WorkerErrorLines}; invitations sent: {world.Mailbox.InvitationsSent}
            """;
        figures.Report(output, details);

        Assert.True(tally.ExactlyOnce, $"Not exactly once under the storm:\n{details}");
        Assert.True(quiet, $"The worker did not finish its work in time:\n{details}\n{world.Worker?.RecentOutput}");
        Assert.Equal(0, world.Mailbox.InvitationsSent);
    }

    /// <summary>What the figures point at, in the words of issue 9's findings.</summary>
    private static IEnumerable<string> Causes(MailboxTally tally, MissingExplained explained, int expiries)
    {
        var lost = explained.In(PersonState.ReadWithoutTrack);
        if (lost > 0 && expiries > 0)
        {
            yield return $"cause: {lost} people were read by the worker but started no track. After the baseline the only round that "
                + "detects nothing is the re-read after an expired cursor (410): issue 9, 'new people are lost when a cursor expires'.";
        }

        if (tally.DraftTagsRepeated + tally.HoldTagsRepeated > 0)
        {
            yield return $"cause: {tally.DraftTagsRepeated} drafts and {tally.HoldTagsRepeated} holds repeat a tag another item carries: "
                + "one step's create was sent again after the mailbox had applied it (issue 9, 'a write Graph applied but answered "
                + "503/504 is made twice', when the SDK's retry handler resent it).";
        }
    }
}
