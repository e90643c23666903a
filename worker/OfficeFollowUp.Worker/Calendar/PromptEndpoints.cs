using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Calendar;

/// <param name="Known">Already a person in the user's network.</param>
/// <param name="FollowingUp">Has an open follow-up track already (e.g. added as a contact after the event): choosing them starts nothing new.</param>
public sealed record AttendeeDto(string Email, string DisplayName, bool Known, bool FollowingUp);

public sealed record PromptDto(string EventId, string Subject, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<AttendeeDto> Attendees);

/// <param name="Hidden">Why the Events tab hides it by default (null: shown): the product's own hold, declined, cancelled, all day, a recurring block of the user's own.</param>
/// <param name="AllDay">For an all-day event, the days it covers (last inclusive), so it never reads as a time range.</param>
public sealed record EventDto(
    string Id, string Subject, DateTimeOffset Start, DateTimeOffset End, bool IsNetworking, NetworkingReason? Reason,
    EventHiddenReason? Hidden = null, AllDayDto? AllDay = null);

public sealed record AllDayDto(DateOnly First, DateOnly Last);

/// <param name="Started">How many of the people chosen got a new follow-up track (someone already followed up is not started twice).</param>
public sealed record StartedDto(int Started);

/// <summary>The pane's calendar side: the after-event prompt, choosing people, adding people met, marking events.</summary>
public static class PromptEndpoints
{
    public static RouteGroupBuilder MapPrompts(this RouteGroupBuilder api)
    {
        api.MapGet("/prompts", ListPromptsAsync).WithVersionETag().WhenNotConnected(() => TypedResults.Ok(ItemsDto<PromptDto>.Empty));
        api.MapPost("/prompts/{eventId}/follow-up", FollowUpAsync).WhenNotConnected(NoSuchEvent);
        api.MapPost("/prompts/{eventId}/dismiss", DismissAsync).WhenNotConnected(NoSuchEvent);
        api.MapGet("/events", ListEventsAsync).WithVersionETag().WhenNotConnected(() => TypedResults.Ok(ItemsDto<EventDto>.Empty));
        api.MapPost("/events/{eventId}/networking", MarkAsync).WhenNotConnected(NoSuchEvent);
        return api;
    }

    private static async Task<Ok<ItemsDto<PromptDto>>> ListPromptsAsync(ConnectedMailbox mailbox, MailboxStore store, EventStore events, PeopleStore people, EffectiveSettings settings, IOptions<FollowUpOptions> followUps, TimeProvider time, CancellationToken ct)
    {
        // No prompts before the calendar's baseline: the events already there are history (DESIGN.md rule 3).
        var connectedAt = await store.CalendarConnectedAtAsync(mailbox.Profile.MailboxId, ct);
        if (connectedAt is null)
        {
            return TypedResults.Ok(ItemsDto<PromptDto>.Empty);
        }

        var now = time.GetUtcNow();
        var zone = mailbox.Zone;
        var calendar = (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).Calendar;
        var recent = await events.ListAsync(mailbox.Profile.MailboxId, now - calendar.PromptKeepOpen, now, ct);
        var prompts = new List<PromptDto>();
        foreach (var pending in EventPrompts.Pending(recent, now, connectedAt.Value, calendar))
        {
            var keys = pending.Facts.Attendees.Where(a => EmailAddresses.LooksValid(a.Email)).Select(a => EmailAddresses.Key(a.Email));
            var known = await people.KnownKeysAsync(mailbox.Profile.MailboxId, keys, ct);
            var followingUp = await people.FollowingUpKeysAsync(mailbox.Profile.MailboxId, known, ct);
            var candidates = FilterAttendees.Run(pending.Facts, mailbox.Profile, known, followUps.Value.GroupLocalParts, calendar.IncludeColleagues);
            prompts.Add(new PromptDto(pending.Facts.Id, pending.Facts.Subject,
                TimeZoneInfo.ConvertTime(pending.Facts.Start, zone), TimeZoneInfo.ConvertTime(pending.Facts.End, zone),
                candidates.Select(c => new AttendeeDto(c.Email, c.DisplayName, c.Known, followingUp.Contains(EmailAddresses.Key(c.Email)))).ToList()));
        }
        return TypedResults.Ok(new ItemsDto<PromptDto>(prompts));
    }

    private static async Task<Results<Ok<StartedDto>, ValidationProblem, ProblemHttpResult>> FollowUpAsync(
        string eventId, FollowUpPeopleRequest request, ConnectedMailbox mailbox, EventStore events, StartFollowUpsFromPrompt startFollowUps, CancellationToken ct)
    {
        var stored = await events.GetAsync(mailbox.Profile.MailboxId, eventId, ct);
        if (stored is null)
        {
            return NoSuchEvent();
        }

        var own = mailbox.Profile.OwnAddresses.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var self = request.People!.Select((p, i) => (p, i)).FirstOrDefault(x => own.Contains(EmailAddresses.Key(x.p.Email!)));
        if (self.p is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [$"people[{self.i}].email"] = ["That is your own address."] });
        }

        var started = await startFollowUps.RunAsync(mailbox.Profile, stored.Facts, [.. request.People!.Select(person => new PersonMet(
            person.Email!.Trim(), person.DisplayName!.Trim(), Blank(person.Remember), Blank(person.Promised), person.PreferredChannel?.ToString(),
            Blank(person.ProfileUrl)))], ct);
        return TypedResults.Ok(new StartedDto(started));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DismissAsync(string eventId, ConnectedMailbox mailbox, EventStore events, TimeProvider time, CancellationToken ct)
    {
        if (await events.GetAsync(mailbox.Id, eventId, ct) is null)
        {
            return NoSuchEvent();
        }
        await events.AnswerPromptAsync(mailbox.Id, eventId, "dismissed", time.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ItemsDto<EventDto>>> ListEventsAsync(ConnectedMailbox mailbox, EventStore events, EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var list = await events.ListAsync(mailbox.Id, now.AddDays(-14), now.AddDays(14), ct);
        var holds = await events.OwnHoldIdsAsync(mailbox.Id, ct);
        var calendar = (await settings.ForAsync(mailbox.Id, ct)).Calendar;
        return TypedResults.Ok(new ItemsDto<EventDto>(list.Select(e => ToDto(e, mailbox, calendar, holds)).ToList()));
    }

    private static async Task<Results<Ok<EventDto>, ProblemHttpResult>> MarkAsync(string eventId, NetworkingMarkRequest request,
        ConnectedMailbox mailbox, EventStore events, EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        if (await events.GetAsync(mailbox.Id, eventId, ct) is null)
        {
            return NoSuchEvent();
        }

        await events.SetMarkAsync(mailbox.Id, eventId, request.IsNetworking!.Value, time.GetUtcNow(), ct);
        var updated = await events.GetAsync(mailbox.Id, eventId, ct);
        var calendar = (await settings.ForAsync(mailbox.Id, ct)).Calendar;
        return TypedResults.Ok(ToDto(updated!, mailbox, calendar, await events.OwnHoldIdsAsync(mailbox.Id, ct)));
    }

    private static EventDto ToDto(StoredEvent e, ConnectedMailbox mailbox, CalendarOptions options, IReadOnlySet<string> ownHolds)
    {
        var zone = mailbox.Zone;
        var reason = e.Networking(options);
        var hidden = EventRelevance.HiddenBecause(e.Facts, ownHolds.Contains(e.Facts.Id), reason, mailbox.Profile.OwnAddresses);
        var allDay = e.Facts.IsAllDay ? EventRelevance.AllDayDates(e.Facts.Start, e.Facts.End, zone) : ((DateOnly, DateOnly)?)null;
        return new EventDto(e.Facts.Id, e.Facts.Subject, TimeZoneInfo.ConvertTime(e.Facts.Start, zone), TimeZoneInfo.ConvertTime(e.Facts.End, zone),
            reason is not null, reason, hidden, allDay is { } days ? new AllDayDto(days.Item1, days.Item2) : null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ProblemHttpResult NoSuchEvent() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event", detail: "The event is not in the synced calendar window.");
}
