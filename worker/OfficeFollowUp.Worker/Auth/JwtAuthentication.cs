using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.Auth;

/// <summary>
/// The API's two ways in behind one scheme: a JWT (three dot-separated parts) goes to the standard
/// JWT bearer handler, anything else to the pairing key. The JWT handler exists only when Auth is configured.
/// </summary>
public static class JwtAuthentication
{
    public const string PolicyScheme = "PairingKeyOrJwt";
    public const string TenantClaim = "tid";
    public const string ObjectIdClaim = "oid";
    public const string ScopeClaim = "scp";

    public static void AddApiAuthentication(this IServiceCollection services, AuthOptions auth)
    {
        var builder = services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Pairing key or Microsoft 365", o =>
                o.ForwardDefaultSelector = context => auth.Enabled && BearerLooksLikeJwt(context.Request)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : PairingKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PairingKeyAuthentication>(PairingKeyAuthentication.SchemeName, null);

        if (!auth.Enabled)
        {
            return;
        }

        builder.AddJwtBearer(o =>
        {
            o.Authority = auth.Authority;
            o.RequireHttpsMetadata = !auth.AuthorityIsLoopback;
            // Keep the token's short claim names (oid, tid, scp) instead of the WS-Federation URIs.
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                IssuerValidator = (issuer, token, _) => ValidateIssuer(issuer, token, auth),
                ValidateAudience = true,
                ValidAudiences = auth.ValidAudiences,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromMinutes(2),
                NameClaimType = ObjectIdClaim,
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var scopes = context.Principal?.FindFirst(ScopeClaim)?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
                    if (!scopes.Contains(auth.Scope, StringComparer.Ordinal) || context.Principal?.FindFirst(ObjectIdClaim) is null)
                    {
                        context.Fail($"The token lacks the {auth.Scope} delegated scope or a user object id.");
                    }
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>The pairing key is base64url (no dots); a JWS compact token is header.payload.signature.</summary>
    private static bool BearerLooksLikeJwt(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.AsSpan("Bearer ".Length).Trim().Contains('.');
    }

    /// <summary>
    /// Entra issues tokens per tenant ({authority host}/{tid}/v2.0), also when the authority is
    /// "organizations". The issuer must be the allowed tenant's own issuer and match the token's tid.
    /// </summary>
    private static string ValidateIssuer(string issuer, SecurityToken token, AuthOptions auth)
    {
        var tid = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(TenantClaim, out var value) ? value : null;
        if (tid is null || !auth.AllowedTenants.Contains(tid, StringComparer.OrdinalIgnoreCase))
        {
            throw new SecurityTokenInvalidIssuerException("The token's tenant is not in Auth:AllowedTenants.");
        }
        if (!string.Equals(issuer, IssuerFor(auth.Authority!, tid), StringComparison.Ordinal))
        {
            throw new SecurityTokenInvalidIssuerException("The token's issuer is not its tenant's issuer at Auth:Authority.");
        }
        return issuer;
    }

    /// <summary>https://login.microsoftonline.com/{any}/v2.0 → https://login.microsoftonline.com/{tid}/v2.0.</summary>
    internal static string IssuerFor(string authority, string tenantId)
    {
        var uri = new Uri(authority.TrimEnd('/'));
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        segments[0] = tenantId;
        return $"{uri.GetLeftPart(UriPartial.Authority)}/{string.Join('/', segments)}";
    }
}
