namespace OfficeFollowUp.Auth;

/// <summary>
/// Response headers for the pane's pages and the API. The pane's policy lets office.js load from
/// Microsoft's CDN and everything else only from the worker, and lets only Outlook frame the pane.
/// No Cross-Origin-Opener-Policy, on purpose: auth-redirect.html (MSAL.js v5's redirect bridge, where
/// the fallback sign-in popup lands) hands the response back over a BroadcastChannel, and COOP would
/// move the popup to another browsing context group and cut that off (RedirectBridgePageTests).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Outlook on the web, Outlook.com and the new Outlook host the pane in an iframe from these origins.</summary>
    public const string OutlookFrameAncestors =
        "'self' https://outlook.office.com https://outlook.office365.com https://outlook.live.com https://*.officeapps.live.com";

    /// <summary>
    /// Styles stay 'unsafe-inline': Fluent UI v9 (Griffel) inserts its atomic CSS at run time and the
    /// built page has one inline style rule. Scripts do not: no inline script, no eval.
    /// office.js loads its own helper scripts from the same CDN. Sign-in: inside Outlook MSAL's nested
    /// app authentication asks the host over its bridge; where a host lacks it, MSAL falls back to
    /// fetching metadata and tokens from Entra itself.
    /// </summary>
    public const string PanePolicy =
        "default-src 'self'; " +
        "script-src 'self' https://appsforoffice.microsoft.com; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.com; " +
        "frame-src 'self' https://appsforoffice.microsoft.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors " + OutlookFrameAncestors;

    /// <summary>JSON is never a document: nothing may load from it and nothing may frame it.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // Decided when the response starts: only then is it known whether this is the pane's HTML.
            var isHtml = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            headers.ContentSecurityPolicy = isHtml ? PanePolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        await next();
    });
}
