using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Xunit.Abstractions;

namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// A tenant of many mailboxes behind one sandbox server, reached as an app with application permissions reaches them:
/// <c>/users/{id or upn}</c>, never <c>/me</c>; each mailbox its own, and subscriptions per mailbox resource.
/// </summary>
public sealed class SandboxTenantTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 20, 0, 0, TimeSpan.Zero);

    private sealed class TenantSite : IAsyncDisposable
    {
        public required SandboxTenant Tenant { get; init; }

        public required SandboxServer Server { get; init; }

        public required FakeTimeProvider Time { get; init; }

        public required HttpClient Http { get; init; }

        public required GraphServiceClient Graph { get; init; }

        public static async Task<TenantSite> StartAsync(int mailboxes, int contactsEach)
        {
            var time = new FakeTimeProvider(Start);
            var tenant = new SandboxTenant(time);
            tenant.SeedMailboxes(mailboxes, contactsEach);
            var server = await SandboxServer.StartAsync(tenant);
            var http = GraphClientFactory.Create();
            return new TenantSite
            {
                Tenant = tenant,
                Server = server,
                Time = time,
                Http = http,
                Graph = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), server.BaseUrl.ToString()),
            };
        }

        public async ValueTask DisposeAsync()
        {
            Graph.Dispose();
            Http.Dispose();
            await Server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_user_reaches_only_their_own_mailbox_by_id_or_upn()
    {
        await using var site = await TenantSite.StartAsync(mailboxes: 2, contactsEach: 5);
        var (a, b) = (site.Tenant.Mailboxes[0], site.Tenant.Mailboxes[1]);
        var added = a.AddContact(new("Only", "InA", ["only@a.example"]));

        var aContacts = await site.Graph.Users[a.User.Id].Contacts.GetAsync(c => c.QueryParameters.Top = 50);
        var bContacts = await site.Graph.Users[b.User.UserPrincipalName].Contacts.GetAsync(c => c.QueryParameters.Top = 50);
        var aUser = await site.Graph.Users[a.User.UserPrincipalName].GetAsync();
        var bInA = await Assert.ThrowsAsync<ODataError>(() => site.Graph.Users[b.User.Id].Contacts[added].GetAsync());

        Assert.Equal(6, aContacts!.Value!.Count);
        Assert.Contains(aContacts.Value, c => c.Id == added);
        Assert.Equal(5, bContacts!.Value!.Count);
        Assert.Empty(aContacts.Value.Select(c => c.Id).Intersect(bContacts.Value.Select(c => c.Id)));
        Assert.NotEqual(a.User.Id, b.User.Id);
        Assert.Equal(a.User.Id, aUser!.Id);
        Assert.Equal(404, bInA.ResponseStatusCode);
        Assert.Equal(1, a.Requests.Count("GET /me/contacts"));
        Assert.Equal(1, b.Requests.Count("GET /me/contacts"));
    }

    [Fact]
    public async Task Me_is_refused_and_an_unknown_user_is_graphs_404()
    {
        await using var site = await TenantSite.StartAsync(mailboxes: 1, contactsEach: 1);

        var me = await Assert.ThrowsAsync<ODataError>(() => site.Graph.Me.Contacts.GetAsync());
        var unknownMailbox = await Assert.ThrowsAsync<ODataError>(() => site.Graph.Users["nobody@harbourlightadvisory.co.nz"].Contacts.GetAsync());
        var unknownUser = await Assert.ThrowsAsync<ODataError>(() => site.Graph.Users[Guid.NewGuid().ToString()].GetAsync());

        Assert.Equal(400, me.ResponseStatusCode);
        Assert.Equal("/me request is only valid with delegated authentication flow.", me.Error!.Message);
        Assert.Equal(404, unknownMailbox.ResponseStatusCode);
        Assert.Equal("ErrorInvalidUser", unknownMailbox.Error!.Code);
        Assert.Equal("The requested user 'nobody@harbourlightadvisory.co.nz' is invalid.", unknownMailbox.Error.Message);
        Assert.Equal(404, unknownUser.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", unknownUser.Error!.Code);
    }

    [Fact]
    public async Task A_subscription_on_one_users_contacts_hears_only_that_mailbox()
    {
        await using var site = await TenantSite.StartAsync(mailboxes: 2, contactsEach: 0);
        await using var receiver = await NotificationReceiver.StartAsync();
        var (a, b) = (site.Tenant.Mailboxes[0], site.Tenant.Mailboxes[1]);
        Subscription Make(string resource) => new()
        {
            ChangeType = "created,updated,deleted",
            NotificationUrl = receiver.NotificationUrl,
            Resource = resource,
            ExpirationDateTime = site.Time.GetUtcNow().AddDays(1),
            ClientState = "tenant-secret",
        };

        var subscription = await site.Graph.Subscriptions.PostAsync(Make($"users/{a.User.Id}/contacts"));
        var viaMe = await Assert.ThrowsAsync<ODataError>(() => site.Graph.Subscriptions.PostAsync(Make("me/contacts")));
        var added = a.AddContact(new("In", "A", ["in@a.example"]));
        b.AddContact(new("In", "B", ["in@b.example"]));
        await site.Server.Subscriptions.WaitForDeliveriesAsync();

        var note = Assert.Single(receiver.Notifications);
        Assert.Equal(subscription!.Id, note.GetProperty("subscriptionId").GetString());
        Assert.Equal($"Users/{a.User.Id}/Contacts/{added}", note.GetProperty("resource").GetString());
        Assert.Equal(site.Tenant.TenantId, note.GetProperty("tenantId").GetString());
        Assert.Equal(SandboxSubscriptions.ApplicationId, subscription.CreatorId);
        Assert.Equal(400, viaMe.ResponseStatusCode);
        Assert.Equal(2, site.Tenant.Requests.Count("POST /subscriptions"));
    }

    [Fact]
    public async Task The_tenants_faults_throttle_subscription_requests_and_the_sdk_retries()
    {
        await using var site = await TenantSite.StartAsync(mailboxes: 1, contactsEach: 0);
        await using var receiver = await NotificationReceiver.StartAsync();
        var a = site.Tenant.Mailboxes[0];
        site.Tenant.Faults.Throttle(1, retryAfter: TimeSpan.FromMilliseconds(10), pathContains: "/subscriptions");

        var created = await site.Graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = receiver.NotificationUrl,
            Resource = $"users/{a.User.Id}/events",
            ExpirationDateTime = site.Time.GetUtcNow().AddDays(1),
        });

        Assert.NotNull(created);
        Assert.Equal(2, site.Tenant.Requests.Count("POST /subscriptions"));
        Assert.Single(site.Server.Subscriptions.Active);
    }

    [Fact]
    public async Task A_thousand_mailboxes_of_two_hundred_contacts_fit_in_one_process()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var time = new FakeTimeProvider(Start);
        var tenant = new SandboxTenant(time);
        tenant.SeedMailboxes(1000, 200);
        var seeded = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        await using var server = await SandboxServer.StartAsync(tenant);
        using var http = new HttpClient();
        var last = tenant.Mailboxes[^1];
        clock.Restart();
        var url = $"{server.BaseUrl}/users/{last.User.UserPrincipalName}/contactFolders/{last.DefaultContactFolderId}/contacts/delta";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=1000");
        using var response = await http.SendAsync(request);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var firstRound = clock.Elapsed;

        var megabytes = (after - before) / (1024.0 * 1024.0);
        output.WriteLine($"1,000 mailboxes x 200 contacts: seeded in {seeded.TotalSeconds:F2} s, {megabytes:F0} MB managed heap " +
            $"({(after - before) / 1000 / 1024.0:F1} KB per mailbox), process working set {Environment.WorkingSet / (1024 * 1024)} MB; " +
            $"one mailbox's first delta page in {firstRound.TotalMilliseconds:F0} ms");
        Assert.Equal(1000, tenant.Count);
        Assert.Equal(200, page.RootElement.GetProperty("value").GetArrayLength());
        Assert.True(seeded < TimeSpan.FromSeconds(60), $"seeding took {seeded}");
        Assert.True(megabytes < 1500, $"{megabytes:F0} MB");
        GC.KeepAlive(tenant);
    }
}
