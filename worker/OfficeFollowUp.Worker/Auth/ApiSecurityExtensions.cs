using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.Auth;

/// <summary>
/// Everything between the network and the API's endpoints: who the caller is (pairing key or a
/// Microsoft 365 token), which browser origins may call, response headers, and a per-caller request budget.
/// </summary>
public static class ApiSecurityExtensions
{
    public const string PerCallerLimit = "per-caller";
    private const string CorsPolicy = "add-in";

    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(builder.Configuration, AuthOptions.Section);
        services.AddValidatedOptions<ApiSecurityOptions, ApiSecurityOptionsValidator>(builder.Configuration, ApiSecurityOptions.Section);
        // Read once here because authentication schemes are fixed at composition; the same values are
        // validated at start (ValidateOnStart) and a bad one stops the process naming the key.
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var api = builder.Configuration.GetSection(ApiSecurityOptions.Section).Get<ApiSecurityOptions>() ?? new ApiSecurityOptions();

        services.AddSingleton<FailedSignInLimiter>();
        // The handlers log every refused key or token at Information; FailedSignInLimiter logs them as one
        // line of counts per interval instead, so a loop of bad keys cannot grow the log.
        builder.Logging.AddFilter(typeof(Api.PairingKeyAuthentication).FullName, LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Authentication", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Authorization", LogLevel.Warning);
        services.AddHttpContextAccessor();
        services.AddScoped<CallerMailbox>();
        services.AddApiAuthentication(auth);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins([.. api.EffectiveOrigins])
            .WithMethods("GET", "POST", "PUT")
            .WithHeaders("Authorization", "Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        // Defaults exclude localhost: HSTS on localhost would force https on every local port of the browser.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PerCallerLimit, context =>
            {
                var caller = ApiCaller.From(context.User);
                // Unauthenticated requests are refused by authorization before they get here; the address is a fallback.
                var key = caller?.PartitionKey ?? $"address:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = api.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This caller may make {api.RequestsPerMinute} requests a minute. Try again in {seconds} s.",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// Headers and CORS first (they apply to the pane's files too), then the failed sign-in limit (a
    /// throttled address is refused before its credentials are checked), authentication, authorization, rate limits.
    /// </summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseHsts();
        app.UseCors(CorsPolicy);
        app.UseFailedSignInLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Every /api endpoint: a per-caller budget, and only the caller's own mailbox.</summary>
    public static RouteGroupBuilder RequireCallerLimits(this RouteGroupBuilder api)
    {
        api.RequireRateLimiting(PerCallerLimit);
        api.AddEndpointFilter<RequireCallerMailbox>();
        return api;
    }
}
