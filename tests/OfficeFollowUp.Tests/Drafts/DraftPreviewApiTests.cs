namespace OfficeFollowUp.Tests.Drafts;

/// <summary>
/// The pane's draft preview, over the real worker, SQLite file and Graph SDK against the sandbox: the draft as the mailbox
/// holds it, the user's edits shown and never overwritten, and what the mailbox knows (job title, the contact's notes,
/// the mailbox's language) used safely.
/// </summary>
public sealed class DraftPreviewApiTests() : PairedWorkerTests(SandboxWorld.HoldsAtOnce)
{
    private const string Priya = "priya.raman@harbourlaw.co.nz";

    private async Task<(string StepId, SandboxMessage Draft)> MeetPriyaAsync(Func<SandboxContactSeed, SandboxContactSeed>? change = null)
    {
        var seed = new SandboxContactSeed("Priya", "Raman", [Priya], "Harbour Law", JobTitle: "Managing Partner")
        {
            PersonalNotes = "Just raised a seed round for his fintech\u2026 wants an intro to Łukasz",
        };
        World.Mailbox.AddContact(change is null ? seed : change(seed));
        await Worker.SyncOnceAsync();
        var mailboxId = (await Worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var step = (await Worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == FollowUpStepKind.ThankYou);
        return (step.Id, Assert.Single(World.Mailbox.Drafts));
    }

    private async Task<JsonElement> PreviewAsync(string stepId)
    {
        var response = await Client.GetAsync($"/api/followups/{stepId}/draft");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_prepared_draft_shows_its_subject_and_body_with_the_contacts_notes_as_a_placeholder()
    {
        var (stepId, draft) = await MeetPriyaAsync();

        var preview = await PreviewAsync(stepId);

        Assert.Equal(draft.Id, preview.GetProperty("draftId").GetString());
        Assert.Equal(draft.Subject, preview.GetProperty("subject").GetString());
        Assert.False(preview.GetProperty("editedByYou").GetBoolean());
        Assert.StartsWith("https://", preview.GetProperty("webLink").GetString(), StringComparison.Ordinal);
        var text = preview.GetProperty("text").GetString()!;
        // The note on the Outlook contact is about Priya in the third person: quoted in a placeholder, never addressed to her.
        Assert.Contains("[You mentioned: just raised a seed round for his fintech", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I have been thinking about what you said", text, StringComparison.Ordinal);
        Assert.Contains("<mark>[You mentioned: just raised a seed round", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contacts_job_title_is_used_when_nothing_is_remembered()
    {
        var (stepId, _) = await MeetPriyaAsync(s => s with { PersonalNotes = null });

        var text = (await PreviewAsync(stepId)).GetProperty("text").GetString()!;

        Assert.Contains("I enjoyed hearing about your work as Managing Partner at Harbour Law.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_the_user_edited_shows_their_version_and_is_never_overwritten()
    {
        var (stepId, draft) = await MeetPriyaAsync();
        World.Time.Advance(TimeSpan.FromMinutes(3));
        World.Mailbox.EditDraft(draft.Id, d => d with
        {
            Subject = "Coffee next week?",
            BodyContent = "<html><body><div>Hi Priya, congratulations on the round! <b>Coffee</b> next week?</div><script>alert(1)</script></body></html>",
        });

        var preview = await PreviewAsync(stepId);
        Assert.True(preview.GetProperty("editedByYou").GetBoolean());
        Assert.Equal("Coffee next week?", preview.GetProperty("subject").GetString());
        Assert.Equal("<p>Hi Priya, congratulations on the round! Coffee next week?</p>", preview.GetProperty("html").GetString());

        // The outbox entry is worked again, as after a crash before its result was recorded: the tag lookup finds the
        // user's draft, and nothing in the mailbox is rewritten or made twice.
        await using (var connection = await Worker.Get<Database>().OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "UPDATE outbox SET status = 'Pending', graph_id = NULL, completed_at = NULL, next_attempt_at = @now, create_started_at = @now WHERE kind = 'ThankYouDraft'",
                new { now = World.Time.GetUtcNow().ToUniversalTime() });
        }
        await OutboxDrive.SettleAsync(World, Worker);
        World.Time.Advance(TimeSpan.FromDays(1));
        await Worker.SyncOnceAsync();

        var still = Assert.Single(World.Mailbox.Drafts);
        Assert.Equal((draft.Id, "Coffee next week?"), (still.Id, still.Subject));
        Assert.Contains("congratulations on the round", still.BodyContent, StringComparison.Ordinal);
        Assert.True((await PreviewAsync(stepId)).GetProperty("editedByYou").GetBoolean());
    }

    [Fact]
    public async Task A_sent_or_deleted_draft_and_a_step_without_one_are_404_problems()
    {
        var (stepId, draft) = await MeetPriyaAsync();
        var mailboxId = (await Worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var connect = (await Worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None)).Single(i => i.Step == FollowUpStepKind.Connect);

        var none = await Client.GetAsync($"/api/followups/{connect.Id}/draft");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/followups/no-such-step/draft")).StatusCode);

        World.Mailbox.SendDraft(draft.Id);
        var sent = await Client.GetAsync($"/api/followups/{stepId}/draft");
        Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        Assert.Equal("The draft has been sent", (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_referrals_draft_is_previewed_and_no_other_message_is_read_through_it()
    {
        var (_, thankYou) = await MeetPriyaAsync();
        var logged = await Client.PostAsJsonAsync("/api/referrals", new
        {
            direction = "received",
            partner = new { email = "mere@paratalaw.co.nz", displayName = "Mere Parata" },
            prospect = new { displayName = "Tama Ngata", email = "tama@ngatabakery.co.nz" },
            note = "Opening a second bakery…lease..",
            copyPartner = true,
        });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var referralId = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await OutboxDrive.SettleAsync(World, Worker);
        var introDraftId = (await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{referralId}")).GetProperty("introDraftId").GetString();

        var preview = await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{referralId}/drafts/{Uri.EscapeDataString(introDraftId!)}");
        Assert.Equal("Mere suggested we talk", preview.GetProperty("subject").GetString());
        Assert.Contains("[Mere's note: opening a second bakery", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<mark>[Mere&#39;s note: opening a second bakery", preview.GetProperty("html").GetString(), StringComparison.Ordinal);

        // The thank-you to Priya is a message in the same mailbox, but not this referral's: not read through it.
        var other = await Client.GetAsync($"/api/referrals/{referralId}/drafts/{Uri.EscapeDataString(thankYou.Id)}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_mailbox_language_is_read_from_mailbox_settings()
    {
        var stored = await Worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None);

        Assert.Equal("en-NZ", stored!.Profile.Language);
    }
}
