using System.Globalization;
using OfficeFollowUp.KeepInTouch;

namespace OfficeFollowUp.Tests.KeepInTouch;

/// <summary>Which birthdays get a draft now: lead day, the mailbox's zone, leap days, the year boundary, and who gets one at all.</summary>
public sealed class PlanBirthdayDraftsTests
{
    private static readonly TimeZoneInfo Auckland = MailboxTimeZone.Resolve("Pacific/Auckland");

    private static BirthdayCandidate Ana(string birthday, bool keptInTouch = true, string? email = "ana@silva.pt", string? channel = null) =>
        new("Ana Silva", email, DateOnly.Parse(birthday, CultureInfo.InvariantCulture), channel, keptInTouch, "contact-1");

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    public static TheoryData<string, BirthdayCandidate, string, string, int, BirthdayDraftsFor, string?> Cases => new()
    {
        // name, person, now (UTC), zone, lead days, audience, the birthday drafted (null: none now)
        { "the day before, with a lead of one day", Ana("1980-03-11"), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, "2026-03-11" },
        { "on the day itself (the worker was off on the lead day)", Ana("1980-03-11"), "2026-03-11T20:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, "2026-03-11" },
        { "two days before is too early for a lead of one day", Ana("1980-03-11"), "2026-03-09T23:59:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, null },
        { "already past this year: waits for next year, nothing late", Ana("1980-03-11"), "2026-03-12T00:00:01Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, null },
        // 11:30 UTC on 9 March is 00:30 on 10 March in Auckland (UTC+13): the lead day has begun there.
        { "the lead day begins at midnight in the mailbox's zone, not UTC", Ana("1980-03-11"), "2026-03-09T11:30:00Z", "Pacific/Auckland", 1, BirthdayDraftsFor.KeptInTouch, "2026-03-11" },
        { "10:30 UTC on 9 March is still 9 March in Auckland", Ana("1980-03-11"), "2026-03-09T10:30:00Z", "Pacific/Auckland", 1, BirthdayDraftsFor.KeptInTouch, null },
        // 12:00 UTC on 11 March is 01:00 on 12 March in Auckland: the birthday has passed there.
        { "past in the mailbox's zone while still the day in UTC", Ana("1980-03-11"), "2026-03-11T12:00:00Z", "Pacific/Auckland", 1, BirthdayDraftsFor.KeptInTouch, null },
        { "a lead of three days", Ana("1980-03-11"), "2026-03-08T08:00:00Z", "UTC", 3, BirthdayDraftsFor.KeptInTouch, "2026-03-11" },
        { "a lead of zero: on the morning of the day", Ana("1980-03-11"), "2026-03-11T00:00:00Z", "UTC", 0, BirthdayDraftsFor.KeptInTouch, "2026-03-11" },
        { "a lead of zero: not the day before", Ana("1980-03-11"), "2026-03-10T23:00:00Z", "UTC", 0, BirthdayDraftsFor.KeptInTouch, null },
        { "29 February is 28 February in other years", Ana("1996-02-29"), "2027-02-27T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, "2027-02-28" },
        { "29 February in a leap year", Ana("1996-02-29"), "2028-02-28T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, "2028-02-29" },
        { "across the year boundary: next year's birthday", Ana("1985-01-01"), "2026-12-31T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, "2027-01-01" },
        { "no email address: the reminder only", Ana("1980-03-11", email: null), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, null },
        { "an address no draft can go to", Ana("1980-03-11", email: "not an address"), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, null },
        { "prefers a phone call: the reminder only", Ana("1980-03-11", channel: "Phone"), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, null },
        { "prefers LinkedIn: the reminder only", Ana("1980-03-11", channel: "LinkedIn"), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, null },
        { "prefers email", Ana("1980-03-11", channel: "Email"), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, "2026-03-11" },
        { "not kept in touch with (no cadence, no track)", Ana("1980-03-11", keptInTouch: false), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.KeptInTouch, null },
        { "everyone: a contact not kept in touch with too", Ana("1980-03-11", keptInTouch: false), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.Everyone, "2026-03-11" },
        { "none: not even for someone kept in touch with", Ana("1980-03-11"), "2026-03-10T09:00:00Z", "UTC", 1, BirthdayDraftsFor.None, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plans(string name, BirthdayCandidate person, string now, string zone, int leadDays, BirthdayDraftsFor audience, string? drafted)
    {
        var options = new KeepInTouchOptions { BirthdayDraftLead = TimeSpan.FromDays(leadDays), BirthdayDrafts = audience };

        var plan = PlanBirthdayDrafts.Run([person], At(now), MailboxTimeZone.Resolve(zone), options).SingleOrDefault();

        Assert.True(drafted is null == plan is null, name);
        if (plan is not null)
        {
            var date = DateOnly.Parse(drafted!, CultureInfo.InvariantCulture);
            Assert.Equal((date, date.Year, "ana@silva.pt", "contact-1"), (plan.Date, plan.Year, plan.Email, plan.ContactId));
        }
    }

    [Fact]
    public void The_window_runs_from_midnight_of_the_lead_day_to_the_end_of_the_third_day_after_in_the_mailbox_zone()
    {
        var plan = Assert.Single(PlanBirthdayDrafts.Run([Ana("1980-03-11")], At("2026-03-09T12:00:00Z"), Auckland, new KeepInTouchOptions()));

        // Auckland is UTC+13 in March (daylight time): midnight on 10 March there is 11:00 UTC on 9 March.
        Assert.Equal(At("2026-03-09T11:00:00Z"), plan.WindowFrom);
        Assert.Equal(At("2026-03-14T11:00:00Z"), plan.WindowUntil);
    }

    [Fact]
    public void Two_contacts_with_one_address_get_one_draft()
    {
        var plans = PlanBirthdayDrafts.Run([Ana("1980-03-11"), Ana("1980-03-11", email: "ANA@Silva.pt ")], At("2026-03-10T09:00:00Z"), TimeZoneInfo.Utc, new KeepInTouchOptions());

        Assert.Single(plans);
    }

    [Fact]
    public void The_year_is_part_of_the_key_so_next_year_is_a_new_draft_and_this_year_is_the_same_one()
    {
        var thisYear = BirthdayDraftStore.IdOf("mbx", "ana@silva.pt", 2026);

        Assert.Equal(thisYear, BirthdayDraftStore.IdOf("mbx", " ANA@silva.pt", 2026));
        Assert.NotEqual(thisYear, BirthdayDraftStore.IdOf("mbx", "ana@silva.pt", 2027));
        Assert.NotEqual(thisYear, BirthdayDraftStore.IdOf("other", "ana@silva.pt", 2026));
        Assert.EndsWith("-2026", BirthdayDraftStore.TagOf(thisYear), StringComparison.Ordinal);
        Assert.DoesNotContain("silva", thisYear, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(-1, BirthdayDraftsFor.KeptInTouch, "KeepInTouch:BirthdayDraftLead")]
    [InlineData(6, BirthdayDraftsFor.KeptInTouch, "KeepInTouch:BirthdayDraftLead")]
    [InlineData(1, (BirthdayDraftsFor)7, "KeepInTouch:BirthdayDrafts")]
    public void Bad_birthday_draft_settings_are_refused_naming_the_key(int leadDays, BirthdayDraftsFor audience, string key)
    {
        var result = new KeepInTouchOptionsValidator().Validate(new KeepInTouchOptions { BirthdayDraftLead = TimeSpan.FromDays(leadDays), BirthdayDrafts = audience });

        Assert.Contains(result.Errors, e => e.PropertyName == key || e.ErrorMessage.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void A_lead_of_half_a_day_is_refused()
    {
        var result = new KeepInTouchOptionsValidator().Validate(new KeepInTouchOptions { BirthdayDraftLead = TimeSpan.FromHours(12) });

        Assert.False(result.IsValid);
    }
}
