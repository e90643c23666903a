using OfficeFollowUp.BulkAdditions;
using OfficeFollowUp.Drafts;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Tests.Store;

/// <summary>
/// The draft templates and the held new people (bulk additions), the same statements on both stores: before these,
/// only API and sync tests on SQLite reached their SQL.
/// </summary>
public sealed class TemplateAndNewsStoreTests
{
    private const string Mailbox = "mbx-1";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_template_is_saved_replaced_listed_per_mailbox_and_reset(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var templates = new TemplateStore(store.Database);

        Assert.Empty(await templates.ListAsync(Mailbox, Ct));
        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Thanks, {first name}", "Good to meet you."), null, now, Ct);
        await templates.SaveAsync(Mailbox, DraftKind.ReferralCheckIn, new DraftTemplate("Did you reach {prospect}?", "Just checking."), null, now, Ct);
        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Great to meet you, {first name}", "Let's talk soon."), null, now.AddMinutes(1), Ct);

        var listed = await templates.ListAsync(Mailbox, Ct);
        Assert.Equal(2, listed.Count);
        Assert.Equal(new DraftTemplate("Great to meet you, {first name}", "Let's talk soon."), listed[DraftKind.ThankYou]);
        Assert.Empty(await new TemplateStore(store.NewDatabase()).ListAsync("another-mailbox", Ct));

        await templates.ResetAsync(Mailbox, DraftKind.ThankYou, null, Ct);
        Assert.Null(await templates.GetAsync(Mailbox, DraftKind.ThankYou, Ct));
        Assert.Equal(new DraftTemplate("Did you reach {prospect}?", "Just checking."), await templates.GetAsync(Mailbox, DraftKind.ReferralCheckIn, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_save_or_reset_with_a_stale_version_writes_nothing_and_a_reset_and_save_again_never_reuses_a_version(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var templates = new TemplateStore(store.Database);
        var mine = new DraftTemplate("Mine", "Hi {FirstName},");
        var theirs = new DraftTemplate("Theirs", "Hello {FirstName},");

        var firstFromDefault = await templates.SaveAsync(Mailbox, DraftKind.ThankYou, mine, TemplateStore.DefaultVersion, now, Ct);
        var secondFromDefault = await templates.SaveAsync(Mailbox, DraftKind.ThankYou, theirs, TemplateStore.DefaultVersion, now, Ct);
        var v1 = await templates.VersionAsync(Mailbox, DraftKind.ThankYou, Ct);
        var onV1 = await templates.SaveAsync(Mailbox, DraftKind.ThankYou, theirs, v1, now.AddMinutes(1), Ct);
        var staleSave = await templates.SaveAsync(Mailbox, DraftKind.ThankYou, mine, v1, now.AddMinutes(2), Ct);
        var staleReset = await templates.ResetAsync(Mailbox, DraftKind.ThankYou, v1, Ct);
        var v2 = await templates.VersionAsync(Mailbox, DraftKind.ThankYou, Ct);
        var shown = await templates.GetAsync(Mailbox, DraftKind.ThankYou, Ct);
        var reset = await templates.ResetAsync(Mailbox, DraftKind.ThankYou, v2, Ct);
        var resetAgain = await templates.ResetAsync(Mailbox, DraftKind.ThankYou, TemplateStore.DefaultVersion, Ct);
        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, mine, TemplateStore.DefaultVersion, now.AddMinutes(3), Ct);
        var v3 = await templates.VersionAsync(Mailbox, DraftKind.ThankYou, Ct);
        var resetFromDefault = await templates.ResetAsync(Mailbox, DraftKind.ThankYou, TemplateStore.DefaultVersion, Ct);

        Assert.Equal((true, false), (firstFromDefault, secondFromDefault));
        Assert.Equal((true, false, false), (onV1, staleSave, staleReset));
        Assert.Equal("Theirs", shown!.Subject);
        Assert.Equal(v1 + 1, v2);
        Assert.Equal((true, true), (reset, resetAgain));
        Assert.DoesNotContain(v3, new[] { TemplateStore.DefaultVersion, v1, v2 });
        Assert.False(resetFromDefault);
        Assert.Equal(TemplateStore.DefaultVersion, await templates.VersionAsync(Mailbox, DraftKind.Birthday, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_template_keeps_the_language_it_is_written_in_and_a_replacement_its_own(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var templates = new TemplateStore(store.Database);

        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Lovely to meet you", "Hi {FirstName},", "en"), null, now, Ct);
        Assert.Equal("en", (await templates.GetAsync(Mailbox, DraftKind.ThankYou, Ct))!.Language);

        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Schön, Sie kennengelernt zu haben", "Hallo {FirstName},", "de"), null, now.AddMinutes(1), Ct);
        Assert.Equal("de", (await new TemplateStore(store.NewDatabase()).GetAsync(Mailbox, DraftKind.ThankYou, Ct))!.Language);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task Held_people_wait_in_a_bulk_prompt_and_the_answer_closes_it(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var news = new NewsStore(store.Database);
        NewAcquaintance Person(string name) => new($"c-{name}", $"{name}@example.com", $"{name} Smith", name, null, now, []);

        string promptId;
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            foreach (var name in new[] { "cy", "ada", "bo", "dee" })
            {
                await news.StageAsync(session, Mailbox, "folder-1", Person(name), now, Ct);
            }

            await news.StageAsync(session, Mailbox, "folder-1", Person("ada"), now, Ct); // a replayed page: held once
            await news.StageAsync(session, Mailbox, "folder-2", Person("eve"), now, Ct);
            var staged = await news.ListStagedAsync(session, Mailbox, ["folder-1"], Ct);
            Assert.Equal(["ada", "bo", "cy", "dee"], staged.Select(c => c.EmailKey.Split('@')[0]));

            await news.ReleaseAsync(session, Mailbox, ["dee@example.com"], Ct);
            promptId = await news.OpenBulkPromptAsync(session, Mailbox, ["ada@example.com", "bo@example.com", "cy@example.com"], now, Ct);
            Assert.Empty(await news.ListStagedAsync(session, Mailbox, ["folder-1"], Ct));
            Assert.Single(await news.ListStagedAsync(session, Mailbox, ["folder-2"], Ct));
            await session.CommitAsync(Ct);
        }

        var open = Assert.Single(await new NewsStore(store.NewDatabase()).ListOpenBulkPromptsAsync(Mailbox, Ct));
        Assert.Equal((promptId, 3), (open.Id, open.People.Count));

        await using (var session = await store.Database.BeginAsync(Ct))
        {
            await news.AnswerBulkPromptAsync(session, Mailbox, promptId, ["bo@example.com"], now.AddHours(1), Ct);
            Assert.Null(await news.GetOpenBulkPromptAsync(session, Mailbox, promptId, Ct));
            await session.CommitAsync(Ct);
        }

        Assert.Empty(await news.ListOpenBulkPromptsAsync(Mailbox, Ct));
    }
}
