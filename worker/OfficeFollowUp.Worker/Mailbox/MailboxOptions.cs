using FluentValidation;

namespace OfficeFollowUp.Mailbox;

/// <summary>How the worker signs in to Graph.</summary>
public enum MailboxMode
{
    /// <summary>The built-in sandbox mailbox (or a loopback Graph); no sign-in.</summary>
    Sandbox,

    /// <summary>One person signs in with a device code; Graph calls go to /me.</summary>
    Delegated,

    /// <summary>The app signs in with a client certificate (application permissions); Graph calls go to /users/{id} for each configured mailbox.</summary>
    Application,
}

/// <summary>
/// How the worker reaches a mailbox. With no tenant and no base URL the worker runs the built-in
/// sandbox mailbox; with TenantId and ClientId it signs a person in with a device code; with
/// Mode = Application and a certificate it serves the mailboxes listed in Mailboxes.
/// </summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailbox";

    /// <summary>Unset means: Sandbox without a tenant, Delegated with one.</summary>
    public MailboxMode? Mode { get; set; }

    /// <summary>Application mode: a PFX file holding the app's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX file's password; keep it in user secrets or the environment, never in appsettings.json.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Application mode: instead of a file, the thumbprint of a certificate in the CurrentUser or LocalMachine "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Application mode: the mailboxes to serve, as user principal names or Entra object ids.</summary>
    public List<string> Mailboxes { get; set; } = [];

    public MailboxMode EffectiveMode => Mode ?? (UsesSandbox ? MailboxMode.Sandbox : MailboxMode.Delegated);

    /// <summary>True when Graph calls must name a mailbox (/users/{id}) rather than the signed-in user (/me).</summary>
    public bool UsesApplicationPermissions => EffectiveMode == MailboxMode.Application;

    /// <summary>The pairing key cannot pick one of several mailboxes; callers must sign in.</summary>
    public bool ServesManyMailboxes => UsesApplicationPermissions && Mailboxes.Count > 1;

    /// <summary>Graph's base URL; change it for national clouds. Ignored in sandbox mode.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Where Entra signs the worker in; a national cloud has its own (https://login.microsoftonline.us/, …), paired with its GraphBaseUrl.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Name of the persisted MSAL token cache (kept by the OS keyring or an encrypted file).</summary>
    public string TokenCacheName { get; set; } = "officefollowup";

    /// <summary>On Linux without a keyring the cache can only be stored unencrypted; allowed only when set.</summary>
    public bool AllowUnencryptedTokenCache { get; set; }

    public int ContactsPageSize { get; set; } = 100;

    public bool UsesSandbox => (Mode is null or MailboxMode.Sandbox)
        && string.IsNullOrWhiteSpace(TenantId) && string.IsNullOrWhiteSpace(ClientId) && !UsesStaticUrl;

    /// <summary>True when the base URL points at a loopback Graph (tests, a sandbox run elsewhere).</summary>
    public bool UsesStaticUrl => Uri.TryCreate(GraphBaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>Delegated scopes, least privilege (DESIGN.md §3). No scope that sends mail: the person sends.</summary>
    public static readonly string[] DelegatedScopes =
    [
        "User.Read", "Contacts.Read", "Calendars.ReadWrite", "Mail.ReadWrite", "MailboxSettings.Read", "offline_access",
    ];
}

public sealed class MailboxOptionsValidator : AbstractValidator<MailboxOptions>
{
    /// <summary>The hosts the Graph SDK's authentication provider sends tokens to by default.</summary>
    internal static readonly IReadOnlySet<string> GraphHosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "graph.microsoft.de",
        "microsoftgraph.chinacloudapi.cn", "canary.graph.microsoft.com",
    };

    public MailboxOptionsValidator()
    {
        RuleFor(o => o.GraphBaseUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback))
            .WithName("Mailbox:GraphBaseUrl")
            .WithMessage("Mailbox:GraphBaseUrl must be an absolute https URL (plain http only on loopback).");
        // The Graph SDK attaches the token only to Graph's own hosts; any other host would get no token,
        // answer 401 and look like a refused sign-in. Say so at start instead.
        RuleFor(o => o.GraphBaseUrl)
            .Must(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.IsLoopback || GraphHosts.Contains(uri.Host))
            .WithName("Mailbox:GraphBaseUrl")
            .WithMessage($"Mailbox:GraphBaseUrl must be Microsoft Graph in the public or a national cloud ({string.Join(", ", GraphHosts)}), or a loopback address.");
        // Tokens and client assertions travel to this host: https only, loopback included.
        RuleFor(o => o.AuthorityHost)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            .WithName("Mailbox:AuthorityHost")
            .WithMessage("Mailbox:AuthorityHost must be an absolute https URL, such as https://login.microsoftonline.com/.");
        RuleFor(o => o.ClientId).NotEmpty().When(o => !string.IsNullOrWhiteSpace(o.TenantId))
            .WithName("Mailbox:ClientId").WithMessage("Mailbox:ClientId is required when Mailbox:TenantId is set.");
        RuleFor(o => o.TenantId).NotEmpty().When(o => !string.IsNullOrWhiteSpace(o.ClientId))
            .WithName("Mailbox:TenantId").WithMessage("Mailbox:TenantId is required when Mailbox:ClientId is set (use 'organizations' or 'consumers' if you have no single tenant).");
        RuleFor(o => o.ClientId).Must(id => Guid.TryParse(id, out _)).When(o => !string.IsNullOrWhiteSpace(o.ClientId))
            .WithName("Mailbox:ClientId").WithMessage("Mailbox:ClientId must be the application (client) id, a GUID.");
        RuleFor(o => o.ContactsPageSize).InclusiveBetween(1, 1000).WithName("Mailbox:ContactsPageSize");
        RuleFor(o => o.TokenCacheName).NotEmpty().WithName("Mailbox:TokenCacheName");
        When(o => o.Mode == MailboxMode.Application, () =>
        {
            RuleFor(o => o.Mailboxes).NotEmpty().WithName("Mailbox:Mailboxes")
                .WithMessage("Mailbox:Mailboxes must list the mailboxes to serve (UPNs or object ids) when Mailbox:Mode is Application.");
            RuleForEach(o => o.Mailboxes).NotEmpty().WithName("Mailbox:Mailboxes");
            RuleFor(o => o.Mailboxes).Must(m => m.Distinct(StringComparer.OrdinalIgnoreCase).Count() == m.Count).WithName("Mailbox:Mailboxes")
                .WithMessage("Mailbox:Mailboxes lists a mailbox twice.");
            When(o => !o.UsesStaticUrl, () =>
            {
                RuleFor(o => o.TenantId).NotEmpty().Must(t => Guid.TryParse(t, out _)).WithName("Mailbox:TenantId")
                    .WithMessage("Mailbox:TenantId must be the tenant id (a GUID) in Application mode: app-only tokens are per tenant.");
                RuleFor(o => o).Must(o => string.IsNullOrWhiteSpace(o.CertificatePath) != string.IsNullOrWhiteSpace(o.CertificateThumbprint))
                    .WithName("Mailbox:CertificatePath")
                    .WithMessage("Application mode needs exactly one of Mailbox:CertificatePath (a PFX file) or Mailbox:CertificateThumbprint.");
                RuleFor(o => o.CertificatePath).Must(File.Exists).When(o => !string.IsNullOrWhiteSpace(o.CertificatePath))
                    .WithName("Mailbox:CertificatePath").WithMessage("Mailbox:CertificatePath does not name an existing file.");
            });
        });
        RuleFor(o => o.Mailboxes).Empty().When(o => o.Mode is MailboxMode.Delegated)
            .WithName("Mailbox:Mailboxes").WithMessage("Mailbox:Mailboxes is for Application mode; Delegated mode serves the signed-in person only.");
        RuleFor(o => o.TenantId).NotEmpty().When(o => o.Mode == MailboxMode.Delegated && !o.UsesStaticUrl)
            .WithName("Mailbox:TenantId").WithMessage("Mailbox:TenantId and Mailbox:ClientId are required when Mailbox:Mode is Delegated.");
    }
}
