using OfficeFollowUp.Auth;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// auth-redirect.html is where Entra sends MSAL's fallback sign-in popup back (MSAL.js v5's redirect
/// bridge). The page posts the response to the pane over a BroadcastChannel; a Cross-Origin-Opener-Policy
/// header on it would put the popup in another browsing context group and the pane would never hear back.
/// </summary>
public sealed class RedirectBridgePageTests : IAsyncLifetime
{
    private const string Tenant = "7d2f1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10";
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        // The built page's shape: a module script from /assets, no inline script.
        var dist = await _world.WriteBuiltPaneAsync(new Dictionary<string, string>
        {
            ["auth-redirect.html"] = """<!doctype html><title>sign-in</title><script type="module" crossorigin src="/assets/auth-redirect-x.js"></script><p id="status">Finishing…</p>""",
        });
        _worker = await _world.StartWorkerAsync(
            $"--TaskPane:DistFolder={dist}",
            $"--Auth:Authority=https://login.microsoftonline.com/{Tenant}/v2.0",
            $"--Auth:Audience={LocalIdentityProvider.Audience}",
            $"--Auth:AllowedTenants:0={Tenant}",
            $"--Auth:PaneClientId={LocalIdentityProvider.PaneClientId}");
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task The_redirect_bridge_page_is_served_to_anyone_with_the_pane_policy_and_no_opener_policy()
    {
        // The popup comes back from Entra with no pairing key and no token.
        using var anonymous = _worker.Client(paired: false);

        var response = await anonymous.GetAsync(new Uri("/auth-redirect.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(SecurityHeaders.PanePolicy, csp);
        // Its module script comes from the worker's /assets: 'self' lets it run; no inline script is needed.
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self' https://appsforoffice.microsoft.com", scriptSrc);
        Assert.False(response.Headers.Contains("Cross-Origin-Opener-Policy"));
        Assert.False(response.Headers.Contains("Cross-Origin-Opener-Policy-Report-Only"));
    }
}
