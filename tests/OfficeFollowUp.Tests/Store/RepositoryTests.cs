using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Promises;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Tests.Store;

/// <summary>Every repository, the same statements, on both stores: what is written reads back the same.</summary>
public sealed class RepositoryTests
{
    private const string Mailbox = "mbx-1";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Migrations_run_once_and_again_change_nothing(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await store.Database.MigrateAsync(Ct);
        await store.NewDatabase().MigrateAsync(Ct);

        await using var connection = await store.Database.OpenAsync(Ct);
        var versions = (await Dapper.SqlMapper.QueryAsync<long>(connection, "SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrations.Versions.Select(v => (long)v), versions);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_version_missing_below_the_highest_applied_is_applied(string provider)
    {
        // Numbers are reserved per branch: a store that ran 12 before 11 was merged must still get 11. Version 9 stands
        // in for it here: its row and its table are taken away while the higher versions stay recorded.
        await using var store = await TestStore.CreateAsync(provider);
        await store.Database.MigrateAsync(Ct);
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "DROP TABLE graph_subscriptions");
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM schema_migrations WHERE version = 9");
        }

        await store.NewDatabase().MigrateAsync(Ct);

        await using var again = await store.Database.OpenAsync(Ct);
        var versions = (await Dapper.SqlMapper.QueryAsync<long>(again, "SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrations.Versions.Select(v => (long)v), versions);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(again, "SELECT COUNT(*) FROM graph_subscriptions"));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_reset_on_start_drops_every_table_the_migrations_made_and_migrates_again(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await new MailboxStore(store.Database).UpsertAsync(new MailboxProfile(Mailbox, "Ann Lee", "Ann", ["ann@example.com"], "Europe/Berlin"), store.Time.GetUtcNow(), Ct);

        // The sandbox demo resets its store at every start; on PostgreSQL a table left behind made the next start fail.
        var again = new Database(Microsoft.Extensions.Options.Options.Create(Clone(store.Options, resetOnStart: true)), store.Time);
        await again.MigrateAsync(Ct);

        Assert.Null(await new MailboxStore(again).GetSingleAsync(Ct));
        await using var connection = await again.OpenAsync(Ct);
        var versions = (await Dapper.SqlMapper.QueryAsync<long>(connection, "SELECT version FROM schema_migrations")).Count();
        Assert.Equal(Migrations.Versions.Count(), versions);
    }

    private static StoreOptions Clone(StoreOptions options, bool resetOnStart) => new()
    {
        Provider = options.Provider,
        ConnectionString = options.ConnectionString,
        DataFolder = options.DataFolder,
        DatabaseFileName = options.DatabaseFileName,
        ResetOnStart = resetOnStart,
    };

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Mailbox_and_sync_state_read_back_as_written(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        var mailboxes = new MailboxStore(store.Database);
        await mailboxes.UpsertAsync(new MailboxProfile(Mailbox, "Ann Lee", "Ann", ["ann@example.com"], "Europe/Berlin"), now, Ct);
        await mailboxes.MarkBaselinedAsync(Mailbox, now.AddMinutes(1), Ct);
        await mailboxes.MarkBaselinedAsync(Mailbox, now.AddMinutes(2), Ct);

        var stored = (await mailboxes.GetSingleAsync(Ct))!;
        Assert.Equal(["ann@example.com"], stored.Profile.OwnAddresses);
        Assert.Equal(now, stored.ConnectedAt);
        Assert.Equal(now.AddMinutes(1), stored.BaselinedAt);

        var syncStates = new SyncStateStore(store.Database);
        var state = new SyncState(Mailbox, "contacts", SyncStage.Incremental, "delta-1", 2, now, "throttled", now.AddMinutes(5), 3, "{\"from\":1}",
            ResyncReason.CursorExpired, new ResyncSummary(now, ResyncReason.CursorExpired, 10, 2, 1));
        await syncStates.SaveAsync(state, Ct);
        Assert.Equal(state, await syncStates.GetAsync(Mailbox, "contacts", Ct));
        await syncStates.SaveAsync(state with { Cursor = "delta-2", LastResync = null }, Ct);
        Assert.Equal("delta-2", (await syncStates.ListAsync(Mailbox, Ct)).Single().Cursor);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task People_contacts_and_events_read_back_and_meetings_are_found(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await SeedMailboxAsync(store);
        var people = new PeopleStore(store.Database);
        var contacts = new ContactStore();
        var events = new EventStore(store.Database);
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            var contact = new ContactFacts("c1", "Bo Park", "Bo", "Acme", ["Bo@Example.com"], now.AddDays(-1), new DateOnly(1990, 4, 5));
            await contacts.UpsertAsync(session, Mailbox, "folder", contact, now, Ct);
            await people.RememberContactAsync(session, Mailbox, contact, now, Ct);
            await events.UpsertAsync(session, Mailbox, new CalendarEventFacts("e1", null, "Chapter meeting", now.AddHours(-3), now.AddHours(-2), false, "busy",
                ["Networking"], [new EventAttendee("bo@example.com", "Bo Park")], false), now, Ct);
            await people.MarkAcquaintanceAsync(session, Mailbox, new TrackStart("bo@example.com", "Bo Park", "Bo", "Acme", "c1", now.AddHours(-2), "e1",
                Remember: "runs a bakery"), now, Ct);
            await session.CommitAsync(Ct);
        }

        var person = (await people.GetAsync(Mailbox, "BO@example.com", Ct))!;
        Assert.True(person.IsAcquaintance);
        Assert.Equal(now.AddHours(-2), person.MetAt);
        Assert.Equal("Chapter meeting", person.EventSubject);
        Assert.Equal("runs a bakery", person.Remember);
        Assert.Equal(1, await people.CountAcquaintancesAsync(Mailbox, Ct));
        Assert.Equal("e1", (await people.LastMeetingAsync(Mailbox, "bo@example.com", now, Ct))!.EventId);

        var stored = (await events.GetAsync(Mailbox, "e1", Ct))!;
        Assert.Equal(now.AddHours(-3), stored.Facts.Start);
        Assert.False(stored.Facts.IsAllDay);
        await events.SetMarkAsync(Mailbox, "e1", isNetworking: true, now, Ct);
        Assert.True((await events.GetAsync(Mailbox, "e1", Ct))!.Mark);
        Assert.Single(await events.ListAsync(Mailbox, now.AddDays(-1), now, Ct));

        var keepInTouch = new KeepInTouchStore(store.Database);
        await keepInTouch.SetCadenceAsync(Mailbox, "bo@example.com", "Bo Park", Tier.InnerCircle, 30, now, Ct);
        var touch = Assert.Single(await keepInTouch.LoadAsync(Mailbox, now, Ct));
        Assert.Equal(Tier.InnerCircle, touch.ChosenTier);
        Assert.Equal(now.AddHours(-2), touch.LastMeeting);
        Assert.Single(await keepInTouch.BirthdaysAsync(Mailbox, Ct));

        await using (var session = await store.Database.BeginAsync(Ct))
        {
            Assert.Equal(1, await contacts.MarkRemovedAsync(session, Mailbox, ["c1"], Ct));
            await session.CommitAsync(Ct);
        }

        await using (var session = await store.Database.OpenSessionAsync(Ct))
        {
            Assert.Empty(await contacts.ListIdsInFolderAsync(session, Mailbox, "folder", Ct));
        }
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_follow_up_step_and_its_outbox_entry_go_from_pending_to_prepared(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await SeedMailboxAsync(store);
        var (stepId, followUps, outbox) = await SeedStepAsync(store, "bo@example.com");

        var entry = Assert.Single(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Equal($"ofu-{stepId}", entry.Tag);
        await outbox.MarkCreateStartedAsync(entry, now, Ct);
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            await outbox.CompleteAsync(session, entry, "draft-1", now, Ct);
            await followUps.MarkPreparedAsync(session, stepId, OutboxKind.ThankYouDraft, "draft-1", now, Ct);
            await session.CommitAsync(Ct);
        }

        var item = (await followUps.GetAsync(stepId, Ct))!;
        Assert.Equal(FollowUpState.Prepared, item.State);
        Assert.Equal("draft-1", item.DraftId);
        Assert.Equal(now.AddDays(1), item.DueAt);
        Assert.Empty(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Equal(new OutboxCounts(0, 0), await outbox.CountAsync(Mailbox, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task An_entry_that_gave_up_shows_and_is_rearmed_once(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await SeedMailboxAsync(store);
        var (stepId, followUps, outbox) = await SeedStepAsync(store, "bo@example.com");
        var entry = Assert.Single(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));

        await outbox.RetryLaterAsync(entry, "ServiceUnavailable", 1, now, now.AddMinutes(1), Ct);
        Assert.Equal(new OutboxCounts(1, 1), await outbox.CountAsync(Mailbox, Ct));
        await outbox.GiveUpAsync(entry, "ServiceUnavailable", "Outlook kept refusing.", 2, now, now, Ct);

        var gaveUp = Assert.Single(await outbox.ListGaveUpAsync(Mailbox, Ct));
        Assert.Equal("Bo Park", gaveUp.Who);
        Assert.Equal(now, gaveUp.GaveUp.At);
        Assert.NotNull((await followUps.GetAsync(stepId, Ct))!.GaveUp);

        Assert.Equal(OutboxRetryResult.Rearmed, await outbox.RetryAsync(Mailbox, entry.Id, now, Ct));
        Assert.Equal(OutboxRetryResult.NotGivenUp, await outbox.RetryAsync(Mailbox, entry.Id, now, Ct));
        Assert.Equal(OutboxRetryResult.NotFound, await outbox.RetryAsync(Mailbox, "nope", now, Ct));
        Assert.Single(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Referrals_promises_and_settings_read_back_as_written(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await SeedMailboxAsync(store);
        var referrals = new ReferralStore(store.Database);
        var outbox = new OutboxStore(store.Database);
        var referral = new Referral("r1", Mailbox, ReferralDirection.Received, new Party("Cy@example.com", "Cy"), "Dee", "dee@example.com", null, "needs a lawyer",
            true, "msg-1", now, null, null, null, null, null, null, null, null, null, null, now);
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            await referrals.InsertAsync(session, referral, Ct);
            Assert.True(await outbox.EnqueueForReferralAsync(session, Mailbox, "r1", OutboxKind.ReferralIntroDraft, "intro", now, now, Ct));
            Assert.False(await outbox.EnqueueForReferralAsync(session, Mailbox, "r1", OutboxKind.ReferralIntroDraft, "intro", now, now, Ct));
            await referrals.SetOutcomeAsync(session, "r1", 0, ReferralOutcome.Won, 1250.50m, "signed", null, now, Ct);
            await session.CommitAsync(Ct);
        }

        await referrals.SetPartnerFollowedUpAsync("r1", followedUp: true, now, Ct);
        var read = (await referrals.GetAsync(Mailbox, "r1", Ct))!;
        Assert.Equal(referral with { Outcome = ReferralOutcome.Won, OutcomeValue = 1250.50m, OutcomeNote = "signed", OutcomeAt = now, PartnerFollowedUp = true, PartnerAnsweredAt = now, RowVersion = 2 }, read);
        Assert.Single(await referrals.ListForPartnerAsync(Mailbox, "cy@EXAMPLE.com", Ct));

        var promises = new PromiseStore(store.Database);
        var promise = await promises.CreateAsync(Mailbox, "bo@example.com", "Bo", null, "send the deck", now.AddDays(2), null, now, Ct);
        await promises.SetStateAsync(promise.Id, PromiseState.Done, null, now, Ct);
        Assert.Empty(await promises.ListOpenAsync(Mailbox, Ct));

        var settings = new SettingsStore(store.Database);
        Assert.NotNull(await settings.GetAsync(Mailbox, Ct));
    }

    internal static async Task SeedMailboxAsync(TestStore store) =>
        await new MailboxStore(store.Database).UpsertAsync(new MailboxProfile(Mailbox, "Ann Lee", "Ann", ["ann@example.com"], "UTC"), store.Time.GetUtcNow(), Ct);

    /// <summary>A person met now with a thank-you step due in a day and its outbox entry.</summary>
    internal static async Task<(string StepId, FollowUpStore FollowUps, OutboxStore Outbox)> SeedStepAsync(TestStore store, string email)
    {
        var now = store.Time.GetUtcNow();
        var followUps = new FollowUpStore(store.Database);
        var outbox = new OutboxStore(store.Database);
        await using var session = await store.Database.BeginAsync(Ct);
        await new PeopleStore(store.Database).MarkAcquaintanceAsync(session, Mailbox, new TrackStart(email, "Bo Park", "Bo", null, null, now), now, Ct);
        var stepId = (await followUps.InsertStepAsync(session, Mailbox, email, new PlannedStep(FollowUpStepKind.ThankYou, now.AddDays(1)), now, Ct))!;
        Assert.Null(await followUps.InsertStepAsync(session, Mailbox, email, new PlannedStep(FollowUpStepKind.ThankYou, now.AddDays(1)), now, Ct));
        await outbox.EnqueueAsync(session, Mailbox, stepId, OutboxKind.ThankYouDraft, now, Ct);
        await session.CommitAsync(Ct);
        return (stepId, followUps, outbox);
    }
}
