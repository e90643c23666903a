using FluentValidation;
using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Hosting;

/// <summary>Options are contracts: a bad setting stops the process at start with a message naming the key.</summary>
public static class FluentOptionsValidation
{
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidator<TOptions>, new()
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new FluentValidateOptions<TOptions>(new TValidator()));
        return services;
    }

    private sealed class FluentValidateOptions<TOptions>(IValidator<TOptions> validator) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var result = validator.Validate(options);
            return result.IsValid
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
        }
    }
}
