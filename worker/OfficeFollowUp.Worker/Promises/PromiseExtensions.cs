namespace OfficeFollowUp.Promises;

public static class PromiseExtensions
{
    public static WebApplicationBuilder AddPromises(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Store.PromiseStore>();
        return builder;
    }
}
