using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.People;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.FollowUps;

public sealed record FollowUpDto(
    string Id, PersonDto Person, FollowUpStepKind Step, DateTimeOffset DueAt, FollowUpState State, string? DraftId, DateTimeOffset? SnoozedUntil,
    string? EventSubject, string? PreferredChannel, string? ProfileUrl, string? HoldEventId, string? Note, OutboxGaveUpDto? GaveUp = null,
    string? CompletedVia = null, DateTimeOffset? CompletedAt = null);

/// <summary>What the task pane needs: the open follow-ups and the user's decisions on them.</summary>
public static class FollowUpEndpoints
{
    public static RouteGroupBuilder MapFollowUps(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/followups");
        group.MapGet("/", ListAsync).WhenNotConnected(() => TypedResults.Ok(ZonedItemsDto<FollowUpDto>.Empty));
        var one = group.MapGroup("/{id}").WhenNotConnected(NoSuchFollowUp);
        one.MapPost("/done", DoneAsync);
        one.MapPost("/snooze", SnoozeAsync);
        one.MapPost("/skip", SkipAsync);
        return api;
    }

    private static async Task<Ok<ZonedItemsDto<FollowUpDto>>> ListAsync(ConnectedMailbox mailbox, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var items = await followUps.ListOpenAsync(mailbox.Id, ct);
        return TypedResults.Ok(new ZonedItemsDto<FollowUpDto>(MailboxTimeZone.IanaId(mailbox.Zone), items.Select(i => ToDto(i, mailbox.Zone, time.GetUtcNow())).ToList()));
    }

    private static Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> DoneAsync(string id, ConnectedMailbox mailbox, FollowUpStore followUps, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, FollowUpState.Done, null, null, mailbox, followUps, time, ct);

    private static Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> SnoozeAsync(string id, SnoozeRequest request, ConnectedMailbox mailbox, FollowUpStore followUps, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, FollowUpState.Snoozed, request.Until, null, mailbox, followUps, time, ct);

    private static Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> SkipAsync(string id, SkipRequest request, ConnectedMailbox mailbox, FollowUpStore followUps, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, FollowUpState.Skipped, null, request.Reason!.Trim(), mailbox, followUps, time, ct);

    private static async Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> DecideAsync(
        string id, FollowUpState state, DateTimeOffset? until, string? reason, ConnectedMailbox mailbox, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var item = await followUps.GetAsync(id, ct);
        if (item is null || item.MailboxId != mailbox.Id)
        {
            return NoSuchFollowUp();
        }

        if (item.State is FollowUpState.Done or FollowUpState.Skipped && item.State != state)
        {
            return AlreadyClosed(item.State);
        }

        var (written, updated) = await followUps.SetStateAsync(id, state, until, reason, time.GetUtcNow(), ct);
        if (!written)
        {
            // Closed by another request between the read above and this write.
            return AlreadyClosed(updated!.State);
        }

        return TypedResults.Ok(ToDto(updated!, mailbox.Zone, time.GetUtcNow()));
    }

    private static ProblemHttpResult AlreadyClosed(FollowUpState state) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already closed",
            detail: $"This follow-up is already {state.ToString().ToLowerInvariant()}; that decision stands.");

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
            OutboxEndpoints.ToDto(item.GaveUp, zone),
            // How the step was completed: "sent" and "met" are what the mailbox showed, "marked" is the user's word.
            item.CompletedVia switch
            {
                OfficeFollowUp.Evidence.CompletedVia.Sent => "sent",
                OfficeFollowUp.Evidence.CompletedVia.Meeting => "met",
                OfficeFollowUp.Evidence.CompletedVia.Marked => "marked",
                _ => null,
            },
            item.CompletedAt is { } completedAt ? TimeZoneInfo.ConvertTime(completedAt, zone) : null);
    }

    private static ProblemHttpResult NoSuchFollowUp() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such follow-up", detail: "The follow-up does not exist or belongs to another mailbox.");
}
