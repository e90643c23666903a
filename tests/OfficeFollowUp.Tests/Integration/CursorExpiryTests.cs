namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// DESIGN.md §5: after Graph says a cursor expired, the fresh round is reconciled with the store on a mailbox
/// past its baseline. Someone added while the cursor was stale is news; something deleted meanwhile is removed.
/// Over the real Graph SDK against the sandbox, with the real SQLite file.
/// </summary>
public sealed class CursorExpiryTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string DefaultFolderDeltaPath => $"/contactFolders/{_world.Mailbox.DefaultContactFolderId}/contacts/delta";

    private static SandboxContactSeed Person(string given, string surname, string email) => new(given, surname, [email]);

    private IReadOnlyList<SandboxMessage> DraftsTo(string address) =>
        _world.Mailbox.Drafts.Where(d => d.ToRecipients.Any(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private static async Task<string> MailboxIdAsync(RunningWorker worker) =>
        (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;

    private static async Task<List<string>> ThankYouEmailsAsync(RunningWorker worker) =>
        [.. (await worker.Get<FollowUpStore>().ListAllAsync(await MailboxIdAsync(worker), CancellationToken.None))
            .Where(i => i.Step == FollowUpStepKind.ThankYou).Select(i => i.Email.ToLowerInvariant()).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> BirthdayNamesAsync(RunningWorker worker)
    {
        using var client = worker.Client();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/keep-in-touch");
        return [.. list.GetProperty("birthdays").EnumerateArray().Select(b => b.GetProperty("displayName").GetString()!)];
    }

    private static async Task<JsonElement> ResourceStatusAsync(RunningWorker worker, string resource)
    {
        using var client = worker.Client();
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
        return status.GetProperty("sync").EnumerateArray().Single(s => s.GetProperty("resource").GetString() == resource);
    }

    /// <summary>One contacts round over the default folder only; <paramref name="afterPage"/> runs after each saved page.</summary>
    private Task<RoundResult> SyncDefaultFolderAsync(RunningWorker worker, Action<int>? afterPage, CancellationToken ct = default) =>
        worker.Get<SyncContactFolder>().RunAsync(
            worker.Get<SyncMailbox>().Profile!, new ContactFolderRef(_world.Mailbox.DefaultContactFolderId, "Contacts"), afterPage, ct);

    /// <summary>A birthday inside the card lead time, so the contact shows in keep-in-touch while it is stored and live.</summary>
    private DateOnly BirthdaySoon()
    {
        var local = TimeZoneInfo.ConvertTime(_world.Time.GetUtcNow(), MailboxTimeZone.Resolve(_world.Mailbox.TimeZone));
        return DateOnly.FromDateTime(local.DateTime).AddDays(2).AddYears(-35);
    }

    private void ExpireContactsCursor(string form)
    {
        switch (form)
        {
            case "410 syncStateNotFound":
                _world.Mailbox.Faults.ExpireDeltaTokens();
                break;
            case "410 resyncRequired":
                _world.Mailbox.Faults.FailNext(410, "resyncRequired", 1, DefaultFolderDeltaPath, "GET");
                break;
            case "410 alone":
                _world.Mailbox.Faults.FailNext(410, "Gone", 1, DefaultFolderDeltaPath, "GET");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, null);
        }
    }

    [Theory]
    [InlineData("410 syncStateNotFound")]
    [InlineData("410 resyncRequired")]
    [InlineData("410 alone")]
    public async Task Contacts_added_while_the_cursor_was_stale_each_get_one_track_and_one_draft_after_it_expires(string form)
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        string[] added = ["hemi@waka.example", "lena@fjord.example", "tomas@kava.example"];
        _world.Mailbox.AddContact(Person("Hemi", "Walker", added[0]));
        _world.Mailbox.AddContact(Person("Lena", "Berg", added[1]));
        _world.Mailbox.AddContact(Person("Tomás", "Reyes", added[2]));

        ExpireContactsCursor(form);
        var run = await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        Assert.Equal(3, run.NewAcquaintances);
        Assert.Equal(added.Order(StringComparer.Ordinal), await ThankYouEmailsAsync(worker));
        Assert.All(added, a => Assert.Single(DraftsTo(a)));
        Assert.Equal(3, _world.Mailbox.Drafts.Count);
    }

    [Fact]
    public async Task Contacts_added_while_stale_follow_the_same_rules_as_an_incremental_round()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        var known = _world.Mailbox.FindContact(_world.Mailbox.ContactIds()[0])!.Emails[0];
        _world.Mailbox.AddContact(Person("Me", "Again", _world.Mailbox.User.Mail.ToUpperInvariant()));
        _world.Mailbox.AddContact(Person("Front", "Desk", "info@harbourlaw.co.nz"));
        _world.Mailbox.AddContact(Person("Known", "Twice", known.ToUpperInvariant()));
        _world.Mailbox.AddContact(new SandboxContactSeed("No", "Address", []));
        _world.Mailbox.AddContact(Person("Ana", "Silva", "ana@silva.pt"));
        _world.Mailbox.AddContact(Person("Ana", "S.", "ANA@silva.pt"));

        _world.Mailbox.Faults.ExpireDeltaTokens();
        var run = await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        Assert.Equal(1, run.NewAcquaintances);
        Assert.Equal(["ana@silva.pt"], await ThankYouEmailsAsync(worker));
        Assert.Equal("ana@silva.pt", Assert.Single(Assert.Single(_world.Mailbox.Drafts).ToRecipients).Address, ignoreCase: true);
    }

    [Fact]
    public async Task A_contact_changed_while_stale_is_still_there_and_not_news()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        var id = _world.Mailbox.ContactIds()[0];
        _world.Mailbox.UpdateContact(id, c => c with { CompanyName = "Moved On Ltd", Birthday = BirthdaySoon() });

        _world.Mailbox.Faults.ExpireDeltaTokens();
        var run = await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        Assert.Equal(0, run.NewAcquaintances);
        Assert.Empty(await ThankYouEmailsAsync(worker));
        Assert.Empty(_world.Mailbox.Drafts);
        // The change was saved and the contact is live: its new birthday gives a card reminder.
        Assert.Single(await BirthdayNamesAsync(worker));
    }

    [Fact]
    public async Task A_contact_deleted_while_stale_is_marked_removed_after_the_expiry()
    {
        var gone = _world.Mailbox.AddContact(new SandboxContactSeed("Ruth", "Gone", ["ruth@gone.example"]) { Birthday = BirthdaySoon() });
        await using var worker = await _world.StartBaselinedWorkerAsync();
        Assert.Equal(["Ruth Gone"], await BirthdayNamesAsync(worker));

        _world.Mailbox.DeleteContact(gone);
        _world.Mailbox.Faults.ExpireDeltaTokens();
        await worker.SyncOnceAsync();

        Assert.Empty(await BirthdayNamesAsync(worker));
    }

    [Fact]
    public async Task A_cursor_that_expires_on_page_two_of_an_incremental_round_loses_no_one_and_doubles_no_one()
    {
        var gone = _world.Mailbox.AddContact(new SandboxContactSeed("Ruth", "Gone", ["ruth@gone.example"]) { Birthday = BirthdaySoon() });
        // Twelve at once would be a bulk addition by default; this test is about the cursor, so they are news here.
        await using var worker = await _world.StartWorkerAsync("--FollowUps:BulkAdditionLimit=20");
        await worker.SyncOnceAsync();
        var added = Enumerable.Range(0, 12).Select(i => $"guest{i}@chamber.example").ToList();
        for (var i = 0; i < added.Count; i++)
        {
            _world.Mailbox.AddContact(Person($"Guest{i}", "Mixer", added[i]));
        }
        _world.Mailbox.DeleteContact(gone);

        // Page size is 5, so the round has three pages; the cursor expires once the first is saved.
        var pages = 0;
        var round = await SyncDefaultFolderAsync(worker, _ =>
        {
            if (++pages == 1)
            {
                _world.Mailbox.Faults.ExpireNextDeltaRequest();
            }
        });
        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        Assert.False(_world.Mailbox.Faults.ExpireNextDeltaRequestPending, "The 410 was never served.");
        Assert.True(round.Completed);
        // Five were saved before the 410; the re-read finds the other seven.
        Assert.Equal(7, round.NewItems);
        Assert.Equal(added.Order(StringComparer.Ordinal), await ThankYouEmailsAsync(worker));
        Assert.All(added, a => Assert.Single(DraftsTo(a)));
        Assert.Empty(await BirthdayNamesAsync(worker));
    }

    [Fact]
    public async Task A_reconcile_round_cut_short_by_another_expiry_removes_nothing_until_a_round_completes()
    {
        var gone = _world.Mailbox.AddContact(new SandboxContactSeed("Ruth", "Gone", ["ruth@gone.example"]) { Birthday = BirthdaySoon() });
        await using var worker = await _world.StartBaselinedWorkerAsync();
        var added = Enumerable.Range(0, 4).Select(i => $"late{i}@chamber.example").ToList();
        foreach (var (email, i) in added.Select((e, i) => (e, i)))
        {
            _world.Mailbox.AddContact(Person($"Late{i}", "Arrival", email));
        }
        _world.Mailbox.DeleteContact(gone);
        _world.Mailbox.Faults.ExpireDeltaTokens();

        // The cursor is refused; the fresh round's second page is refused too.
        var pages = 0;
        var cut = await SyncDefaultFolderAsync(worker, _ =>
        {
            if (++pages == 1)
            {
                _world.Mailbox.Faults.ExpireNextDeltaRequest();
            }
        });

        Assert.False(cut.Completed);
        Assert.Equal(GraphOutcome.CursorExpired, cut.Failure);
        Assert.Equal(["Ruth Gone"], await BirthdayNamesAsync(worker));

        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        Assert.Empty(await BirthdayNamesAsync(worker));
        Assert.Equal(added.Order(StringComparer.Ordinal), await ThankYouEmailsAsync(worker));
        Assert.All(added, a => Assert.Single(DraftsTo(a)));
    }

    [Fact]
    public async Task A_reconcile_round_interrupted_by_a_crash_and_run_again_starts_nothing_twice()
    {
        var before = _world.Mailbox.ContactCount();
        var added = Enumerable.Range(0, 8).Select(i => $"crash{i}@chamber.example").ToList();
        await using (var worker = await _world.StartBaselinedWorkerAsync())
        {
            for (var i = 0; i < added.Count; i++)
            {
                _world.Mailbox.AddContact(Person($"Crash{i}", "Test", added[i]));
            }
            _world.Mailbox.Faults.ExpireDeltaTokens();

            // The process dies once a page holding some of the new people is saved, before the round ends.
            using var dying = new CancellationTokenSource();
            var read = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncDefaultFolderAsync(worker, count =>
            {
                read += count;
                if (read > before)
                {
                    dying.Cancel();
                }
            }, dying.Token));

            // The people the saved page found are held, not started, until their round is over.
            Assert.Empty(await ThankYouEmailsAsync(worker));
        }

        await using (var restarted = await _world.StartWorkerAsync())
        {
            await restarted.SyncOnceAsync();
            await restarted.SyncOnceAsync();
            await restarted.SyncOnceAsync();

            Assert.Equal(added.Order(StringComparer.Ordinal), await ThankYouEmailsAsync(restarted));
        }

        Assert.All(added, a => Assert.Single(DraftsTo(a)));
        Assert.Equal(added.Count, _world.Mailbox.Drafts.Count);
    }

    [Fact]
    public async Task A_cursor_that_expires_during_the_first_sync_leaves_it_history()
    {
        await using var worker = await _world.StartWorkerAsync();

        // Page size is 5: the first round of the default folder has more than one page; its second is refused.
        _world.Mailbox.Faults.ExpireNextDeltaRequest();
        var first = await worker.SyncOnceAsync();
        var second = await worker.SyncOnceAsync();

        Assert.False(_world.Mailbox.Faults.ExpireNextDeltaRequestPending, "The 410 was never served.");
        Assert.Equal((0, 0), (first.NewAcquaintances, second.NewAcquaintances));
        Assert.Empty(await ThankYouEmailsAsync(worker));
        Assert.Empty(_world.Mailbox.Drafts);
        Assert.NotNull((await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.BaselinedAt);
        var status = await ResourceStatusAsync(worker, SyncContactFolder.ResourceName(_world.Mailbox.DefaultContactFolderId));
        Assert.Equal("Incremental", status.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastResync").ValueKind);
    }

    [Fact]
    public async Task The_log_says_in_counts_what_the_re_read_after_an_expiry_found()
    {
        var capture = new LogCapture();
        await using var worker = await _world.StartWorkerAsync(b => b.Logging.AddProvider(capture), "--Logging:LogLevel:Default=Information");
        await worker.SyncOnceAsync();
        var gone = _world.Mailbox.ContactIds()[0];
        _world.Mailbox.DeleteContact(gone);
        _world.Mailbox.AddContact(Person("Hemi", "Walker", "hemi@waka.example"));
        _world.Mailbox.AddContact(Person("Lena", "Berg", "lena@fjord.example"));
        _world.Mailbox.AddContact(Person("Tomás", "Reyes", "tomas@kava.example"));
        var live = _world.Mailbox.ContactCount();

        _world.Mailbox.Faults.FailNext(410, "syncStateNotFound", 1, DefaultFolderDeltaPath, "GET");
        await worker.SyncOnceAsync();

        var line = Assert.Single(capture.Entries, e => e.EventId == 1012);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal($"contacts cursor expired; re-read {live} contacts, 3 new since the last sync, 1 removed.", line.Message);
    }

    [Fact]
    public async Task The_status_api_tells_when_a_resource_was_re_read_and_what_that_found()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        var resource = SyncContactFolder.ResourceName(_world.Mailbox.DefaultContactFolderId);
        Assert.Equal(JsonValueKind.Null, (await ResourceStatusAsync(worker, resource)).GetProperty("lastResync").ValueKind);
        _world.Mailbox.DeleteContact(_world.Mailbox.ContactIds()[0]);
        _world.Mailbox.AddContact(Person("Hemi", "Walker", "hemi@waka.example"));
        _world.Mailbox.AddContact(Person("Lena", "Berg", "lena@fjord.example"));
        var live = _world.Mailbox.ContactCount();
        _world.Time.Advance(TimeSpan.FromDays(8));

        _world.Mailbox.Faults.FailNext(410, "resyncRequired", 1, DefaultFolderDeltaPath, "GET");
        await worker.SyncOnceAsync();

        var resync = (await ResourceStatusAsync(worker, resource)).GetProperty("lastResync");
        Assert.Equal(_world.Time.GetUtcNow(), resync.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("CursorExpired", resync.GetProperty("reason").GetString());
        Assert.Equal((live, 2, 1), (resync.GetProperty("read").GetInt32(), resync.GetProperty("new").GetInt32(), resync.GetProperty("removed").GetInt32()));
    }
}
