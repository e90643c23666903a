using Microsoft.AspNetCore.Http;

namespace OfficeFollowUp.Sandbox;

/// <summary>Writes Graph's JSON answers for requests that belong to no one mailbox (the tenant's /subscriptions, unknown users).</summary>
internal static class GraphAnswer
{
    /// <summary>Sets Graph's request-id and client-request-id headers and returns (requestId, clientRequestId).</summary>
    public static (string RequestId, string ClientRequestId) StampIds(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        var sent = http.Request.Headers["client-request-id"].ToString();
        var clientRequestId = string.IsNullOrEmpty(sent) ? Guid.NewGuid().ToString() : sent;
        http.Response.Headers["request-id"] = requestId;
        http.Response.Headers["client-request-id"] = clientRequestId;
        http.Response.Headers.CacheControl = "private";
        return (requestId, clientRequestId);
    }

    public static Task WriteJsonAsync(HttpContext http, int status, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var bytes = SandboxJson.Write(write);
        http.Response.StatusCode = status;
        http.Response.ContentType = SandboxJson.ContentType;
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }

    public static Task WriteErrorAsync(HttpContext http, GraphError error, DateTimeOffset now, (string RequestId, string ClientRequestId) ids) =>
        WriteJsonAsync(http, (int)error.Status, w => SandboxJson.WriteError(w, error.Code, error.Message, now, ids.RequestId, ids.ClientRequestId));
}
