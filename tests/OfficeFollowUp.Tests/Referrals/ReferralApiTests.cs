using Microsoft.Data.Sqlite;

namespace OfficeFollowUp.Tests.Referrals;

/// <summary>Referrals over the real worker, API and Graph SDK against the sandbox mailbox.</summary>
public sealed class ReferralApiTests() : PairedWorkerTests("--Referrals:LookingFor=owners of growing trade businesses")
{
    private const string Partner = "sam.taylor@taylorlaw.co.nz";
    private const string Prospect = "alex@kiwisolar.co.nz";

    private IReadOnlyList<SandboxMessage> DraftsTo(string address) =>
        World.Mailbox.Drafts.Where(d => d.ToRecipients.Any(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private async Task<JsonElement> LogReceivedAsync(bool copyPartner = false)
    {
        var response = await Client.PostAsJsonAsync("/api/referrals", new
        {
            direction = "received",
            partner = new { email = Partner, displayName = "Sam Taylor" },
            prospect = new { displayName = "Alex Chen", email = Prospect, phone = "+64 21 555 0199" },
            note = "leasing advice",
            copyPartner,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> OutcomeAsync(string id, object body) => Client.PostAsJsonAsync($"/api/referrals/{id}/outcome", body);

    private async Task<(long Referrals, long Outbox)> CountRowsAsync()
    {
        await using var connection = await Worker.Get<Database>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM referrals), (SELECT COUNT(*) FROM outbox)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task A_referral_received_becomes_one_draft_to_the_prospect_copying_the_partner_and_a_duty_due_in_24_hours()
    {
        var logged = await LogReceivedAsync(copyPartner: true);
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        var draft = Assert.Single(DraftsTo(Prospect));
        Assert.Equal("Sam suggested we talk", draft.Subject);
        Assert.Equal(Partner, Assert.Single(draft.CcRecipients).Address);
        Assert.Contains("Sam Taylor suggested I get in touch about leasing advice.", draft.BodyContent, StringComparison.Ordinal);
        var referral = await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{logged.GetProperty("id").GetString()}");
        Assert.Equal(draft.Id, referral.GetProperty("introDraftId").GetString());
        var duty = referral.GetProperty("duty");
        Assert.Equal("contactProspect", duty.GetProperty("kind").GetString());
        Assert.Equal("onTrack", duty.GetProperty("escalation").GetString());
        Assert.Equal(World.Time.GetUtcNow().AddHours(24), duty.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(0, referral.GetProperty("daysSinceReferred").GetInt32());
    }

    [Theory]
    [InlineData("won", "Thank you — good news about Alex")]
    [InlineData("inProgress", "An update on Alex")]
    [InlineData("notAFit", "About Alex")]
    [InlineData("noResponse", "Alex and I have not connected yet")]
    [InlineData("poorMeeting", "Thank you for introducing me to Alex")]
    public async Task Each_outcome_prepares_its_own_close_the_loop_draft_to_the_partner_exactly_once(string outcome, string subject)
    {
        var id = (await LogReceivedAsync()).GetProperty("id").GetString()!;
        await Worker.SyncOnceAsync();
        World.Mailbox.Faults.DropConnectionAfterApply(1, "/me/messages");

        var first = await OutcomeAsync(id, new { outcome });
        await Worker.SyncOnceAsync();
        World.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await OutcomeAsync(id, new { outcome });
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var draft = Assert.Single(DraftsTo(Partner));
        Assert.Equal(subject, draft.Subject);
        Assert.Contains("owners of growing trade businesses", draft.BodyContent, StringComparison.Ordinal);
        var referral = await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal((outcome, draft.Id), (referral.GetProperty("outcome").GetString(), referral.GetProperty("closeDraftId").GetString()));
    }

    [Fact]
    public async Task A_final_outcome_is_not_replaced_without_an_explicit_change_and_a_change_gets_its_own_note()
    {
        var id = (await LogReceivedAsync()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await OutcomeAsync(id, new { outcome = "won", value = 1200m })).StatusCode);
        await Worker.SyncOnceAsync();

        var refused = await OutcomeAsync(id, new { outcome = "poorMeeting" });
        var changed = await OutcomeAsync(id, new { outcome = "notAFit", betterFit = "Jo at Harbour Leasing", change = true });
        await Worker.SyncOnceAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("won", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentOutcome").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["About Alex", "Thank you — good news about Alex"], DraftsTo(Partner).Select(d => d.Subject).Order());
        Assert.Contains("Jo at Harbour Leasing", DraftsTo(Partner).Single(d => d.Subject == "About Alex").BodyContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_progress_can_move_on_to_a_final_outcome_without_a_change_flag()
    {
        var id = (await LogReceivedAsync()).GetProperty("id").GetString()!;

        var progress = await OutcomeAsync(id, new { outcome = "inProgress" });
        var won = await OutcomeAsync(id, new { outcome = "won" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (progress.StatusCode, won.StatusCode));
    }

    public static TheoryData<string, string> BadReferrals => new()
    {
        { """{"direction":"sideways","partner":{"email":"sam@taylorlaw.co.nz"},"prospect":{"displayName":"Alex","email":"alex@kiwisolar.co.nz"}}""", "direction" },
        { """{"direction":"received","partner":{"email":"sam@taylorlaw.co.nz"},"prospect":{"displayName":"Alex"}}""", "prospect.email" },
        { """{"direction":"received","partner":{"email":"sam@taylorlaw.co.nz"},"prospect":{"displayName":"Alex","email":"","phone":""}}""", "prospect.email" },
        { """{"direction":"received","partner":{"email":"sam@taylorlaw.co.nz"},"prospect":{"displayName":"Alex","phone":"call me"}}""", "prospect.phone" },
        { """{"direction":"received","partner":{"email":"sam@taylorlaw.co.nz"}}""", "prospect" },
        { """{"direction":"given","prospect":{"displayName":"Alex","email":"alex@kiwisolar.co.nz"}}""", "partner" },
        { """{"direction":"given","partner":{"email":"not-an-address"},"prospect":{"displayName":"Alex","email":"alex@kiwisolar.co.nz"}}""", "partner.email" },
        { """{"direction":"received","partner":{"email":"sam@taylorlaw.co.nz"},"prospect":{"displayName":"Alex","email":"SAM@taylorlaw.co.nz"}}""", "prospect.email" },
    };

    [Theory]
    [MemberData(nameof(BadReferrals))]
    public async Task Bad_referrals_get_a_problem_naming_the_field_and_write_nothing(string body, string field)
    {
        var response = await Client.PostAsync(new Uri("/api/referrals", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error on {field}, got {errors}");
        Assert.Equal((0L, 0L), await CountRowsAsync());
    }

    [Theory]
    [InlineData("partner.email")]
    [InlineData("prospect.email")]
    public async Task A_referral_to_or_from_yourself_is_refused_naming_the_field_and_writes_nothing(string field)
    {
        var me = World.Mailbox.User.Mail.ToUpperInvariant();
        var partner = field == "partner.email" ? me : Partner;
        var prospect = field == "prospect.email" ? me : Prospect;

        var response = await Client.PostAsJsonAsync("/api/referrals", new
        {
            direction = "received",
            partner = new { email = partner },
            prospect = new { displayName = "Someone", email = prospect },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal((0L, 0L), await CountRowsAsync());
    }

    [Theory]
    [InlineData("""{"outcome":"brilliant"}""", "outcome")]
    [InlineData("""{"outcome":"1"}""", "outcome")]
    [InlineData("""{}""", "outcome")]
    [InlineData("""{"outcome":"notAFit","value":500}""", "value")]
    [InlineData("""{"outcome":"won","betterFit":"Jo"}""", "betterFit")]
    public async Task A_bad_outcome_gets_a_problem_naming_the_field_and_changes_nothing(string body, string field)
    {
        var id = (await LogReceivedAsync()).GetProperty("id").GetString()!;
        var before = await CountRowsAsync();

        var response = await Client.PostAsync(new Uri($"/api/referrals/{id}/outcome", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await CountRowsAsync());
        var referral = await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal(JsonValueKind.Null, referral.GetProperty("outcome").ValueKind);
    }

    [Fact]
    public async Task An_outcome_for_an_unknown_referral_is_not_found()
    {
        var response = await OutcomeAsync("nope", new { outcome = "won" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Referrals given: the check-in draft waits for its day, and the reciprocity view.</summary>
public sealed class GivenReferralTests : PairedWorkerTests
{
    private const string Partner = "hemi@kahuinvest.co.nz";

    private async Task<string> GiveAsync(string prospect)
    {
        var response = await Client.PostAsJsonAsync("/api/referrals", new
        {
            direction = "given",
            partner = new { email = Partner, displayName = "Hemi Walker" },
            prospect = new { displayName = prospect, phone = "+64 21 555 0100" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_check_in_draft_to_the_partner_is_made_once_after_seven_days_not_before()
    {
        await GiveAsync("Priya Raghunathan");
        await Worker.SyncOnceAsync();
        Assert.Empty(World.Mailbox.Drafts);

        World.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        var draft = Assert.Single(World.Mailbox.Drafts);
        Assert.Equal((Partner, "Were you able to reach Priya?"), (draft.ToRecipients[0].Address, draft.Subject));
    }

    [Fact]
    public async Task A_partner_who_answered_before_the_check_in_gets_no_check_in_draft()
    {
        var id = await GiveAsync("Priya Raghunathan");
        var answered = await Client.PostAsJsonAsync($"/api/referrals/{id}/partner-followed-up", new { followedUp = true });

        World.Time.Advance(TimeSpan.FromDays(8));
        await Worker.SyncOnceAsync();

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Empty(World.Mailbox.Drafts);
    }

    [Fact]
    public async Task Not_yet_turns_the_check_in_into_a_nudge_and_the_nudge_brings_the_check_in_back_later()
    {
        var id = await GiveAsync("Priya Raghunathan");
        World.Time.Advance(TimeSpan.FromDays(7));
        var heard = World.Time.GetUtcNow();

        var notYet = await (await Client.PostAsJsonAsync($"/api/referrals/{id}/partner-followed-up", new { followedUp = false })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nudgePartner", notYet.GetProperty("duty").GetProperty("kind").GetString());
        Assert.Equal(heard, notYet.GetProperty("duty").GetProperty("dueAt").GetDateTimeOffset());

        World.Time.Advance(TimeSpan.FromHours(1));
        var nudged = await Client.PostAsync(new Uri($"/api/referrals/{id}/nudged", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, nudged.StatusCode);
        var afterNudge = await nudged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, afterNudge.GetProperty("partnerFollowedUp").ValueKind);
        Assert.Equal("checkInWithPartner", afterNudge.GetProperty("duty").GetProperty("kind").GetString());
        Assert.Equal(heard.AddHours(1).AddDays(5), afterNudge.GetProperty("duty").GetProperty("dueAt").GetDateTimeOffset());

        // A second nudge without a new "not yet" is refused, and changes nothing.
        var again = await Client.PostAsync(new Uri($"/api/referrals/{id}/nudged", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var read = await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal(heard.AddHours(1).AddDays(5), read.GetProperty("duty").GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_reciprocity_view_flags_a_partner_who_did_not_follow_up_and_lists_the_walk_through()
    {
        var first = await GiveAsync("Priya Raghunathan");
        World.Time.Advance(TimeSpan.FromMinutes(1));
        await GiveAsync("Tama Ngata");
        await Client.PostAsJsonAsync($"/api/referrals/{first}/partner-followed-up", new { followedUp = false });

        var view = await Client.GetFromJsonAsync<JsonElement>($"/api/partners/{Uri.EscapeDataString(Partner.ToUpperInvariant())}/reciprocity");

        Assert.True(view.GetProperty("partnerNotFollowingUp").GetBoolean());
        Assert.Equal((2, 0), (view.GetProperty("givenCount").GetInt32(), view.GetProperty("receivedCount").GetInt32()));
        Assert.Equal(["Priya Raghunathan", "Tama Ngata"], view.GetProperty("walkThrough").EnumerateArray().Select(w => w.GetProperty("prospectName").GetString()));
        Assert.StartsWith("Then ask", view.GetProperty("askBack").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("lastOneToOne").ValueKind);
    }
}
