using FluentValidation;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Api;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Insights;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.People;

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
    IReadOnlyList<FollowUpDto> Steps);

public sealed record MeetingDto(string EventId, string Subject, DateTimeOffset Start);

public sealed record RememberRequest(string? DisplayName, [property: MultiLineText] string? Remember);

public sealed record ScorecardDto(
    int Acquaintances,
    double? ThankedWithin24Hours,
    double? ConnectedWithin7Days,
    double? MetWithin30Days,
    double? MedianHoursToThankYou,
    IReadOnlyList<WeekPoint> Weeks,
    ReferralScore Referrals);

public sealed class RememberRequestValidator : AbstractValidator<RememberRequest>
{
    public RememberRequestValidator()
    {
        RuleFor(r => r.Remember).NotEmpty().WithMessage("Write the one thing to remember.").MaximumLength(500).OverridePropertyName("remember");
        RuleFor(r => r.DisplayName).MaximumLength(200).OverridePropertyName("displayName");
    }
}

/// <summary>The person card that follows the selected message, and the scorecard.</summary>
public static class PeopleEndpoints
{
    /// <remarks>The {email} in the path is checked before any of these runs, by the same rule as a body's email (ValidateRouteInput).</remarks>
    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{email}", GetCardAsync);
        api.MapPut("/people/{email}/remember", RememberAsync);
        api.MapGet("/scorecard", ScorecardAsync);
        return api;
    }

    private static async Task<IResult> GetCardAsync(string email, CallerMailbox mailboxes, PeopleStore people, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Ok(new PersonCardDto(false, email, null, null, false, null, null, null, null, null, null, null, []));
        }

        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var now = time.GetUtcNow();
        var person = await people.GetAsync(mailbox.Profile.MailboxId, email, ct);
        var meeting = await people.LastMeetingAsync(mailbox.Profile.MailboxId, email, now, ct);
        var meetingDto = meeting is null ? null : new MeetingDto(meeting.EventId, meeting.Subject, TimeZoneInfo.ConvertTime(meeting.Start, zone));
        if (person is null)
        {
            return Results.Ok(new PersonCardDto(false, email, null, null, false, null, null, null, null, null, null, meetingDto, []));
        }

        var steps = await followUps.ListForPersonAsync(mailbox.Profile.MailboxId, EmailAddresses.Key(email), ct);
        return Results.Ok(new PersonCardDto(
            true, person.Email, person.DisplayName, person.CompanyName, person.IsAcquaintance,
            person.MetAt is { } met ? TimeZoneInfo.ConvertTime(met, zone) : null, person.EventSubject, person.Remember, person.Promised,
            person.PreferredChannel is { } channel ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(channel) : null,
            person.ProfileUrl, meetingDto, steps.Select(s => FollowUpEndpoints.ToDto(s, zone, now)).ToList()));
    }

    private static async Task<IResult> RememberAsync(string email, RememberRequest request, IValidator<RememberRequest> validator,
        CallerMailbox mailboxes, PeopleStore people, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not connected yet", detail: "The mailbox has not been connected yet.");
        }

        await people.SetRememberAsync(mailbox.Profile.MailboxId, email, string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim(), request.Remember!.Trim(), time.GetUtcNow(), ct);
        return await GetCardAsync(email, mailboxes, people, followUps, time, ct);
    }

    private static async Task<IResult> ScorecardAsync(CallerMailbox mailboxes, FollowUpStore followUps, ReferralStore referrals,
        IOptions<FollowUpOptions> options, IOptions<ReferralOptions> referralOptions, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var steps = mailbox is null ? [] : await followUps.ListAllAsync(mailbox.Profile.MailboxId, ct);
        var referralList = mailbox is null ? [] : await referrals.ListAsync(mailbox.Profile.MailboxId, ct);
        var zone = MailboxTimeZone.Resolve(mailbox?.Profile.TimeZoneId);
        var now = time.GetUtcNow();
        var card = ComputeScorecard.Run(steps, now, zone, options.Value);
        return Results.Ok(new ScorecardDto(card.Acquaintances, card.ThankedWithin24Hours, card.ConnectedWithin7Days, card.MetWithin30Days,
            card.MedianTimeToThankYou?.TotalHours, card.Weeks, ComputeScorecard.Referrals(referralList, now, referralOptions.Value.ContactWithin)));
    }

}
