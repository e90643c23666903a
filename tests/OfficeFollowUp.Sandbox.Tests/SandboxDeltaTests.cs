using Microsoft.Kiota.Abstractions.Serialization;

namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxDeltaTests
{
    private sealed record Round(List<Contact> Items, string DeltaLink, int Pages);

    /// <summary>The first page of a folder's contacts delta round (link null), or the page a link leads to.</summary>
    private static Func<string?, Task<Microsoft.Graph.Me.ContactFolders.Item.Contacts.Delta.DeltaGetResponse?>> Fetch(
        SandboxHarness h, string folderId, int pageSize)
    {
        var builder = h.Graph.Me.ContactFolders[folderId].Contacts.Delta;
        return link => (link is null ? builder : builder.WithUrl(link)).GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c, pageSize));
    }

    private static async Task<Round> RunRoundAsync(SandboxHarness h, string folderId, string? link = null, int pageSize = 3)
    {
        var (items, deltaLink, pages) = await SandboxHarness.FollowRoundAsync(Fetch(h, folderId, pageSize), page => page.Value, link);
        return new Round(items, deltaLink, pages);
    }

    [Fact]
    public async Task Delta_round_pages_end_with_a_delta_link_and_return_every_contact_once()
    {
        await using var h = await SandboxHarness.StartAsync();
        var folders = h.Mailbox.ContactFolders;
        Assert.Equal(2, folders.Count);

        foreach (var folder in folders)
        {
            var round = await RunRoundAsync(h, folder.Id);
            var ids = round.Items.Select(c => c.Id!).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(h.Mailbox.ContactCount(folder.Id), ids.Count);
            Assert.All(round.Items, c => Assert.Equal(folder.Id, c.ParentFolderId));
            Assert.True(round.Pages >= (ids.Count + 2) / 3);
            Assert.Contains("$deltatoken=", round.DeltaLink, StringComparison.Ordinal);
        }

        Assert.Equal(12, h.Mailbox.ContactCount());
        Assert.True(h.Mailbox.BaselineServed);
        Assert.Equal(0, h.Mailbox.Requests.WithoutImmutableIdPreference);
    }

    [Fact]
    public async Task Sample_contacts_have_the_awkward_cases_detection_must_handle()
    {
        await using var h = await SandboxHarness.StartAsync();
        var round = await RunRoundAsync(h, h.Mailbox.DefaultContactFolderId, pageSize: 50);
        var emails = round.Items.SelectMany(c => c.EmailAddresses ?? []).Select(e => e.Address).ToList();

        Assert.Contains(round.Items, c => c.EmailAddresses is null or { Count: 0 });
        Assert.Contains(round.Items, c => c.EmailAddresses is { Count: 2 });
        Assert.Contains(round.Items, c => c.DisplayName == "Zoë Ångström");
        Assert.Contains(round.Items, c => c.DisplayName == "山田 花子");
        Assert.Contains(h.Mailbox.User.Mail, emails);
        Assert.Contains(emails, e => e!.StartsWith("info@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Following_the_delta_link_returns_added_contacts_and_removed_entries()
    {
        await using var h = await SandboxHarness.StartAsync();
        var folder = h.Mailbox.DefaultContactFolderId;
        var baseline = await RunRoundAsync(h, folder);
        var gone = baseline.Items[4].Id!;

        var added = h.Mailbox.AddContact(new SandboxContactSeed("Mereana", "Tūhoe", ["mereana@kaurilegal.co.nz"], "Kauri Legal"));
        h.Mailbox.DeleteContact(gone);
        var changed = await RunRoundAsync(h, folder, baseline.DeltaLink);

        Assert.Equal(2, changed.Items.Count);
        var contact = Assert.Single(changed.Items, c => c.Id == added);
        Assert.Equal("Mereana", contact.GivenName);
        Assert.Equal("mereana@kaurilegal.co.nz", Assert.Single(contact.EmailAddresses!).Address);
        var removed = Assert.Single(changed.Items, c => c.Id == gone);
        var reason = Assert.IsType<UntypedObject>(removed.AdditionalData["@removed"]).GetValue();
        Assert.Equal("deleted", Assert.IsType<UntypedString>(reason["reason"]).GetValue());
    }

    [Fact]
    public async Task Changed_contact_comes_back_once_in_its_new_state()
    {
        await using var h = await SandboxHarness.StartAsync();
        var folder = h.Mailbox.DefaultContactFolderId;
        var baseline = await RunRoundAsync(h, folder);
        var id = baseline.Items[0].Id!;

        h.Mailbox.UpdateContact(id, c => c with { JobTitle = "Chief Executive" });
        h.Mailbox.UpdateContact(id, c => c with { CompanyName = "Renamed Ltd" });
        var changed = await RunRoundAsync(h, folder, baseline.DeltaLink);

        var contact = Assert.Single(changed.Items);
        Assert.Equal(id, contact.Id);
        Assert.Equal("Chief Executive", contact.JobTitle);
        Assert.Equal("Renamed Ltd", contact.CompanyName);
    }

    [Fact]
    public async Task Idle_poll_is_one_request_with_an_empty_page_and_a_new_delta_link()
    {
        await using var h = await SandboxHarness.StartAsync();
        var folder = h.Mailbox.DefaultContactFolderId;
        var baseline = await RunRoundAsync(h, folder);
        h.Mailbox.Requests.Reset();

        var idle = await RunRoundAsync(h, folder, baseline.DeltaLink);

        h.AssertIdleRound("GET /me/contactFolders/{id}/contacts/delta", baseline.DeltaLink, idle.Items, idle.DeltaLink);
    }

    [Fact]
    public async Task Page_size_preference_is_honoured_and_reported_as_applied()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, h.Url($"/me/contactFolders/{h.Mailbox.DefaultContactFolderId}/contacts/delta"));
        request.Headers.TryAddWithoutValidation("Prefer", SandboxHarness.ImmutableId);
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=5");

        using var response = await h.Raw.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("odata.maxpagesize=5", response.Headers.GetValues("Preference-Applied").Single(), StringComparison.Ordinal);
        Assert.Equal(5, json.RootElement.GetProperty("value").GetArrayLength());
        Assert.StartsWith(h.Server.BaseUrl.ToString(), json.RootElement.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, h.Mailbox.Requests.WithoutImmutableIdPreference);
    }

    [Fact]
    public async Task Without_a_page_size_preference_pages_hold_ten_items_and_the_request_is_counted_as_missing_immutable_ids()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var json = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/me/contactFolders/{h.Mailbox.DefaultContactFolderId}/contacts/delta")));

        Assert.Equal(10, json.RootElement.GetProperty("value").GetArrayLength());
        Assert.Equal(1, h.Mailbox.Requests.WithoutImmutableIdPreference);
    }

    [Fact]
    public async Task Select_on_the_first_request_is_kept_for_the_whole_round()
    {
        await using var h = await SandboxHarness.StartAsync();
        await h.AssertNextDeltaRequestExpiresOnceAsync(Fetch(h, h.Mailbox.DefaultContactFolderId, pageSize: 3), page => page.Value!.Count, 3);
    }

    [Fact]
    public async Task Empty_pages_and_repeated_items_do_not_lose_contacts()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.EmptyPageEvery = 2;
        h.Mailbox.Faults.RepeatItems = true;

        var round = await RunRoundAsync(h, h.Mailbox.DefaultContactFolderId);

        Assert.Contains(round.Items, _ => true);
        Assert.True(round.Items.Count > 12, "repeats expected");
        Assert.Equal(12, round.Items.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Expired_delta_tokens_answer_410_with_a_location_for_a_fresh_round()
    {
        await using var h = await SandboxHarness.StartAsync();
        var folder = h.Mailbox.DefaultContactFolderId;
        var baseline = await RunRoundAsync(h, folder);
        h.Mailbox.Faults.ExpireDeltaTokens();

        using var response = await h.Raw.GetAsync(baseline.DeltaLink);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(h.Url($"/me/contactFolders/{folder}/contacts/delta"), response.Headers.Location!.ToString());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("syncStateNotFound", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        var inner = error.GetProperty("innerError");
        Assert.True(Guid.TryParse(inner.GetProperty("request-id").GetString(), out _));
        Assert.Equal(response.Headers.GetValues("request-id").Single(), inner.GetProperty("request-id").GetString());
        Assert.True(inner.TryGetProperty("client-request-id", out _));
        Assert.True(inner.TryGetProperty("date", out _));

        var exception = await Assert.ThrowsAsync<ODataError>(() => RunRoundAsync(h, folder, baseline.DeltaLink));
        Assert.Equal(410, exception.ResponseStatusCode);
        Assert.Equal("syncStateNotFound", exception.Error!.Code);

        var fresh = await RunRoundAsync(h, folder, response.Headers.Location.ToString());
        Assert.Equal(12, fresh.Items.Count);
    }

    [Fact]
    public async Task Expiring_the_next_delta_request_fails_a_round_midway_once()
    {
        await using var h = await SandboxHarness.StartAsync();
        var builder = h.Graph.Me.ContactFolders[h.Mailbox.DefaultContactFolderId].Contacts.Delta;
        var first = await builder.GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c, 3));
        h.Mailbox.Faults.ExpireNextDeltaRequest();

        var exception = await Assert.ThrowsAsync<ODataError>(() => builder.WithUrl(first!.OdataNextLink!).GetAsDeltaGetResponseAsync());
        var retry = await builder.WithUrl(first!.OdataNextLink!).GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c, 3));

        Assert.Equal(410, exception.ResponseStatusCode);
        Assert.Equal(3, retry!.Value!.Count);
    }

    [Fact]
    public async Task Corrupt_token_is_a_bad_request()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var response = await h.Raw.GetAsync(h.Url($"/me/contactFolders/{h.Mailbox.DefaultContactFolderId}/contacts/delta?$deltatoken=not-a-token"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Contacts_can_be_created_and_deleted_through_the_sdk()
    {
        await using var h = await SandboxHarness.StartAsync();
        var eventsFolder = h.Mailbox.ContactFolders[1].Id;

        var created = await h.Graph.Me.ContactFolders[eventsFolder].Contacts.PostAsync(new Contact
        {
            GivenName = "Hēmi",
            Surname = "Walker",
            EmailAddresses = [new EmailAddress { Address = "hemi@walkerjoinery.co.nz", Name = "Hēmi Walker" }],
        });
        var inDefault = await h.Graph.Me.Contacts.PostAsync(new Contact { GivenName = "Ana", Surname = "Lopez" });
        await h.Graph.Me.Contacts[inDefault!.Id].DeleteAsync();

        Assert.Equal(eventsFolder, created!.ParentFolderId);
        Assert.Equal("Hēmi Walker", created.DisplayName);
        Assert.Equal(5, h.Mailbox.ContactCount(eventsFolder));
        Assert.Null(h.Mailbox.FindContact(inDefault.Id!));
        var missing = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Contacts[inDefault.Id].GetAsync());
        Assert.Equal("ErrorItemNotFound", missing.Error!.Code);
    }
}
