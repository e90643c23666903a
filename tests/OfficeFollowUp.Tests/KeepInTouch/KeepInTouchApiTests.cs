namespace OfficeFollowUp.Tests.KeepInTouch;

public sealed class KeepInTouchApiTests : IAsyncLifetime
{
    private const string Tama = "tama@ngataelectrical.co.nz";
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _worker = await _world.StartBaselinedWorkerAsync();
        _client = _worker.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    private async Task<JsonElement> KeepInTouchAsync() => await _client.GetFromJsonAsync<JsonElement>("/api/keep-in-touch");

    private static List<string> OverdueEmails(JsonElement list) =>
        list.GetProperty("overdue").EnumerateArray().Select(o => o.GetProperty("person").GetProperty("email").GetString()!).ToList();

    [Fact]
    public async Task An_overdue_referral_partner_is_no_longer_overdue_after_a_calendar_meeting_with_them()
    {
        var put = await _client.PutAsJsonAsync($"/api/people/{Tama}/cadence", new { tier = "referralPartner" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain(Tama, OverdueEmails(await KeepInTouchAsync()));

        _world.Time.Advance(TimeSpan.FromDays(15));
        var overdue = (await KeepInTouchAsync()).GetProperty("overdue").EnumerateArray().Single(o => o.GetProperty("person").GetProperty("email").GetString() == Tama);
        Assert.Equal(("referralPartner", 14), (overdue.GetProperty("tier").GetString(), overdue.GetProperty("cadenceDays").GetInt32()));

        var end = _world.Time.GetUtcNow().AddHours(-1);
        _world.Mailbox.AddEvent(new SandboxEventSeed("Coffee with Tama", end.AddMinutes(-45), end,
            [new SandboxAttendee(_world.Mailbox.User.DisplayName, _world.Mailbox.User.Mail), new SandboxAttendee("Tama Ngata", "TAMA@ngataelectrical.co.nz")]));
        await _worker.SyncOnceAsync();

        Assert.DoesNotContain(Tama, OverdueEmails(await KeepInTouchAsync()));
    }

    [Fact]
    public async Task A_birthday_from_an_outlook_contact_gives_a_card_reminder_a_few_days_ahead()
    {
        var local = TimeZoneInfo.ConvertTime(_world.Time.GetUtcNow(), OfficeFollowUp.FollowUps.MailboxTimeZone.Resolve(_world.Mailbox.TimeZone));
        var birthday = DateOnly.FromDateTime(local.DateTime).AddDays(3).AddYears(-40);
        _world.Mailbox.AddContact(new SandboxContactSeed("Ana", "Silva", ["ana@silva.pt"]) { Birthday = birthday });
        await _worker.SyncOnceAsync();

        var reminder = Assert.Single((await KeepInTouchAsync()).GetProperty("birthdays").EnumerateArray());

        Assert.Equal(("Ana Silva", 3), (reminder.GetProperty("displayName").GetString(), reminder.GetProperty("daysAway").GetInt32()));
    }

    [Theory]
    [InlineData("tama@ngataelectrical.co.nz", """{"tier":"bestFriends"}""", "tier")]
    [InlineData("tama@ngataelectrical.co.nz", """{"cadenceDays":0}""", "cadenceDays")]
    [InlineData("not-an-address", """{"tier":"innerCircle"}""", "email")]
    public async Task A_bad_cadence_gets_a_problem_naming_the_field(string email, string body, string field)
    {
        var response = await _client.PutAsync(new Uri($"/api/people/{email}/cadence", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
