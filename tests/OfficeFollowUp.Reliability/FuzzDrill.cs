namespace OfficeFollowUp.Reliability;

/// <summary>
/// Drill (c): fuzz. Hostile but Graph-shaped contacts and events arrive (no email, bad addresses, 1 MB names,
/// HTML and script, right-to-left text and emoji, NUL, JSON nulls); the user answers the prompts of the networking
/// events among them. The worker must not crash, must follow up every contact and picked guest with a usable
/// address exactly once, must count the contacts whose addresses are all unusable in Health, and no draft or hold
/// body it writes may carry the input's markup unescaped.
/// </summary>
public sealed partial class FuzzDrill(ITestOutputHelper output)
{
    [Fact]
    public async Task Fuzzed_contacts_and_events_crash_nothing_and_every_usable_one_is_followed_up_with_its_text_escaped()
    {
        var sizes = DrillSizes.Current;
        var clock = Stopwatch.StartNew();
        // Fuzzed arrivals come 25 at a time and must all become news: the bulk-addition guard has its own tests.
        await using var world = await DrillWorld.StartBaselinedAsync("--Mailbox:ContactsPageSize=50", "--Calendar:PageSize=50", "--FollowUps:BulkAdditionLimit=1000");

        var run = $"fuzz{sizes.Seed}";
        var corpus = new FuzzCorpus(sizes.Seed, run, world.Mailbox.User.Mail);
        var contacts = new List<FuzzContact>();
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        var endedNetworking = 0;
        var guestAddresses = new List<string>();
        while (contacts.Count < sizes.FuzzContacts || eventIds.Count < sizes.FuzzEvents)
        {
            // Arrivals in small batches, as a busy week (not an import) brings them.
            for (var i = 0; i < 25 && contacts.Count < sizes.FuzzContacts; i++)
            {
                var contact = corpus.NextContact();
                world.Mailbox.AddContact(contact.Seed);
                contacts.Add(contact);
            }

            for (var i = 0; i < 25 && eventIds.Count < sizes.FuzzEvents; i++)
            {
                var fuzzed = corpus.NextEvent(DateTimeOffset.UtcNow);
                eventIds.Add(world.Mailbox.AddEvent(fuzzed.Seed));
                endedNetworking += fuzzed.EndedNetworking ? 1 : 0;
                guestAddresses.AddRange(fuzzed.Seed.Attendees.Select(a => a.Address));
            }

            await Task.Delay(200);
            Assert.False(world.Worker!.HasExited, $"The worker died while fuzzed items arrived:\n{world.Worker.RecentOutput}");
        }

        var arrived = DateTimeOffset.UtcNow;
        var roundsTimeout = sizes.Full ? TimeSpan.FromMinutes(20) : TimeSpan.FromMinutes(3);
        await world.WaitForRoundsAfterAsync(arrived, roundsTimeout);

        // "Whom will you follow up with?" for every fuzzed networking event: two guests with a usable address, or "not now".
        var expected = contacts.Where(c => c.Outcome == FuzzOutcome.FollowedUp)
            .Select(c => new ExpectedPerson(c.Email!, "fuzzed contact", ExpectHold: false))
            .ToList();
        int prompts = 0, dismissed = 0, offeredUnusable = 0;
        foreach (var (eventId, attendees) in await world.OpenPromptsAsync())
        {
            if (!eventIds.Contains(eventId))
            {
                continue;
            }

            prompts++;
            offeredUnusable += attendees.Count(a => !FuzzCorpus.IsEmail(a.Email));
            var chosen = attendees.Where(a => FuzzCorpus.IsEmail(a.Email)).Take(2)
                .Select(a => new PickedPerson(a.Email, NameAsTyped(a.DisplayName), corpus.Remember()))
                .ToList();
            if (chosen.Count == 0)
            {
                await world.DismissAsync(eventId);
                dismissed++;
                continue;
            }

            await world.FollowUpAsync(eventId, chosen);
            expected.AddRange(chosen.Select(p => new ExpectedPerson(p.Email, "guest picked after a fuzzed event", ExpectHold: false)));
        }

        var quiet = await world.WaitUntilQuietAsync(expected, sizes.Full ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(3));
        var alive = world.Worker is { HasExited: false } && await world.StatusAsync() is not null;

        var tally = MailboxTally.Count(world.Mailbox, expected);
        var unescaped = UnescapedMarkup(world).ToList();
        var skipped = await world.ItemsSkippedAsync();
        var contactsSkipped = skipped.Where(kv => kv.Key.StartsWith("contacts", StringComparison.Ordinal)).Sum(kv => kv.Value);
        var calendarSkipped = skipped.GetValueOrDefault("calendar");
        var invalid = contacts.Count(c => c.Outcome == FuzzOutcome.Invalid);
        var healthRight = contactsSkipped == invalid && calendarSkipped == 0;
        var pass = alive && quiet && world.WorkerErrorLines == 0 && tally.ExactlyOnce && healthRight && unescaped.Count == 0;

        var counts = string.Join(", ", Enum.GetValues<FuzzOutcome>().Select(o => $"{contacts.Count(c => c.Outcome == o)} {o}"));
        var figures = new DrillFigures("fuzz", sizes.Form, sizes.Seed, 0, tally.ExpectedItems, tally.Made, tally.Duplicated, tally.Missing,
            string.Create(CultureInfo.InvariantCulture, $"{contacts.Count} fuzzed contacts ({counts}) and {eventIds.Count} fuzzed events ({endedNetworking} networking events just ended; {prompts} prompts, {dismissed} dismissed)"),
            clock.Elapsed, pass ? "pass" : "FAIL");
        // Addresses the worker's own check (the one detection and the prompt use) takes for email addresses and the drill does not.
        static bool AcceptedUnusable(string a) => !FuzzCorpus.IsEmail(a) && OfficeFollowUp.FollowUps.EmailAddresses.LooksValid(a);
        var acceptedUnusable = contacts.SelectMany(c => c.Seed.Emails).Concat(guestAddresses)
            .Where(AcceptedUnusable).Distinct(StringComparer.Ordinal).Select(MailboxTally.Printable).ToList();
        var byEmail = contacts.Where(c => c.Outcome == FuzzOutcome.FollowedUp).ToDictionary(c => MailboxTally.Key(c.Email!), StringComparer.Ordinal);
        var missingWithSuch = tally.MissingDrafts.Count(p => byEmail.TryGetValue(MailboxTally.Key(p.Email), out var c) && c.Seed.Emails.Any(AcceptedUnusable));
        var explained = await world.ExplainMissingAsync(tally);
        var causes = new List<string>();
        if (acceptedUnusable.Count > 0 && (tally.UnexpectedDrafts > 0 || tally.Missing > 0 || offeredUnusable > 0))
        {
            causes.Add($"cause: EmailAddresses.LooksValid accepts {acceptedUnusable.Count} addresses that are not email addresses "
                + $"({string.Join(", ", acceptedUnusable.Take(4))}): the worker writes drafts and holds to them and offers them in prompts. "
                + $"{missingWithSuch} of the {tally.MissingDrafts.Count()} contacts missing a draft carry one next to their good address: the "
                + "worker followed up the bad one instead, or, once an earlier contact had made that bad address known, skipped them as already known.");
        }

        if (contactsSkipped < invalid)
        {
            causes.Add($"cause: Health counts {contactsSkipped} skipped contacts, the drill made {invalid} new contacts whose addresses are all "
                + "unusable: each must be skipped by detection as SkipReason.UnusableAddress and counted in the folder's items skipped.");
        }

        var details = $"""
            alive: {alive}; worker error log lines: {world.WorkerErrorLines}; finished its work: {quiet}
            Health items skipped: contacts {contactsSkipped} (expected {invalid}: contacts with addresses, none usable), calendar {calendarSkipped} (expected 0)
            prompts offered {offeredUnusable} unusable addresses
            unescaped markup in {unescaped.Count} draft or hold bodies{string.Concat(unescaped.Take(5).Select(u => "\n  " + u))}
            {tally.Describe()}
            {explained}
            {string.Join("\n", causes)}
            """;
        figures.Report(output, details);

        Assert.True(alive, $"The worker crashed or stopped answering:\n{details}\n{world.Worker?.RecentOutput}");
        Assert.True(world.WorkerErrorLines == 0, $"The worker logged errors:\n{details}\n{world.Worker?.RecentOutput}");
        Assert.True(unescaped.Count == 0, $"Input markup reached a draft or hold unescaped:\n{details}");
        Assert.True(tally.ExactlyOnce, $"Not exactly one draft per usable fuzzed person:\n{details}");
        Assert.True(healthRight, $"Health does not count the unusable items:\n{details}");
        Assert.True(quiet, $"The worker did not finish its work in time:\n{details}\n{world.Worker?.RecentOutput}");
    }

    /// <summary>What a person keeps of a guest's name when picking them: no control characters, at most 200 characters.</summary>
    private static string NameAsTyped(string offered)
    {
        var text = new string([.. offered.Where(c => !char.IsControl(c))]).Trim();
        if (text.Length > 200)
        {
            text = text[..(char.IsHighSurrogate(text[199]) ? 199 : 200)].Trim();
        }

        return text.Length == 0 ? "Guest" : text;
    }

    /// <summary>
    /// Every tag or angle bracket in a draft or hold body that the product's own templates do not write: that is
    /// the input's markup, unescaped.
    /// </summary>
    private static IEnumerable<string> UnescapedMarkup(DrillWorld world)
    {
        var bodies = world.Mailbox.Drafts.Where(d => MailboxTally.TagOf(d.SingleValueExtendedProperties) is not null).Select(d => ("draft", d.Id, d.BodyContent))
            .Concat(world.Mailbox.CreatedEvents.Where(e => MailboxTally.TagOf(e.SingleValueExtendedProperties) is not null).Select(e => ("hold", e.Id, e.BodyHtml ?? string.Empty)));
        foreach (var (kind, id, body) in bodies)
        {
            var bad = TagOrBracket().Matches(body).Select(m => m.Value).Where(v => !TemplateTag().IsMatch(v)).ToList();
            if (bad.Count > 0 || body.Contains("<script", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{kind} {id[^12..]}: {string.Join(" ", bad.Take(3).Select(b => b.Length > 60 ? b[..60] + "…" : b))}";
            }
        }
    }

    [GeneratedRegex("<[^<>]*>|[<>]")]
    private static partial Regex TagOrBracket();

    // The markup the thank-you and hold templates write themselves, including the highlight on a part the user must rewrite.
    [GeneratedRegex("""^(</?(p|br|em|strong|i|ul|ol|li|span|div|mark)>|<mark style="background-color:#[0-9a-f]{6}">|<a href="https?://[^"<>]*">|</a>)$""")]
    private static partial Regex TemplateTag();
}
