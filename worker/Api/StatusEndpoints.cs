using OfficeFollowUp.Store;
using OfficeFollowUp.Auth;

namespace OfficeFollowUp.Api;

public sealed record ResourceStatusDto(string Resource, string Stage, DateTimeOffset? LastSuccessAt, string? LastError, int FailureCount, long ItemsSkipped);

public sealed record StatusDto(bool Connected, DateTimeOffset? BaselinedAt, int Acquaintances, IReadOnlyList<ResourceStatusDto> Sync);

/// <summary>Sync health for the pane: nothing fails silently.</summary>
public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatus(this RouteGroupBuilder api)
    {
        api.MapGet("/status", async (CallerMailbox mailboxes, SyncStateStore states, FollowUpStore followUps, CancellationToken ct) =>
        {
            var mailbox = await mailboxes.GetAsync(ct);
            if (mailbox is null)
            {
                return Results.Ok(new StatusDto(false, null, 0, []));
            }

            var sync = await states.ListAsync(mailbox.Profile.MailboxId, ct);
            return Results.Ok(new StatusDto(
                true,
                mailbox.BaselinedAt,
                await followUps.CountAcquaintancesAsync(mailbox.Profile.MailboxId, ct),
                sync.Select(s => new ResourceStatusDto(s.Resource, s.Stage.ToString(), s.LastSuccessAt, s.LastError, s.FailureCount, s.ItemsSkipped)).ToList()));
        });
        return api;
    }
}
