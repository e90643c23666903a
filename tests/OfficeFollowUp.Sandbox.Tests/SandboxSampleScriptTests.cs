namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxSampleScriptTests
{
    [Fact]
    public async Task Sample_script_waits_for_the_baseline_then_adds_new_people_one_per_interval()
    {
        await using var h = await SandboxHarness.StartAsync();
        var script = new SandboxSampleScript(h.Mailbox, h.Time);
        var before = h.Mailbox.ContactFolders.Sum(f => h.Mailbox.ContactCount(f.Id));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var run = script.RunAsync(TimeSpan.FromMinutes(2), cts.Token);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(50);
        Assert.Equal(before, Total());

        foreach (var folder in h.Mailbox.ContactFolders)
        {
            var page = await h.Graph.Me.ContactFolders[folder.Id].Contacts.Delta.GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c, 100));
            Assert.NotNull(page!.OdataDeltaLink);
        }

        Assert.True(h.Mailbox.BaselineServed);
        var added = 0;
        while (!run.IsCompleted)
        {
            h.Time.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(5, cts.Token);
            if (Total() > before + added)
            {
                added++;
                Assert.Equal(before + added, Total());
            }
        }

        await run;
        Assert.InRange(Total() - before, 3, 4);
        Assert.All(h.Mailbox.ContactFolders, f => Assert.True(h.Mailbox.ContactCount(f.Id) > 0));

        int Total() => h.Mailbox.ContactFolders.Sum(f => h.Mailbox.ContactCount(f.Id));
    }
}
