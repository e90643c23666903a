using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// <c>/me/messages</c> (every folder; create a draft), <c>/me/mailFolders/{id}/messages</c> and one message (get,
/// delete a draft), with the tag lookup the worker uses to find its drafts again.
/// </summary>
internal sealed class MessageRoutes(SandboxMessages messages)
{
    private readonly SandboxMessages _messages = messages;

    /// <summary>
    /// Creates a draft. Messages have no idempotency key; the worker tags each draft with a single-value extended
    /// property and looks the tag up before creating again. The property is stored but, as in Graph, only
    /// returned when expanded.
    /// </summary>
    public async Task CreateDraftAsync(SandboxRequest r)
    {
        using var body = await r.ReadBodyAsync().ConfigureAwait(false);
        var draft = _messages.CreateDraft(ReadMessage(body.RootElement));
        await r.WriteJsonAsync(201, w => MessageJson.Write(w, draft, null, null, r.Context("messages/$entity"))).ConfigureAwait(false);
    }

    /// <summary>A folder's messages, or with no folder every message in the mailbox, newest first.</summary>
    public Task ListAsync(SandboxRequest r, string? folderId)
    {
        var messages = _messages.In(folderId) ?? throw GraphError.ItemNotFound();
        return TaggedItemList.WriteAsync(
            r,
            folderId is null ? "/me/messages" : $"/me/mailFolders/{folderId}/messages",
            "messages",
            MessageJson.Type,
            messages.OrderByDescending(m => m.CreatedDateTime),
            m => m.SingleValueExtendedProperties,
            (w, m, select, expand) => MessageJson.Write(w, m, select, expand, null));
    }

    /// <summary>
    /// <c>GET /me/mailFolders/{id}/messages/delta</c>: the folder's messages in pages ending with a deltaLink, then what
    /// came, changed or left since. $select is read on the first request only and frozen into the links.
    /// </summary>
    public Task DeltaAsync(SandboxRequest r, string folder)
    {
        var folderId = _messages.ResolveFolder(folder) ?? throw GraphError.ItemNotFound();
        var roundLink = r.Link($"/me/mailFolders/{folder}/messages/delta");
        var cursor = DeltaResponse.CursorFromLink(
            r,
            token => FolderDeltaCursor.TryDecode(token, FolderDeltaCursor.Messages) is { } c && c.FolderId == folderId ? c : null,
            _ => roundLink,
            _messages.ResumeFromDeltaLink);
        if (cursor is null)
        {
            var rawSelect = r.Query("$select");
            ODataQuery.Select(rawSelect, MessageJson.Type);
            cursor = _messages.StartDeltaRound(folderId, rawSelect.Length == 0 ? null : rawSelect);
        }

        var pageSize = r.DeltaPageSize(DeltaResponse.DefaultPageSize);
        var select = ODataQuery.Select(cursor.Select, MessageJson.Type);
        var page = _messages.ReadDeltaPage(cursor, pageSize);
        return DeltaResponse.WritePageAsync(r, "message", roundLink, page, (w, m) => MessageJson.Write(w, m, select, null, null));
    }

    public Task GetAsync(SandboxRequest r, string id)
    {
        var message = _messages.FindDraft(id) ?? _messages.FindMail(id) ?? throw GraphError.ItemNotFound();
        var select = ODataQuery.Select(r.Query("$select"), MessageJson.Type);
        var expandPropertyId = ODataQuery.Expand(r.Query("$expand"));
        return r.WriteJsonAsync(200, w => MessageJson.Write(w, message, select, expandPropertyId, r.Context("messages/$entity")));
    }

    public Task DeleteAsync(SandboxRequest r, string id) =>
        _messages.DeleteMessage(id) ? r.NoContentAsync() : throw GraphError.ItemNotFound();

    /// <summary>The message a POST body describes; the mailbox stamps its ids and times.</summary>
    private static SandboxMessage ReadMessage(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw GraphError.NotAnObject();
        }

        var contentType = "text";
        var content = string.Empty;
        if (json.TryGetProperty("body", out var itemBody) && itemBody.ValueKind == JsonValueKind.Object)
        {
            contentType = itemBody.TryGetProperty("contentType", out var ct) && ct.GetString() is { } t ? t.ToLowerInvariant() : "text";
            content = itemBody.TryGetProperty("content", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        }

        return SandboxMessage.Unstamped(
            json.TryGetProperty("subject", out var subject) ? subject.GetString() : null,
            contentType,
            content,
            Recipients(json, "toRecipients"),
            Recipients(json, "ccRecipients"),
            Recipients(json, "bccRecipients"),
            json.TryGetProperty("categories", out var categories) ? GraphBody.Strings(categories) : [],
            GraphBody.ExtendedProperties(
                new Dictionary<string, string>(), json.TryGetProperty("singleValueExtendedProperties", out var extended) ? extended : default));
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
