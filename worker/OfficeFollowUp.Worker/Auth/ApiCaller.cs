using System.Security.Claims;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.Auth;

/// <summary>Who is calling: the local pairing key, or a Microsoft 365 user (tenant id + object id from the token).</summary>
public sealed record ApiCaller(bool IsPairingKey, string? TenantId, string? ObjectId)
{
    public static ApiCaller? From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        if (identity.AuthenticationType == PairingKeyAuthentication.SchemeName)
        {
            return new ApiCaller(true, null, null);
        }

        var tid = user.FindFirst(JwtAuthentication.TenantClaim)?.Value;
        var oid = user.FindFirst(JwtAuthentication.ObjectIdClaim)?.Value;
        return string.IsNullOrEmpty(tid) || string.IsNullOrEmpty(oid) ? null : new ApiCaller(false, tid, oid);
    }

    /// <summary>The rate limiter's partition: one budget per person, or for the pairing key.</summary>
    public string PartitionKey => IsPairingKey ? "pairing-key" : $"user:{TenantId}:{ObjectId}";
}
