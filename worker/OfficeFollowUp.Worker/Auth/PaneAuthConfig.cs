using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Auth;

/// <summary>
/// GET /auth-config.json, read by the pane before anything else: how to sign in. Anonymous because
/// the pane needs it to get a token at all; it holds only public identifiers (the SPA's client id,
/// the authority, the scope), never a secret.
/// </summary>
public static class PaneAuthConfig
{
    public const string Path = "/auth-config.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public sealed record Response(string Mode, string? ClientId = null, string? Authority = null, IReadOnlyList<string>? Scopes = null);

    public static Response For(AuthOptions auth) => !auth.Enabled
        ? new Response("pairing")
        : new Response("entra", auth.PaneClientId, BrowserAuthority(auth.Authority!), [$"{auth.Audience!.TrimEnd('/')}/{auth.Scope}"]);

    /// <summary>MSAL.js wants the authority without the issuer's "/v2.0": https://login.microsoftonline.com/{tenant}.</summary>
    internal static string BrowserAuthority(string authority)
    {
        var trimmed = authority.TrimEnd('/');
        return trimmed.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase) ? trimmed[..^"/v2.0".Length] : trimmed;
    }

    public static WebApplication MapPaneAuthConfig(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext context, IOptions<AuthOptions> auth) =>
        {
            // A configuration change must reach a pane on its next start, not after a cache expires.
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(For(auth.Value), Json);
        }).AllowAnonymous();
        return app;
    }
}
