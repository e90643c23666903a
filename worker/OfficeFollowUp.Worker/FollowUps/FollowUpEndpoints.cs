using System.Text.Json;
using FluentValidation;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;
using OfficeFollowUp.Auth;

namespace OfficeFollowUp.Api;

public sealed record PersonDto(string DisplayName, string Email);

public sealed record FollowUpDto(
    string Id, PersonDto Person, FollowUpStepKind Step, DateTimeOffset DueAt, FollowUpState State, string? DraftId, DateTimeOffset? SnoozedUntil,
    string? EventSubject, string? PreferredChannel, string? ProfileUrl, string? HoldEventId, string? Note, OutboxGaveUpDto? GaveUp = null);

public sealed record FollowUpListDto(string TimeZone, IReadOnlyList<FollowUpDto> Items);

/// <summary>What the task pane needs: the open follow-ups and the user's decisions on them.</summary>
public static class FollowUpEndpoints
{
    public static RouteGroupBuilder MapFollowUps(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/followups");
        group.MapGet("/", ListAsync);
        group.MapPost("/{id}/done", DoneAsync);
        group.MapPost("/{id}/snooze", SnoozeAsync);
        group.MapPost("/{id}/skip", SkipAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(CallerMailbox mailboxes, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Ok(new FollowUpListDto("UTC", []));
        }

        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var items = await followUps.ListOpenAsync(mailbox.Profile.MailboxId, ct);
        return Results.Ok(new FollowUpListDto(MailboxTimeZone.IanaId(zone), items.Select(i => ToDto(i, zone, time.GetUtcNow())).ToList()));
    }

    private static Task<IResult> DoneAsync(string id, CallerMailbox mailboxes, FollowUpStore followUps, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, FollowUpState.Done, null, null, mailboxes, followUps, time, ct);

    private static async Task<IResult> SnoozeAsync(string id, SnoozeRequest request, IValidator<SnoozeRequest> validator, CallerMailbox mailboxes, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid)
        {
            return Results.ValidationProblem(result.ToDictionary());
        }
        return await DecideAsync(id, FollowUpState.Snoozed, request.Until, null, mailboxes, followUps, time, ct);
    }

    private static async Task<IResult> SkipAsync(string id, SkipRequest request, IValidator<SkipRequest> validator, CallerMailbox mailboxes, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid)
        {
            return Results.ValidationProblem(result.ToDictionary());
        }
        return await DecideAsync(id, FollowUpState.Skipped, null, request.Reason!.Trim(), mailboxes, followUps, time, ct);
    }

    private static async Task<IResult> DecideAsync(string id, FollowUpState state, DateTimeOffset? until, string? reason, CallerMailbox mailboxes, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var item = await followUps.GetAsync(id, ct);
        if (mailbox is null || item is null || item.MailboxId != mailbox.Profile.MailboxId)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such follow-up", detail: "The follow-up does not exist or belongs to another mailbox.");
        }

        if (item.State is FollowUpState.Done or FollowUpState.Skipped && item.State != state)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already closed",
                detail: $"This follow-up is already {item.State.ToString().ToLowerInvariant()}; that decision stands.");
        }

        var updated = await followUps.SetStateAsync(id, state, until, reason, time.GetUtcNow(), ct);
        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        return Results.Ok(ToDto(updated!, zone, time.GetUtcNow()));
    }

    /// <summary>A snooze that has run out shows the step as it was before (pending, or prepared when its draft exists).</summary>
    internal static FollowUpDto ToDto(FollowUpItem item, TimeZoneInfo zone, DateTimeOffset now)
    {
        var state = item.State == FollowUpState.Snoozed && item.SnoozedUntil <= now
            ? item.DraftId is null ? FollowUpState.Pending : FollowUpState.Prepared
            : item.State;
        return new FollowUpDto(
            item.Id,
            new PersonDto(item.DisplayName, item.Email),
            item.Step,
            TimeZoneInfo.ConvertTime(item.DueAt, zone),
            state,
            item.DraftId,
            item.SnoozedUntil is { } until ? TimeZoneInfo.ConvertTime(until, zone) : null,
            item.EventSubject,
            item.PreferredChannel is { } channel ? JsonNamingPolicy.CamelCase.ConvertName(channel) : null,
            item.ProfileUrl,
            item.HoldEventId,
            item.Note,
            OutboxEndpoints.ToDto(item.GaveUp, zone));
    }
}
