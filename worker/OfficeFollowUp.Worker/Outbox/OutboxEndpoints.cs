using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;
using Microsoft.Extensions.Logging;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Outbox;

/// <summary>An outbox item that stopped: what it was (in words and as its kind), why in plain words, after how many failed tries, when (mailbox time).</summary>
public sealed record OutboxGaveUpDto(string OutboxId, string What, string Reason, int Attempts, DateTimeOffset At, OutboxKind Kind);

/// <summary>A stopped item in the Health view, with whom it was for and the step or referral it belongs to.</summary>
public sealed record OutboxGaveUpItemDto(string OutboxId, string What, string Who, string Reason, int Attempts, DateTimeOffset At, string? StepId, string? ReferralId, OutboxKind Kind);

/// <param name="Pending">Drafts and holds still to be made.</param>
/// <param name="Retrying">Of those, how many failed at least once and wait to be tried again.</param>
/// <param name="GaveUp">Items that stopped and wait for "try again", newest first.</param>
/// <param name="HoldsWaitingForThankYou">One-to-one holds not counted in <paramref name="Pending"/>: they wait, by design, until the person's thank-you is sent.</param>
public sealed record OutboxStatusDto(int Pending, int Retrying, IReadOnlyList<OutboxGaveUpItemDto> GaveUp, int HoldsWaitingForThankYou = 0);

public sealed record OutboxRetryDto(string OutboxId, string Status);

/// <summary>"Try again" for an outbox item that stopped; its state shows on its row (follow-ups, referrals) and in Health.</summary>
public static class OutboxEndpoints
{
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder api)
    {
        api.MapPost("/outbox/{id}/retry", RetryAsync).WhenNotConnected(NoSuchItem);
        return api;
    }

    private static async Task<Results<Ok<OutboxRetryDto>, ProblemHttpResult>> RetryAsync(string id, ConnectedMailbox mailbox, OutboxStore outbox, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var result = id.Length > 64 ? OutboxRetryResult.NotFound : await outbox.RetryAsync(mailbox.Id, id, time.GetUtcNow(), ct);
        switch (result)
        {
            case OutboxRetryResult.Rearmed:
                OutboxTrace.Rearmed(logs.CreateLogger(typeof(OutboxEndpoints)), id);
                return TypedResults.Ok(new OutboxRetryDto(id, "pending"));
            case OutboxRetryResult.NotFound:
                return NoSuchItem();
            case OutboxRetryResult.NotGivenUp:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not stopped",
                    detail: "Only an item that stopped trying can be tried again; this one is made, closed or still being tried.");
            default:
                throw new InvalidOperationException($"Unknown result {result}.");
        }
    }

    private static ProblemHttpResult NoSuchItem() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such outbox item", detail: "The item does not exist or belongs to another mailbox.");

    internal static OutboxGaveUpDto? ToDto(OutboxGaveUp? gaveUp, TimeZoneInfo zone) =>
        gaveUp is null ? null : new OutboxGaveUpDto(
            gaveUp.OutboxId, DecideOutboxRetry.What(gaveUp.Kind), gaveUp.Reason, gaveUp.Attempts, TimeZoneInfo.ConvertTime(gaveUp.At, zone), gaveUp.Kind);

    internal static async Task<OutboxStatusDto> StatusAsync(OutboxStore outbox, string mailboxId, TimeZoneInfo zone, CancellationToken ct)
    {
        var counts = await outbox.CountAsync(mailboxId, ct);
        var gaveUp = await outbox.ListGaveUpAsync(mailboxId, ct);
        return new OutboxStatusDto(counts.Pending, counts.Retrying, gaveUp.Select(g => new OutboxGaveUpItemDto(
            g.GaveUp.OutboxId, DecideOutboxRetry.What(g.GaveUp.Kind), g.Who, g.GaveUp.Reason, g.GaveUp.Attempts,
            TimeZoneInfo.ConvertTime(g.GaveUp.At, zone), g.StepId, g.ReferralId, g.GaveUp.Kind)).ToList(), counts.WaitingForThankYou);
    }
}
