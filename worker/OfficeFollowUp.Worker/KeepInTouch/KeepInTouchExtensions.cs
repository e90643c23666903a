using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.KeepInTouch;

public static class KeepInTouchExtensions
{
    public static WebApplicationBuilder AddKeepInTouch(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<KeepInTouchOptions, KeepInTouchOptionsValidator>(builder.Configuration, KeepInTouchOptions.Section);
        return builder;
    }
}
