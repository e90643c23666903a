using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// An outbox item that keeps failing stops after a bounded number of attempts or time, says why on its row and in
/// Health, and "try again" re-arms it — still exactly once.
/// </summary>
public sealed class OutboxGiveUpTests : IAsyncLifetime
{
    private const string Email = "mere@kiwi-solar.co.nz";
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<RunningWorker> BaselinedAsync(params string[] args)
    {
        var worker = await _world.StartWorkerAsync(args);
        await worker.SyncOnceAsync();
        return worker;
    }

    private static async Task<JsonElement> ThankYouRowAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/followups");
        return list.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("step").GetString() == "thankYou" && i.GetProperty("person").GetProperty("email").GetString() == Email);
    }

    // Draft creates and tag lookups; the Sent Items delta each pass reads is not the outbox's.
    private int MessageRequests() =>
        _world.Mailbox.Requests.Snapshot().ByRoute
            .Where(r => r.Key.Contains("/messages", StringComparison.Ordinal) && !r.Key.EndsWith("/messages/delta", StringComparison.Ordinal))
            .Sum(r => r.Value);

    private async Task PassAsync(RunningWorker worker, TimeSpan? then = null)
    {
        await worker.SyncOnceAsync();
        _world.Time.Advance(then ?? TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task A_draft_that_keeps_failing_stops_after_the_bound_shows_why_on_its_row_and_in_health_and_try_again_makes_it_once()
    {
        await using var worker = await BaselinedAsync("--Outbox:MaxAttempts=3");
        using var client = worker.Client();
        // The first try is made by the mailbox but answered 503; every later request about messages is refused.
        _world.Mailbox.Faults.FailAfterApply(1, 503, TimeSpan.Zero, "/me/messages");
        _world.Mailbox.AddContact(new SandboxContactSeed("Mere", "Tane", [Email], "Kiwi Solar"));
        await PassAsync(worker);
        _world.Mailbox.Faults.Throttle(1000, 503, TimeSpan.Zero, "/me/messages");
        await PassAsync(worker);
        await PassAsync(worker);

        var row = await ThankYouRowAsync(client);
        var gaveUp = row.GetProperty("gaveUp");
        Assert.Equal("pending", row.GetProperty("state").GetString());
        Assert.Equal(3, gaveUp.GetProperty("attempts").GetInt32());
        Assert.Equal("thank-you draft", gaveUp.GetProperty("what").GetString());
        Assert.Contains("unavailable", gaveUp.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
        var listed = Assert.Single(status.GetProperty("outbox").GetProperty("gaveUp").EnumerateArray());
        Assert.Equal((gaveUp.GetProperty("outboxId").GetString(), "Mere Tane"), (listed.GetProperty("outboxId").GetString(), listed.GetProperty("who").GetString()));

        // Stopped: later passes make no more requests for it.
        var tried = MessageRequests();
        await PassAsync(worker, TimeSpan.FromHours(2));
        await worker.SyncOnceAsync();
        Assert.Equal(tried, MessageRequests());

        _world.Mailbox.Faults.Clear();
        var retry = await client.PostAsync(new Uri($"/api/outbox/{gaveUp.GetProperty("outboxId").GetString()}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ThankYouRowAsync(client)).GetProperty("gaveUp").ValueKind);
        await worker.SyncOnceAsync();

        var draft = Assert.Single(_world.Mailbox.Drafts);
        var after = await ThankYouRowAsync(client);
        Assert.Equal(("prepared", draft.Id), (after.GetProperty("state").GetString(), after.GetProperty("draftId").GetString()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("gaveUp").ValueKind);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("outbox").GetProperty("gaveUp").EnumerateArray());
    }

    [Fact]
    public async Task A_draft_outlook_refuses_stops_at_once_with_outlooks_reason()
    {
        await using var worker = await BaselinedAsync();
        using var client = worker.Client();
        _world.Mailbox.Faults.FailNext(400, "ErrorInvalidRecipients", 1, "/me/messages", "POST");
        _world.Mailbox.AddContact(new SandboxContactSeed("Mere", "Tane", [Email], "Kiwi Solar"));

        await PassAsync(worker);
        await PassAsync(worker);

        var gaveUp = (await ThankYouRowAsync(client)).GetProperty("gaveUp");
        Assert.Equal(1, gaveUp.GetProperty("attempts").GetInt32());
        Assert.Contains("ErrorInvalidRecipients", gaveUp.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(_world.Mailbox.Drafts);
    }

    [Fact]
    public async Task An_item_still_failing_after_the_age_bound_stops_at_its_next_failure()
    {
        await using var worker = await BaselinedAsync("--Outbox:MaxAttempts=100", "--Outbox:GiveUpAfter=02:00:00");
        using var client = worker.Client();
        _world.Mailbox.Faults.Throttle(1000, 504, TimeSpan.Zero, "/me/messages");
        _world.Mailbox.AddContact(new SandboxContactSeed("Mere", "Tane", [Email], "Kiwi Solar"));

        await PassAsync(worker, TimeSpan.FromHours(1));
        Assert.Equal(JsonValueKind.Null, (await ThankYouRowAsync(client)).GetProperty("gaveUp").ValueKind);
        await PassAsync(worker, TimeSpan.FromHours(1.5));
        await PassAsync(worker);

        var gaveUp = (await ThankYouRowAsync(client)).GetProperty("gaveUp");
        Assert.Equal(3, gaveUp.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_referral_draft_that_gave_up_shows_on_the_referral_and_try_again_makes_it()
    {
        await using var worker = await BaselinedAsync("--Outbox:MaxAttempts=1");
        using var client = worker.Client();
        _world.Mailbox.Faults.Throttle(1, 503, TimeSpan.Zero, "/me/messages");
        var logged = await client.PostAsJsonAsync("/api/referrals", new
        {
            direction = "received",
            partner = new { email = "sam.taylor@taylorlaw.co.nz", displayName = "Sam Taylor" },
            prospect = new { displayName = "Alex Chen", email = "alex@kiwisolar.co.nz" },
        });
        var id = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await PassAsync(worker);

        var referral = await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        var gaveUp = referral.GetProperty("gaveUp");
        Assert.Equal("draft to the prospect", gaveUp.GetProperty("what").GetString());
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal("Alex Chen", Assert.Single(status.GetProperty("outbox").GetProperty("gaveUp").EnumerateArray()).GetProperty("who").GetString());

        _world.Mailbox.Faults.Clear();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/api/outbox/{gaveUp.GetProperty("outboxId").GetString()}/retry", UriKind.Relative), null)).StatusCode);
        await worker.SyncOnceAsync();

        var draft = Assert.Single(_world.Mailbox.Drafts);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal(draft.Id, after.GetProperty("introDraftId").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("gaveUp").ValueKind);
    }

    [Fact]
    public async Task Try_again_is_refused_for_an_unknown_entry_and_for_one_that_has_not_given_up()
    {
        await using var worker = await BaselinedAsync();
        using var client = worker.Client();
        _world.Mailbox.AddContact(new SandboxContactSeed("Mere", "Tane", [Email], "Kiwi Solar"));
        await worker.SyncOnceAsync();
        var made = (await OutboxDrive.RowsAsync(worker)).First();

        var unknown = await client.PostAsync(new Uri("/api/outbox/not-an-entry/retry", UriKind.Relative), null);
        var completed = await client.PostAsync(new Uri($"/api/outbox/{made.Id}/retry", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, completed.StatusCode);
        Assert.Single(_world.Mailbox.Drafts);
    }

    [Theory]
    [InlineData("--Outbox:MaxAttempts=0", "Outbox:MaxAttempts")]
    [InlineData("--Outbox:GiveUpAfter=00:00:00", "Outbox:GiveUpAfter")]
    [InlineData("--Outbox:Concurrency=5", "Outbox:Concurrency")]
    [InlineData("--Outbox:Concurrency=0", "Outbox:Concurrency")]
    [InlineData("--Outbox:ClaimLease=00:00:01", "Outbox:ClaimLease")]
    public async Task A_bad_outbox_setting_stops_the_worker_naming_the_key(string setting, string key)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => _world.StartWorkerAsync(setting));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
