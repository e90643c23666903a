using OfficeFollowUp.Auth;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>What the pane reads before it signs in: pairing key, or Microsoft 365 through nested app authentication.</summary>
public sealed class PaneAuthConfigTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> ReadAsync(RunningWorker worker)
    {
        using var anonymous = worker.Client(paired: false);
        var response = await anonymous.GetAsync(new Uri(PaneAuthConfig.Path, UriKind.Relative));
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Without_auth_configuration_the_pane_pairs()
    {
        await using var worker = await _world.StartWorkerAsync();

        var (response, body) = await ReadAsync(worker);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"mode":"pairing"}""", body.GetRawText());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task With_auth_configured_anyone_may_read_the_public_sign_in_settings_and_nothing_more()
    {
        const string tenant = "7d2f1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10";
        await using var worker = await _world.StartWorkerAsync(
            $"--Auth:Authority=https://login.microsoftonline.com/{tenant}/v2.0",
            $"--Auth:Audience={LocalIdentityProvider.Audience}",
            $"--Auth:AllowedTenants:0={tenant}",
            $"--Auth:PaneClientId={LocalIdentityProvider.PaneClientId}");

        var (response, body) = await ReadAsync(worker);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("entra", body.GetProperty("mode").GetString());
        Assert.Equal(LocalIdentityProvider.PaneClientId, body.GetProperty("clientId").GetString());
        Assert.Equal($"https://login.microsoftonline.com/{tenant}", body.GetProperty("authority").GetString());
        Assert.Equal([$"{LocalIdentityProvider.Audience}/access_as_user"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["authority", "clientId", "mode", "scopes"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/organizations/v2.0", "https://login.microsoftonline.com/organizations")]
    [InlineData("https://login.microsoftonline.com/contoso-guid/v2.0/", "https://login.microsoftonline.com/contoso-guid")]
    [InlineData("https://login.microsoftonline.us/tenant", "https://login.microsoftonline.us/tenant")]
    public void The_browser_authority_is_the_issuer_authority_without_v2(string configured, string browser)
    {
        Assert.Equal(browser, PaneAuthConfig.BrowserAuthority(configured));
    }

    [Fact]
    public async Task A_custom_scope_is_the_one_the_pane_asks_for()
    {
        const string tenant = "7d2f1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10";
        await using var worker = await _world.StartWorkerAsync(
            $"--Auth:Authority=https://login.microsoftonline.com/organizations/v2.0",
            $"--Auth:Audience={LocalIdentityProvider.Audience}/",
            $"--Auth:AllowedTenants:0={tenant}",
            "--Auth:Scope=followups.read",
            $"--Auth:PaneClientId={LocalIdentityProvider.PaneClientId}");

        var (_, body) = await ReadAsync(worker);

        Assert.Equal([$"{LocalIdentityProvider.Audience}/followups.read"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }
}
