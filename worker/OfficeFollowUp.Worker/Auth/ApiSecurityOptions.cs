using FluentValidation;

namespace OfficeFollowUp.Auth;

/// <summary>Who may call the API from a browser, and how often.</summary>
public sealed class ApiSecurityOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Origins allowed by CORS. The pane is normally served by the worker itself (same origin), so
    /// this only matters when the add-in is hosted elsewhere (a dev server, a CDN).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Requests one caller (a signed-in user, or the pairing key) may make per minute.</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Refused requests (wrong pairing key or token) one client address may make per <see cref="FailedSignInWindow"/> before it is throttled.</summary>
    public int FailedSignInLimit { get; set; } = 20;

    /// <summary>Counted from an address's first failure; once past the limit, its /api requests get 429 until the window ends.</summary>
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often refused sign-ins are logged, as one line of counts.</summary>
    public TimeSpan FailedSignInLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The configured origins, or the worker's own default address when none is set.</summary>
    public IReadOnlyList<string> EffectiveOrigins => AllowedOrigins.Count > 0 ? AllowedOrigins : [DefaultOrigin];

    public const string DefaultOrigin = "https://localhost:5443";
}

public sealed class ApiSecurityOptionsValidator : AbstractValidator<ApiSecurityOptions>
{
    public ApiSecurityOptionsValidator()
    {
        RuleForEach(o => o.AllowedOrigins)
            .Must(BeAnOrigin)
            .WithName("Api:AllowedOrigins")
            .WithMessage("Api:AllowedOrigins entries must be origins like https://host[:port] (scheme, host and port only; no path, no wildcard; http only on loopback).");
        RuleFor(o => o.RequestsPerMinute).InclusiveBetween(1, 100_000).WithName("Api:RequestsPerMinute");
        RuleFor(o => o.FailedSignInLimit).InclusiveBetween(1, 10_000).WithName("Api:FailedSignInLimit");
        RuleFor(o => o.FailedSignInWindow).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)).WithName("Api:FailedSignInWindow");
        RuleFor(o => o.FailedSignInLogInterval).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)).WithName("Api:FailedSignInLogInterval");
    }

    private static bool BeAnOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !origin.EndsWith('/') && !origin.Contains('*', StringComparison.Ordinal);
}
