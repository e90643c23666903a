using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Calendar;

/// <summary>
/// Who from an event's invitation to offer for follow-up: not the user, not shared or automated
/// mailboxes, not the user's own colleagues (same domain) unless asked, each address once.
/// </summary>
public static class FilterAttendees
{
    /// <summary>Domains shared by unrelated people: a gmail user's other gmail contacts are not colleagues.</summary>
    public static readonly IReadOnlySet<string> FreeMailDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de",
        "xtra.co.nz", "bigpond.com", "zoho.com", "mail.com", "fastmail.com", "qq.com", "163.com", "yandex.ru",
    };

    public static IReadOnlyList<AttendeeCandidate> Run(
        CalendarEventFacts calendarEvent,
        MailboxProfile profile,
        IReadOnlySet<string> knownEmailKeys,
        IReadOnlyCollection<string> groupLocalParts,
        bool includeColleagues)
    {
        var own = profile.OwnAddresses.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var ownDomains = ColleagueDomains(profile.OwnAddresses);
        var groups = groupLocalParts.Select(p => p.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<AttendeeCandidate>();

        foreach (var attendee in calendarEvent.Attendees)
        {
            if (!EmailAddresses.LooksValid(attendee.Email))
            {
                continue;
            }

            var key = EmailAddresses.Key(attendee.Email);
            if (own.Contains(key) || groups.Contains(EmailAddresses.LocalPart(key)) || !seen.Add(key))
            {
                continue;
            }

            if (!includeColleagues && ownDomains.Contains(Domain(key)))
            {
                continue;
            }

            var name = string.IsNullOrWhiteSpace(attendee.Name) ? attendee.Email.Trim() : attendee.Name.Trim();
            result.Add(new AttendeeCandidate(attendee.Email.Trim(), name, knownEmailKeys.Contains(key)));
        }

        return result;
    }

    /// <summary>The domains whose addresses are the user's colleagues: the user's own, except free-mail domains.</summary>
    public static IReadOnlySet<string> ColleagueDomains(IEnumerable<string> ownAddresses) =>
        ownAddresses.Select(EmailAddresses.Key).Select(Domain).Where(d => d.Length > 0 && !FreeMailDomains.Contains(d)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The domain of a normalized address (<see cref="EmailAddresses.Key"/>); empty without an @.</summary>
    public static string Domain(string key)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? string.Empty : key[(at + 1)..];
    }
}
