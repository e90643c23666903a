using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.People;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.FollowUps;

public sealed record FollowUpDto(
    string Id, PersonDto Person, FollowUpStepKind Step, DateTimeOffset DueAt, FollowUpState State, string? DraftId, DateTimeOffset? SnoozedUntil,
    string? EventSubject, string? PreferredChannel, string? ProfileUrl, string? HoldEventId, string? Note, OutboxGaveUpDto? GaveUp = null,
    string? CompletedVia = null, DateTimeOffset? CompletedAt = null, DateTimeOffset? HoldStartsAt = null, string? Company = null);

/// <summary>
/// A window of the open follow-ups: its items, the counts of every bucket, and the next page's link (null at the end).
/// The due window also carries <paramref name="Done"/>: the steps completed in the last <see cref="FollowUpEndpoints.DoneLatelyDays"/>
/// days, newest first, each with how and when (Today's "Done lately"); later pages leave it out.
/// </summary>
public sealed record FollowUpWindowDto(
    string TimeZone, IReadOnlyList<FollowUpDto> Items, DueCountsDto Counts, string? Next,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FollowUpDto>? Done = null)
{
    /// <summary>Before the mailbox is connected: nothing, in UTC.</summary>
    public static readonly FollowUpWindowDto Empty = new("UTC", [], new DueCountsDto(0, 0, 0, 0), null);
}

/// <summary>Days a snooze skips, as dates (yyyy-MM-dd) on the mailbox's calendar.</summary>
public sealed record DaysOffDto(string TimeZone, IReadOnlyList<DayOffDto> Days);

public sealed record DayOffDto(string Date, string Reason);

/// <summary>What the task pane needs: the open follow-ups and the user's decisions on them.</summary>
public static class FollowUpEndpoints
{
    /// <summary>How far back Today's "Done lately" looks.</summary>
    public const int DoneLatelyDays = 7;

    /// <summary>At most this many recently done steps travel with the due window.</summary>
    public const int DoneLatelyMax = 50;

    public static RouteGroupBuilder MapFollowUps(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/followups");
        group.MapGet("/", ListAsync).WithVersionETag().WhenNotConnected(context => context.Request.Query.ContainsKey("window")
            ? TypedResults.Ok(FollowUpWindowDto.Empty)
            : TypedResults.Ok(ZonedItemsDto<FollowUpDto>.Empty));
        group.MapGet("/days-off", DaysOffAsync).WhenNotConnected(_ => TypedResults.Ok(new DaysOffDto("UTC", [])));
        var one = group.MapGroup("/{id}").WhenNotConnected(NoSuchFollowUp);
        one.MapPost("/done", DoneAsync);
        one.MapPost("/snooze", SnoozeAsync);
        one.MapPost("/skip", SkipAsync);
        one.MapPost("/reopen", ReopenAsync);
        return api;
    }

    /// <summary>
    /// Without a window, every open step (what older panes read). window=due: Today's list, the due window in the
    /// mailbox's zone, with counts of every bucket and a link to the rest; window=later&amp;page=n: the rest, paged.
    /// </summary>
    private static async Task<IResult> ListAsync(
        [AsParameters] ListFollowUpsRequest request, ConnectedMailbox mailbox, FollowUpStore followUps, TimeProvider time, CancellationToken ct)
    {
        var items = await followUps.ListOpenAsync(mailbox.Id, ct);
        var now = time.GetUtcNow();
        var zone = MailboxTimeZone.IanaId(mailbox.Zone);
        var dtos = items.Select(i => ToDto(i, mailbox.Zone, now));
        if (request.Window is null)
        {
            return TypedResults.Ok(new ZonedItemsDto<FollowUpDto>(zone, dtos.ToList()));
        }

        var (due, later, counts) = DueWindow.Split(dtos, now, mailbox.Zone);
        if (request.Window == "due")
        {
            // Read from the store like the open steps, so the list's change version (its ETag) covers it: a completion moves it.
            var done = await followUps.ListDoneSinceAsync(mailbox.Id, now.AddDays(-DoneLatelyDays), DoneLatelyMax, ct);
            return TypedResults.Ok(new FollowUpWindowDto(
                zone, due, counts, later.Count > 0 ? LaterPage(1, null) : null, [.. done.Select(i => ToDto(i, mailbox.Zone, now))]));
        }

        var page = request.PageNumber;
        var size = request.PageSize;
        return TypedResults.Ok(new FollowUpWindowDto(
            zone, later.Skip((page - 1) * size).Take(size).ToList(), counts, later.Count > page * size ? LaterPage(page + 1, request.Limit) : null));
    }

    /// <summary>
    /// The days in the next five weeks (on the mailbox's calendar) that snooze choices skip: all-day out-of-office events
    /// and public holidays on the user's calendar.
    /// </summary>
    private static async Task<Ok<DaysOffDto>> DaysOffAsync(ConnectedMailbox mailbox, EventStore events, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, mailbox.Zone).DateTime);
        var until = today.AddDays(35);
        var stored = await events.ListAsync(mailbox.Id, now.AddDays(-1), now.AddDays(37), ct);
        var days = FindDaysOff.Run(stored.Select(e => e.Facts), mailbox.Zone, today, until);
        return TypedResults.Ok(new DaysOffDto(
            MailboxTimeZone.IanaId(mailbox.Zone),
            [.. days.Select(d => new DayOffDto(d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Reason))]));
    }

    private static string LaterPage(int page, string? limit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/followups?window=later&page={page}{(limit is null ? "" : $"&limit={limit}")}");

    /// <summary>
    /// The user's "Done". A thank-you marked done makes its person ready for the one-to-one (Calendar:HoldAfter), as a
    /// sent one does (<see cref="Evidence.SaveSentPage"/>): their waiting hold is tried at once, not at its next look.
    /// </summary>
    private static async Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> DoneAsync(
        string id, ConnectedMailbox mailbox, FollowUpStore followUps, OutboxStore outbox, MailboxWakeups wakeups, TimeProvider time, CancellationToken ct)
    {
        var result = await DecideAsync(id, FollowUpState.Done, null, null, mailbox, followUps, time, ct);
        if (result.Result is Ok<FollowUpDto> { Value: { Step: FollowUpStepKind.ThankYou } done }
            && await outbox.WakeHoldsAsync(mailbox.Id, [EmailAddresses.Key(done.Person.Email)], time.GetUtcNow(), ct) > 0)
        {
            wakeups.Wake(mailbox.Id);
        }

        return result;
    }

    private static Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> SnoozeAsync(string id, SnoozeRequest request, ConnectedMailbox mailbox, FollowUpStore followUps, TimeProvider time, CancellationToken ct) =>
        DecideAsync(id, FollowUpState.Snoozed, request.Until, null, mailbox, followUps, time, ct);

    /// <summary>
    /// Skips the step; with deleteDraft, the unsent draft the product prepared for it is deleted from Drafts on the mailbox's
    /// next pass (woken at once). A draft the user already sent is never deleted.
    /// </summary>
    private static async Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> SkipAsync(
        string id, SkipRequest request, ConnectedMailbox mailbox, FollowUpStore followUps, DraftDeletionStore deletions, MailboxWakeups wakeups,
        TimeProvider time, CancellationToken ct)
    {
        var result = await DecideAsync(id, FollowUpState.Skipped, null, request.Reason!.Trim(), mailbox, followUps, time, ct);
        if (request.DeleteDraft == true && result.Result is Ok<FollowUpDto> { Value: { DraftId: { } draftId, CompletedVia: null } skipped })
        {
            await deletions.RequestAsync(mailbox.Id, skipped.Id, draftId, time.GetUtcNow(), ct);
            wakeups.Wake(mailbox.Id);
        }

        return result;
    }

    /// <summary>Undo of the user's own "Done": only a step marked done by the user reopens; what the mailbox showed stands.</summary>
    private static async Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> ReopenAsync(
        string id, ConnectedMailbox mailbox, FollowUpStore followUps, MailboxWakeups wakeups, TimeProvider time, CancellationToken ct)
    {
        var item = await followUps.GetAsync(id, ct);
        if (item is null || item.MailboxId != mailbox.Id)
        {
            return NoSuchFollowUp();
        }

        if (item.State is not FollowUpState.Done)
        {
            // Already open (a repeated undo): the step as it is.
            return item.State is FollowUpState.Skipped ? AlreadyClosed(item.State) : TypedResults.Ok(ToDto(item, mailbox.Zone, time.GetUtcNow()));
        }

        var (written, updated) = await followUps.ReopenMarkedAsync(id, time.GetUtcNow(), ct);
        if (!written)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Done by the mailbox",
                detail: "Only a step you marked done can be reopened; this one was completed by what the mailbox shows (sent mail or a meeting).");
        }

        // Its draft or hold may have been cancelled in between: the pass makes it now.
        wakeups.Wake(mailbox.Id);
        return TypedResults.Ok(ToDto(updated!, mailbox.Zone, time.GetUtcNow()));
    }

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
            item.CompletedAt is { } completedAt ? TimeZoneInfo.ConvertTime(completedAt, zone) : null,
            // The one-to-one hold's own start, for "Hold: Thu 2:45 PM" on the row.
            item.HoldStartsAt is { } holdStartsAt ? TimeZoneInfo.ConvertTime(holdStartsAt, zone) : null,
            string.IsNullOrWhiteSpace(item.CompanyName) ? null : item.CompanyName);
    }

    private static ProblemHttpResult NoSuchFollowUp() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such follow-up", detail: "The follow-up does not exist or belongs to another mailbox.");
}
