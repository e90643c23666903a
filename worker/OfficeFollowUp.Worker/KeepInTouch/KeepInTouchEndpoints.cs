using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.People;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.KeepInTouch;

public sealed record TouchDto(PersonDto Person, Tier Tier, int CadenceDays, DateTimeOffset? LastTouch, DateTimeOffset DueAt, int DaysOverdue, string? PreferredChannel);

/// <param name="Draft">The birthday's draft this year, once one is planned; null when there is none (yet, or for this person: reminder only).</param>
public sealed record BirthdayDto(string DisplayName, string? Email, DateOnly Date, int DaysAway, string? PreferredChannel, BirthdayDraftDto? Draft = null);

/// <param name="Id">For GET /api/birthdays/{id}/draft.</param>
/// <param name="State">"preparing" (the outbox is making it), "ready" (in Drafts), "sent" (mail to them showed the wish).</param>
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
                b.Email is not null && drafts.TryGetValue(BirthdayDraftStore.IdOf(mailbox.Id, b.Email, b.Date.Year), out var d) ? DraftOf(d, zone) : null)).ToList(),
            tracked, untracked));
    }

    private static async Task<Ok<CadenceDto>> SetCadenceAsync(string email, CadenceRequest request, ConnectedMailbox mailbox, KeepInTouchStore store, TimeProvider time, CancellationToken ct)
    {
        WireEnums.TryParse<Tier>(request.Tier, out var tier);
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email.Trim() : request.DisplayName.Trim();
        await store.SetCadenceAsync(mailbox.Id, email, name, tier, request.CadenceDays, time.GetUtcNow(), ct);
        return TypedResults.Ok(new CadenceDto(email.Trim(), tier, request.CadenceDays));
    }

    private static BirthdayDraftDto DraftOf(BirthdayDraft draft, TimeZoneInfo zone) => new(draft.Id, draft.State switch
    {
        BirthdayDraftState.Planned => "preparing",
        BirthdayDraftState.Prepared => "ready",
        BirthdayDraftState.Done => "sent",
        _ => throw new ArgumentOutOfRangeException(nameof(draft), draft.State, "Unknown state."),
    }, draft.DraftId, draft.CompletedAt is { } at ? TimeZoneInfo.ConvertTime(at, zone) : null);

    private static string? Channel(string? channel) => channel is null ? null : JsonNamingPolicy.CamelCase.ConvertName(channel);
}
