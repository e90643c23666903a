namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// With an app-only token Graph has no signed-in user: <c>/me</c> is a 400, and the mailbox is reached
/// only at <c>/users/{id or upn}</c>. The sandbox answers the same way when told the caller has
/// application permissions, so a worker path that says /me in Application mode fails here as it would in a tenant.
/// </summary>
public sealed class SandboxApplicationPermissionsTests
{
    [Fact]
    public async Task An_app_only_caller_is_refused_at_me_with_graphs_error_and_served_at_users()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.ApplicationPermissions = true;
        var intro = h.Mailbox.Mail[0].Id;

        var atMe = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Messages[intro].GetAsync());
        var atMeSettings = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.MailboxSettings.GetAsync());
        var byId = await h.Graph.Users[h.Mailbox.User.Id].Messages[intro].GetAsync();
        var byUpn = await h.Graph.Users[h.Mailbox.User.UserPrincipalName].MailboxSettings.GetAsync();

        Assert.Equal((int)HttpStatusCode.BadRequest, atMe.ResponseStatusCode);
        Assert.Equal("BadRequest", atMe.Error!.Code);
        Assert.Equal("/me request is only valid with delegated authentication flow.", atMe.Error.Message);
        Assert.Equal((int)HttpStatusCode.BadRequest, atMeSettings.ResponseStatusCode);
        Assert.Equal(intro, byId!.Id);
        Assert.NotNull(byUpn!.TimeZone);
    }

    [Fact]
    public async Task A_signed_in_caller_reaches_the_same_mailbox_at_me_and_at_users()
    {
        await using var h = await SandboxHarness.StartAsync();
        var intro = h.Mailbox.Mail[0].Id;

        var atMe = await h.Graph.Me.Messages[intro].GetAsync();
        var atUsers = await h.Graph.Users[h.Mailbox.User.Id].Messages[intro].GetAsync();

        Assert.Equal(atMe!.Id, atUsers!.Id);
    }

    [Fact]
    public async Task Next_and_delta_links_keep_the_users_addressing_the_caller_used()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.ApplicationPermissions = true;
        var upn = h.Mailbox.User.UserPrincipalName;
        var folder = h.Mailbox.DefaultContactFolderId;
        var delta = h.Graph.Users[upn].ContactFolders[folder].Contacts.Delta;
        var root = $"{h.Server.BaseUrl}/users/{upn}/";

        var links = new List<string>();
        var page = await delta.GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c, 3));
        while (page?.OdataNextLink is { } next)
        {
            links.Add(next);
            page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c, 3));
        }
        links.Add(page!.OdataDeltaLink!);
        var calendar = await h.Graph.Users[upn].CalendarView.Delta.GetAsDeltaGetResponseAsync(c =>
        {
            c.QueryParameters.StartDateTime = "2025-03-01T00:00:00Z";
            c.QueryParameters.EndDateTime = "2025-04-01T00:00:00Z";
            SandboxHarness.Prefer(c, 2);
        });
        links.Add(calendar!.OdataNextLink ?? calendar.OdataDeltaLink!);

        Assert.True(links.Count >= 3, "the folder should take more than one page of 3");
        Assert.All(links, link => Assert.StartsWith(root, link, StringComparison.OrdinalIgnoreCase));
    }
}
