using FluentValidation;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Api;

public sealed record ProspectDto(string DisplayName, string? Email, string? Phone);

public sealed record DutyDto(ReferralDutyKind Kind, DateTimeOffset DueAt, Escalation Escalation);

public sealed record ReferralDto(
    string Id, ReferralDirection Direction, PersonDto Partner, ProspectDto Prospect, string? Note, bool CopyPartner, string? SourceMessageId,
    DateTimeOffset ReferredAt, int DaysSinceReferred, DateTimeOffset? ContactedAt, bool? PartnerFollowedUp,
    ReferralOutcome? Outcome, decimal? OutcomeValue, string? OutcomeNote, string? BetterFit, DateTimeOffset? OutcomeAt,
    string? IntroDraftId, string? CheckInDraftId, string? CloseDraftId, DutyDto? Duty, OutboxGaveUpDto? GaveUp = null);

/// <summary>Referrals received and given: logging them, their duties, outcomes and the close-the-loop notes.</summary>
public static class ReferralEndpoints
{
    public static RouteGroupBuilder MapReferrals(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referrals");
        group.MapGet("/", ListAsync);
        group.MapGet("/detect", DetectAsync);
        group.MapPost("/", LogAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/outcome", OutcomeAsync);
        group.MapPost("/{id}/contacted", ContactedAsync);
        group.MapPost("/{id}/partner-followed-up", PartnerFollowedUpAsync);
        // {email} is checked before the endpoint runs, by the same rule as a body's email (ValidateRouteInput).
        api.MapGet("/partners/{email}/reciprocity", ReciprocityAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(CallerMailbox mailboxes, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Ok(new { timeZone = "UTC", items = Array.Empty<ReferralDto>() });
        }

        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var list = await referrals.ListAsync(mailbox.Profile.MailboxId, ct);
        return Results.Ok(new { timeZone = MailboxTimeZone.IanaId(zone), items = list.Select(r => ToDto(r, zone, time.GetUtcNow(), options.Value)).ToList() });
    }

    private static async Task<IResult> GetAsync(string id, CallerMailbox mailboxes, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var referral = mailbox is null ? null : await referrals.GetAsync(mailbox.Profile.MailboxId, id, ct);
        return mailbox is null || referral is null
            ? NoSuchReferral()
            : Results.Ok(ToDto(referral, MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId), time.GetUtcNow(), options.Value));
    }

    private static async Task<IResult> LogAsync(
        LogReferralRequest request, IValidator<LogReferralRequest> validator, CallerMailbox mailboxes, LogReferral log,
        IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return NotConnected();
        }

        WireEnums.TryParse<ReferralDirection>(request.Direction, out var direction);
        var result = await log.RunAsync(mailbox.Profile, new NewReferral(
            direction, new Party(request.Partner!.Email!, request.Partner.DisplayName), request.Prospect!.DisplayName!,
            request.Prospect.Email, request.Prospect.Phone, request.Note, request.CopyPartner ?? false, request.SourceMessageId, request.ReferredAt), ct);

        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        if (result.Errors is { } errors)
        {
            return Results.ValidationProblem(errors);
        }

        if (result.AlreadyLogged is { } existing)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already logged",
                detail: "A referral was already logged from this message.", extensions: new Dictionary<string, object?> { ["referralId"] = existing.Id });
        }

        return Results.Created($"/api/referrals/{result.Referral!.Id}", ToDto(result.Referral, zone, time.GetUtcNow(), options.Value));
    }

    private static async Task<IResult> OutcomeAsync(
        string id, OutcomeRequest request, IValidator<OutcomeRequest> validator, CallerMailbox mailboxes, RecordOutcome record,
        IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return NoSuchReferral();
        }

        WireEnums.TryParse<ReferralOutcome>(request.Outcome, out var outcome);
        var result = await record.RunAsync(mailbox.Profile.MailboxId, id,
            new OutcomeInput(outcome, request.Value, request.Note, request.BetterFit, request.Change ?? false), ct);
        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        return result.Kind switch
        {
            OutcomeResultKind.NotFound => NoSuchReferral(),
            OutcomeResultKind.ConflictsWithRecorded => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Outcome already recorded",
                detail: "This referral already has a different outcome. Send \"change\": true to replace it.",
                extensions: new Dictionary<string, object?> { ["currentOutcome"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(result.Referral!.Outcome!.Value.ToString()) }),
            OutcomeResultKind.Recorded or OutcomeResultKind.Unchanged => Results.Ok(ToDto(result.Referral!, zone, time.GetUtcNow(), options.Value)),
            _ => throw new InvalidOperationException($"Unknown result {result.Kind}."),
        };
    }

    private static async Task<IResult> ContactedAsync(string id, CallerMailbox mailboxes, ReferralStore referrals, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var referral = mailbox is null ? null : await referrals.GetAsync(mailbox.Profile.MailboxId, id, ct);
        if (mailbox is null || referral is null)
        {
            return NoSuchReferral();
        }

        if (referral.Direction != ReferralDirection.Received)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a referral received",
                detail: "Only a referral received has a prospect for you to contact.");
        }

        await referrals.MarkContactedAsync(id, time.GetUtcNow(), ct);
        return Results.Ok(ToDto((await referrals.GetAsync(mailbox.Profile.MailboxId, id, ct))!, MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId), time.GetUtcNow(), options.Value));
    }

    private static async Task<IResult> PartnerFollowedUpAsync(
        string id, PartnerFollowedUpRequest request, IValidator<PartnerFollowedUpRequest> validator, CallerMailbox mailboxes, ReferralStore referrals,
        IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        var referral = mailbox is null ? null : await referrals.GetAsync(mailbox.Profile.MailboxId, id, ct);
        if (mailbox is null || referral is null)
        {
            return NoSuchReferral();
        }

        if (referral.Direction != ReferralDirection.Given)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a referral given",
                detail: "Only a referral you gave has a partner to follow up.");
        }

        await referrals.SetPartnerFollowedUpAsync(id, request.FollowedUp!.Value, time.GetUtcNow(), ct);
        return Results.Ok(ToDto((await referrals.GetAsync(mailbox.Profile.MailboxId, id, ct))!, MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId), time.GetUtcNow(), options.Value));
    }

    /// <summary>"Log as referral" for the open message: reads it through Graph and runs the pure detection.</summary>
    private static async Task<IResult> DetectAsync(
        string? messageId, CallerMailbox mailboxes, OfficeFollowUp.Mailbox.MessageReader reader, ReferralStore referrals, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(messageId) || messageId.Length > 1024)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["messageId"] = ["Pass the open item's REST id."] });
        }

        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return NotConnected();
        }

        IntroMessage message;
        try
        {
            message = await reader.ReadAsync(mailbox.Profile.MailboxId, messageId, ct);
        }
        catch (Exception ex) when (OfficeFollowUp.Mailbox.GraphFailures.IsGraphOrTransport(ex))
        {
            var failure = OfficeFollowUp.Mailbox.GraphFailures.Map(ex, time.GetUtcNow());
            return failure.Outcome switch
            {
                OfficeFollowUp.Mailbox.GraphOutcome.ItemSkipped => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such message", detail: "The mailbox has no message with this id."),
                OfficeFollowUp.Mailbox.GraphOutcome.ReconnectNeeded => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Reconnect needed", detail: "The mailbox refused the sign-in; reconnect it."),
                _ => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Mailbox busy", detail: "The mailbox did not answer; try again shortly."),
            };
        }

        var found = DetectIntroduction.Run(message, mailbox.Profile.OwnAddresses);
        var logged = (await referrals.ListAsync(mailbox.Profile.MailboxId, ct)).FirstOrDefault(r => r.SourceMessageId == messageId);
        static PersonDto Person(Party p) => new(p.DisplayName ?? p.Email, p.Email);
        return Results.Ok(new
        {
            isIntroduction = found is not null,
            direction = found?.Direction,
            partner = found is null ? null : Person(found.Partner),
            prospect = found is null ? null : Person(found.Prospect),
            rolesUncertain = found?.RolesUncertain ?? false,
            alreadyLoggedReferralId = logged?.Id,
        });
    }

    private static async Task<IResult> ReciprocityAsync(
        string email, CallerMailbox mailboxes, ReferralStore referrals, PeopleStore people, IOptions<ReferralOptions> options, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return NotConnected();
        }

        var now = time.GetUtcNow();
        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var list = await referrals.ListForPartnerAsync(mailbox.Profile.MailboxId, email, ct);
        var person = await people.GetAsync(mailbox.Profile.MailboxId, email, ct);
        var meeting = await people.LastMeetingAsync(mailbox.Profile.MailboxId, email, now, ct);
        var partner = new Party(email.Trim(), person?.DisplayName ?? list.Select(r => r.Partner.DisplayName).FirstOrDefault(n => n is not null));
        var view = ComputeReciprocity.Run(partner, list, meeting?.Start, options.Value.LookingFor);
        return Results.Ok(new
        {
            partner = new PersonDto(partner.DisplayName ?? partner.Email, partner.Email),
            preferredChannel = person?.PreferredChannel is { } channel ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(channel) : null,
            givenCount = view.Given.Count,
            receivedCount = view.Received.Count,
            givenWon = view.GivenWon,
            receivedWon = view.ReceivedWon,
            partnerNotFollowingUp = view.PartnerNotFollowingUp,
            lastOneToOne = meeting is null ? null : (DateTimeOffset?)TimeZoneInfo.ConvertTime(meeting.Start, zone),
            given = view.Given.Select(r => ToDto(r, zone, now, options.Value)).ToList(),
            received = view.Received.Select(r => ToDto(r, zone, now, options.Value)).ToList(),
            walkThrough = view.WalkThrough,
            askBack = view.AskBack,
        });
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
            duty is null ? null : new DutyDto(duty.Kind, duty.DueAt, duty.Escalation), OutboxEndpoints.ToDto(r.DraftGaveUp, zone));
    }

    private static IResult NoSuchReferral() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such referral", detail: "The referral does not exist or belongs to another mailbox.");

    private static IResult NotConnected() =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Mailbox not connected", detail: "Connect the mailbox before logging referrals.");
}
