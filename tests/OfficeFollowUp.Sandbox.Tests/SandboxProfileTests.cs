namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxProfileTests
{
    [Fact]
    public async Task Me_and_mailbox_settings_come_back_through_the_sdk()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.TimeZone = "AUS Eastern Standard Time";

        var me = await h.Graph.Me.GetAsync(c => SandboxHarness.Prefer(c));
        var settings = await h.Graph.Me.MailboxSettings.GetAsync(c => SandboxHarness.Prefer(c));

        Assert.Equal(h.Mailbox.User.Id, me!.Id);
        Assert.Equal("alex@harbourlightadvisory.co.nz", me.Mail);
        Assert.Contains("SMTP:alex@harbourlightadvisory.co.nz", me.ProxyAddresses!);
        Assert.Equal("AUS Eastern Standard Time", settings!.TimeZone);
        Assert.Equal("AUS Eastern Standard Time", settings.WorkingHours!.TimeZone!.Name);
        Assert.Equal(new Microsoft.Kiota.Abstractions.Time(8, 30, 0), settings.WorkingHours.StartTime);
        Assert.Equal(5, settings.WorkingHours.DaysOfWeek!.Count);
        Assert.Equal(DayOfWeekObject.Monday, settings.WorkingHours.DaysOfWeek[0]);
        Assert.Equal(UserPurpose.User, settings.UserPurpose);
        Assert.Equal("en-NZ", settings.Language!.Locale);
    }

    [Fact]
    public async Task Contact_folders_list_the_children_of_the_default_folder()
    {
        await using var h = await SandboxHarness.StartAsync();

        var folders = await h.Graph.Me.ContactFolders.GetAsync();
        var defaultFolder = await h.Graph.Me.ContactFolders[h.Mailbox.DefaultContactFolderId].GetAsync();
        var contacts = await h.Graph.Me.Contacts.GetAsync(c =>
        {
            c.QueryParameters.Top = 1;
            c.QueryParameters.Select = ["parentFolderId"];
        });

        var child = Assert.Single(folders!.Value!);
        Assert.Equal("Met at events", child.DisplayName);
        Assert.Equal(h.Mailbox.DefaultContactFolderId, child.ParentFolderId);
        Assert.Equal("Contacts", defaultFolder!.DisplayName);
        Assert.Equal(h.Mailbox.DefaultContactFolderId, Assert.Single(contacts!.Value!).ParentFolderId);
        Assert.NotNull(contacts.OdataNextLink);
    }

    [Fact]
    public async Task Users_path_with_the_upn_is_the_same_mailbox()
    {
        await using var h = await SandboxHarness.StartAsync();

        var user = await h.Graph.Users[h.Mailbox.User.UserPrincipalName].GetAsync();

        Assert.Equal(h.Mailbox.User.Id, user!.Id);
    }
}
