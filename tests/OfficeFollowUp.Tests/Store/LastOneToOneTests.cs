using OfficeFollowUp.Calendar;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Tests.Store;

/// <summary>
/// "Last one-to-one" (the person card, reciprocity, keep-in-touch) counts only meetings that qualify as a one-to-one with
/// that person — the rule that completes the one-to-one step — on both stores.
/// </summary>
public sealed class LastOneToOneTests
{
    private const string Mailbox = "mbx-1";
    private const string Sam = "sam@taylorleasing.co.nz";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static CalendarEventFacts Meeting(string id, DateTimeOffset start, string response, int others = 0, bool cancelled = false) =>
        new(id, null, id, start, start.AddHours(1), false, "busy", [],
            [new EventAttendee(Sam, "Sam Taylor"), .. Enumerable.Range(1, others).Select(i => new EventAttendee($"guest{i}@company{i}.example", $"Guest {i}"))], cancelled)
        {
            UserResponse = response,
        };

    [Theory, MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_mixer_a_declined_coffee_and_one_not_yet_held_do_not_count_the_coffee_before_them_does(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = store.Time.GetUtcNow();
        await RepositoryTests.SeedMailboxAsync(store);
        var events = new EventStore(store.Database);
        await using (var session = await store.Database.BeginAsync(Ct))
        {
            await events.UpsertAsync(session, Mailbox, Meeting("coffee", now.AddDays(-20), "organizer"), now, Ct);
            await events.UpsertAsync(session, Mailbox, Meeting("small lunch", now.AddDays(-15), "accepted", others: 3), now, Ct);
            await events.UpsertAsync(session, Mailbox, Meeting("chamber mixer", now.AddDays(-3), "accepted", others: 11), now, Ct);
            await events.UpsertAsync(session, Mailbox, Meeting("her invitation", now.AddDays(-2), "declined"), now, Ct);
            await events.UpsertAsync(session, Mailbox, Meeting("next coffee", now.AddHours(-1).AddMinutes(30), "organizer"), now, Ct);
            await session.CommitAsync(Ct);
        }

        var keepInTouch = new KeepInTouchStore(store.Database);
        await keepInTouch.SetCadenceAsync(Mailbox, Sam, "Sam Taylor", Tier.ReferralPartner, 14, now, Ct);

        var last = await new PeopleStore(store.Database).LastMeetingAsync(Mailbox, Sam, now, Ct);
        var touch = Assert.Single(await keepInTouch.LoadAsync(Mailbox, now, Ct));
        Assert.Equal("small lunch", last?.EventId);
        Assert.Equal(now.AddDays(-15).AddHours(1), touch.LastMeeting);
    }
}
