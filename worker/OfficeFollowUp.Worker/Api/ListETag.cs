using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OfficeFollowUp.Api;

/// <summary>
/// For the lists the pane polls: a strong ETag, and 304 Not Modified (no body) when the request's If-None-Match
/// names it. Two kinds. <see cref="WithVersionETag"/>, for the lists built from the store alone: the tag is derived
/// from the mailbox's change version (<see cref="Store.ChangeVersionStore"/>, moved in the transaction of every write
/// a list shows), the current minute, the request's path and query, and this process's start; a revalidation reads
/// one row and answers 304 before the list is built, and a full request for a tag this process already built gets
/// those bytes (a few kept in memory). A change by time alone (a snooze running out, an item becoming
/// overdue, midnight in the mailbox's zone) shows at the next minute. <see cref="WithListETag"/>, for answers that also
/// show the process's own state (Health): a hash of the serialized body, so a revalidation still builds it and saves
/// only the transfer and the pane's parse. Cache-Control: no-cache, private — the pane (and nothing shared) may keep
/// the answer but must ask again before showing it.
/// </summary>
public static class ListETag
{
    public const string CacheControl = "no-cache, private";

    /// <summary>Answers this GET with an ETag over its body and honours If-None-Match.</summary>
    public static RouteHandlerBuilder WithListETag(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<ListETagFilter>();

    /// <summary>Answers this GET (a list read from the store alone, for a <see cref="ConnectedMailbox"/>) with an ETag from the mailbox's change version; a match is answered before the list is built.</summary>
    public static RouteHandlerBuilder WithVersionETag(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<VersionETagFilter>();

    /// <summary>
    /// The tag of a versioned answer. The process's start is part of it, so a restart with other settings (or another build)
    /// never revalidates an answer the old process built; processes sharing a store each answer their own tag once.
    /// </summary>
    public static string TagOf(string processStart, string mailboxId, string version, DateTimeOffset now, string pathAndQuery) =>
        TagOf(System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{processStart}\n{mailboxId}\n{version}\n{now.ToUnixTimeSeconds() / 60}\n{pathAndQuery}")));

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
        return ListETagAnswer.Of(context.HttpContext, ListETag.TagOf(body), body);
    }
}

internal static class ListETagAnswer
{
    /// <summary>Sets the tag and the cache rule, and answers 304 when the request names the tag, else the body.</summary>
    public static IResult Of(HttpContext http, string tag, byte[]? body)
    {
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = ListETag.CacheControl;
        if (body is null || ListETag.Matches(http.Request.Headers.IfNoneMatch, tag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, "application/json; charset=utf-8");
    }
}

/// <summary>
/// This host's part of the versioned tags: a value new at every start (so a restart never revalidates an old answer), and
/// the answers built here, by tag: a few, dropped together when full (a tag older than a minute never matches again).
/// </summary>
public sealed class ListAnswers
{
    private const int Limit = 32;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _built = new(StringComparer.Ordinal);

    public string Start { get; } = Guid.NewGuid().ToString("N");

    public bool TryGet(string tag, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? body) => _built.TryGetValue(tag, out body);

    public void Remember(string tag, byte[] body)
    {
        if (_built.Count >= Limit)
        {
            _built.Clear();
        }
        _built[tag] = body;
    }
}

internal sealed class VersionETagFilter(IOptions<JsonOptions> json, Store.ChangeVersionStore versions, ListAnswers answers, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var mailbox = http.RequestServices.GetRequiredService<ConnectedMailbox>();
        if (!mailbox.IsConnected)
        {
            return await next(context);
        }

        // The version is read before the list: a write that lands while the list is built leaves this tag behind, so the
        // next revalidation gets the newer list.
        var version = await versions.CurrentAsync(mailbox.Id, http.RequestAborted);
        var tag = ListETag.TagOf(answers.Start, mailbox.Id, version, time.GetUtcNow(), http.Request.Path + http.Request.QueryString);
        if (ListETag.Matches(http.Request.Headers.IfNoneMatch, tag))
        {
            return ListETagAnswer.Of(http, tag, null);
        }

        // The same tag is the same answer: a pane asking without If-None-Match (a first load, another pane) gets the bytes built for it.
        if (answers.TryGet(tag, out var cached))
        {
            return ListETagAnswer.Of(http, tag, cached);
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not IValueHttpResult { Value: { } value } || inner is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) })
        {
            return result;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
        answers.Remember(tag, body);
        return ListETagAnswer.Of(http, tag, body);
    }
}
