using OfficeFollowUp.Hosting;

namespace OfficeFollowUp.Referrals;

public static class ReferralExtensions
{
    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ReferralOptions, ReferralOptionsValidator>(builder.Configuration, ReferralOptions.Section);
        builder.Services.AddSingleton<LogReferral>();
        builder.Services.AddSingleton<RecordOutcome>();
        builder.Services.AddSingleton<PrepareReferralDraft>();
        builder.Services.AddSingleton<Mailbox.MessageReader>();
        return builder;
    }
}
