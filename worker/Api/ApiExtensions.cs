using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

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
        builder.Services.AddAuthentication(PairingKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PairingKeyAuthentication>(PairingKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024);
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapGroup("/api").RequireAuthorization().MapFollowUps().MapPrompts().MapStatus();
        return app;
    }
}
