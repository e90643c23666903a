using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.Auth;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Settings;

/// <summary>The caller's own settings: read, and replace as a whole.</summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings", GetAsync);
        api.MapPut("/settings", PutAsync);
        return api;
    }

    /// <summary>Before the mailbox is connected there is nothing to override yet: the configured values.</summary>
    private static async Task<Ok<MailboxSettings>> GetAsync(CallerMailbox mailboxes, EffectiveSettings settings, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        return TypedResults.Ok(mailbox is null ? settings.Configured : (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).Settings);
    }

    private static async Task<Ok<MailboxSettings>> PutAsync(SettingsRequest request, ConnectedMailbox mailbox, EffectiveSettings settings, SettingsStore store, TimeProvider time, CancellationToken ct)
    {
        await store.SaveAsync(mailbox.Id, SettingsOverrides.Between(settings.Configured, request.ToSettings()), time.GetUtcNow(), ct);
        return TypedResults.Ok((await settings.ForAsync(mailbox.Id, ct)).Settings);
    }
}
