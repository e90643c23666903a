using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.People;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.KeepInTouch;

public sealed record TouchDto(PersonDto Person, Tier Tier, int CadenceDays, DateTimeOffset? LastTouch, DateTimeOffset DueAt, int DaysOverdue, string? PreferredChannel);

/// <param name="Draft">The birthday's draft this year, once one is planned (or skipped); null when there is none (yet, or for this person: reminder only).</param>
/// <param name="Id">For POST /api/birthdays/{id}/skip and /reopen; null without an email address (nothing to skip).</param>
public sealed record BirthdayDto(string DisplayName, string? Email, DateOnly Date, int DaysAway, string? PreferredChannel, BirthdayDraftDto? Draft = null, string? Id = null);

/// <param name="Id">For GET /api/birthdays/{id}/draft.</param>
/// <param name="State">"preparing" (the outbox is making it), "ready" (in Drafts), "sent" (mail to them showed the wish), "skipped" (the user skipped this year).</param>
public sealed record BirthdayDraftDto(string Id, string State, string? DraftId, DateTimeOffset? SentAt);

/// <param name="Tracked">How many people the overdue list covers (a tier, a cadence, a referral or a follow-up track).</param>
/// <param name="Untracked">How many known contacts it does not cover: no cadence, no tier, no track.</param>
public sealed record KeepInTouchDto(string TimeZone, IReadOnlyList<TouchDto> Overdue, IReadOnlyList<BirthdayDto> Birthdays, int Tracked = 0, int Untracked = 0)
{
    /// <summary>Before the mailbox is connected: nobody is overdue yet.</summary>
    public static readonly KeepInTouchDto Empty = new("UTC", [], []);
}

/// <param name="CadenceDays">Null: the tier's cadence.</param>
public sealed record CadenceDto(string Email, Tier Tier, int? CadenceDays);

/// <summary>Keep in touch: who is overdue for a meeting or a follow-up, birthdays coming up, and per-person cadence.</summary>
public static class KeepInTouchEndpoints
{
    public static RouteGroupBuilder MapKeepInTouch(this RouteGroupBuilder api)
    {
        api.MapGet("/keep-in-touch", ListAsync).WithVersionETag().WhenNotConnected(() => TypedResults.Ok(KeepInTouchDto.Empty));
        // {email} is checked before the endpoint runs, by the same rule as a body's email (ValidateRouteInput).
        api.MapPut("/people/{email}/cadence", SetCadenceAsync);
        var birthday = api.MapGroup("/birthdays/{id}").WhenNotConnected(NoSuchBirthday);
        birthday.MapPost("/skip", SkipAsync);
        birthday.MapPost("/reopen", ReopenAsync);
        return api;
    }

    private static async Task<Ok<KeepInTouchDto>> ListAsync(
        ConnectedMailbox mailbox, KeepInTouchStore store, BirthdayDraftStore birthdayDrafts, EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zone = mailbox.Zone;
        var options = (await settings.ForAsync(mailbox.Id, ct)).KeepInTouch;
        var facts = await store.LoadAsync(mailbox.Id, now, ct);
        var overdue = ComputeOverdue.Run(facts, now, options);
        var (tracked, untracked) = ComputeOverdue.Coverage(facts);
        var birthdays = UpcomingBirthdays.Run(await store.BirthdaysAsync(mailbox.Id, ct), now, zone, options.BirthdayLeadTime);
        var drafts = (await birthdayDrafts.ListAsync(mailbox.Id,
                birthdays.Where(b => b.Email is not null).Select(b => BirthdayDraftStore.IdOf(mailbox.Id, b.Email!, b.Date.Year)), ct))
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        return TypedResults.Ok(new KeepInTouchDto(
            MailboxTimeZone.IanaId(zone),
            overdue.Select(o => new TouchDto(new PersonDto(o.DisplayName, o.Email), o.Tier, (int)o.Cadence.TotalDays,
                o.LastTouch is { } last ? TimeZoneInfo.ConvertTime(last, zone) : null, TimeZoneInfo.ConvertTime(o.DueAt, zone), o.DaysOverdue, Channel(o.PreferredChannel))).ToList(),
            birthdays.Select(b => new BirthdayDto(b.DisplayName, b.Email, b.Date, b.DaysAway, Channel(b.PreferredChannel),
                b.Email is not null && drafts.TryGetValue(BirthdayDraftStore.IdOf(mailbox.Id, b.Email, b.Date.Year), out var d) ? DraftOf(d, zone) : null,
                b.Email is null ? null : BirthdayDraftStore.IdOf(mailbox.Id, b.Email, b.Date.Year))).ToList(),
            tracked, untracked));
    }

    private static async Task<Ok<CadenceDto>> SetCadenceAsync(string email, CadenceRequest request, ConnectedMailbox mailbox, KeepInTouchStore store, TimeProvider time, CancellationToken ct)
    {
        WireEnums.TryParse<Tier>(request.Tier, out var tier);
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email.Trim() : request.DisplayName.Trim();
        await store.SetCadenceAsync(mailbox.Id, email, name, tier, request.CadenceDays, time.GetUtcNow(), ct);
        return TypedResults.Ok(new CadenceDto(email.Trim(), tier, request.CadenceDays));
    }

    /// <summary>
    /// "Skip this year": the birthday leaves Today, its draft is not made (or not made again) this year, and sent mail no
    /// longer completes it. Repeating it answers the same; a birthday whose wish was already sent answers 409. The unsent
    /// draft is not deleted: draft deletion (Store/DraftDeletionStore.cs) belongs to follow-up steps.
    /// </summary>
    private static async Task<Results<Ok<BirthdayDto>, ProblemHttpResult>> SkipAsync(
        string id, ConnectedMailbox mailbox, KeepInTouchStore store, BirthdayDraftStore birthdayDrafts, EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var options = (await settings.ForAsync(mailbox.Id, ct)).KeepInTouch;
        // A birthday not planned yet is one of the coming birthdays the list shows: planned now, as skipped.
        var coming = UpcomingBirthdays.Run(await store.BirthdaysAsync(mailbox.Id, ct), now, mailbox.Zone, options.BirthdayLeadTime)
            .FirstOrDefault(b => b.Email is not null && BirthdayDraftStore.IdOf(mailbox.Id, b.Email, b.Date.Year) == id);
        var plan = coming is null ? null : PlanOf(coming, mailbox.Zone, options);
        var skipped = await birthdayDrafts.SkipAsync(mailbox.Id, id, plan, now, ct);
        return skipped switch
        {
            null => NoSuchBirthday(),
            { State: BirthdayDraftState.Done } => AlreadySent(),
            _ => TypedResults.Ok(ToDto(skipped, coming, mailbox, now)),
        };
    }

    /// <summary>Undo of "Skip this year": the birthday is back on Today, and its draft is made when it was not.</summary>
    private static async Task<Results<Ok<BirthdayDto>, ProblemHttpResult>> ReopenAsync(
        string id, ConnectedMailbox mailbox, KeepInTouchStore store, BirthdayDraftStore birthdayDrafts, EffectiveSettings settings, MailboxWakeups wakeups,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var existing = await birthdayDrafts.GetAsync(id, ct);
        if (existing is null || existing.MailboxId != mailbox.Id)
        {
            return NoSuchBirthday();
        }

        var options = (await settings.ForAsync(mailbox.Id, ct)).KeepInTouch;
        var coming = UpcomingBirthdays.Run(await store.BirthdaysAsync(mailbox.Id, ct), now, mailbox.Zone, options.BirthdayLeadTime)
            .FirstOrDefault(b => b.Email is not null && BirthdayDraftStore.IdOf(mailbox.Id, b.Email, b.Date.Year) == id);
        var (reopened, birthday) = await birthdayDrafts.ReopenAsync(mailbox.Id, id, now, ct);
        if (reopened)
        {
            // A draft the skip stopped, or a lead day already come: the pass makes it now.
            wakeups.Wake(mailbox.Id);
        }

        return birthday is null
            ? TypedResults.Ok(new BirthdayDto(existing.DisplayName, existing.Email, existing.Date, DaysAway(existing.Date, mailbox.Zone, now), null, null, id))
            : TypedResults.Ok(ToDto(birthday, coming, mailbox, now));
    }

    private static BirthdayDraftPlan PlanOf(BirthdayReminder coming, TimeZoneInfo zone, KeepInTouchOptions options)
    {
        var (from, until) = PlanBirthdayDrafts.Window(coming.Date, zone, options);
        return new BirthdayDraftPlan(coming.Email!.Trim(), coming.DisplayName, coming.Date.Year, coming.Date, from, until);
    }

    private static BirthdayDto ToDto(BirthdayDraft birthday, BirthdayReminder? coming, ConnectedMailbox mailbox, DateTimeOffset now) =>
        new(birthday.DisplayName, birthday.Email, birthday.Date, DaysAway(birthday.Date, mailbox.Zone, now), Channel(coming?.PreferredChannel),
            DraftOf(birthday, mailbox.Zone), birthday.Id);

    private static int DaysAway(DateOnly date, TimeZoneInfo zone, DateTimeOffset now) => date.DayNumber - MailboxTime.DateOf(now, zone).DayNumber;

    private static ProblemHttpResult AlreadySent() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already sent",
            detail: "Mail to them already showed this year's birthday wish; there is nothing left to skip.");

    private static ProblemHttpResult NoSuchBirthday() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such birthday", detail: "The birthday is not coming up, or belongs to another mailbox.");

    private static BirthdayDraftDto DraftOf(BirthdayDraft draft, TimeZoneInfo zone) => new(draft.Id, draft.State switch
    {
        BirthdayDraftState.Planned => "preparing",
        BirthdayDraftState.Prepared => "ready",
        BirthdayDraftState.Done => "sent",
        BirthdayDraftState.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(draft), draft.State, "Unknown state."),
    }, draft.DraftId, draft.CompletedAt is { } at ? TimeZoneInfo.ConvertTime(at, zone) : null);

    private static string? Channel(string? channel) => channel is null ? null : JsonNamingPolicy.CamelCase.ConvertName(channel);
}
