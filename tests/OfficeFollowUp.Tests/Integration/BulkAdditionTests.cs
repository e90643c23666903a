using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Sandbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// News is whom the user met, not what they imported: many new contacts at once start nothing until the user picks,
/// over the real Graph SDK against the sandbox (contacts page size 5, so eleven contacts span three pages).
/// </summary>
public sealed class BulkAdditionTests : PairedWorkerTests
{
    private static List<string> AddContacts(SandboxMailbox mailbox, string prefix, int count)
    {
        var added = Enumerable.Range(0, count).Select(i => $"{prefix}{i:00}@import.example").ToList();
        for (var i = 0; i < count; i++)
        {
            mailbox.AddContact(new SandboxContactSeed($"{char.ToUpperInvariant(prefix[0])}{prefix[1..]}{i:00}", "Imported", [added[i]]));
        }
        return added;
    }

    private async Task<List<string>> ThankYouEmailsAsync()
    {
        var mailboxId = (await Worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        return [.. (await Worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None))
            .Where(i => i.Step == FollowUpStepKind.ThankYou).Select(i => i.Email.ToLowerInvariant()).Order(StringComparer.Ordinal)];
    }

    private async Task<JsonElement[]> BulkPromptsAsync() =>
        [.. (await Client.GetFromJsonAsync<JsonElement>("/api/bulk-prompts")).GetProperty("items").EnumerateArray()];

    private static List<string> Emails(JsonElement prompt) =>
        [.. prompt.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("email").GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Eleven_new_contacts_in_one_round_start_no_drafts_and_wait_in_one_bulk_prompt()
    {
        var added = AddContacts(World.Mailbox, "guest", 11);

        var run = await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        Assert.Equal((0, 0), (run.NewAcquaintances, run.DraftsPrepared));
        Assert.Empty(World.Mailbox.Drafts);
        Assert.Empty(await ThankYouEmailsAsync());
        var prompt = Assert.Single(await BulkPromptsAsync());
        Assert.Equal(11, prompt.GetProperty("count").GetInt32());
        Assert.Equal(added, Emails(prompt));
    }

    [Fact]
    public async Task Picking_two_of_a_bulk_addition_makes_exactly_two_tracks_and_drafts_and_dismisses_the_rest()
    {
        var added = AddContacts(World.Mailbox, "guest", 11);
        await Worker.SyncOnceAsync();
        var prompt = Assert.Single(await BulkPromptsAsync());

        var response = await Client.PostAsJsonAsync($"/api/bulk-prompts/{prompt.GetProperty("id").GetString()}/follow-up",
            new { emails = new[] { added[3], added[7].ToUpperInvariant() } });
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("started").GetInt32());
        Assert.Equal([added[3], added[7]], await ThankYouEmailsAsync());
        Assert.Equal([added[3], added[7]], World.Mailbox.Drafts.Select(d => d.ToRecipients.Single().Address.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.Empty(await BulkPromptsAsync());

        // The rest stay dismissed: a later contact change for one of them starts nothing.
        World.Mailbox.AddContact(new SandboxContactSeed("Another", "Card", [added[0]]));
        await Worker.SyncOnceAsync();
        Assert.Equal(2, World.Mailbox.Drafts.Count);
    }

    [Fact]
    public async Task Dismissing_a_bulk_addition_starts_nothing_and_closes_it()
    {
        AddContacts(World.Mailbox, "guest", 12);
        await Worker.SyncOnceAsync();
        var id = Assert.Single(await BulkPromptsAsync()).GetProperty("id").GetString();

        var response = await Client.PostAsync($"/api/bulk-prompts/{id}/dismiss", null);
        var again = await Client.PostAsync($"/api/bulk-prompts/{id}/dismiss", null);
        await Worker.SyncOnceAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (response.StatusCode, again.StatusCode));
        Assert.Empty(await BulkPromptsAsync());
        Assert.Empty(World.Mailbox.Drafts);
    }

    [Fact]
    public async Task Ten_new_contacts_in_one_round_are_news_as_usual()
    {
        var added = AddContacts(World.Mailbox, "guest", 10);

        var run = await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        Assert.Equal(10, run.NewAcquaintances);
        Assert.Equal(added, await ThankYouEmailsAsync());
        Assert.Equal(10, World.Mailbox.Drafts.Count);
        Assert.Empty(await BulkPromptsAsync());
    }

    [Fact]
    public async Task A_resync_that_finds_many_never_seen_contacts_is_guarded_too()
    {
        var added = AddContacts(World.Mailbox, "offline", 14);
        World.Mailbox.Faults.ExpireDeltaTokens();

        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        Assert.Empty(World.Mailbox.Drafts);
        Assert.Equal(added, Emails(Assert.Single(await BulkPromptsAsync())));
    }

    [Theory]
    [InlineData("""{"emails":[]}""", "emails")]
    [InlineData("""{}""", "emails")]
    [InlineData("""{"emails":["not-an-address"]}""", "emails[0]")]
    [InlineData("""{"emails":["nobody@elsewhere.example"]}""", "emails[0]")]
    [InlineData("""{"emails":["guest00@import.example","GUEST00@import.example"]}""", "emails")]
    [InlineData("""{"emails":["guest00@import.example"],"everyone":true}""", "everyone")]
    public async Task Bad_answers_to_a_bulk_prompt_are_refused_naming_the_field_and_change_nothing(string body, string field)
    {
        AddContacts(World.Mailbox, "guest", 11);
        await Worker.SyncOnceAsync();
        var id = Assert.Single(await BulkPromptsAsync()).GetProperty("id").GetString();

        var response = await Client.PostAsync($"/api/bulk-prompts/{id}/follow-up", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(11, Assert.Single(await BulkPromptsAsync()).GetProperty("count").GetInt32());
        Assert.Empty(await ThankYouEmailsAsync());
    }

    [Theory]
    [InlineData("--FollowUps:BulkAdditionLimit=0")]
    [InlineData("--FollowUps:BulkAdditionLimit=1001")]
    public async Task A_bad_bulk_addition_limit_stops_the_worker_naming_the_key(string setting)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => World.StartWorkerAsync(setting));

        Assert.Contains("FollowUps:BulkAdditionLimit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_bulk_prompt_is_not_found()
    {
        var response = await Client.PostAsJsonAsync("/api/bulk-prompts/no-such-prompt/follow-up", new { emails = new[] { "a@b.example" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
