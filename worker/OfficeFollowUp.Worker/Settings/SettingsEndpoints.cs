using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using OfficeFollowUp.Api;
using OfficeFollowUp.Auth;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Settings;

/// <summary>
/// The caller's own settings: read, and replace as a whole. The answer carries an ETag (the settings' row version);
/// a PUT with If-Match lands only if nobody saved since that read (412 otherwise), so two panes or two worker
/// processes never silently undo each other's change. A PUT without If-Match replaces whatever is saved.
/// </summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings", GetAsync);
        api.MapPut("/settings", PutAsync);
        return api;
    }

    /// <summary>Before the mailbox is connected there is nothing to override yet: the configured values.</summary>
    private static async Task<Ok<MailboxSettings>> GetAsync(CallerMailbox mailboxes, EffectiveSettings settings, SettingsStore store, HttpContext http, CancellationToken ct)
    {
        var mailbox = await mailboxes.GetAsync(ct);
        if (mailbox is null)
        {
            return TypedResults.Ok(settings.Configured);
        }

        var version = await store.VersionAsync(mailbox.Profile.MailboxId, ct);
        var values = (await settings.ForAsync(mailbox.Profile.MailboxId, ct)).Settings;
        http.Response.Headers.ETag = Tag(version);
        return TypedResults.Ok(values);
    }

    private static async Task<Results<Ok<MailboxSettings>, ProblemHttpResult>> PutAsync(
        SettingsRequest request, ConnectedMailbox mailbox, EffectiveSettings settings, SettingsStore store, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        long? ifVersion = null;
        if (http.Request.Headers.IfMatch.Count > 0)
        {
            ifVersion = VersionOf(http.Request.Headers.IfMatch.ToString());
            if (ifVersion is null)
            {
                return Changed();
            }
        }

        if (!await store.SaveAsync(mailbox.Id, SettingsOverrides.Between(settings.Configured, request.ToSettings()), ifVersion, time.GetUtcNow(), ct))
        {
            return Changed();
        }

        http.Response.Headers.ETag = Tag(await store.VersionAsync(mailbox.Id, ct));
        return TypedResults.Ok((await settings.ForAsync(mailbox.Id, ct)).Settings);
    }

    internal static string Tag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"settings-{version}\"");

    /// <summary>The version an If-Match names (one of our tags, W/ allowed); null for anything else, which then matches nothing.</summary>
    private static long? VersionOf(string ifMatch) =>
        EntityTagHeaderValue.TryParseList([ifMatch], out var tags) && tags.Count == 1
            && tags[0].Tag.Value is { } quoted && quoted.StartsWith("\"settings-", StringComparison.Ordinal)
            && long.TryParse(quoted.AsSpan(10, quoted.Length - 11), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    private static ProblemHttpResult Changed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Settings changed",
            detail: "The settings were saved elsewhere since you opened them. Reload them and make your change again.");
}
