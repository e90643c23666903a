using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

internal sealed partial class SandboxRequestHandler
{
    private const int DefaultMessagePageSize = 10;

    /// <summary>
    /// Creates a draft. Messages have no idempotency key; the worker tags each draft with a single-value extended
    /// property and looks the tag up before creating again. The property is stored but, as in Graph, only
    /// returned when expanded.
    /// </summary>
    private async Task CreateMessageAsync(SandboxRequest r)
    {
        using var body = await ReadBodyAsync(r).ConfigureAwait(false);
        var json = body.RootElement;
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "The request body must be a JSON object.");
        }

        var contentType = "text";
        var content = string.Empty;
        if (json.TryGetProperty("body", out var itemBody) && itemBody.ValueKind == JsonValueKind.Object)
        {
            contentType = itemBody.TryGetProperty("contentType", out var ct) && ct.GetString() is { } t ? t.ToLowerInvariant() : "text";
            content = itemBody.TryGetProperty("content", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (json.TryGetProperty("singleValueExtendedProperties", out var extended) && extended.ValueKind == JsonValueKind.Array)
        {
            foreach (var property in extended.EnumerateArray())
            {
                if (property.TryGetProperty("id", out var id) && id.GetString() is { } key
                    && property.TryGetProperty("value", out var value))
                {
                    properties[key] = value.GetString() ?? string.Empty;
                }
            }
        }

        var draft = _mailbox.CreateDraft(new DraftInput(
            json.TryGetProperty("subject", out var subject) ? subject.GetString() : null,
            contentType,
            content,
            Recipients(json, "toRecipients"),
            Recipients(json, "ccRecipients"),
            Recipients(json, "bccRecipients"),
            json.TryGetProperty("categories", out var categories) ? Strings(categories) : [],
            properties));

        await WriteJsonAsync(r, 201, w => SandboxJson.WriteMessage(
            w, draft, null, null, $"{r.BaseUrl}/$metadata#users('{_mailbox.User.Id}')/messages/$entity")).ConfigureAwait(false);
    }

    private Task ListFolderMessagesAsync(SandboxRequest r, string folderId) =>
        ListMessagesAsync(r, $"/me/mailFolders/{folderId}/messages", folderId);

    /// <summary>A folder's messages, or with no folder every message in the mailbox, newest first.</summary>
    private Task ListMessagesAsync(SandboxRequest r, string path, string? folderId = null)
    {
        var messages = _mailbox.MessagesIn(folderId) ?? throw ItemNotFound();
        return WriteTaggedListAsync(
            r,
            path,
            "messages",
            messages.OrderByDescending(m => m.CreatedDateTime),
            m => m.SingleValueExtendedProperties,
            SandboxJson.MessageProperties,
            "microsoft.graph.message",
            (w, m, select, expand) => SandboxJson.WriteMessage(w, m, select, expand, null));
    }

    private Task GetMessageAsync(SandboxRequest r, string id)
    {
        var message = _mailbox.FindDraft(id) ?? _mailbox.FindMail(id) ?? throw ItemNotFound();
        var query = r.Http.Request.Query;
        var select = ParseSelect(query["$select"].ToString(), SandboxJson.MessageProperties, "microsoft.graph.message");
        var expandPropertyId = ParseExpand(query["$expand"].ToString());
        return WriteJsonAsync(r, 200, w => SandboxJson.WriteMessage(
            w, message, select, expandPropertyId, $"{r.BaseUrl}/$metadata#users('{_mailbox.User.Id}')/messages/$entity"));
    }

    private Task DeleteMessageAsync(SandboxRequest r, string id)
    {
        if (!_mailbox.DeleteDraft(id))
        {
            throw ItemNotFound();
        }

        return NoContent(r);
    }

    private static string? ParseExpand(string expand)
    {
        if (expand.Length == 0)
        {
            return null;
        }

        return MessageQuery.TryParseExpand(expand, out var propertyId)
            ? propertyId
            : throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", $"Parsing OData Select and Expand failed: could not expand '{expand}'.");
    }

    private static SandboxRecipient[] Recipients(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return
        [
            .. list.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("emailAddress", out _))
                .Select(r => r.GetProperty("emailAddress"))
                .Where(e => e.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.String)
                .Select(e => new SandboxRecipient(
                    e.TryGetProperty("name", out var n) ? n.GetString() : null,
                    e.GetProperty("address").GetString()!)),
        ];
    }
}
