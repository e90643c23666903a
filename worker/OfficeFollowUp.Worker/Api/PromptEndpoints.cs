using FluentValidation;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;
using OfficeFollowUp.Auth;

namespace OfficeFollowUp.Api;

public sealed record AttendeeDto(string Email, string DisplayName, bool Known);

public sealed record PromptDto(string EventId, string Subject, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<AttendeeDto> Attendees);

public sealed record EventDto(string Id, string Subject, DateTimeOffset Start, DateTimeOffset End, bool IsNetworking, NetworkingReason? Reason);

/// <summary>The pane's calendar side: the after-event prompt, choosing people, adding people met, marking events.</summary>
public static class PromptEndpoints
{
    public static RouteGroupBuilder MapPrompts(this RouteGroupBuilder api)
    {
        api.MapGet("/prompts", ListPromptsAsync);
        api.MapPost("/prompts/{eventId}/follow-up", FollowUpAsync);
        api.MapPost("/prompts/{eventId}/dismiss", DismissAsync);
        api.MapGet("/events", ListEventsAsync);
        api.MapPost("/events/{eventId}/networking", MarkAsync);
        return api;
    }

    private static async Task<IResult> ListPromptsAsync(CallerMailbox mailboxes, MailboxStore store, EventStore events, PeopleStore people, Settings.EffectiveSettings settings, IOptions<FollowUpOptions> followUps, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        var connectedAt = mailbox is null ? null : await store.CalendarConnectedAtAsync(mailbox.Profile.MailboxId, ct);
        if (mailbox is null || connectedAt is null)
        {
            return Results.Ok(new { items = Array.Empty<PromptDto>() });
        }

        var now = time.GetUtcNow();
        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var calendar = (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).Calendar;
        var recent = await events.ListAsync(mailbox.Profile.MailboxId, now - calendar.PromptKeepOpen, now, ct);
        var prompts = new List<PromptDto>();
        foreach (var pending in EventPrompts.Pending(recent, now, connectedAt.Value, calendar))
        {
            var keys = pending.Facts.Attendees.Where(a => EmailAddresses.LooksValid(a.Email)).Select(a => EmailAddresses.Key(a.Email));
            var known = await people.KnownKeysAsync(mailbox.Profile.MailboxId, keys, ct);
            var candidates = FilterAttendees.Run(pending.Facts, mailbox.Profile, known, followUps.Value.GroupLocalParts, calendar.IncludeColleagues);
            prompts.Add(new PromptDto(pending.Facts.Id, pending.Facts.Subject,
                TimeZoneInfo.ConvertTime(pending.Facts.Start, zone), TimeZoneInfo.ConvertTime(pending.Facts.End, zone),
                candidates.Select(c => new AttendeeDto(c.Email, c.DisplayName, c.Known)).ToList()));
        }
        return Results.Ok(new { items = prompts });
    }

    private static async Task<IResult> FollowUpAsync(
        string eventId, FollowUpPeopleRequest request, IValidator<FollowUpPeopleRequest> validator,
        CallerMailbox mailboxes, EventStore events, StartFollowUpsFromPrompt startFollowUps, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        var stored = mailbox is null ? null : await events.GetAsync(mailbox.Profile.MailboxId, eventId, ct);
        if (mailbox is null || stored is null)
        {
            return NoSuchEvent();
        }

        var own = mailbox.Profile.OwnAddresses.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var self = request.People!.Select((p, i) => (p, i)).FirstOrDefault(x => own.Contains(EmailAddresses.Key(x.p.Email!)));
        if (self.p is not null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [$"people[{self.i}].email"] = ["That is your own address."] });
        }

        var started = await startFollowUps.RunAsync(mailbox.Profile, stored.Facts, [.. request.People!.Select(person => new PersonMet(
            person.Email!.Trim(), person.DisplayName!.Trim(), Blank(person.Remember), Blank(person.Promised), person.PreferredChannel?.ToString(),
            Blank(person.ProfileUrl)))], ct);
        return Results.Ok(new { started });
    }

    private static async Task<IResult> DismissAsync(string eventId, CallerMailbox mailboxes, EventStore events, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null || await events.GetAsync(mailbox.Profile.MailboxId, eventId, ct) is null)
        {
            return NoSuchEvent();
        }
        await events.AnswerPromptAsync(mailbox.Profile.MailboxId, eventId, "dismissed", time.GetUtcNow(), ct);
        return Results.NoContent();
    }

    private static async Task<IResult> ListEventsAsync(CallerMailbox mailboxes, EventStore events, Settings.EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Ok(new { items = Array.Empty<EventDto>() });
        }

        var now = time.GetUtcNow();
        var zone = MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId);
        var list = await events.ListAsync(mailbox.Profile.MailboxId, now.AddDays(-14), now.AddDays(14), ct);
        var calendar = (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).Calendar;
        return Results.Ok(new { items = list.Select(e => ToDto(e, zone, calendar)).ToList() });
    }

    private static async Task<IResult> MarkAsync(string eventId, NetworkingMarkRequest request, IValidator<NetworkingMarkRequest> validator,
        CallerMailbox mailboxes, EventStore events, Settings.EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null || await events.GetAsync(mailbox.Profile.MailboxId, eventId, ct) is null)
        {
            return NoSuchEvent();
        }

        await events.SetMarkAsync(mailbox.Profile.MailboxId, eventId, request.IsNetworking!.Value, time.GetUtcNow(), ct);
        var updated = await events.GetAsync(mailbox.Profile.MailboxId, eventId, ct);
        var calendar = (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).Calendar;
        return Results.Ok(ToDto(updated!, MailboxTimeZone.Resolve(mailbox.Profile.TimeZoneId), calendar));
    }

    private static EventDto ToDto(StoredEvent e, TimeZoneInfo zone, CalendarOptions options)
    {
        var reason = e.Networking(options);
        return new EventDto(e.Facts.Id, e.Facts.Subject, TimeZoneInfo.ConvertTime(e.Facts.Start, zone), TimeZoneInfo.ConvertTime(e.Facts.End, zone), reason is not null, reason);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IResult NoSuchEvent() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event", detail: "The event is not in the synced calendar window.");
}
