using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OfficeFollowUp.Api;

/// <summary>
/// For the lists the pane polls: a strong ETag over the exact JSON the endpoint answers, and 304 Not
/// Modified (no body) when the request's If-None-Match names it. The tag is a hash of the serialized body,
/// so it changes with anything the answer shows — a Done, a new follow-up, a snooze running out, the due
/// window moving at midnight in the mailbox's zone, a contact renamed by sync — without every writer having
/// to remember to bump a version. A revalidation still reads and serializes the list on the worker; what it
/// saves is the transfer and the pane's parse and re-render. Cache-Control: no-cache, private — the pane
/// (and nothing shared) may keep the answer but must ask again before showing it.
/// </summary>
public static class ListETag
{
    public const string CacheControl = "no-cache, private";

    /// <summary>Answers this GET with an ETag and honours If-None-Match.</summary>
    public static RouteHandlerBuilder WithListETag(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<ListETagFilter>();

    /// <summary>The strong tag for a body: the first 128 bits of its SHA-256, quoted.</summary>
    public static string TagOf(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body)[..16])}\"";

    /// <summary>
    /// RFC 9110 §13.1.2: If-None-Match compares weakly, so W/"x" matches "x"; "*" matches any current answer.
    /// A header that does not parse matches nothing (the full answer is always safe).
    /// </summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(tag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}

internal sealed class ListETagFilter(IOptions<JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        // Only a 200 with a value is a list answer; problems and not-connected answers pass as they are.
        if (inner is not IValueHttpResult { Value: { } value } || inner is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) })
        {
            return result;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
        var tag = ListETag.TagOf(body);
        var http = context.HttpContext;
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = ListETag.CacheControl;
        if (ListETag.Matches(http.Request.Headers.IfNoneMatch, tag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, "application/json; charset=utf-8");
    }
}
