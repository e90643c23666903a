using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Promises;
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
}
