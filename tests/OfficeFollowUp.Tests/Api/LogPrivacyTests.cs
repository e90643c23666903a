namespace OfficeFollowUp.Tests.Api;

/// <summary>DESIGN.md §3.7: logs at Information and above carry no email addresses, names or message bodies.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task A_sync_that_prepares_drafts_and_holds_logs_no_address_or_name_at_information()
    {
        await using var world = await SandboxWorld.StartAsync();
        var capture = new LogCapture();
        await using var worker = await StartLoggingAtInformationAsync(world, capture);

        await worker.SyncOnceAsync();
        world.Mailbox.AddContact(new SandboxContactSeed("Zoë", "Ångström", ["zoe@nordic.design"], "Nordic Design"));
        world.Mailbox.AddContact(new SandboxContactSeed("Rahul", "Mehta-Lindqvist", ["rahul.ml@example.org"], "Lindqvist Legal"));
        await worker.SyncOnceAsync();
        using (var client = worker.Client())
        {
            (await client.GetAsync(new Uri("/api/followups", UriKind.Relative))).EnsureSuccessStatusCode();
        }
        await worker.SyncOnceAsync();

        Assert.NotEmpty(world.Mailbox.Drafts);
        var personal = PersonalStrings(world.Mailbox);
        var messages = capture.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.NotEmpty(messages);
        AssertNoneContains(messages, personal);
    }

    [Fact]
    public async Task A_bulk_addition_held_and_answered_logs_counts_only()
    {
        await using var world = await SandboxWorld.StartAsync();
        var capture = new LogCapture();
        await using var worker = await StartLoggingAtInformationAsync(world, capture);

        await worker.SyncOnceAsync();
        for (var i = 0; i < 11; i++)
        {
            world.Mailbox.AddContact(new SandboxContactSeed($"Ingrid{i}", "Solberg-Øye", [$"ingrid{i}@fjord.example"], "Fjord Imports"));
        }
        await worker.SyncOnceAsync();
        using (var client = worker.Client())
        {
            var prompts = await client.GetFromJsonAsync<JsonElement>("/api/bulk-prompts");
            var id = prompts.GetProperty("items")[0].GetProperty("id").GetString();
            (await client.PostAsJsonAsync($"/api/bulk-prompts/{id}/follow-up", new { emails = new[] { "ingrid3@fjord.example" } }))
                .EnsureSuccessStatusCode();
        }
        await worker.SyncOnceAsync();

        var messages = capture.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.Contains(messages, m => m.Text.Contains("11 new contacts arrived at once", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Text.Contains("1 followed up, 10 dismissed", StringComparison.Ordinal));
        var personal = PersonalStrings(world.Mailbox);
        AssertNoneContains(messages, personal);
    }

    private static Task<RunningWorker> StartLoggingAtInformationAsync(SandboxWorld world, LogCapture capture) => world.StartWorkerAsync(
        b => b.Logging.AddProvider(capture),
        "--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft=Information", "--Logging:LogLevel:System=Information");

    private static void AssertNoneContains(IEnumerable<LoggedLine> messages, IEnumerable<string> personal)
    {
        var leaks = messages
            .SelectMany(m => personal.Where(p => m.Text.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => $"{m.Category}: '{p}' in \"{m.Text}\""))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private static List<string> PersonalStrings(SandboxMailbox mailbox)
    {
        var user = mailbox.User;
        var strings = new List<string> { user.DisplayName, user.Mail, user.UserPrincipalName, user.Surname };
        foreach (var id in mailbox.ContactIds())
        {
            if (mailbox.FindContact(id) is { } contact)
            {
                strings.AddRange(contact.Emails);
                strings.Add(contact.DisplayName ?? $"{contact.GivenName} {contact.Surname}");
                strings.Add(contact.Surname ?? string.Empty);
            }
        }
        foreach (var attendee in mailbox.Events.SelectMany(e => e.Attendees))
        {
            strings.Add(attendee.Address);
            strings.Add(attendee.Name ?? string.Empty);
        }
        foreach (var draft in mailbox.Drafts)
        {
            strings.AddRange(draft.ToRecipients.Select(r => r.Address));
        }
        // Short fragments ("Li") would match ordinary words; a name of four letters or more is specific enough.
        return [.. strings.Where(s => s is { Length: >= 4 }).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
