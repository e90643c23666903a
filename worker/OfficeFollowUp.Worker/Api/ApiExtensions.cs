using FluentValidation;
using OfficeFollowUp.Auth;
using OfficeFollowUp.BulkAdditions;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.Drafts;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Hosting;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Notifications;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.People;
using OfficeFollowUp.Promises;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Api;

public sealed record HealthDto(string Status);

public static class ApiExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKey>();
        builder.Services.AddScoped<ConnectedMailbox>();
        builder.Services.AddSingleton<ListAnswers>();
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

    /// <summary>
    /// Every /api endpoint, in this order before it runs: a signed-in caller within its request budget
    /// and serving their own mailbox (403 otherwise), path and query values checked, the request record
    /// validated (400 naming the field), then the caller's connected mailbox resolved for the endpoints
    /// that work on one (one "not connected" answer).
    /// </summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();

        app.MapGet("/health", () => TypedResults.Ok(new HealthDto("ok"))).AllowAnonymous();
        app.MapPaneAuthConfig();
        app.MapGraphNotifications();
        app.MapGroup("/api")
            .RequireAuthorization()
            .RequireCallerLimits()
            .AddEndpointFilter<ValidateRouteInput>()
            .AddEndpointFilterFactory(ValidateRequests.Create)
            .ResolveConnectedMailboxes()
            .MapFollowUps().MapPrompts().MapBulkPrompts().MapReferrals().MapPromises().MapKeepInTouch().MapPeople().MapStatus().MapSettings().MapTemplates().MapDraftPreview().MapOutbox()
            .MapSandboxDemo();
        return app;
    }
}
