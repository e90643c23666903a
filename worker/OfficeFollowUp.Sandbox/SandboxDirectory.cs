using System.Net;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Which mailboxes a sandbox server serves: one (reachable at <c>/me</c> unless it answers as to an app-only caller,
/// and at <c>/users/{its id or upn}</c>), or every mailbox of a <see cref="SandboxTenant"/> (application permissions:
/// <c>/users/{id or upn}</c> only).
/// </summary>
internal sealed class SandboxDirectory
{
    private SandboxDirectory(SandboxMailbox? single, SandboxTenant? tenant, TimeProvider time, string tenantId)
    {
        Single = single;
        Tenant = tenant;
        Time = time;
        TenantId = tenantId;
    }

    public SandboxMailbox? Single { get; }

    public SandboxTenant? Tenant { get; }

    public TimeProvider Time { get; }

    public string TenantId { get; }

    /// <summary>Faults for <c>/subscriptions</c>: the single mailbox's, or the tenant's.</summary>
    public SandboxFaults Faults => Single?.Faults ?? Tenant!.Faults;

    /// <summary>Where <c>/subscriptions</c> requests are counted: the single mailbox's log, or the tenant's.</summary>
    public SandboxRequestLog Requests => Single?.Requests ?? Tenant!.Requests;

    /// <summary>The signed-in user's mailbox, or null when the caller is app-only.</summary>
    public SandboxMailbox? Me => Single is { ApplicationPermissions: false } ? Single : null;

    public static SandboxDirectory For(SandboxMailbox mailbox) =>
        new(mailbox, null, mailbox.State.Time, SandboxTenant.SampleTenantId);

    public static SandboxDirectory For(SandboxTenant tenant) => new(null, tenant, tenant.Time, tenant.TenantId);

    public SandboxMailbox? Find(string idOrUpn)
    {
        if (Tenant is not null)
        {
            return Tenant.Find(idOrUpn);
        }

        var user = Single!.User;
        return idOrUpn == user.Id || idOrUpn.Equals(user.UserPrincipalName, StringComparison.OrdinalIgnoreCase) ? Single : null;
    }

    /// <summary>Graph's answer for a mailbox path of a user the tenant does not have.</summary>
    public static GraphError InvalidUser(string idOrUpn) =>
        new(HttpStatusCode.NotFound, "ErrorInvalidUser", $"The requested user '{idOrUpn}' is invalid.");
}
