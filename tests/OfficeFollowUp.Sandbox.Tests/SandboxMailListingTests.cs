namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// As in Graph, <c>/me/messages</c> lists the messages of every folder (received mail and drafts alike),
/// and <c>/me/mailFolders/{well-known name or id}/messages</c> one folder's.
/// </summary>
public sealed class SandboxMailListingTests
{
    private static async Task<List<Message>> AllAsync(SandboxHarness h, Func<Task<MessageCollectionResponse?>> first)
    {
        var all = new List<Message>();
        var page = await first();
        while (page is not null)
        {
            all.AddRange(page.Value ?? []);
            page = page.OdataNextLink is { } next ? await h.Graph.Me.Messages.WithUrl(next).GetAsync() : null;
        }
        return all;
    }

    [Fact]
    public async Task Me_messages_lists_received_mail_and_drafts_and_each_folder_lists_its_own()
    {
        await using var h = await SandboxHarness.StartAsync();
        var draft = await h.Graph.Me.Messages.PostAsync(new Message { Subject = "A draft", ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "zoe@nordic.design" } }] });

        var everything = await AllAsync(h, () => h.Graph.Me.Messages.GetAsync(c => c.QueryParameters.Select = ["id", "subject", "isDraft", "parentFolderId", "createdDateTime"]));
        var inbox = await AllAsync(h, () => h.Graph.Me.MailFolders["inbox"].Messages.GetAsync());
        var drafts = await AllAsync(h, () => h.Graph.Me.MailFolders["drafts"].Messages.GetAsync());
        var inboxById = await AllAsync(h, () => h.Graph.Me.MailFolders[inbox[0].ParentFolderId].Messages.GetAsync());

        Assert.Equal(h.Mailbox.Mail.Count + 1, everything.Count);
        Assert.Contains(everything, m => m.Id == draft!.Id && m.IsDraft == true);
        Assert.Contains(everything, m => m.Subject == "Intro: Priya ↔ Alex" && m.IsDraft == false);
        Assert.Equal(everything.OrderByDescending(m => m.CreatedDateTime).Select(m => m.Id), everything.Select(m => m.Id));
        Assert.NotEmpty(inbox);
        Assert.All(inbox, m => Assert.False(m.IsDraft));
        Assert.Single(inbox.Select(m => m.ParentFolderId).Distinct());
        Assert.Equal(inbox.Select(m => m.Id), inboxById.Select(m => m.Id));
        Assert.Equal(draft!.Id, Assert.Single(drafts).Id);
    }

    [Fact]
    public async Task An_unknown_mail_folder_is_not_found()
    {
        await using var h = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.MailFolders["AAMkNOPE"].Messages.GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
    }
}
