using OfficeFollowUp.Promises;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Tests.Store;

/// <summary>
/// The per-mailbox change version a list's ETag is derived from, on both stores: every write a list shows moves it, in
/// the write's own transaction; reads, rolled-back work and writes no list shows leave it as it was.
/// </summary>
public sealed class ChangeVersionTests
{
    private const string Mailbox = "mbx-1";
    private const string Other = "mbx-2";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<(TestStore Store, ChangeVersionStore Versions)> StartAsync(string provider)
    {
        var store = await TestStore.CreateAsync(provider);
        var mailboxes = new MailboxStore(store.Database);
        await mailboxes.UpsertAsync(new MailboxProfile(Mailbox, "Ann Lee", "Ann", ["ann@example.com"], "UTC"), store.Time.GetUtcNow(), Ct);
        await mailboxes.UpsertAsync(new MailboxProfile(Other, "Bo Kim", "Bo", ["bo@example.com"], "UTC"), store.Time.GetUtcNow(), Ct);
        return (store, new ChangeVersionStore(store.Database));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_write_for_a_mailbox_moves_its_version_and_reads_do_not(string provider)
    {
        var (store, versions) = await StartAsync(provider);
        await using var _ = store;
        var promises = new PromiseStore(store.Database);
        var before = await versions.CurrentAsync(Mailbox, Ct);
        var otherBefore = await versions.CurrentAsync(Other, Ct);

        await promises.ListOpenAsync(Mailbox, Ct);
        Assert.Equal(before, await versions.CurrentAsync(Mailbox, Ct));

        var promise = await promises.CreateAsync(Mailbox, "cy@example.com", "Cy", null, "Send the deck", store.Time.GetUtcNow().AddDays(2), null, store.Time.GetUtcNow(), Ct);
        var afterCreate = await versions.CurrentAsync(Mailbox, Ct);
        Assert.NotEqual(before, afterCreate);
        Assert.Equal(otherBefore, await versions.CurrentAsync(Other, Ct));

        // A write by the item's id names no mailbox: every mailbox's version moves (one list built too many, never one too few).
        Assert.True(await promises.SetStateAsync(promise.Id, PromiseState.Done, null, store.Time.GetUtcNow(), Ct));
        var afterDone = await versions.CurrentAsync(Mailbox, Ct);
        Assert.NotEqual(afterCreate, afterDone);
        Assert.NotEqual(otherBefore, await versions.CurrentAsync(Other, Ct));

        // A write that changes no row (the promise is already kept) moves nothing.
        Assert.False(await promises.SetStateAsync(promise.Id, PromiseState.Done, null, store.Time.GetUtcNow(), Ct));
        Assert.Equal(afterDone, await versions.CurrentAsync(Mailbox, Ct));
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_transaction_moves_the_version_when_it_commits_and_not_when_it_rolls_back(string provider)
    {
        var (store, versions) = await StartAsync(provider);
        await using var _ = store;
        var promises = new PromiseStore(store.Database);
        var before = await versions.CurrentAsync(Mailbox, Ct);

        await using (var rolledBack = await store.Database.BeginAsync(Ct))
        {
            await promises.InsertAsync(rolledBack, Mailbox, "cy@example.com", "Cy", null, "Intro to Dee", store.Time.GetUtcNow(), store.Time.GetUtcNow(), Ct);
        }
        Assert.Equal(before, await versions.CurrentAsync(Mailbox, Ct));
        Assert.Empty(await promises.ListOpenAsync(Mailbox, Ct));

        await using (var committed = await store.Database.BeginAsync(Ct))
        {
            await promises.InsertAsync(committed, Mailbox, "cy@example.com", "Cy", null, "Intro to Dee", store.Time.GetUtcNow(), store.Time.GetUtcNow(), Ct);
            // Not before the commit: another reader still sees the old list and the old version together.
            Assert.Equal(before, await new ChangeVersionStore(store.NewDatabase()).CurrentAsync(Mailbox, Ct));
            await committed.CommitAsync(Ct);
        }
        Assert.NotEqual(before, await versions.CurrentAsync(Mailbox, Ct));
        Assert.Equal(Other, (await new MailboxStore(store.Database).GetAsync(Other, Ct))!.Profile.MailboxId);
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_sync_poll_that_only_moves_its_cursor_keeps_the_version(string provider)
    {
        var (store, versions) = await StartAsync(provider);
        await using var _ = store;
        var states = new SyncStateStore(store.Database);
        var before = await versions.CurrentAsync(Mailbox, Ct);

        var state = await states.GetAsync(Mailbox, "contacts", Ct);
        await states.SaveAsync(state with { Cursor = "delta-2", LastSuccessAt = store.Time.GetUtcNow() }, Ct);

        Assert.Equal(before, await versions.CurrentAsync(Mailbox, Ct));
    }

    [Theory]
    [InlineData("SELECT * FROM people WHERE mailbox_id = @mailboxId", "")]
    [InlineData("UPDATE sync_state SET cursor = @c WHERE mailbox_id = @mailboxId", "")]
    [InlineData("  INSERT INTO people (mailbox_id) VALUES (@mailboxId)", "m")]
    [InlineData("UPDATE follow_up_steps SET note = @note WHERE id = @stepId", "*")]
    [InlineData("DELETE FROM draft_templates WHERE mailbox_id = @mailboxId", "m")]
    [InlineData("VACUUM", "*")]
    public void A_statement_names_the_mailboxes_it_changes(string sql, string expected)
    {
        object parameters = sql.Contains("@mailboxId", StringComparison.Ordinal) ? new { mailboxId = "m", c = "x" } : new { stepId = "s", note = "n" };

        var changed = ChangeVersions.ChangedBy(sql, parameters);

        Assert.Equal(expected switch { "" => [], "*" => [ChangeVersions.Any], _ => [expected] }, changed.Order(StringComparer.Ordinal));
    }
}
