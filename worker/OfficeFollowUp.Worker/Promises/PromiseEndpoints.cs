using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.People;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Promises;

public sealed record PromiseDto(
    string Id, PersonDto Person, string Text, DateTimeOffset DueAt, PromiseState State, DateTimeOffset? SnoozedUntil, bool Overdue,
    string? EventId, string? EventSubject, string? PreferredChannel, string? Channel = null, CompletedVia? DoneVia = null, DateTimeOffset? DoneAt = null);

/// <summary>"I'll get back to you with …": promises with a due date, created from the pane or the event prompt.</summary>
public static class PromiseEndpoints
{
    public static RouteGroupBuilder MapPromises(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/promises");
        group.MapGet("/", ListAsync).WithVersionETag().WhenNotConnected(() => TypedResults.Ok(ZonedItemsDto<PromiseDto>.Empty));
        group.MapPost("/", CreateAsync);
        var one = group.MapGroup("/{id}").WhenNotConnected(NoSuchPromise);
        one.MapPost("/done", DoneAsync);
        one.MapPost("/snooze", SnoozeAsync);
        return api;
    }

    private static async Task<Results<Created<PromiseDto>, ValidationProblem>> CreateAsync(
        PromiseRequest request, ConnectedMailbox mailbox, EventStore events, PromiseStore promises, TimeProvider time, CancellationToken ct)
    {
        var eventId = string.IsNullOrWhiteSpace(request.EventId) ? null : request.EventId.Trim();
        if (eventId is not null && await events.GetAsync(mailbox.Id, eventId, ct) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["eventId"] = ["No such event in the synced calendar."] });
        }

        var email = request.Person!.Email!.Trim();
        var name = string.IsNullOrWhiteSpace(request.Person.DisplayName) ? email : request.Person.DisplayName.Trim();
        var promise = await promises.CreateAsync(mailbox.Id, email, name, eventId, request.Text!.Trim(), request.DueAt!.Value, request.Channel, time.GetUtcNow(), ct);
        return TypedResults.Created($"/api/promises/{promise.Id}", ToDto(promise, mailbox.Zone, time.GetUtcNow()));
    }

    private static async Task<Ok<ZonedItemsDto<PromiseDto>>> ListAsync(ConnectedMailbox mailbox, PromiseStore promises, TimeProvider time, CancellationToken ct)
    {
        var list = await promises.ListOpenAsync(mailbox.Id, ct);
        return TypedResults.Ok(new ZonedItemsDto<PromiseDto>(MailboxTimeZone.IanaId(mailbox.Zone), list.Select(p => ToDto(p, mailbox.Zone, time.GetUtcNow())).ToList()));
    }

    private static Task<Results<Ok<PromiseDto>, ProblemHttpResult>> DoneAsync(string id, ConnectedMailbox mailbox, PromiseStore promises, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, PromiseState.Done, null, mailbox, promises, time, ct);

    private static Task<Results<Ok<PromiseDto>, ProblemHttpResult>> SnoozeAsync(string id, SnoozeRequest request, ConnectedMailbox mailbox, PromiseStore promises, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, PromiseState.Snoozed, request.Until, mailbox, promises, time, ct);

    private static async Task<Results<Ok<PromiseDto>, ProblemHttpResult>> DecideAsync(
        string id, PromiseState state, DateTimeOffset? until, ConnectedMailbox mailbox, PromiseStore promises, TimeProvider time, CancellationToken ct)
    {
        var promise = await promises.GetAsync(mailbox.Id, id, ct);
        if (promise is null)
        {
            return NoSuchPromise();
        }

        if (promise.State == PromiseState.Done && state != PromiseState.Done)
        {
            return AlreadyDone();
        }

        // Not written: another request marked it done between the read above and this write; that stands.
        if (promise.State != PromiseState.Done && !await promises.SetStateAsync(id, state, until, time.GetUtcNow(), ct) && state != PromiseState.Done)
        {
            return AlreadyDone();
        }

        var updated = await promises.GetAsync(mailbox.Id, id, ct);
        return TypedResults.Ok(ToDto(updated!, mailbox.Zone, time.GetUtcNow()));
    }

    private static ProblemHttpResult AlreadyDone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already done", detail: "This promise is already kept; that stands.");

    private static PromiseDto ToDto(Promise p, TimeZoneInfo zone, DateTimeOffset now) => new(
        p.Id, new PersonDto(p.DisplayName, p.Email), p.Text, TimeZoneInfo.ConvertTime(p.DueAt, zone), p.StateAt(now),
        p.SnoozedUntil is { } until ? TimeZoneInfo.ConvertTime(until, zone) : null, p.IsOverdue(now), p.EventId, p.EventSubject,
        p.PreferredChannel is { } channel ? JsonNamingPolicy.CamelCase.ConvertName(channel) : null,
        p.Channel is { } by ? JsonNamingPolicy.CamelCase.ConvertName(by.ToString()) : null, p.DoneVia,
        p.DoneAt is { } doneAt ? TimeZoneInfo.ConvertTime(doneAt, zone) : null);

    private static ProblemHttpResult NoSuchPromise() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such promise", detail: "The promise does not exist or belongs to another mailbox.");
}
