namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxMessagesTests
{
    private const string FollowUpKeyId = "String {8f1d3c6e-2b7a-4e51-9c0d-3a6b2f9e7d41} Name FollowUpKey";

    private static Message Draft(string key, string to = "sofia@tidewaterarchitects.co.nz") => new()
    {
        Subject = "Great to meet you at the chamber mixer",
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Kia ora Sofía,</p><p>Thanks for the chat &amp; the coffee tip.</p>" },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to, Name = "Sofía Martínez-Ortega" } }],
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = FollowUpKeyId, Value = key }],
    };

    private static Task<MessageCollectionResponse?> FindByTagAsync(SandboxHarness h, string key) =>
        h.Graph.Me.Messages.GetAsync(c =>
        {
            SandboxHarness.Prefer(c);
            c.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{FollowUpKeyId}' and ep/value eq '{key}')";
            c.QueryParameters.Select = ["id", "subject", "isDraft"];
            c.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{FollowUpKeyId}')"];
        });

    [Fact]
    public async Task Posted_draft_is_stored_in_drafts_and_found_again_by_its_tag()
    {
        await using var h = await SandboxHarness.StartAsync();
        var created = await h.Graph.Me.Messages.PostAsync(Draft("track-1:thank-you"), c => SandboxHarness.Prefer(c));
        await h.Graph.Me.Messages.PostAsync(Draft("track-2:thank-you"), c => SandboxHarness.Prefer(c));

        var found = await FindByTagAsync(h, "track-1:thank-you");

        Assert.True(created!.IsDraft);
        Assert.Equal(h.Mailbox.DraftsFolderId, created.ParentFolderId);
        Assert.Null(created.SingleValueExtendedProperties);
        var message = Assert.Single(found!.Value!);
        Assert.Equal(created.Id, message.Id);
        Assert.Equal("track-1:thank-you", Assert.Single(message.SingleValueExtendedProperties!).Value);

        var stored = h.Mailbox.Drafts.Single(d => d.Id == created.Id);
        Assert.Equal("Great to meet you at the chamber mixer", stored.Subject);
        Assert.Equal("html", stored.BodyContentType);
        Assert.Contains("Kia ora Sofía", stored.BodyContent, StringComparison.Ordinal);
        Assert.Equal("sofia@tidewaterarchitects.co.nz", Assert.Single(stored.ToRecipients).Address);
        Assert.Equal("track-1:thank-you", stored.SingleValueExtendedProperties[FollowUpKeyId]);
        Assert.Equal(0, h.Mailbox.InvitationsSent);
    }

    [Fact]
    public async Task Delete_removes_a_draft_or_a_sent_message_as_Graph_does_and_a_second_delete_is_404()
    {
        await using var h = await SandboxHarness.StartAsync();
        var draft = await h.Graph.Me.Messages.PostAsync(Draft("track-1:thank-you"), c => SandboxHarness.Prefer(c));
        var toSend = await h.Graph.Me.Messages.PostAsync(Draft("track-2:thank-you"), c => SandboxHarness.Prefer(c));
        var sent = h.Mailbox.SendDraft(toSend!.Id!);

        await h.Graph.Me.Messages[draft!.Id].DeleteAsync(c => SandboxHarness.Prefer(c));
        await h.Graph.Me.Messages[sent.Id].DeleteAsync(c => SandboxHarness.Prefer(c));
        var again = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => h.Graph.Me.Messages[draft.Id].DeleteAsync(c => SandboxHarness.Prefer(c)));

        Assert.Empty(h.Mailbox.Drafts);
        Assert.DoesNotContain(h.Mailbox.Mail, m => m.Id == sent.Id);
        Assert.Equal((404, "ErrorItemNotFound"), (again.ResponseStatusCode, again.Error?.Code));
    }

    [Fact]
    public async Task Tag_lookup_tolerates_whitespace_and_case_and_also_works_on_the_drafts_folder()
    {
        await using var h = await SandboxHarness.StartAsync();
        await h.Graph.Me.Messages.PostAsync(Draft("it's-quoted"));
        var filter = Uri.EscapeDataString($"singleValueExtendedProperties/any( x :x/value eq 'it''s-quoted'  and  x/id eq '{FollowUpKeyId}' )");

        using var all = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/me/messages?$filter={filter}")));
        using var drafts = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/me/mailFolders/drafts/messages?$filter={filter}")));

        Assert.Equal(1, all.RootElement.GetProperty("value").GetArrayLength());
        Assert.Equal(1, drafts.RootElement.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Unsupported_filter_is_a_bad_request_with_a_graph_error_body()
    {
        await using var h = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Messages.GetAsync(c => c.QueryParameters.Filter = "subject eq 'x'"));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ErrorInvalidUrlQueryFilter", error.Error!.Code);
    }

    [Fact]
    public async Task Missing_message_is_item_not_found()
    {
        await using var h = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Messages["AAMkAnope"].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task Throttled_post_is_retried_by_the_sdk_and_creates_exactly_one_draft()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.Throttle(2, 429, TimeSpan.Zero, pathContains: "/me/messages");

        var created = await h.Graph.Me.Messages.PostAsync(Draft("track-3:thank-you"));

        Assert.NotNull(created);
        Assert.Single(h.Mailbox.Drafts);
        Assert.Equal(3, h.Mailbox.Requests.Count("POST /me/messages"));
    }

    [Fact]
    public async Task Throttle_answers_429_with_retry_after_and_a_graph_error_body()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.Throttle(1, 429, TimeSpan.FromSeconds(7));

        using var response = await h.Raw.GetAsync(h.Url("/me"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        Assert.Equal("TooManyRequests", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await h.Raw.GetAsync(h.Url("/me"))).StatusCode);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_by_the_sdk_on_a_get()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.Throttle(1, 503, TimeSpan.Zero);

        var me = await h.Graph.Me.GetAsync(c => SandboxHarness.Prefer(c));

        Assert.Equal("Alex Morgan", me!.DisplayName);
        Assert.Equal(2, h.Mailbox.Requests.Count("GET /me"));
    }

    [Fact]
    public async Task Dropped_connection_after_apply_leaves_a_draft_the_tag_lookup_finds()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.DropConnectionAfterApply(1, "/me/messages");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => h.Graph.Me.Messages.PostAsync(Draft("track-4:thank-you")));
        var found = await FindByTagAsync(h, "track-4:thank-you");

        Assert.Single(h.Mailbox.Drafts);
        Assert.Equal(h.Mailbox.Drafts[0].Id, Assert.Single(found!.Value!).Id);
    }

    [Fact]
    public async Task Fail_next_answers_the_given_status_and_code_once()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.FailNext(401, "InvalidAuthenticationToken");

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.GetAsync());
        var me = await h.Graph.Me.GetAsync();

        Assert.Equal(401, error.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", error.Error!.Code);
        Assert.NotNull(me);
    }

    [Fact]
    public async Task Unknown_route_is_not_found_with_a_graph_error_body_and_request_ids()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, h.Url("/me/nonsense"));
        request.Headers.Add("client-request-id", "5b0b6a3e-2f6e-4f7e-9a43-0c6e2b8c1d11");

        using var response = await h.Raw.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("5b0b6a3e-2f6e-4f7e-9a43-0c6e2b8c1d11", response.Headers.GetValues("client-request-id").Single());
        var inner = json.RootElement.GetProperty("error").GetProperty("innerError");
        Assert.Equal("5b0b6a3e-2f6e-4f7e-9a43-0c6e2b8c1d11", inner.GetProperty("client-request-id").GetString());
        Assert.Equal(1, h.Mailbox.Requests.Count("GET (unmatched)"));
    }
}
