namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// Change notifications as Graph documents them, driven through the real Graph SDK over loopback against a real HTTP
/// endpoint of the app's side: the validation handshake, notifications on changes, expiry, renewal and deletion.
/// </summary>
public sealed class SandboxSubscriptionsTests
{
    internal const string Secret = "a-client-state-the-app-checks";

    internal static Subscription NewSubscription(SandboxHarness h, NotificationReceiver receiver, string resource = "me/contacts",
        TimeSpan? lifetime = null, bool lifecycle = true) => new()
    {
        ChangeType = "created,updated,deleted",
        NotificationUrl = receiver.NotificationUrl,
        LifecycleNotificationUrl = lifecycle ? receiver.LifecycleUrl : null,
        Resource = resource,
        ExpirationDateTime = h.Time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(2)),
        ClientState = Secret,
    };

    [Fact]
    public async Task Creating_a_subscription_validates_both_urls_and_returns_it_through_the_sdk()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();

        var created = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver));
        var read = await h.Graph.Subscriptions[created!.Id].GetAsync();
        var listed = await h.Graph.Subscriptions.GetAsync();

        Assert.Equal(2, receiver.ValidationTokens.Count);
        Assert.All(receiver.ValidationTokens, t => Assert.StartsWith("Validation: Testing client application reachability", t, StringComparison.Ordinal));
        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.Equal("me/contacts", created.Resource);
        Assert.Equal("created,updated,deleted", created.ChangeType);
        Assert.Equal(Secret, created.ClientState);
        Assert.Equal(receiver.LifecycleUrl, created.LifecycleNotificationUrl);
        Assert.Equal(h.Time.GetUtcNow().AddDays(2), created.ExpirationDateTime);
        Assert.Equal(created.Id, read!.Id);
        Assert.Equal(created.Id, Assert.Single(listed!.Value!).Id);
        Assert.Equal(0, h.Server.Subscriptions.Counts.Delivered);
    }

    [Theory]
    [InlineData(ValidationAnswer.WrongEcho, "Subscription validation request failed. Response must exactly match validationToken query parameter.")]
    [InlineData(ValidationAnswer.ServerError, "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.")]
    [InlineData(ValidationAnswer.EchoAsJson, "Subscription validation request failed. Response to the validation request must have Content-Type text/plain.")]
    [InlineData(ValidationAnswer.TooSlow, "Subscription validation request timed out.")]
    public async Task A_failed_handshake_refuses_the_create_with_graphs_400(ValidationAnswer answer, string message)
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.Validation = answer;
        h.Server.Subscriptions.Options.ValidationTimeout = TimeSpan.FromMilliseconds(500);

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver)));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ValidationError", error.Error!.Code);
        Assert.Equal(message, error.Error.Message);
        Assert.Empty(h.Server.Subscriptions.Active);
    }

    [Fact]
    public async Task An_unreachable_lifecycle_url_refuses_the_create_too()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var request = NewSubscription(h, receiver);
        request.LifecycleNotificationUrl = "http://127.0.0.1:9/lifecycle";

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions.PostAsync(request));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ValidationError", error.Error!.Code);
        Assert.Single(receiver.ValidationTokens);
        Assert.Empty(h.Server.Subscriptions.Active);
    }

    [Fact]
    public async Task Expiry_beyond_outlooks_limit_or_in_the_past_and_a_long_client_state_are_refused()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();

        var tooFar = await Assert.ThrowsAsync<ODataError>(() =>
            h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, lifetime: TimeSpan.FromMinutes(10081))));
        var past = await Assert.ThrowsAsync<ODataError>(() =>
            h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, lifetime: TimeSpan.FromMinutes(-1))));
        var longState = NewSubscription(h, receiver);
        longState.ClientState = new string('s', 129);
        var tooLong = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions.PostAsync(longState));
        var atLimit = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, lifetime: TimeSpan.FromMinutes(10080)));

        Assert.Equal(400, tooFar.ResponseStatusCode);
        Assert.Equal("ExtensionError", tooFar.Error!.Code);
        Assert.Equal("Subscription expiration can only be 10080 minutes in the future.", tooFar.Error.Message);
        Assert.Equal(400, past.ResponseStatusCode);
        Assert.Equal("ExtensionError", past.Error!.Code);
        Assert.Equal(400, tooLong.ResponseStatusCode);
        Assert.NotNull(atLimit);
        Assert.Empty(receiver.ValidationTokens.Skip(2));
    }

    [Fact]
    public async Task Contact_created_updated_and_deleted_each_notify_with_graphs_shape_and_the_client_state()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver));

        var created = await h.Graph.Me.Contacts.PostAsync(new Contact
        {
            GivenName = "Mere",
            Surname = "Parata",
            EmailAddresses = [new EmailAddress { Address = "mere@paratalaw.co.nz" }],
        });
        h.Mailbox.UpdateContact(created!.Id!, c => c with { JobTitle = "Partner" });
        await h.Graph.Me.Contacts[created.Id].DeleteAsync();
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        var notes = receiver.Notifications;
        Assert.Equal(["created", "updated", "deleted"], notes.Select(n => n.GetProperty("changeType").GetString()));
        var userId = h.Mailbox.User.Id;
        Assert.All(notes, n =>
        {
            Assert.Equal(subscription!.Id, n.GetProperty("subscriptionId").GetString());
            Assert.Equal(Secret, n.GetProperty("clientState").GetString());
            Assert.Equal(h.Server.Subscriptions.TenantId, n.GetProperty("tenantId").GetString());
            Assert.Equal(subscription.ExpirationDateTime, n.GetProperty("subscriptionExpirationDateTime").GetDateTimeOffset());
            Assert.Equal($"Users/{userId}/Contacts/{created.Id}", n.GetProperty("resource").GetString());
            var data = n.GetProperty("resourceData");
            Assert.Equal("#Microsoft.Graph.Contact", data.GetProperty("@odata.type").GetString());
            Assert.Equal($"Users/{userId}/Contacts/{created.Id}", data.GetProperty("@odata.id").GetString());
            Assert.Equal(created.Id, data.GetProperty("id").GetString());
        });
        Assert.Equal($"W/\"{created.ChangeKey}\"", notes[0].GetProperty("resourceData").GetProperty("@odata.etag").GetString());
        Assert.False(notes[2].GetProperty("resourceData").TryGetProperty("@odata.etag", out _));
    }

    [Fact]
    public async Task Only_the_subscribed_change_types_and_resource_notify()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var onlyCreated = NewSubscription(h, receiver, resource: $"users/{h.Mailbox.User.Id}/events");
        onlyCreated.ChangeType = "created";
        await h.Graph.Subscriptions.PostAsync(onlyCreated);

        h.Mailbox.AddContact(new("Tama", "Ngata", ["tama@ngataelectrical.co.nz"]));
        var eventId = h.Mailbox.AddEvent(new SandboxEventSeed(
            "Chamber mixer", h.Time.GetUtcNow().AddDays(1), h.Time.GetUtcNow().AddDays(1).AddHours(2), []));
        h.Mailbox.UpdateEvent(eventId, e => e with { Subject = "Chamber mixer (moved)" });
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        var note = Assert.Single(receiver.Notifications);
        Assert.Equal("created", note.GetProperty("changeType").GetString());
        Assert.Equal("#Microsoft.Graph.Event", note.GetProperty("resourceData").GetProperty("@odata.type").GetString());
        Assert.Equal(eventId, note.GetProperty("resourceData").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Event_changes_and_mail_in_sent_items_notify_their_subscriptions()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var events = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, resource: "me/events"));
        var sent = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, resource: "me/mailFolders('SentItems')/messages"));

        var hold = await h.Graph.Me.Events.PostAsync(new Event
        {
            Subject = "Hold: one-to-one",
            Start = new DateTimeTimeZone { DateTime = "2025-03-20T10:00:00", TimeZone = "Pacific/Auckland" },
            End = new DateTimeTimeZone { DateTime = "2025-03-20T10:30:00", TimeZone = "Pacific/Auckland" },
        });
        await h.Graph.Me.Events[hold!.Id].PatchAsync(new Event { Subject = "Hold: coffee" });
        await h.Graph.Me.Events[hold.Id].DeleteAsync();
        h.Mailbox.AddMail(new SandboxMailSeed(
            new("Alex Morgan", h.Mailbox.User.Mail), [new("Mere Parata", "mere@paratalaw.co.nz")], "Thanks", "Great to meet you.", Sent: true));
        h.Mailbox.AddMail(new SandboxMailSeed(
            new("Mere Parata", "mere@paratalaw.co.nz"), [new("Alex Morgan", h.Mailbox.User.Mail)], "Hello", "Inbox mail."));
        await h.Graph.Me.Messages.PostAsync(new Message { Subject = "A draft" });
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        var byEvents = receiver.Notifications.Where(n => n.GetProperty("subscriptionId").GetString() == events!.Id).ToList();
        var bySent = receiver.Notifications.Where(n => n.GetProperty("subscriptionId").GetString() == sent!.Id).ToList();
        Assert.Equal(["created", "updated", "deleted"], byEvents.Select(n => n.GetProperty("changeType").GetString()));
        Assert.All(byEvents, n => Assert.Equal(hold.Id, n.GetProperty("resourceData").GetProperty("id").GetString()));
        var sentNote = Assert.Single(bySent);
        Assert.Equal("#Microsoft.Graph.Message", sentNote.GetProperty("resourceData").GetProperty("@odata.type").GetString());
        Assert.StartsWith($"Users/{h.Mailbox.User.Id}/Messages/", sentNote.GetProperty("resource").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_subscription_notifies_nothing_and_is_gone()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, lifetime: TimeSpan.FromHours(1)));

        h.Time.Advance(TimeSpan.FromHours(1));
        h.Mailbox.AddContact(new("Late", "Comer", ["late@example.org"]));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();
        var get = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[subscription!.Id].GetAsync());
        var renew = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[subscription!.Id].PatchAsync(
            new Subscription { ExpirationDateTime = h.Time.GetUtcNow().AddDays(1) }));
        var list = await h.Graph.Subscriptions.GetAsync();

        Assert.Empty(receiver.Notifications);
        Assert.Equal(404, get.ResponseStatusCode);
        Assert.Equal("ResourceNotFound", get.Error!.Code);
        Assert.Equal(404, renew.ResponseStatusCode);
        Assert.Empty(list!.Value!);
    }

    [Fact]
    public async Task Renewing_extends_delivery_past_the_old_expiry()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, lifetime: TimeSpan.FromHours(1)));
        var newExpiry = h.Time.GetUtcNow().AddDays(3);

        var renewed = await h.Graph.Subscriptions[subscription!.Id].PatchAsync(new Subscription { ExpirationDateTime = newExpiry });
        h.Time.Advance(TimeSpan.FromHours(2));
        h.Mailbox.AddContact(new("Still", "Watched", ["still@example.org"]));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();
        var tooFar = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[subscription.Id].PatchAsync(
            new Subscription { ExpirationDateTime = h.Time.GetUtcNow().AddDays(8) }));

        Assert.Equal(newExpiry, renewed!.ExpirationDateTime);
        var note = Assert.Single(receiver.Notifications);
        Assert.Equal(newExpiry, note.GetProperty("subscriptionExpirationDateTime").GetDateTimeOffset());
        Assert.Equal(400, tooFar.ResponseStatusCode);
        Assert.Equal(2, receiver.ValidationTokens.Count);
    }

    [Fact]
    public async Task Deleting_stops_delivery_and_an_unknown_subscription_is_404()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var subscription = await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver));

        await h.Graph.Subscriptions[subscription!.Id].DeleteAsync();
        h.Mailbox.AddContact(new("After", "Delete", ["after@example.org"]));
        await h.Server.Subscriptions.WaitForDeliveriesAsync();
        var again = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[subscription.Id].DeleteAsync());
        var unknown = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Subscriptions[Guid.NewGuid().ToString()].GetAsync());

        Assert.Empty(receiver.Notifications);
        Assert.Equal(404, again.ResponseStatusCode);
        Assert.Equal(404, unknown.ResponseStatusCode);
        Assert.Equal("ResourceNotFound", unknown.Error!.Code);
    }

    [Fact]
    public async Task A_resource_of_another_user_or_of_an_unsupported_kind_is_refused()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();

        var byUpn = await h.Graph.Subscriptions.PostAsync(
            NewSubscription(h, receiver, resource: $"users/{h.Mailbox.User.UserPrincipalName}/contacts"));
        var stranger = await Assert.ThrowsAsync<ODataError>(() =>
            h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, resource: "users/nobody@elsewhere.example/contacts")));
        var drive = await Assert.ThrowsAsync<ODataError>(() =>
            h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver, resource: "me/drive/root")));

        Assert.NotNull(byUpn);
        Assert.Equal(404, stranger.ResponseStatusCode);
        Assert.Equal("ErrorInvalidUser", stranger.Error!.Code);
        Assert.Equal(400, drive.ResponseStatusCode);
    }

    [Fact]
    public async Task A_slow_endpoint_never_slows_the_mailbox()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        await h.Graph.Subscriptions.PostAsync(NewSubscription(h, receiver));
        receiver.NotificationDelay = TimeSpan.FromSeconds(1);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            h.Mailbox.AddContact(new($"Person{i}", "Quick", [$"p{i}@example.org"]));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"20 changes took {clock.Elapsed}");
    }
}
