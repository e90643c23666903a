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
    }

    private static bool BeAnOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !origin.EndsWith('/') && !origin.Contains('*', StringComparison.Ordinal);
}
