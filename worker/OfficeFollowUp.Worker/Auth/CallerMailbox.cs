using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Auth;

/// <summary>
/// The one mailbox an API request may see. A Microsoft 365 user sees only the mailbox whose Graph
/// user id is their object id (oid); the pairing key sees the worker's only mailbox and is refused
/// when the worker serves several. Endpoints ask this, never "the first mailbox".
/// </summary>
public sealed class CallerMailbox(IHttpContextAccessor http, MailboxStore mailboxes, IOptions<MailboxOptions> options)
{
    private Resolution? _resolved;

    public async Task<StoredMailbox?> GetAsync(CancellationToken ct) => (await ResolveAsync(ct)).Mailbox;

    public async Task<Resolution> ResolveAsync(CancellationToken ct)
    {
        if (_resolved is not null)
        {
            return _resolved;
        }

        var caller = http.HttpContext is { } context ? ApiCaller.From(context.User) : null;
        _resolved = caller switch
        {
            null => Resolution.Refused,
            { IsPairingKey: true } when options.Value.ServesManyMailboxes => Resolution.Refused,
            { IsPairingKey: true } => new Resolution(await mailboxes.GetSingleAsync(ct), false),
            // Graph user ids are the Entra object ids, so the token's oid names the caller's own mailbox.
            { ObjectId: { } oid } => await mailboxes.GetAsync(oid, ct) is { } own ? new Resolution(own, false) : Resolution.Refused,
            _ => Resolution.Refused,
        };
        return _resolved;
    }

    public sealed record Resolution(StoredMailbox? Mailbox, bool Forbidden)
    {
        public static readonly Resolution Refused = new(null, true);
    }
}

/// <summary>Refuses, before any endpoint runs, a caller whose mailbox this worker does not serve.</summary>
internal sealed class RequireCallerMailbox : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = context.HttpContext.RequestServices.GetRequiredService<CallerMailbox>();
        var resolution = await caller.ResolveAsync(context.HttpContext.RequestAborted);
        if (resolution.Forbidden)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not your mailbox",
                detail: "This worker does not serve the signed-in user's mailbox (or serves several, and the pairing key cannot choose one).");
        }
        return await next(context);
    }
}
