namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// A contact's birthday becomes one birthday draft in Drafts the day before, through the real Graph SDK against the
/// sandbox: never twice across passes and restarts, shown as "ready" in Keep in touch with its preview, and done
/// ("sent") when the user sends it or writes to the person around the day.
/// </summary>
public sealed class BirthdayDraftTests : IAsyncLifetime
{
    private static readonly SandboxRecipient Ana = new("Ana Silva", "ana@silva.pt");
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _worker = await _world.StartBaselinedWorkerAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    private DateOnly LocalToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_world.Time.GetUtcNow(), MailboxTimeZone.Resolve(_world.Mailbox.TimeZone)).DateTime);

    private List<SandboxMessage> BirthdayDrafts() =>
        [.. _world.Mailbox.Drafts.Where(d => d.Subject?.StartsWith("Happy birthday", StringComparison.Ordinal) == true)];

    private async Task<JsonElement> BirthdayRowAsync()
    {
        using var client = _worker.Client();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/keep-in-touch");
        return Assert.Single(list.GetProperty("birthdays").EnumerateArray(), b => b.GetProperty("email").GetString() == Ana.Address);
    }

    /// <summary>Ana is a new contact (so her follow-up track is open: the user keeps in touch with her) whose birthday is in three days.</summary>
    private async Task<DateOnly> AddAnaAsync()
    {
        var birthday = LocalToday().AddDays(3);
        _world.Mailbox.AddContact(new SandboxContactSeed("Ana", "Silva", [Ana.Address], "Silva Design") { Birthday = birthday.AddYears(-40) });
        await _worker.SyncOnceAsync();
        return birthday;
    }

    [Fact]
    public async Task One_draft_waits_in_Drafts_from_the_day_before_and_is_never_made_twice_across_passes_and_restarts()
    {
        var birthday = await AddAnaAsync();
        await _worker.SyncOnceAsync();
        var threeDaysBefore = (BirthdayDrafts().Count, (await BirthdayRowAsync()).GetProperty("draft").ValueKind);

        _world.Time.Advance(TimeSpan.FromDays(2));
        await _worker.SyncOnceAsync();
        await _worker.SyncOnceAsync();
        var onTheDayBefore = BirthdayDrafts().Count;
        await _worker.DisposeAsync();
        _worker = await _world.StartWorkerAsync();
        await _worker.SyncOnceAsync();
        _world.Time.Advance(TimeSpan.FromDays(1));
        await _worker.SyncOnceAsync();

        Assert.Equal((0, JsonValueKind.Null), threeDaysBefore);
        Assert.Equal(1, onTheDayBefore);
        var draft = Assert.Single(BirthdayDrafts());
        Assert.Equal(birthday, LocalToday());
        Assert.Equal("Happy birthday, Ana", draft.Subject);
        Assert.Equal(Ana.Address, Assert.Single(draft.ToRecipients).Address);
        Assert.StartsWith("<p>Hi Ana,</p><p>Happy birthday!", draft.BodyContent, StringComparison.Ordinal);
        Assert.Contains(TaggedItems.PropertyId, draft.SingleValueExtendedProperties.Keys);
        var row = (await BirthdayRowAsync()).GetProperty("draft");
        Assert.Equal(("ready", draft.Id), (row.GetProperty("state").GetString(), row.GetProperty("draftId").GetString()));

        using var client = _worker.Client();
        var preview = await client.GetFromJsonAsync<JsonElement>($"/api/birthdays/{row.GetProperty("id").GetString()}/draft");
        Assert.Equal("Happy birthday, Ana", preview.GetProperty("subject").GetString());
        Assert.StartsWith("Hi Ana,\n\nHappy birthday!", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_draft_marks_the_birthday_sent()
    {
        await AddAnaAsync();
        _world.Time.Advance(TimeSpan.FromDays(2));
        await _worker.SyncOnceAsync();
        var draft = Assert.Single(BirthdayDrafts());

        _world.Time.Advance(TimeSpan.FromHours(20));
        var sent = _world.Mailbox.SendDraft(draft.Id);
        await _worker.SyncOnceAsync();

        var row = (await BirthdayRowAsync()).GetProperty("draft");
        Assert.Equal("sent", row.GetProperty("state").GetString());
        Assert.Equal(sent.SentDateTime, row.GetProperty("sentAt").GetDateTimeOffset());
        using var client = _worker.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/birthdays/{row.GetProperty("id").GetString()}/draft")).StatusCode);
    }

    [Fact]
    public async Task A_mail_of_their_own_on_the_day_is_the_wish_and_one_written_earlier_in_the_week_is_not()
    {
        await AddAnaAsync();
        _world.Mailbox.SendMail([Ana], "Lovely to meet you", "Hi Ana, great to meet you yesterday.");
        _world.Time.Advance(TimeSpan.FromDays(2));
        await _worker.SyncOnceAsync();
        var beforeTheWish = (await BirthdayRowAsync()).GetProperty("draft").GetProperty("state").GetString();

        _world.Time.Advance(TimeSpan.FromDays(1));
        var wish = _world.Mailbox.SendMail([Ana], "Happy birthday!", "Have a great day, Ana.");
        await _worker.SyncOnceAsync();

        Assert.Equal("ready", beforeTheWish);
        var row = (await BirthdayRowAsync()).GetProperty("draft");
        Assert.Equal(("sent", wish.SentDateTime), (row.GetProperty("state").GetString(), row.GetProperty("sentAt").GetDateTimeOffset()));
        Assert.Single(BirthdayDrafts());
    }

    [Fact]
    public async Task With_birthday_drafts_off_nobody_gets_one()
    {
        await _worker.DisposeAsync();
        _worker = await _world.StartWorkerAsync("--KeepInTouch:BirthdayDrafts=None");
        await AddAnaAsync();
        _world.Time.Advance(TimeSpan.FromDays(2));
        await _worker.SyncOnceAsync();

        Assert.Empty(BirthdayDrafts());
        Assert.Equal(JsonValueKind.Null, (await BirthdayRowAsync()).GetProperty("draft").ValueKind);
    }

    [Fact]
    public async Task Skip_this_year_before_the_lead_day_means_no_draft_that_year_and_undo_brings_the_draft_back()
    {
        await AddAnaAsync();
        var id = (await BirthdayRowAsync()).GetProperty("id").GetString();
        using var client = _worker.Client();
        var skipped = await client.PostAsync($"/api/birthdays/{id}/skip", null);
        var again = await client.PostAsync($"/api/birthdays/{id}/skip", null);
        _world.Time.Advance(TimeSpan.FromDays(2));
        await _worker.SyncOnceAsync();
        await _worker.SyncOnceAsync();
        var whileSkipped = (BirthdayDrafts().Count, (await BirthdayRowAsync()).GetProperty("draft").GetProperty("state").GetString());

        var reopened = await client.PostAsync($"/api/birthdays/{id}/reopen", null);
        await _worker.SyncOnceAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (skipped.StatusCode, again.StatusCode));
        Assert.Equal("skipped", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft").GetProperty("state").GetString());
        Assert.Equal((0, "skipped"), whileSkipped);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Single(BirthdayDrafts());
        Assert.Equal("ready", (await BirthdayRowAsync()).GetProperty("draft").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_skipped_birthday_with_its_draft_ready_is_not_completed_by_mail_and_a_sent_one_cannot_be_skipped()
    {
        await AddAnaAsync();
        _world.Time.Advance(TimeSpan.FromDays(2));
        await _worker.SyncOnceAsync();
        var id = (await BirthdayRowAsync()).GetProperty("id").GetString();
        using var client = _worker.Client();
        var skipped = await client.PostAsync($"/api/birthdays/{id}/skip", null);
        _world.Time.Advance(TimeSpan.FromHours(20));
        _world.Mailbox.SendMail([Ana], "Happy birthday!", "Have a great day, Ana.");
        await _worker.SyncOnceAsync();
        var afterTheMail = (await BirthdayRowAsync()).GetProperty("draft").GetProperty("state").GetString();

        var reopened = await client.PostAsync($"/api/birthdays/{id}/reopen", null);
        var state = (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft").GetProperty("state").GetString();
        _world.Time.Advance(TimeSpan.FromHours(1));
        _world.Mailbox.SendMail([Ana], "Happy birthday again", "Have a great day, Ana.");
        await _worker.SyncOnceAsync();
        var afterSent = await client.PostAsync($"/api/birthdays/{id}/skip", null);
        var unknown = await client.PostAsync("/api/birthdays/birthday-nobody-2026/skip", null);

        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal("skipped", afterTheMail);
        Assert.Single(BirthdayDrafts());
        Assert.Equal("ready", state);
        Assert.Equal(HttpStatusCode.Conflict, afterSent.StatusCode);
        Assert.Equal("sent", (await BirthdayRowAsync()).GetProperty("draft").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
