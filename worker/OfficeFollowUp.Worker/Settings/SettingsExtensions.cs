namespace OfficeFollowUp.Settings;

public static class SettingsExtensions
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EffectiveSettings>();
        return builder;
    }
}
