namespace OfficeFollowUp.Tests.Integration;

/// <summary>From a new Outlook contact to one thank-you draft, over the real Graph SDK against the sandbox.</summary>
public sealed class ContactToDraftTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static SandboxContactSeed Person(string given, string surname, string email, string? company = null) =>
        new(given, surname, [email], company);

    private IReadOnlyList<SandboxMessage> DraftsTo(string address) =>
        _world.Mailbox.Drafts.Where(d => d.ToRecipients.Any(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    [Fact]
    public async Task Existing_contacts_at_the_first_run_are_history_and_get_no_drafts()
    {
        await using var worker = await _world.StartWorkerAsync();

        var first = await worker.SyncOnceAsync();
        var second = await worker.SyncOnceAsync();

        Assert.True(_world.Mailbox.ContactCount() > 10);
        Assert.Equal((0, 0), (first.NewAcquaintances, second.NewAcquaintances));
        Assert.Empty(_world.Mailbox.Drafts);
        var mailbox = await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None);
        Assert.NotNull(mailbox?.BaselinedAt);
    }

    [Fact]
    public async Task A_new_contact_becomes_exactly_one_thank_you_draft_with_recipient_subject_and_body()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(Person("Priya", "Raman", "priya.raman@harbourlaw.co.nz", "Harbour Law"));

        var run = await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        Assert.Equal((1, 1), (run.NewAcquaintances, run.DraftsPrepared));
        var draft = Assert.Single(_world.Mailbox.Drafts);
        var to = Assert.Single(draft.ToRecipients);
        Assert.Equal(("priya.raman@harbourlaw.co.nz", "Priya Raman"), (to.Address, to.Name));
        Assert.Equal("Great to meet you, Priya", draft.Subject);
        Assert.Equal("html", draft.BodyContentType, ignoreCase: true);
        Assert.StartsWith("<p>Hi Priya,</p>", draft.BodyContent, StringComparison.Ordinal);
        Assert.Contains("Harbour Law", draft.BodyContent, StringComparison.Ordinal);
        Assert.Contains(TaggedItems.PropertyId, draft.SingleValueExtendedProperties.Keys);

        var items = await worker.Get<FollowUpStore>().ListOpenAsync((await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId, CancellationToken.None);
        Assert.Equal([FollowUpStepKind.ThankYou, FollowUpStepKind.Connect, FollowUpStepKind.OneToOne], items.Select(i => i.Step));
        var thankYou = items.Single(i => i.Step == FollowUpStepKind.ThankYou);
        Assert.Equal((FollowUpState.Prepared, draft.Id), (thankYou.State, thankYou.DraftId));
    }

    [Fact]
    public async Task A_contact_with_a_script_in_its_name_is_encoded_in_the_draft()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(new SandboxContactSeed("<script>alert('x')</script>", "Hacker", ["mallory@evil.example"], "<img src=x onerror=alert(1)>"));

        await worker.SyncOnceAsync();

        var draft = Assert.Single(_world.Mailbox.Drafts);
        Assert.DoesNotContain("<script>", draft.BodyContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", draft.BodyContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", draft.BodyContent, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", draft.BodyContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_group_and_duplicate_addresses_start_no_track()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(Person("Me", "Again", _world.Mailbox.User.Mail.ToUpperInvariant()));
        _world.Mailbox.AddContact(Person("Front", "Desk", "info@harbourlaw.co.nz"));
        _world.Mailbox.AddContact(Person("Ana", "Silva", "ana@silva.pt"));
        _world.Mailbox.AddContact(Person("Ana", "S.", "ANA@silva.pt"));

        var run = await worker.SyncOnceAsync();

        Assert.Equal(1, run.NewAcquaintances);
        Assert.Equal("ana@silva.pt", Assert.Single(Assert.Single(_world.Mailbox.Drafts).ToRecipients).Address, ignoreCase: true);
    }

    [Fact]
    public async Task A_restarted_worker_does_not_make_the_draft_again()
    {
        await using (var worker = await _world.StartBaselinedWorkerAsync())
        {
            _world.Mailbox.AddContact(Person("Sam", "Baker", "sam@bakery.co.nz"));
            await worker.SyncOnceAsync();
        }

        await using (var restarted = await _world.StartWorkerAsync())
        {
            var run = await restarted.SyncOnceAsync();
            await restarted.SyncOnceAsync();
            Assert.Equal((0, 0), (run.NewAcquaintances, run.DraftsPrepared));
        }

        Assert.Single(DraftsTo("sam@bakery.co.nz"));
    }

    [Fact]
    public async Task A_draft_whose_response_was_lost_is_found_by_its_tag_not_made_twice()
    {
        await using (var worker = await _world.StartBaselinedWorkerAsync())
        {
            _world.Mailbox.Faults.DropConnectionAfterApply(1, "/me/messages");
            _world.Mailbox.AddContact(Person("Mere", "Tane", "mere@kiwi-solar.co.nz"));

            var run = await worker.SyncOnceAsync();
            Assert.Equal(0, run.DraftsPrepared);
            Assert.Single(_world.Mailbox.Drafts);
        }

        // The crash: a new process, the outbox entry still pending.
        _world.Time.Advance(TimeSpan.FromMinutes(1));
        await using (var restarted = await _world.StartWorkerAsync())
        {
            var run = await restarted.SyncOnceAsync();
            Assert.Equal(1, run.DraftsPrepared);
        }

        var draft = Assert.Single(DraftsTo("mere@kiwi-solar.co.nz"));
        await using var again = await _world.StartWorkerAsync();
        var mailboxId = (await again.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var thankYou = (await again.Get<FollowUpStore>().ListOpenAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == FollowUpStepKind.ThankYou);
        Assert.Equal(draft.Id, thankYou.DraftId);
    }

    [Fact]
    public async Task A_throttling_storm_still_ends_with_one_draft()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(Person("Łukasz", "Żółć", "lukasz@zolc.pl"));
        _world.Mailbox.Faults.Throttle(6, 429, TimeSpan.Zero, "/me/messages");

        for (var pass = 0; pass < 6 && _world.Mailbox.Drafts.Count == 0; pass++)
        {
            await worker.SyncOnceAsync();
            _world.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await worker.SyncOnceAsync();

        var draft = Assert.Single(_world.Mailbox.Drafts);
        Assert.Equal("Great to meet you, Łukasz", draft.Subject);
    }

    [Fact]
    public async Task The_cursor_is_not_advanced_when_a_page_fails()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        var mailboxId = (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var resource = SyncContactFolder.ResourceName(_world.Mailbox.DefaultContactFolderId);
        var before = await worker.Get<SyncStateStore>().GetAsync(mailboxId, resource, CancellationToken.None);
        for (var i = 0; i < 7; i++)
        {
            _world.Mailbox.AddContact(Person($"Page{i}", "Test", $"page{i}@example.org"));
        }
        // More 503s than the SDK's three retries, on the delta route only.
        _world.Mailbox.Faults.Throttle(20, 503, TimeSpan.Zero, "/contacts/delta");

        await worker.SyncOnceAsync();

        var after = await worker.Get<SyncStateStore>().GetAsync(mailboxId, resource, CancellationToken.None);
        Assert.Equal(before.Cursor, after.Cursor);
        Assert.Equal(1, after.FailureCount);
        Assert.NotNull(after.RetryAfter);
    }

    [Fact]
    public async Task Every_graph_request_asks_for_immutable_ids()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(Person("Kim", "Jiwoo", "kim@studio.kr"));
        await worker.SyncOnceAsync();

        Assert.True(_world.Mailbox.Requests.Total > 5);
        Assert.Equal(0, _world.Mailbox.Requests.WithoutImmutableIdPreference);
    }

    [Fact]
    public async Task An_idle_poll_costs_one_request_per_contact_folder_one_for_the_calendar_and_one_for_sent_items()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        await worker.SyncOnceAsync();
        _world.Mailbox.Requests.Reset();

        await worker.SyncOnceAsync();

        Assert.Equal(_world.Mailbox.ContactFolders.Count, _world.Mailbox.Requests.Count("GET /me/contactFolders/{id}/contacts/delta"));
        Assert.Equal(1, _world.Mailbox.Requests.Count("GET /me/calendarView/delta"));
        Assert.Equal(1, _world.Mailbox.Requests.Count("GET /me/mailFolders/{id}/messages/delta"));
        Assert.Equal(_world.Mailbox.ContactFolders.Count + 2, _world.Mailbox.Requests.Total);
    }

    [Fact]
    public async Task A_step_the_user_closed_before_the_draft_was_made_gets_no_draft()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.Faults.Throttle(10, 503, TimeSpan.Zero, "/me/messages");
        _world.Mailbox.AddContact(Person("Ada", "Lovelace", "ada@engines.example"));
        await worker.SyncOnceAsync();
        var mailboxId = (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var thankYou = (await worker.Get<FollowUpStore>().ListOpenAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == FollowUpStepKind.ThankYou);

        await worker.Get<FollowUpStore>().SetStateAsync(thankYou.Id, FollowUpState.Skipped, null, "Wrote by hand", _world.Time.GetUtcNow(), CancellationToken.None);
        _world.Mailbox.Faults.Clear();
        _world.Time.Advance(TimeSpan.FromHours(1));
        await worker.SyncOnceAsync();

        Assert.Empty(_world.Mailbox.Drafts);
    }
}
