using FluentValidation;

namespace OfficeFollowUp.Auth;

/// <summary>
/// Microsoft 365 sign-in for the task pane: the pane gets a token for the worker's API through
/// nested app authentication, and the worker checks it. Off (pairing key only) until Authority and
/// Audience are both set.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The token issuer's authority, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; set; }

    /// <summary>The worker API's application id URI, e.g. api://{client-id}.</summary>
    public string? Audience { get; set; }

    /// <summary>Tenant ids whose users may call the API; a token from any other tenant is refused.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>The delegated scope the pane asks for; a token without it (an app-only token) is refused.</summary>
    public string Scope { get; set; } = "access_as_user";

    /// <summary>
    /// The add-in's single-page application registration (client id) the pane signs in with through
    /// nested app authentication; may be the API's own registration.
    /// </summary>
    public string? PaneClientId { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Audience);

    /// <summary>Plain-http metadata is allowed only for a loopback authority (tests, a local identity provider).</summary>
    public bool AuthorityIsLoopback => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>
    /// The audiences a token may carry: v1 tokens carry the application id URI, v2 tokens the bare
    /// client id, so api://{guid} accepts both.
    /// </summary>
    public IReadOnlyList<string> ValidAudiences
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Audience))
            {
                return [];
            }
            const string prefix = "api://";
            var bare = Audience.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? Audience[prefix.Length..].TrimEnd('/') : null;
            return bare is not null && Guid.TryParse(bare, out _) ? [Audience, bare] : [Audience];
        }
    }
}

public sealed class AuthOptionsValidator : AbstractValidator<AuthOptions>
{
    public AuthOptionsValidator()
    {
        When(o => o.Enabled, () =>
        {
            RuleFor(o => o.Authority)
                .Must(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback) && uri.AbsolutePath.Trim('/').Length > 0)
                .WithName("Auth:Authority")
                .WithMessage("Auth:Authority must be an absolute https URL such as https://login.microsoftonline.com/{tenant}/v2.0 (plain http only on loopback).");
            RuleFor(o => o.Audience).NotEmpty().WithName("Auth:Audience")
                .WithMessage("Auth:Audience is required with Auth:Authority: the API's application id URI, api://{client-id}.");
            RuleFor(o => o.AllowedTenants).NotEmpty().WithName("Auth:AllowedTenants")
                .WithMessage("Auth:AllowedTenants must list at least one tenant id: the worker never accepts tokens from any tenant.");
            RuleForEach(o => o.AllowedTenants).Must(t => Guid.TryParse(t, out _)).WithName("Auth:AllowedTenants")
                .WithMessage("Auth:AllowedTenants entries must be tenant ids (GUIDs), not domain names: tokens carry the id in their tid claim.");
            RuleFor(o => o.Scope).NotEmpty().WithName("Auth:Scope");
            RuleFor(o => o.PaneClientId).Must(id => Guid.TryParse(id, out _)).WithName("Auth:PaneClientId")
                .WithMessage("Auth:PaneClientId must be the add-in's single-page application (client) id, a GUID: the pane signs in with it.");
        });
    }
}
