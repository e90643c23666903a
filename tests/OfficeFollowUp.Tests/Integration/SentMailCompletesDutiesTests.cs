namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// Sent mail completes more than the follow-up track: a referral's contact with the prospect, a check-in with the
/// partner, the close-the-loop note, and a promise kept by email — read from Sent Items through the real Graph SDK
/// against the sandbox, and seen through the API the pane reads.
/// </summary>
public sealed class SentMailCompletesDutiesTests : PairedWorkerTests
{
    private static readonly SandboxRecipient Sam = new("Sam Taylor", "sam@taylorleasing.co.nz");
    private static readonly SandboxRecipient Anaru = new("Anaru Ngata", "anaru@kowhaibuild.co.nz");

    private async Task<string> LogReferralAsync(string direction)
    {
        var response = await Client.PostAsJsonAsync("/api/referrals", new
        {
            direction,
            partner = new { email = Sam.Address, displayName = Sam.Name },
            prospect = new { displayName = Anaru.Name, email = Anaru.Address },
            note = "leasing advice",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> ReferralAsync(string id) => await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");

    private SandboxMessage DraftTo(SandboxRecipient person) =>
        Assert.Single(World.Mailbox.Drafts, d => d.ToRecipients.Any(r => string.Equals(r.Address, person.Address, StringComparison.OrdinalIgnoreCase)));

    private static DateTimeOffset? At(JsonElement item, string field) =>
        item.GetProperty(field).ValueKind == JsonValueKind.Null ? null : item.GetProperty(field).GetDateTimeOffset();

    private async Task<JsonElement> ScorecardReferralsAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/scorecard")).GetProperty("referrals");

    [Fact]
    public async Task The_intro_draft_edited_then_sent_is_the_contact_and_the_close_the_loop_note_sent_closes_the_loop_once()
    {
        var id = await LogReferralAsync("received");
        await Worker.SyncOnceAsync();
        var intro = DraftTo(Anaru);
        World.Mailbox.EditDraft(intro.Id, d => d with { BodyContent = d.BodyContent + "<p>Are you free Thursday?</p>" });
        World.Time.Advance(TimeSpan.FromHours(2));
        var sentIntro = World.Mailbox.SendDraft(intro.Id);
        await Worker.SyncOnceAsync();
        var contacted = await ReferralAsync(id);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/api/referrals/{id}/outcome", new { outcome = "won", value = 1200 })).StatusCode);
        await Worker.SyncOnceAsync();
        var closeDraft = DraftTo(Sam);
        var beforeSending = await ScorecardReferralsAsync();
        World.Time.Advance(TimeSpan.FromHours(1));
        var sentClose = World.Mailbox.SendDraft(closeDraft.Id);
        await Worker.SyncOnceAsync();
        World.Time.Advance(TimeSpan.FromHours(1));
        World.Mailbox.SendMail([Sam, Anaru], "Thanks again", "Both of you: thank you.");
        World.Mailbox.Faults.ExpireDeltaTokens();
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        var closed = await ReferralAsync(id);
        Assert.Equal(("sent", sentIntro.SentDateTime), (contacted.GetProperty("contactedVia").GetString(), At(contacted, "contactedAt")));
        Assert.Equal(0, beforeSending.GetProperty("loopsClosed").GetInt32());
        Assert.Equal(sentClose.SentDateTime, At(closed, "loopClosedAt"));
        Assert.Equal(sentIntro.SentDateTime, At(closed, "contactedAt"));
        Assert.Equal(1, (await ScorecardReferralsAsync()).GetProperty("loopsClosed").GetInt32());
    }

    [Fact]
    public async Task Mail_written_to_the_partner_days_after_a_given_referral_is_the_check_in()
    {
        var id = await LogReferralAsync("given");
        World.Time.Advance(TimeSpan.FromDays(2));
        World.Mailbox.SendMail([Anaru], "Did Sam call?", "Hi Anaru");
        await Worker.SyncOnceAsync();
        var afterMailToProspect = await ReferralAsync(id);
        World.Time.Advance(TimeSpan.FromHours(1));
        var checkIn = World.Mailbox.SendMail([Sam], "Did you reach Anaru?", "Hi Sam, did you manage to talk to Anaru?");
        await Worker.SyncOnceAsync();

        var referral = await ReferralAsync(id);
        Assert.Equal("checkInWithPartner", afterMailToProspect.GetProperty("duty").GetProperty("kind").GetString());
        Assert.Null(At(afterMailToProspect, "checkedInAt"));
        Assert.Equal(checkIn.SentDateTime, At(referral, "checkedInAt"));
        Assert.Equal("recordOutcome", referral.GetProperty("duty").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task After_a_not_yet_and_a_nudge_only_mail_sent_after_the_nudge_answers_the_check_in_again()
    {
        var id = await LogReferralAsync("given");
        World.Time.Advance(TimeSpan.FromDays(7));
        World.Mailbox.SendMail([Sam], "Did you reach Anaru?", "Hi Sam, did you manage to talk to Anaru?");
        await Worker.SyncOnceAsync();
        Assert.Equal("recordOutcome", (await ReferralAsync(id)).GetProperty("duty").GetProperty("kind").GetString());

        // Sam says not yet; the user nudges him by mail, then says so in the pane.
        await Client.PostAsJsonAsync($"/api/referrals/{id}/partner-followed-up", new { followedUp = false });
        World.Mailbox.SendMail([Sam], "Anaru again", "Hi Sam, a gentle nudge: Anaru is keen to talk.");
        World.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(new Uri($"/api/referrals/{id}/nudged", UriKind.Relative), null)).StatusCode);
        await Worker.SyncOnceAsync();
        var afterNudge = await ReferralAsync(id);
        Assert.Equal("checkInWithPartner", afterNudge.GetProperty("duty").GetProperty("kind").GetString());
        Assert.Null(At(afterNudge, "checkedInAt"));

        World.Time.Advance(TimeSpan.FromDays(5));
        var again = World.Mailbox.SendMail([Sam], "Anaru?", "Hi Sam, did you two manage to talk?");
        await Worker.SyncOnceAsync();
        var referral = await ReferralAsync(id);
        Assert.Equal(again.SentDateTime, At(referral, "checkedInAt"));
        Assert.Equal("recordOutcome", referral.GetProperty("duty").GetProperty("kind").GetString());
    }

    private async Task<string> PromiseAsync(string? channel)
    {
        var response = await Client.PostAsJsonAsync("/api/promises", new
        {
            person = new { email = Anaru.Address, displayName = Anaru.Name },
            text = "Send the council's consent checklist",
            dueAt = World.Time.GetUtcNow().AddDays(3),
            channel,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var promise = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(channel, promise.GetProperty("channel").GetString());
        return promise.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_promise_marked_by_email_is_kept_by_the_mail_to_that_person_and_not_by_mail_to_anyone_else()
    {
        var byEmail = await PromiseAsync("email");
        var byPhone = await PromiseAsync("phone");
        World.Time.Advance(TimeSpan.FromHours(1));
        World.Mailbox.SendMail([Sam], "The checklist", "Here it is");
        await Worker.SyncOnceAsync();
        var openAfterMailToSam = (await Client.GetFromJsonAsync<JsonElement>("/api/promises")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        World.Time.Advance(TimeSpan.FromHours(1));
        World.Mailbox.SendMail([Anaru], "The checklist", "Here it is");
        await Worker.SyncOnceAsync();

        var open = (await Client.GetFromJsonAsync<JsonElement>("/api/promises")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { byEmail, byPhone }.Order(StringComparer.Ordinal), openAfterMailToSam.Order(StringComparer.Ordinal));
        Assert.Equal([byPhone], open);
        var done = await Client.PostAsync($"/api/promises/{byEmail}/done", null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var kept = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", kept.GetProperty("doneVia").GetString());
    }

    [Fact]
    public async Task A_bad_promise_channel_is_named()
    {
        var response = await Client.PostAsJsonAsync("/api/promises", new
        {
            person = new { email = Anaru.Address },
            text = "Send the checklist",
            dueAt = World.Time.GetUtcNow().AddDays(3),
            channel = "pigeon",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("channel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The demo endpoints play the user only in the built-in sandbox; against any other Graph endpoint they are not there.</summary>
public sealed class SandboxDemoEndpointsTests : PairedWorkerTests
{
    [Theory]
    [InlineData("/api/sandbox/demo/send-draft")]
    [InlineData("/api/sandbox/demo/book-meeting")]
    public async Task Without_the_built_in_sandbox_the_demo_answers_404_and_sends_nothing(string path)
    {
        await Worker.SyncOnceAsync();
        var drafts = World.Mailbox.Drafts.Count;
        var mail = World.Mailbox.Mail.Count;
        var events = World.Mailbox.Events.Count;

        var response = await Client.PostAsJsonAsync(path, new { email = "sofia@tidewaterarchitects.co.nz" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(drafts, World.Mailbox.Drafts.Count);
        Assert.Equal((mail, events), (World.Mailbox.Mail.Count, World.Mailbox.Events.Count));
    }
}
