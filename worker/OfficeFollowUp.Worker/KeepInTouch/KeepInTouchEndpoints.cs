using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.People;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.KeepInTouch;

public sealed record TouchDto(PersonDto Person, Tier Tier, int CadenceDays, DateTimeOffset? LastTouch, DateTimeOffset DueAt, int DaysOverdue, string? PreferredChannel);

public sealed record BirthdayDto(string DisplayName, string? Email, DateOnly Date, int DaysAway, string? PreferredChannel);

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

    private static async Task<Ok<KeepInTouchDto>> ListAsync(ConnectedMailbox mailbox, KeepInTouchStore store, EffectiveSettings settings, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zone = mailbox.Zone;
        var options = (await settings.ForAsync(mailbox.Id, ct)).KeepInTouch;
        var facts = await store.LoadAsync(mailbox.Id, now, ct);
        var overdue = ComputeOverdue.Run(facts, now, options);
        var (tracked, untracked) = ComputeOverdue.Coverage(facts);
        var birthdays = UpcomingBirthdays.Run(await store.BirthdaysAsync(mailbox.Id, ct), now, zone, options.BirthdayLeadTime);
        return TypedResults.Ok(new KeepInTouchDto(
            MailboxTimeZone.IanaId(zone),
            overdue.Select(o => new TouchDto(new PersonDto(o.DisplayName, o.Email), o.Tier, (int)o.Cadence.TotalDays,
                o.LastTouch is { } last ? TimeZoneInfo.ConvertTime(last, zone) : null, TimeZoneInfo.ConvertTime(o.DueAt, zone), o.DaysOverdue, Channel(o.PreferredChannel))).ToList(),
            birthdays.Select(b => new BirthdayDto(b.DisplayName, b.Email, b.Date, b.DaysAway, Channel(b.PreferredChannel))).ToList(),
            tracked, untracked));
    }

    private static async Task<Ok<CadenceDto>> SetCadenceAsync(string email, CadenceRequest request, ConnectedMailbox mailbox, KeepInTouchStore store, TimeProvider time, CancellationToken ct)
    {
        WireEnums.TryParse<Tier>(request.Tier, out var tier);
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email.Trim() : request.DisplayName.Trim();
        await store.SetCadenceAsync(mailbox.Id, email, name, tier, request.CadenceDays, time.GetUtcNow(), ct);
        return TypedResults.Ok(new CadenceDto(email.Trim(), tier, request.CadenceDays));
    }

    private static string? Channel(string? channel) => channel is null ? null : JsonNamingPolicy.CamelCase.ConvertName(channel);
}
