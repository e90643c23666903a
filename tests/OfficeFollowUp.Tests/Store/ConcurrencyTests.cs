using Dapper;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Promises;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Tests.Store;

/// <summary>
/// Two workers on one store, each with its own <see cref="Database"/> (its own connections, as another process would
/// have): nothing one writes is lost to the other, and no outbox entry is worked twice.
/// </summary>
public sealed class ConcurrencyTests
{
    private const string Mailbox = "mbx-1";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Two_claimers_never_get_the_same_outbox_entry(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        for (var i = 0; i < 40; i++)
        {
            await RepositoryTests.SeedStepAsync(store, $"p{i}@example.com");
        }

        OutboxStore[] workers = [new(store.NewDatabase()), new(store.NewDatabase())];
        var claims = await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            for (var round = 0; round < 20; round++)
            {
                mine.AddRange((await w.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 5, Ct)).Select(e => e.Id));
            }

            return mine;
        })));

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(40, claims[0].Count + claims[1].Count);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_claim_of_a_process_that_died_lapses_after_its_lease(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        await RepositoryTests.SeedStepAsync(store, "bo@example.com");
        var died = new OutboxStore(store.NewDatabase());
        var survivor = new OutboxStore(store.NewDatabase());

        Assert.Single(await died.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Empty(await survivor.ClaimDueAsync(Mailbox, now, now.AddMinutes(4), TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Single(await survivor.ClaimDueAsync(Mailbox, now, now.AddMinutes(5), TimeSpan.FromMinutes(5), 10, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_decision_read_before_another_process_closed_the_step_does_not_overwrite_it(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var (stepId, _, _) = await RepositoryTests.SeedStepAsync(store, "bo@example.com");
        var first = new FollowUpStore(store.NewDatabase());
        var second = new FollowUpStore(store.NewDatabase());

        // Both read the step open; the first marks it done, then the second's snooze lands.
        Assert.Equal(FollowUpState.Pending, (await first.GetAsync(stepId, Ct))!.State);
        Assert.Equal(FollowUpState.Pending, (await second.GetAsync(stepId, Ct))!.State);
        Assert.True((await first.SetStateAsync(stepId, FollowUpState.Done, null, null, now, Ct)).Written);
        var (written, item) = await second.SetStateAsync(stepId, FollowUpState.Snoozed, now.AddDays(1), null, now, Ct);

        Assert.False(written);
        Assert.Equal(FollowUpState.Done, item!.State);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_snooze_read_before_another_process_kept_the_promise_does_not_reopen_it(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var first = new PromiseStore(store.NewDatabase());
        var second = new PromiseStore(store.NewDatabase());
        var promise = await first.CreateAsync(Mailbox, "bo@example.com", "Bo", null, "send the deck", now.AddDays(2), null, now, Ct);

        Assert.True(await first.SetStateAsync(promise.Id, PromiseState.Done, null, now, Ct));
        Assert.False(await second.SetStateAsync(promise.Id, PromiseState.Snoozed, now.AddDays(1), now, Ct));

        Assert.Equal(PromiseState.Done, (await second.GetAsync(Mailbox, promise.Id, Ct))!.State);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Two_transactions_updating_the_same_person_keep_both_changes(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var one = new PeopleStore(store.NewDatabase());
        var other = store.NewDatabase();
        var met = new TrackStart("bo@example.com", "Bo Park", "Bo", null, null, now);
        await using (var seed = await store.Database.BeginAsync(Ct))
        {
            await one.MarkAcquaintanceAsync(seed, Mailbox, met, now, Ct);
            await seed.CommitAsync(Ct);
        }

        // The first transaction writes and stays open while the second writes the same row: the second must wait for
        // the first and then apply its change on top, not on the row as it was before.
        var firstDb = store.NewDatabase();
        await using var first = await firstDb.BeginAsync(Ct);
        await one.MarkAcquaintanceAsync(first, Mailbox, met with { Remember = "runs a bakery" }, now, Ct);
        var second = Task.Run(async () =>
        {
            await using var session = await other.BeginAsync(Ct);
            await new PeopleStore(other).MarkAcquaintanceAsync(session, Mailbox, met with { Promised = "intro to Cy" }, now, Ct);
            await session.CommitAsync(Ct);
        });
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        await first.CommitAsync(Ct);
        await second;

        var person = (await one.GetAsync(Mailbox, "bo@example.com", Ct))!;
        Assert.Equal("runs a bakery", person.Remember);
        Assert.Equal("intro to Cy", person.Promised);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task An_outcome_write_from_a_read_another_process_overtook_does_not_land(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        await InsertReceivedReferralsAsync(store, now, "r1");
        var first = new ReferralStore(store.NewDatabase());
        var second = new ReferralStore(store.NewDatabase());

        var readByFirst = (await first.GetAsync(Mailbox, "r1", Ct))!;
        var readBySecond = (await second.GetAsync(Mailbox, "r1", Ct))!;
        await using (var session = await store.NewDatabase().BeginAsync(Ct))
        {
            Assert.True(await first.SetOutcomeAsync(session, "r1", readByFirst.RowVersion, ReferralOutcome.Won, 900m, null, null, now, Ct));
            await session.CommitAsync(Ct);
        }

        await using (var session = await store.NewDatabase().BeginAsync(Ct))
        {
            Assert.False(await second.SetOutcomeAsync(session, "r1", readBySecond.RowVersion, ReferralOutcome.NotAFit, null, "went elsewhere", null, now, Ct));
            await session.CommitAsync(Ct);
        }

        var stored = (await second.GetAsync(Mailbox, "r1", Ct))!;
        Assert.Equal((ReferralOutcome.Won, 900m, (string?)null), (stored.Outcome!.Value, stored.OutcomeValue!.Value, stored.OutcomeNote));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Two_processes_recording_different_outcomes_at_once_keep_the_first_and_one_close_the_loop_note(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        string[] ids = ["r1", "r2", "r3", "r4"];
        await InsertReceivedReferralsAsync(store, now, ids);

        // A third writer holds the referrals' rows (PostgreSQL row locks; SQLite's write lock) while both processes
        // read them as still in progress and try to record their outcome; then it lets go, and both writes meet.
        var blockerDb = store.NewDatabase();
        await using var blocker = await blockerDb.OpenAsync(Ct);
        await using var hold = await blocker.BeginTransactionAsync(Ct);
        await blocker.ExecuteAsync("UPDATE referrals SET note = note WHERE mailbox_id = @Mailbox", new { Mailbox }, hold);

        var won = new RecordOutcome(store.NewDatabase(), new ReferralStore(store.NewDatabase()), new OutboxStore(store.NewDatabase()), store.Time);
        var lost = new RecordOutcome(store.NewDatabase(), new ReferralStore(store.NewDatabase()), new OutboxStore(store.NewDatabase()), store.Time);
        var both = ids.SelectMany(id => new[]
        {
            Task.Run(() => won.RunAsync(Mailbox, id, new OutcomeInput(ReferralOutcome.Won, 500m, null, null, Change: false), Ct)),
            Task.Run(() => lost.RunAsync(Mailbox, id, new OutcomeInput(ReferralOutcome.NotAFit, null, "chose another firm", null, Change: false), Ct)),
        }).ToList();
        await Task.Delay(700);
        Assert.DoesNotContain(both, t => t.IsCompleted);
        await hold.CommitAsync(Ct);
        var results = await Task.WhenAll(both);

        var readBack = new ReferralStore(store.NewDatabase());
        await using var check = await store.NewDatabase().OpenAsync(Ct);
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            // One of the two landed; the other saw it and did not overwrite a final outcome without an explicit change.
            var pair = new[] { results[2 * i], results[(2 * i) + 1] };
            Assert.Single(pair, r => r.Kind == OutcomeResultKind.Recorded);
            Assert.Single(pair, r => r.Kind == OutcomeResultKind.ConflictsWithRecorded);
            var recorded = pair.Single(r => r.Kind == OutcomeResultKind.Recorded).Referral!.Outcome;
            Assert.Equal(recorded, (await readBack.GetAsync(Mailbox, id, Ct))!.Outcome);
            Assert.Equal(1, await check.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM outbox WHERE referral_id = @id AND kind = @kind", new { id, kind = nameof(OutboxKind.CloseTheLoopDraft) }));
        }
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_settings_save_from_a_stale_read_does_not_undo_another_process_s_save(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var first = new SettingsStore(store.NewDatabase());
        var second = new SettingsStore(store.NewDatabase());
        var signature = SettingsOverrides.None with { Signature = "Ada, from the first pane" };
        var category = SettingsOverrides.None with { NetworkingCategory = "Meetups" };

        // Both editors opened the settings before anything was saved; the first saves, then the second.
        var readByFirst = await first.VersionAsync(Mailbox, Ct);
        var readBySecond = await second.VersionAsync(Mailbox, Ct);
        Assert.True(await first.SaveAsync(Mailbox, signature, readByFirst, now, Ct));
        Assert.False(await second.SaveAsync(Mailbox, category, readBySecond, now, Ct));
        Assert.Equal(signature, await second.GetAsync(Mailbox, Ct));

        // Read again, the second editor's change lands on top of the first's, and a stale one still cannot undo it.
        var fresh = await second.VersionAsync(Mailbox, Ct);
        Assert.True(await second.SaveAsync(Mailbox, signature with { NetworkingCategory = "Meetups" }, fresh, now, Ct));
        Assert.False(await first.SaveAsync(Mailbox, signature, readByFirst, now, Ct));
        Assert.Equal(signature with { NetworkingCategory = "Meetups" }, await first.GetAsync(Mailbox, Ct));
        Assert.Equal(fresh + 1, await first.VersionAsync(Mailbox, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Two_processes_writing_different_parts_of_a_person_at_once_keep_both(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var met = new TrackStart("bo@example.com", "Bo Park", "Bo", null, null, now);
        await new PeopleStore(store.NewDatabase()).SetRememberAsync(Mailbox, "bo@example.com", "Bo Park", "first note", now, Ct);

        // The card's "remember" and a tracked meeting's promise, from two processes, both waiting on a third writer.
        var blockerDb = store.NewDatabase();
        await using var blocker = await blockerDb.OpenAsync(Ct);
        await using var hold = await blocker.BeginTransactionAsync(Ct);
        await blocker.ExecuteAsync("UPDATE people SET display_name = display_name WHERE mailbox_id = @Mailbox", new { Mailbox }, hold);
        var remember = Task.Run(() => new PeopleStore(store.NewDatabase()).SetRememberAsync(Mailbox, "bo@example.com", "Bo Park", "runs a bakery", now, Ct));
        var tracked = Task.Run(async () =>
        {
            var db = store.NewDatabase();
            await using var session = await db.BeginAsync(Ct);
            await new PeopleStore(db).MarkAcquaintanceAsync(session, Mailbox, met with { Promised = "intro to Cy" }, now, Ct);
            await session.CommitAsync(Ct);
        });
        await Task.Delay(500);
        Assert.False(remember.IsCompleted || tracked.IsCompleted);
        await hold.CommitAsync(Ct);
        await Task.WhenAll(remember, tracked);

        var person = (await new PeopleStore(store.NewDatabase()).GetAsync(Mailbox, "bo@example.com", Ct))!;
        Assert.Equal(("runs a bakery", "intro to Cy", true), (person.Remember, person.Promised, person.IsAcquaintance));
    }

    private static async Task InsertReceivedReferralsAsync(TestStore store, DateTimeOffset now, params string[] ids)
    {
        var referrals = new ReferralStore(store.Database);
        await using var session = await store.Database.BeginAsync(Ct);
        foreach (var id in ids)
        {
            await referrals.InsertAsync(session, new Referral(id, Mailbox, ReferralDirection.Received, new Party("cy@example.com", "Cy"), $"Dee {id}", $"dee-{id}@example.com",
                null, "needs a lawyer", true, null, now, null, null, null, null, null, null, null, null, null, null, now), Ct);
        }

        await session.CommitAsync(Ct);
    }
}
