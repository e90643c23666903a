using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// A mailbox whose mailboxSettings language is de-DE, over the real Graph SDK against the sandbox: the drafts the
/// worker writes to Drafts are German, frame and all; the user's own wording written in English keeps an English frame.
/// </summary>
public sealed class GermanMailboxTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Prospect = "tama@ngatabakery.co.nz";

    private SandboxWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _world.Mailbox.Language = "de-DE";
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private SandboxMessage DraftTo(string address) =>
        Assert.Single(_world.Mailbox.Drafts, d => d.ToRecipients.Any(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The draft as the user reads it: paragraphs, highlighted parts in brackets.</summary>
    private string Read(SandboxMessage draft)
    {
        var text = SafeDraftHtml.From(draft.BodyContent, string.Equals(draft.BodyContentType, "html", StringComparison.OrdinalIgnoreCase)).Text;
        output.WriteLine($"Subject: {draft.Subject}\n\n{text}\n");
        return text;
    }

    [Fact]
    public async Task A_new_acquaintance_gets_a_German_thank_you_in_Drafts()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        _world.Mailbox.AddContact(new SandboxContactSeed("Priya", "Raman", ["priya.raman@harbourlaw.co.nz"], "Harbour Law", "Managing Partner")
        {
            PersonalNotes = "Sucht Kontakt zu einer Anwältin für Gewerberecht.",
        });

        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        var draft = DraftTo("priya.raman@harbourlaw.co.nz");
        var text = Read(draft);
        Assert.Equal("Schön, Sie kennengelernt zu haben, Priya", draft.Subject);
        Assert.Equal(
            "[Vor dem Senden: den markierten Teil in eigenen Worten neu schreiben, dann diese Zeile löschen]\n\n"
            + "Hallo Priya,\n\n"
            + "vielen Dank für das Gespräch. Es hat mich gefreut, Sie kennenzulernen.\n\n"
            + "[Ihre Notiz: Sucht Kontakt zu einer Anwältin für Gewerberecht \u2014 hier schreiben, wen Sie vorstellen oder wie Sie helfen können]\n\n"
            + "Hätten Sie Lust, in den nächsten Wochen einen Kaffee zu trinken? Ich würde gern mehr darüber hören, woran Sie gerade arbeiten.\n\n"
            + "Viele Grüße\nAlex",
            text);
        // The "Vor dem Senden" line and the note are highlighted in the draft itself, on its first screen.
        Assert.StartsWith("<p><mark style=\"background-color:#fff176\">[Vor dem Senden:", draft.BodyContent, StringComparison.Ordinal);
        Assert.Contains("<mark style=\"background-color:#fff176\">[Ihre Notiz: Sucht Kontakt", draft.BodyContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_received_referral_gets_a_German_draft_to_the_prospect()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync("--Referrals:LookingFor=owners of growing trade businesses");
        using var client = worker.Client();
        var logged = await client.PostAsJsonAsync("/api/referrals", new
        {
            direction = "received",
            partner = new { email = "sam.taylor@taylorlaw.co.nz", displayName = "Sam Taylor" },
            prospect = new { displayName = "Tama Ngata", email = Prospect },
            note = "Eröffnung einer zweiten Bäckerei",
            copyPartner = true,
        });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        var draft = DraftTo(Prospect);
        var text = Read(draft);
        Assert.Equal("Sam hat mir empfohlen, mich bei Ihnen zu melden", draft.Subject);
        Assert.Equal(
            "[Vor dem Senden: den markierten Teil in eigenen Worten neu schreiben, dann diese Zeile löschen]\n\n"
            + "Hallo Tama,\n\n"
            + "Sam Taylor hat mir vorgeschlagen, mich wegen [Laut Sam: Eröffnung einer zweiten Bäckerei \u2014 in wenigen Worten beschreiben] bei Ihnen zu melden.\n\n"
            + "Ich habe Sam in Kopie gesetzt, damit wir alle auf demselben Stand sind.\n\n"
            + "Ich würde gern hören, woran Sie arbeiten, und sehen, ob ich helfen kann. Passt Ihnen diese Woche ein kurzes Telefonat oder ein Kaffee?\n\n"
            + "Viele Grüße\nAlex",
            text);
        Assert.Equal("sam.taylor@taylorlaw.co.nz", Assert.Single(draft.CcRecipients).Address);
    }

    [Fact]
    public async Task Wording_the_user_wrote_in_English_keeps_an_English_frame_while_untouched_defaults_stay_German()
    {
        await using var worker = await _world.StartBaselinedWorkerAsync();
        using var client = worker.Client();
        var saved = await client.PutAsJsonAsync("/api/templates/thank-you", new
        {
            subject = "Lovely to meet you, {FirstName}",
            body = "Hi {FirstName},\n{Remembered} || It was good to meet you.\nWould you like to grab a coffee soon?",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("en", (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("language").GetString());
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/templates")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(listed.Where(t => t.GetProperty("kind").GetString() != "thank-you"), t => Assert.Equal("de", t.GetProperty("language").GetString()));

        _world.Mailbox.AddContact(new SandboxContactSeed("Mere", "Parata", ["mere@parata.example"]) { PersonalNotes = "Eröffnet eine zweite Bäckerei" });
        await worker.SyncOnceAsync();
        await worker.SyncOnceAsync();

        var draft = DraftTo("mere@parata.example");
        Assert.Equal("Lovely to meet you, Mere", draft.Subject);
        Assert.Equal(
            "[Before sending: rewrite the highlighted part in your own words, then delete this line]\n\nHi Mere,\n\n"
            + "[You mentioned: Eröffnet eine zweite Bäckerei \u2014 say something about it]\n\nWould you like to grab a coffee soon?\n\nBest wishes,\nAlex",
            Read(draft));
    }

    [Fact]
    public async Task A_sandbox_language_that_is_not_a_language_tag_stops_the_worker_naming_the_key()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => _world.StartWorkerAsync("--Sandbox:Language=German please"));

        Assert.Contains("Sandbox:Language", ex.Message, StringComparison.Ordinal);
    }
}
