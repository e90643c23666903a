using FluentValidation;

namespace OfficeFollowUp.Api;

/// <summary>
/// Every request record an endpoint takes (a body, or query values bound with [AsParameters]) passes
/// its FluentValidation validator, which lives beside the record, before the endpoint runs; a refusal
/// is RFC 9457 validation problem details naming each field. The JSON itself (unknown or repeated
/// fields, wrong types, enum names) was refused earlier, while it was read (<see cref="StrictJson"/>).
/// Endpoints without a validated parameter get no filter at all.
/// </summary>
internal static class ValidateRequests
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var validated = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Index: index, Validator: ValidatorFor(context.ApplicationServices, parameter.ParameterType)))
            .Where(p => p.Validator is not null)
            .Select(p => (p.Index, Validator: p.Validator!))
            .ToArray();
        if (validated.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            Dictionary<string, string[]>? errors = null;
            foreach (var (index, validator) in validated)
            {
                if (invocation.Arguments[index] is not { } request)
                {
                    continue;
                }
                var result = await validator.ValidateAsync(new ValidationContext<object>(request), invocation.HttpContext.RequestAborted);
                foreach (var (field, messages) in result.ToDictionary())
                {
                    (errors ??= new(StringComparer.Ordinal))[field] = messages;
                }
            }
            return errors is null ? await next(invocation) : TypedResults.ValidationProblem(errors);
        };
    }

    private static IValidator? ValidatorFor(IServiceProvider services, Type type) =>
        type.IsByRef || type.IsPointer || type.ContainsGenericParameters
            ? null
            : services.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator;
}
