using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// The task pane's Microsoft 365 token, checked by the standard JWT bearer handler against a local
/// OpenID provider: only a token for this API, from an allowed tenant, signed, in date and for the
/// mailbox's own user gets that mailbox's data.
/// </summary>
public sealed class JwtValidationTests : IAsyncLifetime
{
    private LocalIdentityProvider _idp = null!;
    private SandboxWorld _world = null!;
    private RunningWorker _worker = null!;

    private string Owner => _world.Mailbox.User.Id;

    public async Task InitializeAsync()
    {
        _idp = await LocalIdentityProvider.StartAsync();
        _world = await SandboxWorld.StartAsync();
        _worker = await _world.StartWorkerAsync(AuthArgs(_idp));
        await _worker.SyncOnceAsync();
        _world.Mailbox.AddContact(new SandboxContactSeed("Zoë", "Ångström", ["zoe@nordic.design"], "Nordic Design"));
        await _worker.SyncOnceAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _world.DisposeAsync();
        await _idp.DisposeAsync();
    }

    private static string[] AuthArgs(LocalIdentityProvider idp) =>
    [
        $"--Auth:Authority={idp.Authority}",
        $"--Auth:Audience={LocalIdentityProvider.Audience}",
        $"--Auth:AllowedTenants:0={LocalIdentityProvider.Tenant}",
        $"--Auth:PaneClientId={LocalIdentityProvider.PaneClientId}",
    ];

    private HttpClient ClientWith(string token)
    {
        var client = _worker.Client(paired: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpResponseMessage> ListWith(string token)
    {
        using var client = ClientWith(token);
        return await client.GetAsync(new Uri("/api/followups", UriKind.Relative));
    }

    [Fact]
    public async Task The_owner_s_token_gets_the_owner_s_follow_ups()
    {
        var response = await ListWith(_idp.Token(Owner));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("zoe@nordic.design", i.GetProperty("person").GetProperty("email").GetString()));
    }

    [Fact]
    public async Task A_v2_token_whose_audience_is_the_bare_client_id_is_accepted()
    {
        var response = await ListWith(_idp.Token(Owner, t => t.Audience = LocalIdentityProvider.ClientId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> RejectedTokens => new()
    {
        "wrong audience", "wrong issuer", "expired", "other tenant", "allowed tenant id with another tenant's issuer",
        "signed by another key", "no access_as_user scope", "unsigned",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_bad_token_is_401_and_gets_no_data(string what)
    {
        var otherKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var token = what switch
        {
            "wrong audience" => _idp.Token(Owner, t => t.Audience = "api://00000000-0000-0000-0000-000000000001"),
            "wrong issuer" => _idp.Token(Owner, t => t.Issuer = "https://login.microsoftonline.com/" + LocalIdentityProvider.Tenant + "/v2.0"),
            "expired" => _idp.Token(Owner, t => t.Expires = DateTime.UtcNow.AddMinutes(-10)),
            "other tenant" => _idp.Token(Owner, t => (t.TenantId, t.Issuer) = (LocalIdentityProvider.OtherTenant, _idp.AuthorityFor(LocalIdentityProvider.OtherTenant))),
            "allowed tenant id with another tenant's issuer" => _idp.Token(Owner, t => t.Issuer = _idp.AuthorityFor(LocalIdentityProvider.OtherTenant)),
            "signed by another key" => _idp.Token(Owner, t => t.SigningKey = otherKey),
            "no access_as_user scope" => _idp.Token(Owner, t => t.Scope = null),
            "unsigned" => _idp.UnsignedToken(Owner),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var response = await ListWith(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("zoe@", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_user_s_valid_token_is_403_for_lists_and_for_actions_on_the_owner_s_items()
    {
        using var owner = ClientWith(_idp.Token(Owner));
        var ownerItems = (await owner.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items");
        var ownerItemId = ownerItems[0].GetProperty("id").GetString();
        using var stranger = ClientWith(_idp.Token(Guid.NewGuid().ToString()));

        var list = await stranger.GetAsync(new Uri("/api/followups", UriKind.Relative));
        var status = await stranger.GetAsync(new Uri("/api/status", UriKind.Relative));
        var done = await stranger.PostAsync(new Uri($"/api/followups/{ownerItemId}/done", UriKind.Relative), null);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { list.StatusCode, status.StatusCode, done.StatusCode });
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("zoe@", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = (await owner.GetFromJsonAsync<JsonElement>("/api/followups")).GetProperty("items");
        Assert.Equal("prepared", after.EnumerateArray().Single(i => i.GetProperty("id").GetString() == ownerItemId).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_pairing_key_still_works_beside_microsoft_365_sign_in()
    {
        using var client = _worker.Client();

        var response = await client.GetAsync(new Uri("/api/followups", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_auth_configuration_a_jwt_is_just_a_wrong_pairing_key()
    {
        await using var plain = await _world.StartWorkerAsync();
        using var client = plain.Client(paired: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _idp.Token(Owner));

        var response = await client.GetAsync(new Uri("/api/followups", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("--Auth:AllowedTenants:0=", "Auth:AllowedTenants")]
    [InlineData("--Auth:AllowedTenants:0=contoso.onmicrosoft.com", "Auth:AllowedTenants")]
    [InlineData("--Auth:Authority=http://login.example.com/tenant/v2.0", "Auth:Authority")]
    [InlineData("--Auth:Audience=", "Auth:Audience")]
    [InlineData("--Auth:PaneClientId=", "Auth:PaneClientId")]
    [InlineData("--Auth:PaneClientId=officefollowup-pane", "Auth:PaneClientId")]
    public async Task A_bad_auth_setting_stops_the_worker_naming_the_key(string setting, string key)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => _world.StartWorkerAsync([.. AuthArgs(_idp), setting]));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
