using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// An Entra-shaped token issuer on loopback: OpenID metadata and a JWKS per tenant at
/// {base}/{tenant}/v2.0, and tokens signed with a test RSA key. The worker's JWT bearer handler
/// fetches the metadata and keys from here exactly as it would from login.microsoftonline.com.
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21";
    public static readonly string Audience = $"api://{ClientId}";
    /// <summary>The add-in's SPA registration the pane signs in with.</summary>
    public const string PaneClientId = "9a3e6f2d-1b7c-4e58-a0d4-6c2b8e1f5d37";
    public static readonly string Tenant = "7d2f1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10";
    public static readonly string OtherTenant = "c0ffee00-1111-4222-8333-944445555666";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private LocalIdentityProvider(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public string AuthorityFor(string tenant) => $"{BaseUrl.ToString().TrimEnd('/')}/{tenant}/v2.0";

    public string Authority => AuthorityFor(Tenant);

    public static async Task<LocalIdentityProvider> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpRequest request) =>
        {
            var authority = $"{request.Scheme}://{request.Host}/{tenant}/v2.0";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = authority,
                ["jwks_uri"] = $"{authority}/discovery/keys",
                ["authorization_endpoint"] = $"{authority}/authorize",
                ["token_endpoint"] = $"{authority}/token",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "pairwise" },
            });
        });
        app.MapGet("/{tenant}/v2.0/discovery/keys", () =>
        {
            var parameters = key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        return new LocalIdentityProvider(app, key);
    }

    /// <summary>A token as Entra issues it for the worker's API: v2, delegated scope, tenant and object id.</summary>
    public string Token(string objectId, Action<TokenShape>? change = null)
    {
        var shape = new TokenShape
        {
            Issuer = Authority,
            Audience = Audience,
            TenantId = Tenant,
            ObjectId = objectId,
            Scope = "access_as_user",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningKey = _key,
        };
        change?.Invoke(shape);
        var claims = new Dictionary<string, object> { ["oid"] = shape.ObjectId, ["tid"] = shape.TenantId, ["ver"] = "2.0", ["name"] = "Test User" };
        if (shape.Scope is not null)
        {
            claims["scp"] = shape.Scope;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = shape.Issuer,
            Audience = shape.Audience,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            IssuedAt = shape.Expires.AddHours(-1),
            NotBefore = shape.Expires.AddHours(-1),
            Expires = shape.Expires,
            SigningCredentials = shape.SigningKey is null ? null : new SigningCredentials(shape.SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token ("alg": "none") with otherwise perfect claims.</summary>
    public string UnsignedToken(string objectId)
    {
        var signed = Token(objectId);
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed class TokenShape
    {
        public required string Issuer { get; set; }
        public required string Audience { get; set; }
        public required string TenantId { get; set; }
        public required string ObjectId { get; set; }
        public string? Scope { get; set; }
        public DateTime Expires { get; set; }
        public SecurityKey? SigningKey { get; set; }
    }
}
