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
}
