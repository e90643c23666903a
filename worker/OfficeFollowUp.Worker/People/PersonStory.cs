using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.People;

/// <summary>How the user met someone: at an event (with its subject and date), or as a contact added in Outlook.</summary>
/// <param name="Via">"event" or "contact".</param>
public sealed record HowMetDto(string Via, string? Subject, string? EventId, DateTimeOffset? At);

/// <summary>A referral this person is in. <paramref name="Role"/>: "partner" (they referred someone, or were referred someone) or "prospect" (they were the one referred).</summary>
/// <param name="Other">The other person in it: the prospect when this person is the partner, the partner when they are the prospect.</param>
public sealed record PersonReferralDto(string Id, string Role, ReferralDirection Direction, string Other, DateTimeOffset ReferredAt, ReferralOutcome? Outcome);

/// <summary>What the person card tells about someone beyond their track: how they were really met, and their referrals both ways.</summary>
public static class PersonStory
{
    /// <summary>
    /// An event beats "added as a contact": the event the track started from, else the earliest meeting with them on the
    /// calendar, else the contact itself.
    /// </summary>
    public static HowMetDto HowMet(PersonRecord person, MeetingRecord? firstMeeting, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(zone);
        DateTimeOffset? Local(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, zone) : null;
        if (person.EventSubject is { Length: > 0 } subject)
        {
            return new HowMetDto("event", subject, person.EventId, Local(person.MetAt));
        }

        if (firstMeeting is not null)
        {
            return new HowMetDto("event", firstMeeting.Subject, firstMeeting.EventId, Local(firstMeeting.Start));
        }

        return new HowMetDto("contact", null, null, Local(person.MetAt ?? person.FirstSeenAt));
    }

    /// <summary>The person's referrals, each seen from their side, latest first.</summary>
    public static IReadOnlyList<PersonReferralDto> Referrals(string email, IEnumerable<Referral> referrals, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var key = EmailAddresses.Key(email);
        return [.. referrals
            .OrderByDescending(r => r.ReferredAt)
            .Select(r => string.Equals(EmailAddresses.Key(r.Partner.Email), key, StringComparison.Ordinal)
                ? new PersonReferralDto(r.Id, "partner", r.Direction, r.ProspectName, TimeZoneInfo.ConvertTime(r.ReferredAt, zone), r.Outcome)
                : new PersonReferralDto(r.Id, "prospect", r.Direction, string.IsNullOrWhiteSpace(r.Partner.DisplayName) ? r.Partner.Email : r.Partner.DisplayName,
                    TimeZoneInfo.ConvertTime(r.ReferredAt, zone), r.Outcome))];
    }
}
