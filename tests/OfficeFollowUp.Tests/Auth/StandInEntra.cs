using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// A stand-in for Microsoft Entra's v2.0 endpoints as MSAL.NET (inside Azure.Identity) calls them for a
/// tenanted authority {host}/{tenant}/: the device authorization endpoint, the token endpoint (device
/// code, refresh token, client credentials with a certificate-signed client assertion) and the OpenID
/// metadata. It runs on https://127.0.0.1 with a self-signed certificate made here, because MSAL
/// refuses an authority that is not https.
/// <para>
/// Shapes follow MSAL.NET's own parsers (MsalTokenResponse, DeviceCodeResponse, ClientInfo, IdToken,
/// JsonWebToken) and Entra's documented error bodies. It is a stand-in, not Entra: it proves the worker's
/// protocol wiring and cache persistence, not a tenant's policies (consent, conditional access, MFA).
/// Every request is recorded so tests can assert what the worker sent.
/// </para>
/// </summary>
public sealed class StandInEntra : IAsyncDisposable
{
    public const string TenantId = "4e1c7b2a-93d5-4f08-b6a1-2c7e9d0f3a58";
    public const string ClientId = "5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21";
    public const string UserObjectId = "0f6d2c8e-71b4-4a3d-9e25-8c1f0b7a6d43";
    public const string UserName = "ada@contoso.example";

    private const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _tlsCertificate;
    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly Lock _gate = new();
    private readonly List<StandInRequest> _requests = [];
    private readonly Dictionary<string, DeviceCodeGrant> _deviceCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refreshTokens = new(StringComparer.Ordinal);

    private StandInEntra(WebApplication app, X509Certificate2 tlsCertificate)
    {
        _app = app;
        _tlsCertificate = tlsCertificate;
    }

    /// <summary>https://127.0.0.1:{port}/ — what the worker's Mailbox:AuthorityHost points at.</summary>
    public Uri AuthorityHost => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public string TokenEndpoint => $"{AuthorityHost}{TenantId}/oauth2/v2.0/token";

    /// <summary>The public certificate uploaded to the app registration; client assertions must be signed with its key.</summary>
    public X509Certificate2? RegisteredCertificate { get; set; }

    /// <summary>Access tokens live an hour, as Entra's usually do; MSAL refreshes any token within 5 minutes of expiry.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlyList<StandInRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<StandInRequest> TokenRequests(string grantType) =>
        [.. Requests.Where(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && r.Form.GetValueOrDefault("grant_type") == grantType)];

    public IReadOnlyList<StandInRequest> DeviceCodeRequests =>
        [.. Requests.Where(r => r.Path.EndsWith("/oauth2/v2.0/devicecode", StringComparison.Ordinal))];

    /// <summary>Every access, refresh and id token handed out, so a test can look for them where they must not be.</summary>
    public IReadOnlyList<string> IssuedSecrets
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests.SelectMany(r => new[] { r.IssuedAccessToken, r.IssuedRefreshToken, r.IssuedIdToken }).OfType<string>()];
            }
        }
    }

    public static async Task<StandInEntra> StartAsync()
    {
        var tls = CreateTlsCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(tls)));
        var app = builder.Build();
        var entra = new StandInEntra(app, tls);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", entra.OpenIdConfiguration);
        app.MapPost("/{tenant}/oauth2/v2.0/devicecode", entra.DeviceAuthorizationAsync);
        app.MapPost("/{tenant}/oauth2/v2.0/token", entra.TokenAsync);
        app.MapFallback(entra.Unexpected);
        await app.StartAsync();
        return entra;
    }

    /// <summary>
    /// What a test does to a credential's options so it talks to this stand-in: pin the stand-in's own
    /// certificate (nothing else is trusted) and skip instance discovery, which would ask
    /// login.microsoftonline.com whether 127.0.0.1 is a known cloud.
    /// </summary>
    public void Trust(TokenCredentialOptions options)
    {
        options.Transport = new HttpClientTransport(PinnedHandler());
        switch (options)
        {
            case DeviceCodeCredentialOptions deviceCode:
                deviceCode.DisableInstanceDiscovery = true;
                break;
            case ClientCertificateCredentialOptions certificate:
                certificate.DisableInstanceDiscovery = true;
                break;
            default:
                throw new NotSupportedException($"The stand-in does not know {options.GetType().Name}.");
        }
    }

    /// <summary>An HTTP handler that trusts this stand-in's certificate and no other.</summary>
    public SocketsHttpHandler PinnedHandler()
    {
        var pinned = _tlsCertificate.GetCertHash(HashAlgorithmName.SHA256);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(pinned);
        return handler;
    }

    /// <summary>The user enters the code at the verification page and signs in. False when no such code is waiting.</summary>
    public bool SignIn(string userCode)
    {
        lock (_gate)
        {
            var grant = _deviceCodes.Values.FirstOrDefault(g => g.UserCode == userCode && !g.Redeemed);
            if (grant is null)
            {
                return false;
            }
            grant.SignedIn = true;
            return true;
        }
    }

    /// <summary>Waits until the stand-in has received a request matching <paramref name="match"/>.</summary>
    public async Task<StandInRequest> WaitForAsync(Func<StandInRequest, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(25, cts.Token);
        }
    }

    private IResult OpenIdConfiguration(string tenant, HttpRequest request)
    {
        var authority = $"{AuthorityHost}{tenant}";
        Record(request, new Dictionary<string, string>(), new Outcome(200));
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{authority}/v2.0",
            ["authorization_endpoint"] = $"{authority}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{authority}/oauth2/v2.0/token",
            ["device_authorization_endpoint"] = $"{authority}/oauth2/v2.0/devicecode",
            ["jwks_uri"] = $"{authority}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["tenant_region_scope"] = "EU",
        });
    }

    private async Task<IResult> DeviceAuthorizationAsync(string tenant, HttpRequest request)
    {
        var form = await ReadFormAsync(request);
        if (RefuseTenantOrClient(tenant, form) is { } refused)
        {
            return Respond(request, form, refused);
        }

        var userCode = RandomCode(9);
        var grant = new DeviceCodeGrant(userCode, Base64Url(RandomNumberGenerator.GetBytes(48)), form.GetValueOrDefault("scope") ?? string.Empty, DateTimeOffset.UtcNow.AddMinutes(15));
        lock (_gate)
        {
            _deviceCodes[grant.DeviceCode] = grant;
        }

        var verificationUri = $"{AuthorityHost}devicelogin";
        Record(request, form, new Outcome(200));
        // Entra's /devicecode answers 200 with these fields; "interval" is 5 there, 1 here to keep tests fast.
        return Results.Json(new Dictionary<string, object>
        {
            ["user_code"] = userCode,
            ["device_code"] = grant.DeviceCode,
            ["verification_uri"] = verificationUri,
            ["expires_in"] = 900,
            ["interval"] = 1,
            ["message"] = $"To sign in, use a web browser to open the page {verificationUri} and enter the code {userCode} to authenticate.",
        });
    }

    private async Task<IResult> TokenAsync(string tenant, HttpRequest request)
    {
        var form = await ReadFormAsync(request);
        if (RefuseTenantOrClient(tenant, form) is { } refused)
        {
            return Respond(request, form, refused);
        }

        var outcome = form.GetValueOrDefault("grant_type") switch
        {
            // MSAL.NET sends the short form; Entra accepts both.
            "device_code" or "urn:ietf:params:oauth:grant-type:device_code" => RedeemDeviceCode(request, form),
            "refresh_token" => RedeemRefreshToken(request, form),
            "client_credentials" => ClientCredentials(form),
            var other => Error(400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{other}'."),
        };
        return Respond(request, form, outcome);
    }

    private Outcome RedeemDeviceCode(HttpRequest request, Dictionary<string, string> form)
    {
        lock (_gate)
        {
            if (!_deviceCodes.TryGetValue(form.GetValueOrDefault("device_code") ?? string.Empty, out var grant) || grant.Redeemed)
            {
                return Error(400, "bad_verification_code", 70019, "Verification code was not recognised.");
            }
            if (grant.ExpiresAt <= DateTimeOffset.UtcNow)
            {
                return Error(400, "expired_token", 70020, "The device code has expired.");
            }
            if (!grant.SignedIn)
            {
                return Error(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
            }
            grant.Redeemed = true;
            return UserTokens(request, grant.Scope);
        }
    }

    private Outcome RedeemRefreshToken(HttpRequest request, Dictionary<string, string> form)
    {
        lock (_gate)
        {
            if (!_refreshTokens.Contains(form.GetValueOrDefault("refresh_token") ?? string.Empty))
            {
                return Error(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
            }
            return UserTokens(request, form.GetValueOrDefault("scope") ?? string.Empty);
        }
    }

    private Outcome UserTokens(HttpRequest request, string requestedScope)
    {
        var accessToken = "standin-user-at-" + Base64Url(RandomNumberGenerator.GetBytes(24));
        var refreshToken = "standin-rt-" + Base64Url(RandomNumberGenerator.GetBytes(48));
        _refreshTokens.Add(refreshToken);
        var idToken = IdToken(request);
        // Entra lists the granted scopes without offline_access, and always includes client_info when asked (client_info=1).
        var scope = string.Join(' ', requestedScope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => !string.Equals(s, "offline_access", StringComparison.OrdinalIgnoreCase)));
        var lifetime = (long)AccessTokenLifetime.TotalSeconds;
        var body = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = accessToken,
            ["refresh_token"] = refreshToken,
            ["id_token"] = idToken,
            ["client_info"] = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["uid"] = UserObjectId, ["utid"] = TenantId })),
        };
        return new Outcome(200, Body: body, AccessToken: accessToken, RefreshToken: refreshToken, IdToken: idToken);
    }

    private Outcome ClientCredentials(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("client_assertion_type") != JwtBearerAssertionType || !form.TryGetValue("client_assertion", out var assertion))
        {
            return Error(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (VerifyAssertion(assertion) is { } refused)
        {
            return refused;
        }
        var scopes = (form.GetValueOrDefault("scope") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length != 1 || !scopes[0].EndsWith("/.default", StringComparison.Ordinal))
        {
            return Error(400, "invalid_scope", 1002012, "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }

        var accessToken = "standin-app-at-" + Base64Url(RandomNumberGenerator.GetBytes(24));
        var lifetime = (long)AccessTokenLifetime.TotalSeconds;
        // App-only answers carry no refresh token, id token or client_info.
        var body = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = accessToken,
        };
        return new Outcome(200, Body: body, AccessToken: accessToken);
    }

    /// <summary>
    /// What Entra checks on a certificate credential (RFC 7523 client authentication): the header names a
    /// registered certificate by thumbprint, the signature verifies with that certificate's public key,
    /// aud is this token endpoint, iss and sub are the client id, and the token is inside its time window.
    /// </summary>
    private Outcome? VerifyAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        JsonElement header;
        JsonElement claims;
        byte[] signature;
        try
        {
            if (parts.Length != 3)
            {
                throw new FormatException();
            }
            header = JsonDocument.Parse(Base64UrlDecode(parts[0])).RootElement;
            claims = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
            signature = Base64UrlDecode(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Error(401, "invalid_client", 50027, "JWT token is invalid or malformed.");
        }

        var registered = RegisteredCertificate;
        var sha256 = registered is null ? null : Base64Url(registered.GetCertHash(HashAlgorithmName.SHA256));
        var sha1 = registered is null ? null : Base64Url(registered.GetCertHash());
        var presented = Text(header, "x5t#S256") ?? Text(header, "x5t");
        var known = presented is not null && (presented == sha256 || presented == sha1);
        if (registered is null || !known)
        {
            return Error(401, "invalid_client", 700027,
                $"The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{presented}']");
        }

        var padding = Text(header, "alg") switch
        {
            "PS256" => RSASignaturePadding.Pss,
            "RS256" => RSASignaturePadding.Pkcs1,
            _ => null,
        };
        using var publicKey = registered.GetRSAPublicKey();
        if (padding is null || publicKey is null
            || !publicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, padding))
        {
            return Error(401, "invalid_client", 700027, "Client assertion failed signature validation.");
        }

        if (Text(claims, "aud") != TokenEndpoint)
        {
            return Error(401, "invalid_client", 700212, $"The client assertion's audience must be the token endpoint {TokenEndpoint}.");
        }
        if (Text(claims, "iss") != ClientId || Text(claims, "sub") != ClientId)
        {
            return Error(401, "invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var skew = (long)TimeSpan.FromMinutes(5).TotalSeconds;
        if (UnixTime(claims, "exp") is not { } exp || exp <= now || UnixTime(claims, "nbf") is { } nbf && nbf > now + skew)
        {
            return Error(401, "invalid_client", 700024, "Client assertion is not within its valid time range.");
        }
        if (string.IsNullOrEmpty(Text(claims, "jti")))
        {
            return Error(401, "invalid_client", 50027, "JWT token is invalid or malformed: no jti.");
        }
        return null;
    }

    private Outcome? RefuseTenantOrClient(string tenant, Dictionary<string, string> form)
    {
        if (!string.Equals(tenant, TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return Error(400, "invalid_request", 90002, $"Tenant '{tenant}' not found.");
        }
        var clientId = form.GetValueOrDefault("client_id");
        return clientId == ClientId
            ? null
            : Error(400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{TenantId}'.");
    }

    /// <summary>An id token as Entra's v2.0 endpoint issues it for a work account; MSAL reads it without checking the signature.</summary>
    private string IdToken(HttpRequest request)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = "standin-1" };
        var payload = new Dictionary<string, object>
        {
            ["aud"] = ClientId,
            ["iss"] = $"{request.Scheme}://{request.Host}/{TenantId}/v2.0",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["name"] = "Ada Lovelace",
            ["oid"] = UserObjectId,
            ["preferred_username"] = UserName,
            ["sub"] = "kZ3pQ1sV9xF4mT7bN2cR8wY5hJ0gL6dA-EuIoP1qWe",
            ["tid"] = TenantId,
            ["ver"] = "2.0",
        };
        var unsigned = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = _signingKey.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{unsigned}.{Base64Url(signature)}";
    }

    private IResult Unexpected(HttpRequest request)
    {
        Record(request, [], new Outcome(404, Error: "not_served"));
        return Results.NotFound();
    }

    private IResult Respond(HttpRequest request, Dictionary<string, string> form, Outcome outcome)
    {
        Record(request, form, outcome);
        return Results.Json(outcome.Body, statusCode: outcome.Status);
    }

    private void Record(HttpRequest request, Dictionary<string, string> form, Outcome outcome)
    {
        lock (_gate)
        {
            _requests.Add(new StandInRequest(request.Method, request.Path.Value ?? string.Empty, form, outcome.Status, outcome.Error,
                outcome.AccessToken, outcome.RefreshToken, outcome.IdToken));
        }
    }

    /// <summary>Entra's error body: error, an AADSTS-prefixed description with trace and correlation ids, error_codes.</summary>
    private static Outcome Error(int status, string error, int code, string description)
    {
        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.NewGuid().ToString();
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var body = new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            ["error_codes"] = new[] { code },
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"https://login.microsoftonline.com/error?code={code}",
        };
        return new Outcome(status, Body: body, Error: error);
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpRequest request) =>
        request.HasFormContentType
            ? (await request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>MSAL.NET writes nbf and exp as JSON strings ("nbf":"1700000000"); RFC 7519 says numbers. Accept both.</summary>
    private static long? UnixTime(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), out var text) => text,
            _ => null,
        };
    }

    private static string RandomCode(int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(length, alphabet, (span, letters) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
            }
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static X509Certificate2 CreateTlsCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=stand-in Entra", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // A PFX round trip gives Kestrel a certificate whose private key SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tlsCertificate.Dispose();
        _signingKey.Dispose();
    }

    private sealed record Outcome(int Status, Dictionary<string, object>? Body = null, string? Error = null,
        string? AccessToken = null, string? RefreshToken = null, string? IdToken = null);

    private sealed class DeviceCodeGrant(string userCode, string deviceCode, string scope, DateTimeOffset expiresAt)
    {
        public string UserCode { get; } = userCode;
        public string DeviceCode { get; } = deviceCode;
        public string Scope { get; } = scope;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public bool SignedIn { get; set; }
        public bool Redeemed { get; set; }
    }
}

/// <summary>One request the stand-in received: the form as sent, and what it answered.</summary>
public sealed record StandInRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Form,
    int Status,
    string? Error,
    string? IssuedAccessToken,
    string? IssuedRefreshToken,
    string? IssuedIdToken);
