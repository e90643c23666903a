using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.KeepInTouch;

public sealed record BirthdayFacts(string DisplayName, string? Email, DateOnly Birthday, string? PreferredChannel);

public sealed record BirthdayReminder(string DisplayName, string? Email, DateOnly Date, int DaysAway, string? PreferredChannel);

/// <summary>
/// "Send a card": birthdays from Outlook contacts that fall within the lead time, counted in the
/// mailbox's calendar days. A 29 February birthday is on 28 February in other years. Pure.
/// </summary>
public static class UpcomingBirthdays
{
    public static IReadOnlyList<BirthdayReminder> Run(IEnumerable<BirthdayFacts> contacts, DateTimeOffset now, TimeZoneInfo zone, TimeSpan leadTime)
    {
        var today = MailboxTime.DateOf(now, zone);
        var lead = (int)Math.Floor(leadTime.TotalDays);
        return contacts
            .Select(c => (Contact: c, Next: Next(c.Birthday, today)))
            .Where(x => x.Next.DayNumber - today.DayNumber <= lead)
            .Select(x => new BirthdayReminder(x.Contact.DisplayName, x.Contact.Email, x.Next, x.Next.DayNumber - today.DayNumber, x.Contact.PreferredChannel))
            .OrderBy(r => r.DaysAway).ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The birthday's next date on or after <paramref name="today"/>: this year's, or next year's once it has passed.</summary>
    public static DateOnly Next(DateOnly birthday, DateOnly today)
    {
        var thisYear = On(birthday, today.Year);
        return thisYear >= today ? thisYear : On(birthday, today.Year + 1);
    }

    /// <summary>The birthday in a given year; 29 February is 28 February in other years.</summary>
    public static DateOnly On(DateOnly birthday, int year) =>
        new(year, birthday.Month, Math.Min(birthday.Day, DateTime.DaysInMonth(year, birthday.Month)));
}
