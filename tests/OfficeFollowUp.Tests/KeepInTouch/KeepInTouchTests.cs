using OfficeFollowUp.KeepInTouch;

namespace OfficeFollowUp.Tests.KeepInTouch;

public sealed class ComputeOverdueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
    private static readonly KeepInTouchOptions Options = new();

    private static TouchFacts Person(Tier? tier = null, int? days = null, bool partner = false, bool acquaintance = false, int sinceDaysAgo = 200,
        int? meetingDaysAgo = null, int? followUpDaysAgo = null) =>
        new("p@example.org", "P", tier, days, partner, acquaintance, Now.AddDays(-sinceDaysAgo),
            meetingDaysAgo is { } m ? Now.AddDays(-m) : null, followUpDaysAgo is { } f ? Now.AddDays(-f) : null, "phone");

    public static TheoryData<string, TouchFacts, Tier?, int?> Cases => new()
    {
        { "an untiered plain contact is not tracked", Person(), null, null },
        { "a referral partner not met for 15 days is overdue on 14", Person(partner: true, meetingDaysAgo: 15), Tier.ReferralPartner, 1 },
        { "a referral partner met 13 days ago is fine", Person(partner: true, meetingDaysAgo: 13), null, null },
        { "inner circle met 31 days ago", Person(Tier.InnerCircle, meetingDaysAgo: 31), Tier.InnerCircle, 1 },
        { "inner circle with a follow-up done 10 days ago", Person(Tier.InnerCircle, meetingDaysAgo: 100, followUpDaysAgo: 10), null, null },
        { "an acquaintance defaults to 'other' at 90 days", Person(acquaintance: true, sinceDaysAgo: 95), Tier.Other, 5 },
        { "an acquaintance met recently", Person(acquaintance: true, sinceDaysAgo: 20), null, null },
        { "a per-person cadence beats the tier", Person(Tier.Other, days: 7, meetingDaysAgo: 8), Tier.Other, 1 },
        { "a chosen tier beats being a partner", Person(Tier.Other, partner: true, meetingDaysAgo: 20), null, null },
        { "never met: counted from when they became known", Person(Tier.InnerCircle, sinceDaysAgo: 29), null, null },
        { "due exactly now is overdue", Person(Tier.InnerCircle, meetingDaysAgo: 30), Tier.InnerCircle, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Overdue(string name, TouchFacts person, Tier? tier, int? daysOverdue)
    {
        var reminder = ComputeOverdue.Run([person], Now, Options).SingleOrDefault();

        Assert.True(tier is null == reminder is null, name);
        if (reminder is not null)
        {
            Assert.Equal((tier, daysOverdue, "phone"), ((Tier?)reminder.Tier, (int?)reminder.DaysOverdue, reminder.PreferredChannel));
        }
    }

    [Theory]
    [InlineData("2026-11-25", 0)]
    [InlineData("1980-11-28", 3)]
    [InlineData("1975-11-30", 5)]
    [InlineData("1990-12-01", null)]
    [InlineData("1990-11-24", null)]
    [InlineData("1992-01-02", null)]
    public void Birthdays_within_the_lead_time_in_the_mailbox_zone(string birthday, int? daysAway)
    {
        // 06:00 UTC on the 25th is 19:00 on the 25th in Auckland.
        var zone = MailboxTimeZone.Resolve("Pacific/Auckland");
        var found = UpcomingBirthdays.Run([new BirthdayFacts("Ana", "ana@silva.pt", DateOnly.Parse(birthday, System.Globalization.CultureInfo.InvariantCulture), "whatsApp")],
            Now, zone, TimeSpan.FromDays(5));

        Assert.Equal(daysAway, found.SingleOrDefault()?.DaysAway);
    }

    [Fact]
    public void A_29_february_birthday_is_on_28_february_in_other_years()
    {
        var found = UpcomingBirthdays.Run([new BirthdayFacts("Leap", null, new DateOnly(1996, 2, 29), null)],
            new DateTimeOffset(2027, 2, 26, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, TimeSpan.FromDays(5));

        Assert.Equal(new DateOnly(2027, 2, 28), Assert.Single(found).Date);
    }
}
