using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.FollowUps;

public static class FollowUpExtensions
{
    public static WebApplicationBuilder AddFollowUps(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<FollowUpOptions, FollowUpOptionsValidator>(builder.Configuration, FollowUpOptions.Section);
        builder.Services.AddSingleton<StartFollowUpTrack>();
        builder.Services.AddSingleton<StartFollowUpsFromPrompt>();
        builder.Services.AddSingleton<PrepareThankYouDraft>();
        return builder;
    }
}
