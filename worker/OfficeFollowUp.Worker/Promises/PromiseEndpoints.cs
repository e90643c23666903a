using System.Text.Json;
using FluentValidation;
using OfficeFollowUp.Auth;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Promises;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Api;

public sealed record PromiseRequest(PartyRequest? Person, [property: MultiLineText] string? Text, DateTimeOffset? DueAt, string? EventId);

public sealed record PromiseDto(
    string Id, PersonDto Person, string Text, DateTimeOffset DueAt, PromiseState State, DateTimeOffset? SnoozedUntil, bool Overdue,
    string? EventId, string? EventSubject, string? PreferredChannel);

public sealed class PromiseRequestValidator : AbstractValidator<PromiseRequest>
{
    public PromiseRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.Person).NotNull().WithMessage("Say whom the promise is to.").OverridePropertyName("person");
        When(r => r.Person is not null, () =>
        {
            RuleFor(r => r.Person!.Email).NotEmpty().WithMessage("Their email address is needed.").Email().OverridePropertyName("person.email");
            RuleFor(r => r.Person!.DisplayName).MaximumLength(200).OverridePropertyName("person.displayName");
        });
        RuleFor(r => r.Text).NotEmpty().WithMessage("Say what you promised.").MaximumLength(500).OverridePropertyName("text");
        RuleFor(r => r.DueAt).NotNull().WithMessage("Say by when (an ISO 8601 date and time with offset).")
            .Must(d => d is null || d < time.GetUtcNow().AddYears(2)).WithMessage("Keep promises within two years.")
            .Must(d => d is null || d > time.GetUtcNow().AddDays(-30)).WithMessage("That date is long past.")
            .OverridePropertyName("dueAt");
        RuleFor(r => r.EventId).MaximumLength(512).OverridePropertyName("eventId");
    }
}

/// <summary>"I'll get back to you with …": promises with a due date, created from the pane or the event prompt.</summary>
public static class PromiseEndpoints
{
    public static RouteGroupBuilder MapPromises(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/promises");
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapPost("/{id}/done", DoneAsync);
        group.MapPost("/{id}/snooze", SnoozeAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(CallerMailbox mailboxes, PromiseStore promises, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Ok(new { timeZone = "UTC", items = Array.Empty<PromiseDto>() });
        }

        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var list = await promises.ListOpenAsync(mailbox.Profile.MailboxId, ct);
        return Results.Ok(new { timeZone = MailboxTimeZone.IanaId(zone), items = list.Select(p => ToDto(p, zone, time.GetUtcNow())).ToList() });
    }

    private static async Task<IResult> CreateAsync(
        PromiseRequest request, IValidator<PromiseRequest> validator, CallerMailbox mailboxes, EventStore events, PromiseStore promises, TimeProvider time, CancellationToken ct)
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

        var eventId = string.IsNullOrWhiteSpace(request.EventId) ? null : request.EventId.Trim();
        if (eventId is not null && await events.GetAsync(mailbox.Profile.MailboxId, eventId, ct) is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["eventId"] = ["No such event in the synced calendar."] });
        }

        var email = request.Person!.Email!.Trim();
        var name = string.IsNullOrWhiteSpace(request.Person.DisplayName) ? email : request.Person.DisplayName.Trim();
        var promise = await promises.CreateAsync(mailbox.Profile.MailboxId, email, name, eventId, request.Text!.Trim(), request.DueAt!.Value, time.GetUtcNow(), ct);
        return Results.Created($"/api/promises/{promise.Id}", ToDto(promise, MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId), time.GetUtcNow()));
    }

    private static Task<IResult> DoneAsync(string id, CallerMailbox mailboxes, PromiseStore promises, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, PromiseState.Done, null, mailboxes, promises, time, ct);

    private static async Task<IResult> SnoozeAsync(string id, SnoozeRequest request, IValidator<SnoozeRequest> validator, CallerMailbox mailboxes, PromiseStore promises, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }
        return await DecideAsync(id, PromiseState.Snoozed, request.Until, mailboxes, promises, time, ct);
    }

    private static async Task<IResult> DecideAsync(string id, PromiseState state, DateTimeOffset? until, CallerMailbox mailboxes, PromiseStore promises, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var promise = mailbox is null ? null : await promises.GetAsync(mailbox.Profile.MailboxId, id, ct);
        if (mailbox is null || promise is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such promise", detail: "The promise does not exist or belongs to another mailbox.");
        }

        if (promise.State == PromiseState.Done && state != PromiseState.Done)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already done", detail: "This promise is already kept; that stands.");
        }

        if (promise.State != PromiseState.Done)
        {
            await promises.SetStateAsync(id, state, until, time.GetUtcNow(), ct);
        }

        var updated = await promises.GetAsync(mailbox.Profile.MailboxId, id, ct);
        return Results.Ok(ToDto(updated!, MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId), time.GetUtcNow()));
    }

    private static PromiseDto ToDto(Promise p, TimeZoneInfo zone, DateTimeOffset now) => new(
        p.Id, new PersonDto(p.DisplayName, p.Email), p.Text, TimeZoneInfo.ConvertTime(p.DueAt, zone), p.StateAt(now),
        p.SnoozedUntil is { } until ? TimeZoneInfo.ConvertTime(until, zone) : null, p.IsOverdue(now), p.EventId, p.EventSubject,
        p.PreferredChannel is { } channel ? JsonNamingPolicy.CamelCase.ConvertName(channel) : null);
}
