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
        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Thanks, {first name}", "Good to meet you."), now, Ct);
        await templates.SaveAsync(Mailbox, DraftKind.ReferralCheckIn, new DraftTemplate("Did you reach {prospect}?", "Just checking."), now, Ct);
        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Great to meet you, {first name}", "Let's talk soon."), now.AddMinutes(1), Ct);

        var listed = await templates.ListAsync(Mailbox, Ct);
        Assert.Equal(2, listed.Count);
        Assert.Equal(new DraftTemplate("Great to meet you, {first name}", "Let's talk soon."), listed[DraftKind.ThankYou]);
        Assert.Empty(await new TemplateStore(store.NewDatabase()).ListAsync("another-mailbox", Ct));

        await templates.ResetAsync(Mailbox, DraftKind.ThankYou, Ct);
        Assert.Null(await templates.GetAsync(Mailbox, DraftKind.ThankYou, Ct));
        Assert.Equal(new DraftTemplate("Did you reach {prospect}?", "Just checking."), await templates.GetAsync(Mailbox, DraftKind.ReferralCheckIn, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_template_keeps_the_language_it_is_written_in_and_a_replacement_its_own(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var templates = new TemplateStore(store.Database);

        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Lovely to meet you", "Hi {FirstName},", "en"), now, Ct);
        Assert.Equal("en", (await templates.GetAsync(Mailbox, DraftKind.ThankYou, Ct))!.Language);

        await templates.SaveAsync(Mailbox, DraftKind.ThankYou, new DraftTemplate("Schön, Sie kennengelernt zu haben", "Hallo {FirstName},", "de"), now.AddMinutes(1), Ct);
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
