using FluentValidation;
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

    private static async Task<IResult> GetAsync(CallerMailbox mailboxes, EffectiveSettings settings, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        // Before the mailbox is connected there is nothing to override yet: the configured values.
        return Results.Ok(mailbox is null ? settings.Configured : (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).Settings);
    }

    private static async Task<IResult> PutAsync(SettingsRequest request, IValidator<SettingsRequest> validator,
        CallerMailbox mailboxes, EffectiveSettings settings, SettingsStore store, TimeProvider time, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Mailbox not connected", detail: "Connect the mailbox first.");
        }

        var id = mailbox.Profile.MailboxId;
        await store.SaveAsync(id, SettingsOverrides.Between(settings.Configured, request.ToSettings()), time.GetUtcNow(), ct);
        return Results.Ok((await settings.ForAsync(id, ct)).Settings);
    }
}
