using OfficeFollowUp.Evidence;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Promises;

namespace OfficeFollowUp.Tests.Store;

/// <summary>The statements behind sent mail completing referral duties and promises, and behind paced holds, on both stores.</summary>
public sealed class SentEvidenceStoreTests
{
    private const string Mailbox = "mbx-1";
    private const string Sam = "sam@taylorleasing.co.nz";
    private const string Anaru = "anaru@kowhaibuild.co.nz";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Duties_open_complete_once_and_a_new_outcome_opens_the_loop_again(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var referrals = new ReferralStore(store.Database);
        var evidence = new EvidenceStore();
        var referral = new Referral("r1", Mailbox, ReferralDirection.Received, new Party(Sam, "Sam Taylor"), "Anaru Ngata", "Anaru@KowhaiBuild.co.nz", null,
            null, false, null, now.AddHours(-2), null, null, null, null, null, null, null, "intro-1", null, null, now.AddHours(-2));
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            await referrals.InsertAsync(session, referral, Ct);
            await session.CommitAsync(Ct);
        }

        var promise = await new PromiseStore(store.Database).CreateAsync(Mailbox, Anaru, "Anaru", null, "Send the checklist", now.AddDays(2), PreferredChannel.Email, now.AddHours(-1), Ct);
        SentMessageFacts[] toAnaru = [new("m1", now, [Anaru], "c1", "<m1@x>")];

        IReadOnlyList<DutyCompletion> completions;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            var open = await evidence.OpenDutiesForAsync(session, Mailbox, toAnaru, Ct);
            completions = MatchSentDuties.Run(toAnaru, open);
            Assert.All(completions, c => Assert.True(evidence.CompleteDutyAsync(session, c, now, Ct).Result));
            Assert.All(completions, c => Assert.False(evidence.CompleteDutyAsync(session, c, now, Ct).Result));
            await session.CommitAsync(Ct);
        }

        var readVersion = (await referrals.GetAsync(Mailbox, "r1", Ct))!.RowVersion;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            Assert.True(await referrals.SetOutcomeAsync(session, "r1", readVersion, ReferralOutcome.InProgress, null, null, null, now, Ct));
            var close = MatchSentDuties.Run([new("m2", now.AddHours(1), [Sam], null, null)], await evidence.OpenDutiesForAsync(session, Mailbox, [], Ct));
            Assert.True(await evidence.CompleteDutyAsync(session, Assert.Single(close), now, Ct));
            await session.CommitAsync(Ct);
        }

        var closedOnce = (await referrals.GetAsync(Mailbox, "r1", Ct))!;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            Assert.True(await referrals.SetOutcomeAsync(session, "r1", closedOnce.RowVersion, ReferralOutcome.Won, 900m, null, null, now.AddDays(1), Ct));
            await session.CommitAsync(Ct);
        }

        Assert.Equal(["Promise", "ReferralContact"], completions.Select(c => c.Kind.ToString()).Order(StringComparer.Ordinal));
        var contacted = (await referrals.GetAsync(Mailbox, "r1", Ct))!;
        Assert.Equal((now, CompletedVia.Sent), (contacted.ContactedAt, contacted.ContactedVia));
        Assert.Equal(now.AddHours(1), closedOnce.LoopClosedAt);
        Assert.Null(contacted.LoopClosedAt);
        var kept = (await new PromiseStore(store.Database).GetAsync(Mailbox, promise.Id, Ct))!;
        Assert.Equal((PromiseState.Done, CompletedVia.Sent, PreferredChannel.Email), (kept.State, kept.DoneVia, kept.Channel));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_holds_start_is_kept_on_its_step_and_counted_and_a_waiting_entry_is_deferred_then_woken(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var (stepId, followUps, outbox) = await RepositoryTests.SeedStepAsync(store, Anaru);
        var entry = Assert.Single(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));

        await outbox.DeferAsync(entry, now.AddHours(1), Ct);
        var whileDeferred = await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct);
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            // Only hold entries are woken; this one makes a draft.
            Assert.Equal(0, await outbox.WakeHoldsAsync(session, Mailbox, [Anaru], now, Ct));
            await followUps.MarkPreparedAsync(session, stepId, OutboxKind.BookMeetingHold, "hold-1", now, Ct, holdStartsAt: now.AddDays(2));
            await session.CommitAsync(Ct);
        }

        Assert.Empty(whileDeferred);
        Assert.Single(await outbox.ClaimDueAsync(Mailbox, now.AddHours(1), now.AddHours(1), TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Equal([now.AddDays(2)], await followUps.ListHoldStartsAsync(Mailbox, now, Ct));
        Assert.Empty(await followUps.ListHoldStartsAsync(Mailbox, now.AddDays(3), Ct));
        Assert.Equal(now.AddDays(2), (await followUps.GetAsync(stepId, Ct))!.HoldStartsAt);
    }
}
