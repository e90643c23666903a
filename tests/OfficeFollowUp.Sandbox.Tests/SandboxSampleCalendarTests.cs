using Microsoft.Extensions.Time.Testing;

namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxSampleCalendarTests
{
    [Fact]
    public void Sample_week_has_the_networking_events_detection_needs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 20, 0, 0, TimeSpan.Zero));
        var mailbox = SandboxMailbox.WithSampleData(time);
        var events = mailbox.Events;

        var mixer = Assert.Single(events, e => e.Subject == "Chamber of Commerce business mixer");
        Assert.Equal(["Networking"], mixer.Categories);
        Assert.Equal(12, mixer.Attendees.Count);
        Assert.Equal(12, mixer.Attendees.Select(a => a.Address.ToLowerInvariant()).Distinct().Count());
        Assert.Contains(mixer.Attendees, a => a.Address.StartsWith("events@", StringComparison.Ordinal) || a.Address.StartsWith("noreply@", StringComparison.Ordinal));
        Assert.Equal(2, mixer.Attendees.Count(a => a.Address.EndsWith("@harbourlightadvisory.co.nz", StringComparison.Ordinal)));
        Assert.True(mixer.Attendees.Select(a => a.Address.Split('@')[1]).Distinct().Count() >= 8);
        Assert.InRange(mixer.Data.End, time.GetUtcNow().AddDays(-1).AddHours(-6), time.GetUtcNow());

        var bni = Assert.Single(events, e => e.Type == "seriesMaster" && e.Subject!.Contains("chapter meeting", StringComparison.Ordinal));
        Assert.Equal([DayOfWeek.Wednesday], bni.Data.Recurrence!.DaysOfWeek);
        Assert.Equal(TimeSpan.FromMinutes(90), bni.Data.End - bni.Data.Start);
        Assert.Single(events, e => e.Type == "seriesMaster" && e.Subject == "Team stand-up");
        Assert.Single(events, e => e.Type == "exception" && e.SeriesMasterId == bni.Id);
        Assert.Single(events, e => e.Subject!.StartsWith("Lunch with", StringComparison.Ordinal) && e.Attendees.Count == 1);
        Assert.Single(events, e => e.Subject == "Public holiday" && e.Data.IsAllDay);
        Assert.Single(events, e => e.Subject == "Conference call" && e.ShowAs == "tentative");
        Assert.True(events.Count(e => e.ShowAs == "busy" && e.Data.Start > time.GetUtcNow().AddDays(5)) >= 3);
        Assert.Empty(mailbox.CreatedEvents);
        Assert.Equal(0, mailbox.InvitationsSent);
        Assert.Equal(12, mailbox.ContactCount());
    }

    [Fact]
    public void Seeded_events_are_deterministic_and_include_series_all_day_events_and_attendees()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 20, 0, 0, TimeSpan.Zero));
        var a = new SandboxMailbox(time);
        var b = new SandboxMailbox(time);

        a.SeedEvents(1_000, randomSeed: 3);
        b.SeedEvents(1_000, randomSeed: 3);

        Assert.Equal(1_000, a.Events.Count);
        Assert.Equal(a.Events.Select(Describe), b.Events.Select(Describe));
        Assert.Contains(a.Events, e => e.Type == "seriesMaster");
        Assert.Contains(a.Events, e => e.Data.IsAllDay);
        Assert.Contains(a.Events, e => e.Attendees.Count > 2);
        Assert.Contains(a.Events, e => e.Categories.Contains("Networking"));
        Assert.Equal(4, a.Events.Select(e => e.ShowAs).Distinct().Intersect(["busy", "tentative", "free", "oof"]).Count());

        static string Describe(SandboxEvent e) => $"{e.Subject}|{e.Data.Start:O}|{e.Data.End:O}|{e.ShowAs}|{string.Join(',', e.Attendees.Select(x => x.Address))}";
    }
}
