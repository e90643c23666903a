namespace OfficeFollowUp.Api;

/// <summary>
/// Path and query values of every /api endpoint, before it runs: an {email} in the path passes the same
/// rule as an email in a body, and no value may carry control characters or run past 1,024 characters
/// (ids are GUIDs or Graph ids). The problem names the parameter, as a body's problem names the field.
/// </summary>
internal sealed class ValidateRouteInput : IEndpointFilter
{
    private const int MaxValueLength = 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is not string text)
            {
                continue;
            }
            var problem = name == "email" ? InputRules.EmailProblem(text) : ValueProblem(text);
            if (problem is not null)
            {
                errors[name] = [problem];
            }
        }
        foreach (var (name, values) in request.Query)
        {
            foreach (var text in values)
            {
                if (text is not null && ValueProblem(text) is { } problem)
                {
                    errors[IsPlainName(name) ? name : "query"] = [problem];
                }
            }
        }
        return errors.Count > 0 ? Results.ValidationProblem(errors) : await next(context);
    }

    private static string? ValueProblem(string text) =>
        InputRules.HasControlCharacters(text, multiLine: false) ? "Control characters are not allowed here."
        : text.Length > MaxValueLength ? $"At most {MaxValueLength} characters."
        : null;

    private static bool IsPlainName(string name) => name.Length is > 0 and <= 64 && name.All(char.IsAsciiLetterOrDigit);
}
