using Microsoft.Graph.Me.MailFolders.Item.Messages.Delta;

namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// The user sends: a draft moves to Sent Items as Exchange moves it, new mail lands there too, and Sent Items has
/// Graph's message delta (pages, next and delta links, @removed, $select frozen into the links).
/// </summary>
public sealed class SandboxSentMailTests
{
    private const string FollowUpKeyId = "String {8f1d3c6e-2b7a-4e51-9c0d-3a6b2f9e7d41} Name FollowUpKey";

    private static readonly SandboxRecipient Sofia = new("Sofía Martínez-Ortega", "sofia@tidewaterarchitects.co.nz");

    private static Message Draft(string key) => new()
    {
        Subject = "Great to meet you",
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Kia ora Sofía</p>" },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = Sofia.Address, Name = Sofia.Name } }],
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = FollowUpKeyId, Value = key }],
    };

    private static Func<string?, Task<DeltaGetResponse?>> Fetch(SandboxHarness h, int pageSize = 2, string[]? select = null)
    {
        var builder = h.Graph.Me.MailFolders["sentitems"].Messages.Delta;
        return link => (link is null ? builder : builder.WithUrl(link)).GetAsDeltaGetResponseAsync(c =>
        {
            SandboxHarness.Prefer(c, pageSize);
            if (link is null && select is not null)
            {
                c.QueryParameters.Select = select;
            }
        });
    }

    [Fact]
    public async Task A_sent_draft_leaves_drafts_and_lands_in_sent_items_with_its_ids_and_a_sent_time()
    {
        await using var h = await SandboxHarness.StartAsync();
        var draft = await h.Graph.Me.Messages.PostAsync(Draft("track-1:thank-you"), c => SandboxHarness.Prefer(c));
        h.Time.Advance(TimeSpan.FromHours(2));

        var sent = h.Mailbox.SendDraft(draft!.Id!);

        Assert.DoesNotContain(h.Mailbox.Drafts, d => d.Id == draft.Id);
        var read = await h.Graph.Me.Messages[draft.Id].GetAsync(c =>
        {
            SandboxHarness.Prefer(c);
            c.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{FollowUpKeyId}')"];
        });
        Assert.False(read!.IsDraft);
        Assert.Equal(h.Time.GetUtcNow(), read.SentDateTime);
        Assert.Equal(draft.ConversationId, read.ConversationId);
        Assert.Equal(draft.InternetMessageId, read.InternetMessageId);
        Assert.Equal(h.Mailbox.User.Mail, read.From!.EmailAddress!.Address);
        Assert.Equal("track-1:thank-you", Assert.Single(read.SingleValueExtendedProperties!).Value);
        Assert.NotEqual(h.Mailbox.DraftsFolderId, read.ParentFolderId);
        Assert.Equal(sent.ParentFolderId, read.ParentFolderId);
    }

    [Fact]
    public async Task Sent_items_delta_returns_sent_mail_then_only_what_was_sent_since_and_a_deleted_draft_as_removed_from_drafts()
    {
        await using var h = await SandboxHarness.StartAsync();
        var draft = await h.Graph.Me.Messages.PostAsync(Draft("track-1:thank-you"), c => SandboxHarness.Prefer(c));

        var first = await SandboxHarness.FollowRoundAsync(Fetch(h), p => p.Value);
        var sampleSent = Assert.Single(first.Items);
        Assert.Equal(SandboxSampleMessages.IntroGivenSubject, sampleSent.Subject);

        h.Mailbox.SendDraft(draft!.Id!, keepTag: false);
        var fresh = h.Mailbox.SendMail([Sofia], "Coffee Thursday?", "Are you free?");
        var second = await SandboxHarness.FollowRoundAsync(Fetch(h, pageSize: 1), p => p.Value, first.DeltaLink);

        Assert.Equal(new HashSet<string?> { draft.Id, fresh.Id }, second.Items.Select(m => m.Id).ToHashSet());
        Assert.Equal(2, second.Pages);
        Assert.All(second.Items, m => Assert.False(m.IsDraft));

        var third = await SandboxHarness.FollowRoundAsync(Fetch(h), p => p.Value, second.DeltaLink);
        Assert.Empty(third.Items);

        // Drafts has the same delta: the sent draft left it.
        var drafts = h.Graph.Me.MailFolders["drafts"].Messages.Delta;
        var draftsRound = await SandboxHarness.FollowRoundAsync<DeltaGetResponse, Message>(
            link => (link is null ? drafts : drafts.WithUrl(link)).GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c)), p => p.Value);
        Assert.Empty(draftsRound.Items);
    }

    [Fact]
    public async Task A_draft_sent_after_the_drafts_round_is_removed_from_drafts_in_the_next_round()
    {
        await using var h = await SandboxHarness.StartAsync();
        var draft = await h.Graph.Me.Messages.PostAsync(Draft("track-1:thank-you"), c => SandboxHarness.Prefer(c));
        var drafts = h.Graph.Me.MailFolders["drafts"].Messages.Delta;
        Func<string?, Task<DeltaGetResponse?>> fetch = link =>
            (link is null ? drafts : drafts.WithUrl(link)).GetAsDeltaGetResponseAsync(c => SandboxHarness.Prefer(c));
        var first = await SandboxHarness.FollowRoundAsync(fetch, p => p.Value);
        Assert.Equal(draft!.Id, Assert.Single(first.Items).Id);

        h.Mailbox.SendDraft(draft.Id!);
        var second = await SandboxHarness.FollowRoundAsync(fetch, p => p.Value, first.DeltaLink);

        var removed = Assert.Single(second.Items);
        Assert.Equal(draft.Id, removed.Id);
        Assert.True(removed.AdditionalData.ContainsKey("@removed"));
    }

    [Fact]
    public async Task Select_is_frozen_into_the_links_and_every_property_is_in_the_csdl()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.SendMail([Sofia], "One", "1");
        h.Mailbox.SendMail([Sofia], "Two", "2", cc: [new SandboxRecipient(null, "mere@paratalaw.co.nz")]);

        var round = await SandboxHarness.FollowRoundAsync(
            Fetch(h, pageSize: 1, select: ["id", "toRecipients", "ccRecipients", "sentDateTime", "conversationId", "internetMessageId"]),
            p => p.Value);
        Assert.Equal(3, round.Items.Count);
        Assert.All(round.Items, m => Assert.Null(m.Subject));
        Assert.All(round.Items, m => Assert.NotNull(m.SentDateTime));

        foreach (var url in new[] { "/me/mailFolders/sentitems/messages/delta", "/me/mailFolders/sentitems/messages/delta?$select=toRecipients,sentDateTime" })
        {
            var next = h.Url(url);
            while (true)
            {
                using var page = JsonDocument.Parse(await h.Raw.GetStringAsync(next));
                foreach (var item in page.RootElement.GetProperty("value").EnumerateArray())
                {
                    var problems = GraphCsdl.V1.Violations(item, "message");
                    Assert.True(problems.Count == 0, string.Join('\n', problems));
                }

                if (!page.RootElement.TryGetProperty("@odata.nextLink", out var link))
                {
                    Assert.True(page.RootElement.TryGetProperty("@odata.deltaLink", out _));
                    break;
                }

                next = link.GetString()!;
            }
        }
    }

    [Fact]
    public async Task An_expired_sent_items_token_answers_410_once()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.SendMail([Sofia], "One", "1");
        h.Mailbox.SendMail([Sofia], "Two", "2");
        await h.AssertNextDeltaRequestExpiresOnceAsync(Fetch(h, pageSize: 1), p => p.Value!.Count, 1);
    }

    [Fact]
    public async Task A_booked_meeting_has_the_person_as_an_accepted_attendee_and_an_accepted_invitation_has_the_user_accepting()
    {
        await using var h = await SandboxHarness.StartAsync();
        var start = h.Time.GetUtcNow().AddDays(1);
        var mine = h.Mailbox.BookMeeting(Sofia, start, start.AddHours(1));
        var theirs = h.Mailbox.BookMeeting(Sofia, start.AddDays(1), start.AddDays(1).AddHours(1), organisedByUser: false);

        var organised = await h.Graph.Me.Events[mine].GetAsync(c => SandboxHarness.Prefer(c));
        var invited = await h.Graph.Me.Events[theirs].GetAsync(c => SandboxHarness.Prefer(c));

        Assert.True(organised!.IsOrganizer);
        Assert.Equal(ResponseType.Accepted, Assert.Single(organised.Attendees!).Status!.Response);
        Assert.False(invited!.IsOrganizer);
        Assert.Equal(ResponseType.Accepted, invited.ResponseStatus!.Response);
        Assert.Equal(Sofia.Address, invited.Organizer!.EmailAddress!.Address);
        Assert.Equal(0, h.Mailbox.InvitationsSent);
    }
}
