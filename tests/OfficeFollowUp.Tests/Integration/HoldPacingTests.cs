using System.Globalization;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// Holds are paced (DESIGN rule 10), through the real Graph SDK against the sandbox: a one-to-one hold waits for the
/// person's thank-you to be sent, and seven new people get their holds spread over the days after the first working
/// day, no more than the daily and weekly limits, each row showing its hold's own start.
/// </summary>
public sealed class HoldPacingTests() : PairedWorkerTests("--Calendar:MaxHoldsPerDay=2", "--Calendar:MaxHoldsPerWeek=5")
{
    [Fact]
    public async Task Seven_new_people_get_holds_only_once_thanked_spread_two_a_day_five_a_week_and_never_the_next_working_day()
    {
        var metAt = World.Time.GetUtcNow();
        var people = Enumerable.Range(1, 7).Select(i => new SandboxRecipient($"Pace{i} Person", $"pace{i}@pacing{i}.example")).ToList();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            World.Mailbox.AddContact(new SandboxContactSeed($"Pace{i + 1}", "Person", [person.Address], $"Pacing {i + 1} Ltd"));
        }

        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();
        var holdsBeforeThanks = World.Mailbox.CreatedEvents.Count;
        var drafts = World.Mailbox.Drafts.ToList();
        // Health does not call the holds that wait for a thank-you "waiting to be made": nothing is stuck.
        var outboxBefore = (await Client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("outbox");
        Assert.Equal((0, 7), (outboxBefore.GetProperty("pending").GetInt32(), outboxBefore.GetProperty("holdsWaitingForThankYou").GetInt32()));

        // The user sends six of the seven thank-yous the next morning; the seventh waits.
        World.Time.Advance(TimeSpan.FromHours(14));
        var unthanked = people[^1].Address;
        var sentAt = World.Time.GetUtcNow();
        foreach (var draft in drafts.Where(d => !d.ToRecipients.Any(r => r.Address == unthanked)))
        {
            World.Mailbox.SendDraft(draft.Id);
        }

        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        Assert.Equal(7, drafts.Count);
        Assert.Equal(0, holdsBeforeThanks);
        var holds = World.Mailbox.CreatedEvents.ToList();
        Assert.Equal(6, holds.Count);
        var zone = MailboxTimeZone.Resolve(World.Mailbox.TimeZone);
        var workingDays = World.Mailbox.WorkingHours.DaysOfWeek;
        var firstWorkingDay = MailboxTime.DateOf(metAt, zone).AddDays(1);
        while (!workingDays.Contains(firstWorkingDay.DayOfWeek))
        {
            firstWorkingDay = firstWorkingDay.AddDays(1);
        }

        var days = holds.Select(h => MailboxTime.DateOf(h.Data.Start, zone)).ToList();
        Assert.DoesNotContain(firstWorkingDay, days);
        Assert.All(holds, h => Assert.True(h.Data.Start > sentAt));
        Assert.All(days.GroupBy(d => d), day => Assert.True(day.Count() <= 2, $"{day.Key}: {day.Count()} holds"));
        Assert.All(days.GroupBy(d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7))), week => Assert.True(week.Count() <= 5, $"week of {week.Key}: {week.Count()} holds"));
        Assert.True(days.Distinct().Count() >= 3, string.Join(", ", days));

        var mailboxId = (await Worker.Get<MailboxStore>().GetSingleAsync(CancellationToken.None))!.Profile.MailboxId;
        var oneToOnes = (await Worker.Get<FollowUpStore>().ListAllAsync(mailboxId, CancellationToken.None)).Where(s => s.Step == FollowUpStepKind.OneToOne).ToList();
        Assert.Null(oneToOnes.Single(s => s.Email == unthanked).HoldStartsAt);
        Assert.All(oneToOnes.Where(s => s.Email != unthanked), s => Assert.Equal(holds.Single(h => h.Id == s.HoldEventId).Data.Start, s.HoldStartsAt));

        // The API gives the hold's own start in the mailbox's zone, with its offset, for "Hold: Fri 2:45 PM" on the row.
        var listed = (await Client.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("step").GetString() == "oneToOne").ToList();
        var thanked = listed.First(i => i.GetProperty("person").GetProperty("email").GetString() != unthanked);
        var text = thanked.GetProperty("holdStartsAt").GetString()!;
        var parsed = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(zone.GetUtcOffset(parsed), parsed.Offset);
        Assert.Contains(holds, h => h.Data.Start == parsed);
        Assert.Equal(JsonValueKind.Null, listed.Single(i => i.GetProperty("person").GetProperty("email").GetString() == unthanked).GetProperty("holdStartsAt").ValueKind);
        var outboxAfter = (await Client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("outbox");
        Assert.Equal((0, 1), (outboxAfter.GetProperty("pending").GetInt32(), outboxAfter.GetProperty("holdsWaitingForThankYou").GetInt32()));
    }

    [Fact]
    public async Task A_thank_you_marked_done_in_the_pane_gets_its_hold_at_the_next_pass_not_an_hour_later()
    {
        World.Mailbox.AddContact(new SandboxContactSeed("Rangi", "Phone", ["rangi@phoned.example"], "Phoned Ltd"));
        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();
        Assert.Empty(World.Mailbox.CreatedEvents);

        // The next morning a pass looks at the hold again (not ready: it waits an hour). She was thanked by phone: the user
        // marks the thank-you done, and a minute later, well within that hour, the next pass runs.
        World.Time.Advance(TimeSpan.FromHours(14));
        await Worker.SyncOnceAsync();
        Assert.Empty(World.Mailbox.CreatedEvents);
        var thankYou = (await Client.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("step").GetString() == "thankYou");
        using var done = await Client.PostAsync(new Uri($"/api/followups/{thankYou.GetProperty("id").GetString()}/done", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        World.Time.Advance(TimeSpan.FromMinutes(1));
        await Worker.SyncOnceAsync();

        var hold = Assert.Single(World.Mailbox.CreatedEvents);
        var oneToOne = (await Client.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("step").GetString() == "oneToOne");
        Assert.Equal(hold.Id, oneToOne.GetProperty("holdEventId").GetString());
        Assert.Equal(hold.Data.Start, DateTimeOffset.Parse(oneToOne.GetProperty("holdStartsAt").GetString()!, CultureInfo.InvariantCulture));
    }
}
