using Dapper;
using OfficeFollowUp.Evidence;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Outbox;

namespace OfficeFollowUp.Tests.Store;

/// <summary>The birthday drafts table and the outbox's birthday entries, on both stores: once per person and year, made, completed once.</summary>
public sealed class BirthdayDraftStoreTests
{
    private const string Mailbox = "mbx-1";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_birthday_is_planned_once_per_year_made_once_and_completed_once_by_mail_inside_its_window(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            var contacts = new ContactStore();
            await contacts.UpsertAsync(session, Mailbox, "f1", new ContactFacts("c-ana", "Ana Silva", "Ana", "Silva Design", ["ana@silva.pt"], now, new DateOnly(1986, 3, 3),
                PersonalNotes: "is planning a trip to Japan"), now, Ct);
            await contacts.UpsertAsync(session, Mailbox, "f1", new ContactFacts("c-bo", "Bo Park", "Bo", null, ["bo@park.example"], now, new DateOnly(1990, 3, 3)), now, Ct);
            await contacts.UpsertAsync(session, Mailbox, "f1", new ContactFacts("c-cy", "Cy", null, null, [], now, new DateOnly(1990, 3, 3)), now, Ct);
            await session.CommitAsync(Ct);
        }

        await new KeepInTouchStore(store.Database).SetCadenceAsync(Mailbox, "ANA@silva.pt", "Ana Silva", Tier.InnerCircle, null, now, Ct);
        var birthdays = new BirthdayDraftStore(store.Database);
        var candidates = (await birthdays.CandidatesAsync(Mailbox, Ct)).OrderBy(c => c.DisplayName, StringComparer.Ordinal).ToList();
        var plans = PlanBirthdayDrafts.Run(candidates, now, TimeZoneInfo.Utc, new KeepInTouchOptions());
        var plan = Assert.Single(plans);

        bool first, again;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            first = await birthdays.PlanAsync(session, Mailbox, plan, now, Ct);
            again = await birthdays.PlanAsync(session, Mailbox, plan with { DisplayName = "Ana S." }, now.AddHours(1), Ct);
            await session.CommitAsync(Ct);
        }

        var outbox = new OutboxStore(store.Database);
        var entry = Assert.Single(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));
        var id = BirthdayDraftStore.IdOf(Mailbox, "ana@silva.pt", 2026);
        var toCompose = (await birthdays.GetAsync(id, Ct))!;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            await outbox.CompleteAsync(session, entry, "draft-1", now, Ct);
            await birthdays.MarkPreparedAsync(session, id, "draft-1", new MadeDraft("draft-1", "conv-1", "<m1@x>"), now, Ct);
            await session.CommitAsync(Ct);
        }

        var prepared = Assert.Single(await birthdays.ListAsync(Mailbox, [id, BirthdayDraftStore.IdOf(Mailbox, "bo@park.example", 2026)], Ct));
        var evidence = new EvidenceStore();
        SentMessageFacts[] tooEarly = [new("m0", plan.WindowFrom.AddMinutes(-1), ["ana@silva.pt"], null, null)];
        SentMessageFacts[] theWish = [new("m1", now.AddHours(30), ["ana@silva.pt"], null, null)];
        IReadOnlyList<DutyCompletion> early, wish;
        bool completed, twice;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            early = MatchSentDuties.Run(tooEarly, await evidence.OpenDutiesForAsync(session, Mailbox, tooEarly, Ct));
            wish = MatchSentDuties.Run(theWish, await evidence.OpenDutiesForAsync(session, Mailbox, theWish, Ct));
            completed = await evidence.CompleteDutyAsync(session, Assert.Single(wish), now, Ct);
            twice = await evidence.CompleteDutyAsync(session, wish[0], now, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal([("Ana Silva", true, "c-ana"), ("Bo Park", false, "c-bo"), ("Cy", false, "c-cy")],
            candidates.Select(c => (c.DisplayName, c.KeptInTouch, c.ContactId!)));
        Assert.Null(candidates[2].Email);
        Assert.Equal((true, false), (first, again));
        Assert.Equal((OutboxKind.BirthdayDraft, id, BirthdayDraftStore.TagOf(id), (string?)null, (string?)null),
            (entry.Kind, entry.BirthdayId, entry.Tag, entry.StepId, entry.ReferralId));
        Assert.Equal(("Ana Silva", "Ana", "Silva Design", "is planning a trip to Japan", BirthdayDraftState.Planned, new DateOnly(2026, 3, 3)),
            (toCompose.DisplayName, toCompose.GivenName, toCompose.CompanyName, toCompose.PersonalNotes, toCompose.State, toCompose.Date));
        Assert.Equal((BirthdayDraftState.Prepared, "draft-1"), (prepared.State, prepared.DraftId));
        Assert.Empty(early);
        Assert.Equal((SentDutyKind.Birthday, id), (wish[0].Kind, wish[0].Id));
        Assert.Equal((true, false), (completed, twice));
        var done = (await birthdays.GetAsync(id, Ct))!;
        Assert.Equal((BirthdayDraftState.Done, CompletedVia.Sent, now.AddHours(30)), (done.State, done.CompletedVia, done.CompletedAt));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_skipped_birthday_is_never_planned_or_made_again_that_year_and_undo_reopens_it(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var birthdays = new BirthdayDraftStore(store.Database);
        var (from, until) = PlanBirthdayDrafts.Window(new DateOnly(2026, 3, 3), TimeZoneInfo.Utc, new KeepInTouchOptions());
        var ana = new BirthdayDraftPlan("ana@silva.pt", "Ana Silva", 2026, new DateOnly(2026, 3, 3), from, until);
        var bo = ana with { Email = "bo@park.example", DisplayName = "Bo Park" };
        var anaId = BirthdayDraftStore.IdOf(Mailbox, ana.Email, 2026);
        var boId = BirthdayDraftStore.IdOf(Mailbox, bo.Email, 2026);
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            await birthdays.PlanAsync(session, Mailbox, ana, now, Ct);
            await session.CommitAsync(Ct);
        }

        // Ana's draft is being made when she is skipped; Bo is skipped before his lead day.
        var anaSkipped = await birthdays.SkipAsync(Mailbox, anaId, ana, now, Ct);
        var anaTwice = await birthdays.SkipAsync(Mailbox, anaId, ana, now, Ct);
        var boSkipped = await birthdays.SkipAsync(Mailbox, boId, bo, now, Ct);
        var otherMailbox = await birthdays.SkipAsync("mbx-other", anaId, null, now, Ct);
        bool planAgain;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            planAgain = await birthdays.PlanAsync(session, Mailbox, bo, now, Ct);
            await session.CommitAsync(Ct);
        }

        SentMessageFacts[] theWish = [new("m1", now.AddHours(1), ["ana@silva.pt"], null, null)];
        IReadOnlyList<OpenDutyFacts> open;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            open = await BirthdayDraftStore.OpenForAsync(session, Mailbox, theWish, Ct);
        }

        var outbox = new OutboxStore(store.Database);
        var entry = Assert.Single(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));
        // What the outbox does when PrepareBirthdayDraft finds the birthday skipped.
        await outbox.CloseAsync(entry, OutboxStatus.Cancelled, null, now, Ct);

        var anaBack = await birthdays.ReopenAsync(Mailbox, anaId, now, Ct);
        var boBack = await birthdays.ReopenAsync(Mailbox, boId, now, Ct);
        var boAgain = await birthdays.ReopenAsync(Mailbox, boId, now, Ct);
        bool planAfterUndo;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            planAfterUndo = await birthdays.PlanAsync(session, Mailbox, bo, now, Ct);
            await session.CommitAsync(Ct);
        }

        var remade = await outbox.ClaimDueAsync(Mailbox, now.AddMinutes(1), now.AddMinutes(1), TimeSpan.FromMinutes(5), 10, Ct);

        Assert.Equal((BirthdayDraftState.Skipped, BirthdayDraftState.Skipped, BirthdayDraftState.Skipped), (anaSkipped!.State, anaTwice!.State, boSkipped!.State));
        Assert.Null(otherMailbox);
        Assert.False(planAgain);
        Assert.Empty(open);
        Assert.Equal((true, BirthdayDraftState.Planned), (anaBack.Reopened, anaBack.Birthday!.State));
        Assert.Equal((true, (BirthdayDraft?)null), (boBack.Reopened, boBack.Birthday));
        Assert.False(boAgain.Reopened);
        Assert.True(planAfterUndo);
        Assert.Equal([anaId, boId], remade.Select(e => e.BirthdayId!).OrderBy(x => x == anaId ? 0 : 1));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task An_outbox_entry_is_for_exactly_one_step_referral_or_birthday(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        await using var session = await store.Database.OpenSessionAsync(Ct);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => session.ExecuteAsync("""
            INSERT INTO outbox (id, mailbox_id, kind, tag, status, attempts, next_attempt_at, created_at)
            VALUES ('o1', @mailboxId, 'BirthdayDraft', 'ofu-none', 'Pending', 0, @now, @now)
            """, new { mailboxId = Mailbox, now }, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Upgrading_a_store_keeps_its_outbox_entries_and_what_their_tries_recorded(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        var postgres = provider == StoreOptions.PostgreSql;
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            // The store as the release before birthday drafts left it.
            foreach (var table in Migrations.Tables.Reverse())
            {
                await connection.ExecuteAsync($"DROP TABLE IF EXISTS {table}{(postgres ? " CASCADE" : "")}");
            }

            await Migrations.ApplyAsync(connection, postgres ? "timestamptz" : "TEXT", now, Ct, upTo: 17);
        }

        await RepositoryTests.SeedMailboxAsync(store);
        var (stepId, _, outbox) = await RepositoryTests.SeedStepAsync(store, "bo@example.com");
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE outbox SET create_started_at = created_at, attempts = 2, last_error = 'serviceUnavailable'");
        }

        await store.NewDatabase().MigrateAsync(Ct);
        var entry = Assert.Single(await outbox.ClaimDueAsync(Mailbox, now, now, TimeSpan.FromMinutes(5), 10, Ct));

        Assert.Equal((stepId, OutboxKind.ThankYouDraft, $"ofu-{stepId}", 2, now, (string?)null), (entry.StepId, entry.Kind, entry.Tag, entry.Attempts, entry.CreateStartedAt, entry.BirthdayId));
    }
}
