using System.Net.Sockets;
using OfficeFollowUp.Notifications;
using OfficeFollowUp.Tests.Store;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// Graph change notifications end to end: the worker subscribes at the sandbox over the real Graph SDK, the sandbox posts
/// notifications and lifecycle events to the worker's own endpoints over loopback, and a notification wakes the mailbox's
/// pass. The clock is fake and the poll interval long, so a pass that runs without a wake is one the test caused.
/// </summary>
public sealed class ChangeNotificationsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A worker whose own loop runs, reachable by the sandbox at its public URL, that never polls on its own.</summary>
    private async Task<RunningWorker> StartNotifiedWorkerAsync(Action<WebApplicationBuilder>? configure = null, string pollInterval = "1.00:00:00", string safetyPoll = "1.00:00:00")
    {
        var port = FreePort();
        var worker = await _world.StartWorkerAsync(
            configure,
            $"--urls=http://127.0.0.1:{port}",
            $"--Notifications:PublicUrl=http://127.0.0.1:{port}",
            "--Sync:Enabled=true",
            $"--Sync:PollInterval={pollInterval}",
            $"--Sync:SafetyPollInterval={safetyPoll}");
        await Until(() => Task.FromResult(_world.Server.Subscriptions.Active.Count == 2 && Healthy(worker)), "two subscriptions and a healthy mailbox");
        await Until(async () => (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))?.BaselinedAt is not null, "the baseline");
        return worker;
    }

    private static bool Healthy(RunningWorker worker)
    {
        var mailbox = worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None).GetAwaiter().GetResult();
        return mailbox is not null && worker.Get<MailboxWakeups>().NotificationsHealthy(mailbox.Profile.MailboxId);
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience} for {what}.");
            }

            await Task.Delay(25);
        }
    }

    private IReadOnlyList<SandboxMessage> DraftsTo(string address) =>
        [.. _world.Mailbox.Drafts.Where(d => d.ToRecipients.Any(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase)))];

    private Task UntilDraftTo(string address) => Until(() => Task.FromResult(DraftsTo(address).Count > 0), $"a draft to {address}");

    /// <summary>No draft to the address in a while of wall-clock time: nothing woke the pass.</summary>
    private async Task AssertNoDraftFor(string address, TimeSpan wait)
    {
        await _world.Server.Subscriptions.WaitForDeliveriesAsync();
        await Task.Delay(wait);
        Assert.Empty(DraftsTo(address));
    }

    private SandboxSubscription ContactsSubscription() =>
        _world.Server.Subscriptions.Active.Single(s => s.Resource.EndsWith("/contacts", StringComparison.Ordinal));

    private static SandboxContactSeed Person(string given, string email) => new(given, "Tester", [email], "Notified Ltd");

    [Fact]
    public async Task A_new_contact_becomes_a_draft_by_notification_without_waiting_for_the_poll()
    {
        var capture = new LogCapture();
        await using var worker = await StartNotifiedWorkerAsync(b => b.Logging.AddProvider(capture));

        Assert.Equal(["me/contacts", "me/events"], _world.Server.Subscriptions.Active.Select(s => s.Resource).Order());
        Assert.All(_world.Server.Subscriptions.Active, s =>
        {
            Assert.Equal("created,updated,deleted", s.ChangeType);
            Assert.EndsWith("/api/graph/notifications", s.NotificationUrl, StringComparison.Ordinal);
            Assert.EndsWith("/api/graph/lifecycle", s.LifecycleNotificationUrl, StringComparison.Ordinal);
            Assert.InRange(s.ExpirationDateTime - _world.Time.GetUtcNow(), TimeSpan.FromDays(6.9), TimeSpan.FromMinutes(10080));
        });
        var before = _world.Time.GetUtcNow();
        _world.Mailbox.AddContact(Person("Nadia", "nadia@notified.example"));

        await UntilDraftTo("nadia@notified.example");

        // The fake clock never moved: only the notification could have run the pass.
        Assert.Equal(before, _world.Time.GetUtcNow());
        Assert.Single(DraftsTo("nadia@notified.example"));

        // The clientState goes to Graph only; the store keeps its hash, and no log line carries it or a person.
        var secrets = _world.Server.Subscriptions.Active.Select(s => s.ClientState!).ToList();
        var stored = await worker.Get<SubscriptionStore>().ListAsync((await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId, CancellationToken.None);
        Assert.All(stored, s => Assert.DoesNotContain(s.ClientStateHash, secrets));
        var lines = capture.Entries.Where(e => e.Level >= LogLevel.Information).Select(e => e.Text).ToList();
        Assert.DoesNotContain(lines, l => secrets.Any(secret => l.Contains(secret, StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("nadia", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_notification_with_the_wrong_client_state_is_ignored_and_the_right_one_wakes_the_mailbox()
    {
        await using var worker = await StartNotifiedWorkerAsync();
        var subscription = ContactsSubscription();
        _world.Server.Subscriptions.Faults.LoseNext(1);
        _world.Mailbox.AddContact(Person("Omar", "omar@notified.example"));
        using var client = worker.Client(paired: false);

        var forged = await client.PostAsJsonAsync("/api/graph/notifications", Collection(subscription.Id, "guessed-client-state"));
        var unknown = await client.PostAsJsonAsync("/api/graph/notifications", Collection("not-our-subscription", subscription.ClientState));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (forged.StatusCode, unknown.StatusCode));
        await AssertNoDraftFor("omar@notified.example", TimeSpan.FromSeconds(1.5));

        var genuine = await client.PostAsJsonAsync("/api/graph/notifications", Collection(subscription.Id, subscription.ClientState));
        Assert.Equal(HttpStatusCode.Accepted, genuine.StatusCode);
        await UntilDraftTo("omar@notified.example");
    }

    [Fact]
    public async Task The_validation_handshake_is_echoed_as_text_and_a_body_that_is_no_notification_is_refused()
    {
        await using var worker = await _world.StartWorkerAsync();
        using var client = worker.Client(paired: false);
        const string token = "Validation: Testing client application reachability for subscription Request-Id: 7f0c";

        foreach (var path in new[] { "/api/graph/notifications", "/api/graph/lifecycle" })
        {
            using var content = new StringContent(string.Empty, Encoding.UTF8, "text/plain");
            var response = await client.PostAsync(new Uri($"{path}?validationToken={Uri.EscapeDataString(token)}", UriKind.Relative), content);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(token, await response.Content.ReadAsStringAsync());
        }

        using var notJson = new StringContent("{not json", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), notJson)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/graph/notifications", new { items = 1 })).StatusCode);
    }

    [Fact]
    public async Task Subscriptions_are_renewed_before_they_expire_and_keep_their_ids()
    {
        var port = FreePort();
        await using var worker = await _world.StartWorkerAsync(
            $"--urls=http://127.0.0.1:{port}", $"--Notifications:PublicUrl=http://127.0.0.1:{port}", "--Notifications:RenewBefore=1.00:00:00");
        var first = await worker.SyncOnceAsync();
        var made = _world.Server.Subscriptions.Active.ToDictionary(s => s.Id, s => s.ExpirationDateTime);
        Assert.Equal(2, made.Count);
        Assert.True(worker.Get<MailboxWakeups>().NotificationsHealthy(first.MailboxId!));

        // Five days on, nothing is due yet: no Graph call changes them.
        _world.Time.Advance(TimeSpan.FromDays(5));
        await worker.SyncOnceAsync();
        Assert.Equal(made, _world.Server.Subscriptions.Active.ToDictionary(s => s.Id, s => s.ExpirationDateTime));

        // Six days on, inside the day before expiry: renewed in place, a full lifetime from now.
        _world.Time.Advance(TimeSpan.FromDays(1));
        await worker.SyncOnceAsync();
        var renewed = _world.Server.Subscriptions.Active.ToDictionary(s => s.Id, s => s.ExpirationDateTime);
        Assert.Equal(made.Keys.Order(), renewed.Keys.Order());
        Assert.All(renewed, r => Assert.True(r.Value > made[r.Key].AddDays(5), "renewed a full lifetime ahead"));
        Assert.True(worker.Get<MailboxWakeups>().NotificationsHealthy(first.MailboxId!));

        using var client = worker.Client();
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
        var notifications = status.GetProperty("notifications");
        Assert.True(notifications.GetProperty("on").GetBoolean());
        Assert.True(notifications.GetProperty("healthy").GetBoolean());
        Assert.Equal(2, notifications.GetProperty("subscriptions").GetArrayLength());
    }

    [Fact]
    public async Task A_process_that_did_not_make_the_subscriptions_reports_them_healthy_from_the_shared_store()
    {
        var port = FreePort();
        await using (var maker = await _world.StartWorkerAsync($"--urls=http://127.0.0.1:{port}", $"--Notifications:PublicUrl=http://127.0.0.1:{port}"))
        {
            await maker.SyncOnceAsync();
            Assert.Equal(2, _world.Server.Subscriptions.Active.Count);
        }

        // Another process of the team: it never ran this mailbox's pass, its grain lives elsewhere.
        var other = FreePort();
        await using var worker = await _world.StartWorkerAsync($"--urls=http://127.0.0.1:{other}", $"--Notifications:PublicUrl=http://127.0.0.1:{other}");
        var mailbox = (await worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!;
        Assert.False(worker.Get<MailboxWakeups>().NotificationsHealthy(mailbox.Profile.MailboxId));

        using var client = worker.Client();
        var notifications = (await client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("notifications");
        Assert.True(notifications.GetProperty("healthy").GetBoolean());
        Assert.Equal(2, notifications.GetProperty("subscriptions").GetArrayLength());

        // Expired in the store: unhealthy, whichever process answers.
        _world.Time.Advance(NotificationOptions.GraphMaxLifetime);
        notifications = (await client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("notifications");
        Assert.False(notifications.GetProperty("healthy").GetBoolean());
    }

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_subscription_failure_shows_on_a_process_that_did_not_meet_it_until_a_pass_keeps_them_again(string provider)
    {
        await using var store = provider == StoreOptions.PostgreSql ? await TestStore.CreateAsync(provider) : null;
        string[] storage = store is null ? [] : ["--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={store.Options.ConnectionString}"];

        // This process tells Graph a notification URL nobody answers: Graph's validation handshake fails, so POST /subscriptions is refused.
        var port = FreePort();
        await using (var refused = await _world.StartWorkerAsync([.. storage, $"--urls=http://127.0.0.1:{port}", $"--Notifications:PublicUrl=http://127.0.0.1:{FreePort()}"]))
        {
            await refused.SyncOnceAsync();
            Assert.Empty(_world.Server.Subscriptions.Active);
        }

        // Another process of the team, which never ran the mailbox's pass, answers Health.
        var other = FreePort();
        await using var worker = await _world.StartWorkerAsync([.. storage, $"--urls=http://127.0.0.1:{other}", $"--Notifications:PublicUrl=http://127.0.0.1:{other}"]);
        using var client = worker.Client();
        var notifications = (await client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("notifications");
        Assert.False(notifications.GetProperty("healthy").GetBoolean());
        Assert.Equal("ValidationError", notifications.GetProperty("lastError").GetString());
        Assert.StartsWith("Subscription validation request failed.", notifications.GetProperty("lastErrorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(_world.Time.GetUtcNow(), notifications.GetProperty("lastErrorAt").GetDateTimeOffset());

        // A pass that keeps both subscriptions, on a process whose URL answers: the failure is gone on every process.
        await using (var fixedUrl = await _world.StartWorkerAsync([.. storage, $"--urls=http://127.0.0.1:{port}", $"--Notifications:PublicUrl=http://127.0.0.1:{port}"]))
        {
            await fixedUrl.SyncOnceAsync();
            Assert.Equal(2, _world.Server.Subscriptions.Active.Count);
        }

        notifications = (await client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("notifications");
        Assert.True(notifications.GetProperty("healthy").GetBoolean());
        Assert.Equal(JsonValueKind.Null, notifications.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.Null, notifications.GetProperty("lastErrorMessage").ValueKind);
    }

    [Fact]
    public async Task A_removed_subscription_is_recreated_and_the_mailbox_resynced()
    {
        await using var worker = await StartNotifiedWorkerAsync();
        var removed = ContactsSubscription();
        _world.Server.Subscriptions.Faults.LoseNext(1);
        _world.Mailbox.AddContact(Person("Priya", "priya@notified.example"));
        await AssertNoDraftFor("priya@notified.example", TimeSpan.FromMilliseconds(500));

        Assert.True(_world.Server.Subscriptions.SendLifecycleEvent(removed.Id, SandboxLifecycleEvent.SubscriptionRemoved));

        await UntilDraftTo("priya@notified.example");
        await Until(() => Task.FromResult(_world.Server.Subscriptions.Active.Count(s => s.Resource == "me/contacts" && s.Id != removed.Id) == 1), "a new contacts subscription");
        Assert.DoesNotContain(_world.Server.Subscriptions.Active, s => s.Id == removed.Id);
        Assert.Null(await worker.Get<SubscriptionStore>().FindAsync(removed.Id, CancellationToken.None));
        Assert.True(Healthy(worker));
    }

    [Fact]
    public async Task A_missed_lifecycle_event_runs_a_delta_round()
    {
        await using var worker = await StartNotifiedWorkerAsync();
        _world.Server.Subscriptions.Faults.LoseNext(1);
        _world.Mailbox.AddContact(Person("Mei", "mei@notified.example"));
        await AssertNoDraftFor("mei@notified.example", TimeSpan.FromMilliseconds(500));

        Assert.True(_world.Server.Subscriptions.SendLifecycleEvent(ContactsSubscription().Id, SandboxLifecycleEvent.Missed));

        await UntilDraftTo("mei@notified.example");
    }

    [Fact]
    public async Task A_lost_notification_is_caught_by_the_safety_poll_and_not_by_the_short_one()
    {
        await using var worker = await StartNotifiedWorkerAsync(pollInterval: "00:10:00", safetyPoll: "00:30:00");
        _world.Server.Subscriptions.Faults.LoseNext(1);
        _world.Mailbox.AddContact(Person("Lars", "lars@notified.example"));
        await AssertNoDraftFor("lars@notified.example", TimeSpan.FromMilliseconds(500));

        // Healthy notifications put the mailbox on the safety interval: the ordinary poll's ten minutes do nothing.
        _world.Time.Advance(TimeSpan.FromMinutes(11));
        await AssertNoDraftFor("lars@notified.example", TimeSpan.FromMilliseconds(800));

        _world.Time.Advance(TimeSpan.FromMinutes(20));
        await UntilDraftTo("lars@notified.example");
    }

    [Fact]
    public async Task Duplicated_notifications_make_one_draft()
    {
        await using var worker = await StartNotifiedWorkerAsync();
        var delivered = _world.Server.Subscriptions.Counts.Delivered;
        _world.Server.Subscriptions.Faults.DuplicateNext(1);
        _world.Mailbox.AddContact(Person("Ines", "ines@notified.example"));

        await UntilDraftTo("ines@notified.example");
        await _world.Server.Subscriptions.WaitForDeliveriesAsync();
        await Task.Delay(500);

        Assert.True(_world.Server.Subscriptions.Counts.Delivered >= delivered + 2, "both copies were delivered");
        Assert.Single(DraftsTo("ines@notified.example"));
    }

    [Fact]
    public async Task Without_a_public_url_nothing_is_subscribed_and_the_poll_stays_as_it_was()
    {
        await using var worker = await _world.StartWorkerAsync();
        var run = await worker.SyncOnceAsync();

        Assert.Empty(_world.Server.Subscriptions.Active);
        Assert.Equal(0, _world.Server.Subscriptions.Counts.ValidationRequests);
        Assert.False(worker.Get<MailboxWakeups>().NotificationsHealthy(run.MailboxId!));
        Assert.Equal(worker.Get<Microsoft.Extensions.Options.IOptions<SyncOptions>>().Value.PollInterval, worker.Get<MailboxWakeups>().PollInterval(run.MailboxId!));
    }

    [Fact]
    public async Task Turning_notifications_off_deletes_the_subscriptions()
    {
        var port = FreePort();
        await using (var worker = await _world.StartWorkerAsync($"--urls=http://127.0.0.1:{port}", $"--Notifications:PublicUrl=http://127.0.0.1:{port}"))
        {
            await worker.SyncOnceAsync();
            Assert.Equal(2, _world.Server.Subscriptions.Active.Count);
        }

        await using var again = await _world.StartWorkerAsync();
        var run = await again.SyncOnceAsync();

        Assert.Empty(_world.Server.Subscriptions.Active);
        Assert.Empty(await again.Get<SubscriptionStore>().ListAsync(run.MailboxId!, CancellationToken.None));
    }

    [Fact]
    public async Task In_application_mode_the_subscriptions_name_the_mailbox_by_its_users_address()
    {
        _world.Mailbox.ApplicationPermissions = true;
        var port = FreePort();
        await using var worker = await _world.StartWorkerAsync(
            $"--urls=http://127.0.0.1:{port}", $"--Notifications:PublicUrl=http://127.0.0.1:{port}",
            "--Mailbox:Mode=Application", $"--Mailbox:Mailboxes:0={_world.Mailbox.User.UserPrincipalName}");
        var syncs = worker.Get<SyncApplicationMailboxes>();

        var run = await syncs.RunOnceAsync(_world.Mailbox.User.UserPrincipalName, CancellationToken.None);

        var id = _world.Mailbox.User.Id;
        Assert.Equal([$"users/{id}/contacts", $"users/{id}/events"], _world.Server.Subscriptions.Active.Select(s => s.Resource).Order());
        Assert.True(worker.Get<MailboxWakeups>().NotificationsHealthy(run.MailboxId!));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("ftp://followup.example.org", false)]
    [InlineData("https://followup.example.org/?x=1", false)]
    [InlineData("followup.example.org", false)]
    public async Task A_public_url_graph_cannot_post_to_stops_the_worker_naming_the_key(string url, bool realTenant)
    {
        string[] tenant = realTenant
            ? ["--Mailbox:TenantId=9f3c1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10", "--Mailbox:ClientId=5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21", "--Mailbox:GraphBaseUrl=https://graph.microsoft.com/v1.0"]
            : [];

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => _world.StartWorkerAsync([.. tenant, $"--Notifications:PublicUrl={url}"]));

        Assert.Contains("Notifications:PublicUrl", ex.Message, StringComparison.Ordinal);
    }

    private static object Collection(string subscriptionId, string? clientState) => new
    {
        value = new[]
        {
            new
            {
                subscriptionId,
                clientState,
                changeType = "created",
                resource = "Users/x/Contacts/y",
                tenantId = "t",
                subscriptionExpirationDateTime = "2026-12-01T00:00:00Z",
            },
        },
    };
}
