using System.Text.Json;
using System.Text.Json.Serialization;
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
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
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
        app.MapGroup("/api").RequireAuthorization().RequireCallerLimits().MapFollowUps().MapPrompts().MapReferrals().MapPromises().MapKeepInTouch().MapPeople().MapStatus().MapSettings().MapOutbox();
        return app;
    }
}
