using FluentValidation;
using OfficeFollowUp.Auth;
using OfficeFollowUp.People;
using OfficeFollowUp.Settings;

namespace OfficeFollowUp.Api;

public static class ApiExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKey>();
        builder.Services.AddProblemDetails();
        builder.Services.AddValidatorsFromAssemblyContaining<SkipRequestValidator>(ServiceLifetime.Singleton, includeInternalTypes: false);
        // Bad input is refused while the body is read (StrictJson) and answered with a problem naming the
        // field (BadRequestProblems); minimal APIs only hand that failure on when they throw it.
        builder.Services.ConfigureHttpJsonOptions(o => StrictJson.Apply(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestProblems>();
        builder.AddApiSecurity();
        builder.Services.AddAuthorization();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024);
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapPaneAuthConfig();
        app.MapGroup("/api").RequireAuthorization().RequireCallerLimits().AddEndpointFilter<ValidateRouteInput>().MapFollowUps().MapPrompts().MapReferrals().MapPromises().MapKeepInTouch().MapPeople().MapStatus().MapSettings().MapOutbox();
        return app;
    }
}
