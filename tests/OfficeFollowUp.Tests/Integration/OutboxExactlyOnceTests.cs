namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// Every write the outbox makes — thank-you drafts, one-to-one holds and the three referral drafts — exists exactly
/// once when the mailbox applied it but the answer was lost (a gateway's 503/504 with Retry-After, a dropped
/// connection), one at a time and as 30% chaos; over the real Graph SDK (its retry handler included) and SQLite.
/// </summary>
public sealed class OutboxExactlyOnceTests() : PairedWorkerTests(SandboxWorld.HoldsAtOnce)
{
    private const string Partner = "sam.taylor@taylorlaw.co.nz";
    private const string Prospect = "alex@kiwisolar.co.nz";

    public static TheoryData<AfterApplyFault> Faults => new() { AfterApplyFault.Answered503, AfterApplyFault.Answered504, AfterApplyFault.ConnectionDropped };

    public static TheoryData<string, AfterApplyFault> ReferralDraftsAndFaults
    {
        get
        {
            var data = new TheoryData<string, AfterApplyFault>();
            foreach (var kind in new[] { "intro", "checkIn", "closeTheLoop" })
            {
                foreach (var fault in Enum.GetValues<AfterApplyFault>())
                {
                    data.Add(kind, fault);
                }
            }

            return data;
        }
    }

    private static SandboxContactSeed Person(string given, string email) => new(given, "Tester", [email], "Testing Ltd");

    private async Task<string> MailboxIdAsync() => (await Worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;

    private async Task<FollowUpItem> StepAsync(string email, FollowUpStepKind step) =>
        (await Worker.Get<FollowUpStore>().ListAllAsync(await MailboxIdAsync(), CancellationToken.None))
            .Single(i => i.Step == step && string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase));

    private IReadOnlyList<SandboxMessage> DraftsTo(string address) =>
        World.Mailbox.Drafts.Where(d => d.ToRecipients.Any(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private async Task<string> LogReferralAsync(string direction, string partner = Partner, string prospectName = "Alex Chen", string? prospectEmail = Prospect)
    {
        var response = await Client.PostAsJsonAsync("/api/referrals", new
        {
            direction,
            partner = new { email = partner, displayName = "Sam Taylor" },
            prospect = prospectEmail is null
                ? (object)new { displayName = prospectName, phone = "+64 21 555 0199" }
                : new { displayName = prospectName, email = prospectEmail },
            note = "leasing advice",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A new acquaintance whose first create on the path is applied by the mailbox but answered with the fault.</summary>
    private async Task MeetWithTheCreateLostAsync(AfterApplyFault fault, string path, SandboxContactSeed person)
    {
        OutboxDrive.Inject(World.Mailbox.Faults, fault, path);
        World.Mailbox.AddContact(person);

        await OutboxDrive.SettleAsync(World, Worker);

        Assert.Equal(1, World.Mailbox.Faults.Injected.AfterApply);
    }

    private async Task<JsonElement> ReferralAsync(string id) => await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_thank_you_draft_whose_create_was_applied_then_lost_exists_exactly_once(AfterApplyFault fault)
    {
        await MeetWithTheCreateLostAsync(fault, "/me/messages", Person("Mere", "mere@kiwi-solar.co.nz"));

        var draft = Assert.Single(DraftsTo("mere@kiwi-solar.co.nz"));
        var step = await StepAsync("mere@kiwi-solar.co.nz", FollowUpStepKind.ThankYou);
        Assert.Equal((FollowUpState.Prepared, draft.Id), (step.State, step.DraftId));
        OutboxDrive.AssertEachItemExactlyOnce(World, await OutboxDrive.RowsAsync(Worker));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_one_to_one_hold_whose_create_was_applied_then_lost_exists_exactly_once(AfterApplyFault fault)
    {
        await MeetWithTheCreateLostAsync(fault, "/me/events", Person("Tama", "tama@ngata.example"));

        var hold = Assert.Single(World.Mailbox.CreatedEvents);
        Assert.NotNull(World.Mailbox.FindEvent(hold.Id));
        var step = await StepAsync("tama@ngata.example", FollowUpStepKind.OneToOne);
        Assert.Equal((FollowUpState.Prepared, hold.Id), (step.State, step.HoldEventId));
        // Found again by its tag or made at once, the row shows the hold's own start.
        Assert.Equal(hold.Data.Start, step.HoldStartsAt);
        OutboxDrive.AssertEachItemExactlyOnce(World, await OutboxDrive.RowsAsync(Worker));
    }

    [Theory]
    [MemberData(nameof(ReferralDraftsAndFaults))]
    public async Task Each_referral_draft_whose_create_was_applied_then_lost_exists_exactly_once(string kind, AfterApplyFault fault)
    {
        string id;
        string to;
        string draftField;
        switch (kind)
        {
            case "intro":
                OutboxDrive.Inject(World.Mailbox.Faults, fault, "/me/messages");
                id = await LogReferralAsync("received");
                (to, draftField) = (Prospect, "introDraftId");
                break;
            case "checkIn":
                id = await LogReferralAsync("given", prospectName: "Priya Raghunathan", prospectEmail: null);
                World.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
                OutboxDrive.Inject(World.Mailbox.Faults, fault, "/me/messages");
                (to, draftField) = (Partner, "checkInDraftId");
                break;
            case "closeTheLoop":
                id = await LogReferralAsync("received");
                await OutboxDrive.SettleAsync(World, Worker);
                OutboxDrive.Inject(World.Mailbox.Faults, fault, "/me/messages");
                Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/api/referrals/{id}/outcome", new { outcome = "won" })).StatusCode);
                (to, draftField) = (Partner, "closeDraftId");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        await OutboxDrive.SettleAsync(World, Worker);

        Assert.Equal(1, World.Mailbox.Faults.Injected.AfterApply);
        var draft = Assert.Single(DraftsTo(to));
        Assert.Equal(draft.Id, (await ReferralAsync(id)).GetProperty(draftField).GetString());
        OutboxDrive.AssertEachItemExactlyOnce(World, await OutboxDrive.RowsAsync(Worker));
    }

    [Fact]
    public async Task With_30_percent_of_writes_failing_after_apply_every_draft_and_hold_exists_exactly_once()
    {
        World.Mailbox.Faults.InjectWriteFaults(0.3, seed: 9, retryAfter: TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            World.Mailbox.AddContact(Person($"Guest{i}", $"guest{i}@chaos.example"));
        }

        var received = new[]
        {
            await LogReferralAsync("received", "ana@partners.example", "Ana Prospect", "ana.prospect@chaos.example"),
            await LogReferralAsync("received", "ben@partners.example", "Ben Prospect", "ben.prospect@chaos.example"),
        };
        await LogReferralAsync("given", "cat@partners.example", "Cat Prospect", null);
        await LogReferralAsync("given", "dan@partners.example", "Dan Prospect", null);

        await OutboxDrive.SettleAsync(World, Worker);
        foreach (var (id, outcome) in received.Zip(["won", "noResponse"]))
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/api/referrals/{id}/outcome", new { outcome })).StatusCode);
        }

        await OutboxDrive.SettleAsync(World, Worker);
        World.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await OutboxDrive.SettleAsync(World, Worker);

        var rows = await OutboxDrive.RowsAsync(Worker);
        // 10 thank-you drafts and 10 holds, 2 intro drafts, 2 close-the-loop drafts, 2 check-ins.
        Assert.Equal(26, rows.Count);
        Assert.All(rows, r => Assert.Equal("Completed", r.Status));
        OutboxDrive.AssertEachItemExactlyOnce(World, rows);
        var injected = World.Mailbox.Faults.Injected;
        Assert.True(injected.FailedAfterApply > 0 && injected.DroppedAfterApply > 0, $"faults injected: {injected}");
    }

    [Fact]
    public async Task A_new_acquaintance_costs_at_most_three_graph_requests_beyond_the_sync()
    {
        World.Mailbox.Requests.Reset();
        for (var i = 0; i < 4; i++)
        {
            World.Mailbox.AddContact(Person($"Quiet{i}", $"quiet{i}@calm.example"));
        }

        await Worker.SyncOnceAsync();

        Assert.Equal(4, World.Mailbox.Drafts.Count);
        Assert.Equal(4, World.Mailbox.CreatedEvents.Count);
        var requests = World.Mailbox.Requests.Snapshot().ByRoute;
        var outbox = requests.Where(r => !r.Key.Contains("/delta", StringComparison.Ordinal)).ToDictionary(r => r.Key, r => r.Value);
        // A draft is one create; a hold is the user's free/busy and one create. No tag lookups: nothing was tried before.
        Assert.Equal(
            new Dictionary<string, int> { ["POST /me/messages"] = 4, ["POST /me/calendar/getSchedule"] = 4, ["POST /me/events"] = 4 },
            outbox);
        Assert.True(outbox.Values.Sum() / 4.0 <= 3);
    }

    [Fact]
    public async Task The_outbox_works_several_items_at_once_never_more_than_four_requests_in_flight_and_no_two_holds_share_a_slot()
    {
        // Ten: more at once would be a bulk addition, which starts nothing until the user picks.
        for (var i = 0; i < 10; i++)
        {
            World.Mailbox.AddContact(Person($"Busy{i}", $"busy{i}@rush.example"));
        }

        World.Mailbox.Requests.Reset();
        await OutboxDrive.SettleAsync(World, Worker);

        Assert.Equal(10, World.Mailbox.Drafts.Count);
        Assert.InRange(World.Mailbox.Requests.PeakInFlight, 1, 4);
        // Holds are planned concurrently from free/busy that cannot show a hold still being created.
        var holds = World.Mailbox.CreatedEvents.OrderBy(e => e.Data.Start).ToList();
        Assert.Equal(10, holds.Count);
        Assert.All(holds.Zip(holds.Skip(1)), pair => Assert.True(pair.First.Data.End <= pair.Second.Data.Start, $"{pair.First.Data.Start} overlaps {pair.Second.Data.Start}"));
        OutboxDrive.AssertEachItemExactlyOnce(World, await OutboxDrive.RowsAsync(Worker));
    }
}

/// <summary>Application mode: the outbox's concurrent work stays in the mailbox of the loop that started it.</summary>
public sealed class ApplicationModeOutboxTests
{
    [Fact]
    public async Task Concurrent_outbox_work_in_application_mode_writes_to_the_loops_own_mailbox()
    {
        await using var world = await SandboxWorld.StartAsync();
        world.Mailbox.ApplicationPermissions = true;
        var upn = world.Mailbox.User.UserPrincipalName;
        await using var worker = await world.StartWorkerAsync(["--Mailbox:Mode=Application", $"--Mailbox:Mailboxes:0={upn}", .. SandboxWorld.HoldsAtOnce]);
        var syncs = worker.Get<SyncApplicationMailboxes>();
        await syncs.RunOnceAsync(upn, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            world.Mailbox.AddContact(new SandboxContactSeed($"App{i}", "Person", [$"app{i}@tenant.example"], null));
        }

        var run = await syncs.RunOnceAsync(upn, CancellationToken.None);

        Assert.Equal((6, 6), (run.DraftsPrepared, run.HoldsPlaced));
        // The sandbox refuses /me to an app-only caller: every draft went to /users/{the loop's mailbox}.
        Assert.Equal(6, world.Mailbox.Drafts.Count);
        OutboxDrive.AssertEachItemExactlyOnce(world, await OutboxDrive.RowsAsync(worker));
    }
}
