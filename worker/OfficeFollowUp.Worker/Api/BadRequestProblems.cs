using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace OfficeFollowUp.Api;

/// <summary>
/// A body the endpoint could not bind — none where one is needed, <c>null</c>, not JSON, or refused by
/// <see cref="StrictJson"/> — as RFC 9457 validation problem details naming the field, in the same shape
/// as the FluentValidation problems ({"errors": {"people[0].email": ["…"]}}). Minimal APIs throw these
/// as <see cref="BadHttpRequestException"/> because <c>ThrowOnBadRequest</c> is on; without it they
/// answer a bare 400 that names nothing. The endpoint never ran, so nothing was stored.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>The key for a problem with the body as a whole (missing, null, not JSON, the wrong JSON type).</summary>
    public const string BodyField = "body";

    private const int MaxFieldLength = 120;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = bad.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(Errors(bad.InnerException as JsonException)) { Status = StatusCodes.Status400BadRequest }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Send JSON" : "Bad request",
                Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Send the body as application/json." : null,
            };
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static Dictionary<string, string[]> Errors(JsonException? json)
    {
        if (json is null)
        {
            // Minimal APIs found no body (or the JSON literal null) for a parameter that needs one.
            return new() { [BodyField] = ["A JSON body is needed."] };
        }

        if (json.InnerException is JsonException)
        {
            // The reader's own exception inside: the text is not JSON at all (cut off, a trailing comma, empty),
            // so no field is to blame; where it broke is what helps.
            return new()
            {
                [BodyField] = [json.LineNumber is { } line && json.BytePositionInLine is { } position
                    ? $"The body is not valid JSON (line {line + 1}, position {position + 1})."
                    : "The body is not valid JSON."],
            };
        }

        var field = FieldOf(json.Path);
        var message = json switch
        {
            WireFormatException wire => wire.Message,
            // System.Text.Json's own wording for UnmappedMemberHandling.Disallow and AllowDuplicateProperties = false.
            _ when json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => "Unknown field; check its spelling.",
            _ when json.Message.Contains("Duplicate property", StringComparison.OrdinalIgnoreCase) => "This field is given more than once.",
            _ => field == BodyField ? "A JSON object is expected." : "This value has the wrong type.",
        };
        return new() { [field] = [message] };
    }

    /// <summary>"$.people[0].email" → "people[0].email"; the body itself → "body". A field name the client made up is cut short.</summary>
    internal static string FieldOf(string? path)
    {
        var field = path switch
        {
            null or "" or "$" => BodyField,
            _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
            _ when path.StartsWith('$') => path[1..],
            _ => path,
        };
        if (InputRules.HasControlCharacters(field, multiLine: false))
        {
            return BodyField;
        }
        return field.Length > MaxFieldLength ? field[..MaxFieldLength] + "…" : field;
    }
}
