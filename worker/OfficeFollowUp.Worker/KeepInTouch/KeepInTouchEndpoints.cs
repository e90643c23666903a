using System.Text.Json;
using FluentValidation;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Api;

public sealed record CadenceRequest(string? Tier, int? CadenceDays, string? DisplayName);

public sealed record TouchDto(PersonDto Person, Tier Tier, int CadenceDays, DateTimeOffset? LastTouch, DateTimeOffset DueAt, int DaysOverdue, string? PreferredChannel);

public sealed record BirthdayDto(string DisplayName, string? Email, DateOnly Date, int DaysAway, string? PreferredChannel);

public sealed class CadenceRequestValidator : AbstractValidator<CadenceRequest>
{
    public CadenceRequestValidator()
    {
        // The tier is required: a body without one (an empty object, a misspelt field) must not clear it.
        RuleFor(r => r.Tier).Must(t => WireEnums.TryParse<Tier>(t, out _))
            .WithMessage($"Say the tier: one of {WireEnums.Names<Tier>()}.").OverridePropertyName("tier");
        RuleFor(r => r.CadenceDays).InclusiveBetween(1, 730).WithMessage("A cadence is between 1 and 730 days.").OverridePropertyName("cadenceDays");
        RuleFor(r => r.DisplayName).MaximumLength(200).OverridePropertyName("displayName");
    }
}

/// <summary>Keep in touch: who is overdue for a meeting or a follow-up, birthdays coming up, and per-person cadence.</summary>
public static class KeepInTouchEndpoints
{
    public static RouteGroupBuilder MapKeepInTouch(this RouteGroupBuilder api)
    {
        api.MapGet("/keep-in-touch", ListAsync);
        // {email} is checked before the endpoint runs, by the same rule as a body's email (ValidateRouteInput).
        api.MapPut("/people/{email}/cadence", SetCadenceAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(CallerMailbox mailboxes, KeepInTouchStore store, Settings.EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Ok(new { timeZone = "UTC", overdue = Array.Empty<TouchDto>(), birthdays = Array.Empty<BirthdayDto>() });
        }

        var now = time.GetUtcNow();
        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var options = (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).KeepInTouch;
        var overdue = ComputeOverdue.Run(await store.LoadAsync(mailbox.Profile.MailboxId, now, ct), now, options);
        var birthdays = UpcomingBirthdays.Run(await store.BirthdaysAsync(mailbox.Profile.MailboxId, ct), now, zone, options.BirthdayLeadTime);
        return Results.Ok(new
        {
            timeZone = MailboxTimeZone.IanaId(zone),
            overdue = overdue.Select(o => new TouchDto(new PersonDto(o.DisplayName, o.Email), o.Tier, (int)o.Cadence.TotalDays,
                o.LastTouch is { } last ? TimeZoneInfo.ConvertTime(last, zone) : null, TimeZoneInfo.ConvertTime(o.DueAt, zone), o.DaysOverdue, Channel(o.PreferredChannel))).ToList(),
            birthdays = birthdays.Select(b => new BirthdayDto(b.DisplayName, b.Email, b.Date, b.DaysAway, Channel(b.PreferredChannel))).ToList(),
        });
    }

    private static async Task<IResult> SetCadenceAsync(
        string email, CadenceRequest request, IValidator<CadenceRequest> validator, CallerMailbox mailboxes, KeepInTouchStore store, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Mailbox not connected", detail: "Connect the mailbox first.");
        }

        WireEnums.TryParse<Tier>(request.Tier, out var tier);
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email.Trim() : request.DisplayName.Trim();
        await store.SetCadenceAsync(mailbox.Profile.MailboxId, email, name, tier, request.CadenceDays, time.GetUtcNow(), ct);
        return Results.Ok(new { email = email.Trim(), tier, cadenceDays = request.CadenceDays });
    }

    private static string? Channel(string? channel) => channel is null ? null : JsonNamingPolicy.CamelCase.ConvertName(channel);
}
