using FluentValidation;

namespace OfficeFollowUp.Mailbox;

/// <summary>
/// How the worker reaches a mailbox. With no tenant and no base URL the worker runs the built-in
/// sandbox mailbox; with TenantId and ClientId it signs a person in with a device code.
/// </summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailbox";

    /// <summary>Graph's base URL; change it for national clouds. Ignored in sandbox mode.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Name of the persisted MSAL token cache (kept by the OS keyring or an encrypted file).</summary>
    public string TokenCacheName { get; set; } = "officefollowup";

    /// <summary>On Linux without a keyring the cache can only be stored unencrypted; allowed only when set.</summary>
    public bool AllowUnencryptedTokenCache { get; set; }

    public int ContactsPageSize { get; set; } = 100;

    public bool UsesSandbox => string.IsNullOrWhiteSpace(TenantId) && string.IsNullOrWhiteSpace(ClientId) && !UsesStaticUrl;

    /// <summary>True when the base URL points at a loopback Graph (tests, a sandbox run elsewhere).</summary>
    public bool UsesStaticUrl => Uri.TryCreate(GraphBaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>Delegated scopes, least privilege (DESIGN.md §3). No Mail.Send: the person sends.</summary>
    public static readonly string[] DelegatedScopes =
    [
        "User.Read", "Contacts.Read", "Calendars.ReadWrite", "Mail.ReadWrite", "MailboxSettings.Read", "offline_access",
    ];
}

public sealed class MailboxOptionsValidator : AbstractValidator<MailboxOptions>
{
    public MailboxOptionsValidator()
    {
        RuleFor(o => o.GraphBaseUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback))
            .WithName("Mailbox:GraphBaseUrl")
            .WithMessage("Mailbox:GraphBaseUrl must be an absolute https URL (plain http only on loopback).");
        RuleFor(o => o.ClientId).NotEmpty().When(o => !string.IsNullOrWhiteSpace(o.TenantId))
            .WithName("Mailbox:ClientId").WithMessage("Mailbox:ClientId is required when Mailbox:TenantId is set.");
        RuleFor(o => o.TenantId).NotEmpty().When(o => !string.IsNullOrWhiteSpace(o.ClientId))
            .WithName("Mailbox:TenantId").WithMessage("Mailbox:TenantId is required when Mailbox:ClientId is set (use 'organizations' or 'consumers' if you have no single tenant).");
        RuleFor(o => o.ClientId).Must(id => Guid.TryParse(id, out _)).When(o => !string.IsNullOrWhiteSpace(o.ClientId))
            .WithName("Mailbox:ClientId").WithMessage("Mailbox:ClientId must be the application (client) id, a GUID.");
        RuleFor(o => o.ContactsPageSize).InclusiveBetween(1, 1000).WithName("Mailbox:ContactsPageSize");
        RuleFor(o => o.TokenCacheName).NotEmpty().WithName("Mailbox:TokenCacheName");
    }
}
