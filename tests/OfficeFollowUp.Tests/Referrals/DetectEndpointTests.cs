namespace OfficeFollowUp.Tests.Referrals;

/// <summary>"Log as referral" for the open message: the sample intro emails read through Graph from the sandbox.</summary>
public sealed class DetectEndpointTests : PairedWorkerTests
{
    private string IdOf(string subject) => World.Mailbox.Mail.Single(m => m.Subject == subject).Id;

    private async Task<JsonElement> DetectAsync(string id) =>
        await Client.GetFromJsonAsync<JsonElement>($"/api/referrals/detect?messageId={Uri.EscapeDataString(id)}");

    [Theory]
    [InlineData("Intro: Priya ↔ Alex", "received", "mere@paratalaw.co.nz", "priya@brightpathfinance.co.nz")]
    [InlineData("Tama, meet José", "given", "tama@ngataelectrical.co.nz", "jose@fernandezbuilders.co.nz")]
    [InlineData("Re: Intro: Priya ↔ Alex", null, null, null)]
    [InlineData("Fwd: Introduction — a buyer's agent", null, null, null)]
    [InlineData("Meet our new members", null, null, null)]
    public async Task Sample_mail_is_detected_with_its_parties_or_left_alone(string subject, string? direction, string? partner, string? prospect)
    {
        var result = await DetectAsync(IdOf(subject));

        Assert.Equal(direction is not null, result.GetProperty("isIntroduction").GetBoolean());
        if (direction is not null)
        {
            Assert.Equal(direction, result.GetProperty("direction").GetString());
            Assert.Equal(partner, result.GetProperty("partner").GetProperty("email").GetString());
            Assert.Equal(prospect, result.GetProperty("prospect").GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task A_logged_introduction_is_reported_as_already_logged_and_cannot_be_logged_twice()
    {
        var id = IdOf("Intro: Priya ↔ Alex");
        var found = await DetectAsync(id);
        object body = new
        {
            direction = found.GetProperty("direction").GetString(),
            partner = new { email = found.GetProperty("partner").GetProperty("email").GetString() },
            prospect = new { displayName = found.GetProperty("prospect").GetProperty("displayName").GetString(), email = found.GetProperty("prospect").GetProperty("email").GetString() },
            sourceMessageId = id,
        };

        var first = await Client.PostAsJsonAsync("/api/referrals", body);
        var second = await Client.PostAsJsonAsync("/api/referrals", body);
        var again = await DetectAsync(id);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(), again.GetProperty("alreadyLoggedReferralId").GetString());
    }

    [Fact]
    public async Task An_unknown_message_is_not_found_and_a_missing_id_names_the_field()
    {
        var unknown = await Client.GetAsync(new Uri("/api/referrals/detect?messageId=AAMkNOPE", UriKind.Relative));
        var missing = await Client.GetAsync(new Uri("/api/referrals/detect", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("messageId", out _));
    }
}
