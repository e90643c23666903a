using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Api;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Insights;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.People;

public sealed record PersonDto(string DisplayName, string Email);

public sealed record PersonCardDto(
    bool Known,
    string Email,
    string? DisplayName,
    string? CompanyName,
    bool IsAcquaintance,
    DateTimeOffset? MetAt,
    string? EventSubject,
    string? Remember,
    string? Promised,
    string? PreferredChannel,
    string? ProfileUrl,
    MeetingDto? LastMeeting,
    IReadOnlyList<FollowUpDto> Steps,
    string? Notes = null,
    HowMetDto? HowMet = null,
    IReadOnlyList<PersonReferralDto>? Referrals = null)
{
    /// <summary>Someone the store does not know (yet): the address as asked, and the last meeting with them if there was one.</summary>
    public static PersonCardDto Unknown(string email, MeetingDto? lastMeeting = null) =>
        new(false, email, null, null, false, null, null, null, null, null, null, lastMeeting, []);
}

public sealed record MeetingDto(string EventId, string Subject, DateTimeOffset Start);

public sealed record ScorecardDto(
    int Acquaintances,
    double? ThankedWithin24Hours,
    double? ConnectedWithin7Days,
    double? MetWithin30Days,
    double? MedianHoursToThankYou,
    IReadOnlyList<WeekPoint> Weeks,
    ReferralScore Referrals,
    RateCounts? Thanked = null,
    RateCounts? Connected = null,
    RateCounts? Met = null);

/// <summary>The person card that follows the selected message, and the scorecard.</summary>
public static class PeopleEndpoints
{
    /// <remarks>The {email} in the path is checked before any of these runs, by the same rule as a body's email (ValidateRouteInput).</remarks>
    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{email}", GetCardAsync)
            .WhenNotConnected(http => TypedResults.Ok(PersonCardDto.Unknown((string)http.GetRouteValue("email")!)));
        api.MapPut("/people/{email}/remember", RememberAsync);
        api.MapGet("/scorecard", ScorecardAsync);
        return api;
    }

    private static async Task<Ok<PersonCardDto>> GetCardAsync(
        string email, ConnectedMailbox mailbox, PeopleStore people, FollowUpStore followUps, ReferralStore referrals, TimeProvider time, CancellationToken ct)
    {
        var zone = mailbox.Zone;
        var now = time.GetUtcNow();
        var person = await people.GetAsync(mailbox.Id, email, ct);
        var meeting = await people.LastMeetingAsync(mailbox.Id, email, now, ct);
        var meetingDto = meeting is null ? null : new MeetingDto(meeting.EventId, meeting.Subject, TimeZoneInfo.ConvertTime(meeting.Start, zone));
        var notes = await people.ContactNotesAsync(mailbox.Id, email, ct);
        var referred = PersonStory.Referrals(email, await referrals.ListForPersonAsync(mailbox.Id, email, ct), zone);
        if (person is null)
        {
            return TypedResults.Ok(PersonCardDto.Unknown(email, meetingDto) with { Notes = notes, Referrals = referred });
        }

        var steps = await followUps.ListForPersonAsync(mailbox.Id, EmailAddresses.Key(email), ct);
        var howMet = PersonStory.HowMet(person, person.EventSubject is null ? await people.FirstMeetingAsync(mailbox.Id, email, now, ct) : null, zone);
        return TypedResults.Ok(new PersonCardDto(
            true, person.Email, person.DisplayName, person.CompanyName, person.IsAcquaintance,
            person.MetAt is { } met ? TimeZoneInfo.ConvertTime(met, zone) : null, person.EventSubject, person.Remember, person.Promised,
            person.PreferredChannel is { } channel ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(channel) : null,
            person.ProfileUrl, meetingDto, steps.Select(s => FollowUpEndpoints.ToDto(s, zone, now)).ToList(), notes, howMet, referred));
    }

    private static async Task<Ok<PersonCardDto>> RememberAsync(string email, RememberRequest request,
        ConnectedMailbox mailbox, PeopleStore people, FollowUpStore followUps, ReferralStore referrals, TimeProvider time, CancellationToken ct)
    {
        await people.SetRememberAsync(mailbox.Id, email, string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim(), request.Remember!.Trim(), time.GetUtcNow(), ct);
        return await GetCardAsync(email, mailbox, people, followUps, referrals, time, ct);
    }

    /// <summary>Answers before the mailbox is connected too: a scorecard of nothing yet.</summary>
    private static async Task<Ok<ScorecardDto>> ScorecardAsync(CallerMailbox mailboxes, FollowUpStore followUps, ReferralStore referrals,
        IOptions<FollowUpOptions> options, IOptions<ReferralOptions> referralOptions, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var steps = mailbox is null ? [] : await followUps.ListAllAsync(mailbox.Profile.MailboxId, ct);
        var referralList = mailbox is null ? [] : await referrals.ListAsync(mailbox.Profile.MailboxId, ct);
        var zone = MailboxTimeZone.Resolve(mailbox?.Profile.TimeZoneId);
        var now = time.GetUtcNow();
        var card = ComputeScorecard.Run(steps, now, zone, options.Value);
        return TypedResults.Ok(new ScorecardDto(card.Acquaintances, card.ThankedWithin24Hours, card.ConnectedWithin7Days, card.MetWithin30Days,
            card.MedianTimeToThankYou?.TotalHours, card.Weeks, ComputeScorecard.Referrals(referralList, now, referralOptions.Value.ContactWithin),
            card.Thanked, card.Connected, card.Met));
    }
}
