using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.People;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Referrals;

public sealed record ProspectDto(string DisplayName, string? Email, string? Phone);

public sealed record DutyDto(ReferralDutyKind Kind, DateTimeOffset DueAt, Escalation Escalation);

public sealed record ReferralDto(
    string Id, ReferralDirection Direction, PersonDto Partner, ProspectDto Prospect, string? Note, bool CopyPartner, string? SourceMessageId,
    DateTimeOffset ReferredAt, int DaysSinceReferred, DateTimeOffset? ContactedAt, bool? PartnerFollowedUp,
    ReferralOutcome? Outcome, decimal? OutcomeValue, string? OutcomeNote, string? BetterFit, DateTimeOffset? OutcomeAt,
    string? IntroDraftId, string? CheckInDraftId, string? CloseDraftId, DutyDto? Duty, OutboxGaveUpDto? GaveUp = null,
    Evidence.CompletedVia? ContactedVia = null, DateTimeOffset? CheckedInAt = null, DateTimeOffset? LoopClosedAt = null);

/// <summary>"Log as referral" for the open message: whether it reads as an introduction, and whether it is already logged.</summary>
public sealed record DetectionDto(
    bool IsIntroduction, ReferralDirection? Direction, PersonDto? Partner, PersonDto? Prospect, bool RolesUncertain, string? AlreadyLoggedReferralId);

/// <summary>One partner's side of the give and take; times in the mailbox's zone.</summary>
public sealed record ReciprocityDto(
    PersonDto Partner, string? PreferredChannel, int GivenCount, int ReceivedCount, int GivenWon, int ReceivedWon, bool PartnerNotFollowingUp,
    DateTimeOffset? LastOneToOne, IReadOnlyList<ReferralDto> Given, IReadOnlyList<ReferralDto> Received,
    IReadOnlyList<WalkThroughItem> WalkThrough, string AskBack);

/// <summary>Referrals received and given: logging them, their duties, outcomes and the close-the-loop notes.</summary>
public static class ReferralEndpoints
{
    public static RouteGroupBuilder MapReferrals(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referrals");
        group.MapGet("/", ListAsync).WithVersionETag().WhenNotConnected(() => TypedResults.Ok(ZonedItemsDto<ReferralDto>.Empty));
        group.MapGet("/detect", DetectAsync);
        group.MapPost("/", LogAsync);
        var one = group.MapGroup("/{id}").WhenNotConnected(NoSuchReferral);
        one.MapGet("/", GetAsync);
        one.MapPost("/outcome", OutcomeAsync);
        one.MapPost("/contacted", ContactedAsync);
        one.MapPost("/partner-followed-up", PartnerFollowedUpAsync);
        one.MapPost("/nudged", NudgedAsync);
        // {email} is checked before the endpoint runs, by the same rule as a body's email (ValidateRouteInput).
        api.MapGet("/partners/{email}/reciprocity", ReciprocityAsync);
        return api;
    }

    private static async Task<Ok<ZonedItemsDto<ReferralDto>>> ListAsync(ConnectedMailbox mailbox, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var list = await referrals.ListAsync(mailbox.Id, ct);
        return TypedResults.Ok(new ZonedItemsDto<ReferralDto>(MailboxTimeZone.IanaId(mailbox.Zone), list.Select(r => ToDto(r, mailbox.Zone, time.GetUtcNow(), options.Value)).ToList()));
    }

    private static async Task<Results<Ok<ReferralDto>, ProblemHttpResult>> GetAsync(string id, ConnectedMailbox mailbox, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var referral = await referrals.GetAsync(mailbox.Id, id, ct);
        return referral is null ? NoSuchReferral() : TypedResults.Ok(ToDto(referral, mailbox.Zone, time.GetUtcNow(), options.Value));
    }

    private static async Task<Results<Created<ReferralDto>, ValidationProblem, ProblemHttpResult>> LogAsync(
        LogReferralRequest request, ConnectedMailbox mailbox, LogReferral log, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        WireEnums.TryParse<ReferralDirection>(request.Direction, out var direction);
        var result = await log.RunAsync(mailbox.Profile, new NewReferral(
            direction, new Party(request.Partner!.Email!, request.Partner.DisplayName), request.Prospect!.DisplayName!,
            request.Prospect.Email, request.Prospect.Phone, request.Note, request.CopyPartner ?? false, request.SourceMessageId, request.ReferredAt), ct);

        if (result.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (result.AlreadyLogged is { } existing)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already logged",
                detail: "A referral was already logged from this message.", extensions: new Dictionary<string, object?> { ["referralId"] = existing.Id });
        }

        return TypedResults.Created($"/api/referrals/{result.Referral!.Id}", ToDto(result.Referral, mailbox.Zone, time.GetUtcNow(), options.Value));
    }

    private static async Task<Results<Ok<ReferralDto>, ProblemHttpResult>> OutcomeAsync(
        string id, OutcomeRequest request, ConnectedMailbox mailbox, RecordOutcome record, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        WireEnums.TryParse<ReferralOutcome>(request.Outcome, out var outcome);
        var result = await record.RunAsync(mailbox.Id, id,
            new OutcomeInput(outcome, request.Value, request.Note, request.BetterFit, request.Change ?? false), ct);
        return result.Kind switch
        {
            OutcomeResultKind.NotFound => NoSuchReferral(),
            OutcomeResultKind.ConflictsWithRecorded => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Outcome already recorded",
                detail: "This referral already has a different outcome. Send \"change\": true to replace it.",
                extensions: new Dictionary<string, object?> { ["currentOutcome"] = JsonNamingPolicy.CamelCase.ConvertName(result.Referral!.Outcome!.Value.ToString()) }),
            OutcomeResultKind.Recorded or OutcomeResultKind.Unchanged => TypedResults.Ok(ToDto(result.Referral!, mailbox.Zone, time.GetUtcNow(), options.Value)),
            _ => throw new InvalidOperationException($"Unknown result {result.Kind}."),
        };
    }

    private static async Task<Results<Ok<ReferralDto>, ProblemHttpResult>> ContactedAsync(
        string id, ConnectedMailbox mailbox, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var referral = await referrals.GetAsync(mailbox.Id, id, ct);
        if (referral is null)
        {
            return NoSuchReferral();
        }

        if (referral.Direction != ReferralDirection.Received)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a referral received",
                detail: "Only a referral received has a prospect for you to contact.");
        }

        await referrals.MarkContactedAsync(id, time.GetUtcNow(), ct);
        return TypedResults.Ok(ToDto((await referrals.GetAsync(mailbox.Id, id, ct))!, mailbox.Zone, time.GetUtcNow(), options.Value));
    }

    private static async Task<Results<Ok<ReferralDto>, ProblemHttpResult>> PartnerFollowedUpAsync(
        string id, PartnerFollowedUpRequest request, ConnectedMailbox mailbox, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var referral = await referrals.GetAsync(mailbox.Id, id, ct);
        if (referral is null)
        {
            return NoSuchReferral();
        }

        if (referral.Direction != ReferralDirection.Given)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a referral given",
                detail: "Only a referral you gave has a partner to follow up.");
        }

        await referrals.SetPartnerFollowedUpAsync(id, request.FollowedUp!.Value, time.GetUtcNow(), ct);
        return TypedResults.Ok(ToDto((await referrals.GetAsync(mailbox.Id, id, ct))!, mailbox.Zone, time.GetUtcNow(), options.Value));
    }

    /// <summary>Given, after "not yet": the user nudged the partner; the check-in comes back after Referrals:CheckInAfterNudge.</summary>
    private static async Task<Results<Ok<ReferralDto>, ProblemHttpResult>> NudgedAsync(
        string id, ConnectedMailbox mailbox, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var referral = await referrals.GetAsync(mailbox.Id, id, ct);
        if (referral is null)
        {
            return NoSuchReferral();
        }

        if (!await referrals.MarkNudgedAsync(id, time.GetUtcNow(), ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to nudge",
                detail: "Only a referral you gave, whose partner has not followed up yet, can be nudged.");
        }

        return TypedResults.Ok(ToDto((await referrals.GetAsync(mailbox.Id, id, ct))!, mailbox.Zone, time.GetUtcNow(), options.Value));
    }

    /// <summary>"Log as referral" for the open message: reads it through Graph and runs the pure detection.</summary>
    private static async Task<Results<Ok<DetectionDto>, ProblemHttpResult>> DetectAsync(
        [AsParameters] DetectRequest request, ConnectedMailbox mailbox, MessageReader reader, ReferralStore referrals, TimeProvider time, CancellationToken ct)
    {
        var messageId = request.MessageId!;
        IntroMessage message;
        try
        {
            message = await reader.ReadAsync(mailbox.Id, messageId, ct);
        }
        catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex))
        {
            var failure = GraphFailures.Map(ex, time.GetUtcNow());
            return failure.Outcome switch
            {
                GraphOutcome.ItemSkipped => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such message", detail: "The mailbox has no message with this id."),
                GraphOutcome.ReconnectNeeded => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Reconnect needed", detail: "The mailbox refused the sign-in; reconnect it."),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Mailbox busy", detail: "The mailbox did not answer; try again shortly."),
            };
        }

        var found = DetectIntroduction.Run(message, mailbox.Profile.OwnAddresses);
        var logged = (await referrals.ListAsync(mailbox.Id, ct)).FirstOrDefault(r => r.SourceMessageId == messageId);
        static PersonDto Person(Party p) => new(p.DisplayName ?? p.Email, p.Email);
        return TypedResults.Ok(new DetectionDto(
            found is not null, found?.Direction, found is null ? null : Person(found.Partner), found is null ? null : Person(found.Prospect),
            found?.RolesUncertain ?? false, logged?.Id));
    }

    private static async Task<Ok<ReciprocityDto>> ReciprocityAsync(
        string email, ConnectedMailbox mailbox, ReferralStore referrals, PeopleStore people, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zone = mailbox.Zone;
        var list = await referrals.ListForPartnerAsync(mailbox.Id, email, ct);
        var person = await people.GetAsync(mailbox.Id, email, ct);
        var meeting = await people.LastMeetingAsync(mailbox.Id, email, now, ct);
        var partner = new Party(email.Trim(), person?.DisplayName ?? list.Select(r => r.Partner.DisplayName).FirstOrDefault(n => n is not null));
        var view = ComputeReciprocity.Run(partner, list, meeting?.Start, options.Value.LookingFor);
        return TypedResults.Ok(new ReciprocityDto(
            new PersonDto(partner.DisplayName ?? partner.Email, partner.Email),
            person?.PreferredChannel is { } channel ? JsonNamingPolicy.CamelCase.ConvertName(channel) : null,
            view.Given.Count,
            view.Received.Count,
            view.GivenWon,
            view.ReceivedWon,
            view.PartnerNotFollowingUp,
            meeting is null ? null : TimeZoneInfo.ConvertTime(meeting.Start, zone),
            view.Given.Select(r => ToDto(r, zone, now, options.Value)).ToList(),
            view.Received.Select(r => ToDto(r, zone, now, options.Value)).ToList(),
            view.WalkThrough,
            view.AskBack));
    }

    internal static ReferralDto ToDto(Referral r, TimeZoneInfo zone, DateTimeOffset now, ReferralOptions options)
    {
        var duty = PlanReferralDuties.Run(r, now, zone, options);
        DateTimeOffset? Local(DateTimeOffset? at) => at is { } value ? TimeZoneInfo.ConvertTime(value, zone) : null;
        return new ReferralDto(
            r.Id, r.Direction, new PersonDto(r.Partner.DisplayName ?? r.Partner.Email, r.Partner.Email),
            new ProspectDto(r.ProspectName, r.ProspectEmail, r.ProspectPhone), r.Note, r.CopyPartner, r.SourceMessageId,
            TimeZoneInfo.ConvertTime(r.ReferredAt, zone), PlanReferralDuties.DaysSince(r.ReferredAt, now, zone), Local(r.ContactedAt), r.PartnerFollowedUp,
            r.Outcome, r.OutcomeValue, r.OutcomeNote, r.BetterFit, Local(r.OutcomeAt), r.IntroDraftId, r.CheckInDraftId, r.CloseDraftId,
            duty is null ? null : new DutyDto(duty.Kind, duty.DueAt, duty.Escalation), OutboxEndpoints.ToDto(r.DraftGaveUp, zone),
            r.ContactedVia, Local(r.CheckedInAt), Local(r.LoopClosedAt));
    }

    private static ProblemHttpResult NoSuchReferral() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such referral", detail: "The referral does not exist or belongs to another mailbox.");
}
