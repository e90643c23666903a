using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// <c>/me/contactFolders</c> (list, its own delta, one folder), a folder's contacts (list, create, contacts delta) and
/// <c>/me/contacts</c> (the default folder's), one contact (get, update, delete).
/// </summary>
internal sealed class ContactRoutes(SandboxContacts contacts)
{
    private readonly SandboxContacts _contacts = contacts;

    public Task ListFoldersAsync(SandboxRequest r)
    {
        var children = _contacts.ChildFolders;
        return r.WriteJsonAsync(200, w => WriteFolders(w, r.Context("contactFolders"), children, deltaLink: null));
    }

    /// <summary>The folder list's own delta: every child folder on the first round, the whole list again if it changed.</summary>
    public Task FoldersDeltaAsync(SandboxRequest r)
    {
        var children = _contacts.ChildFolders;
        var token = r.Query("$deltatoken");
        var epoch = r.Mailbox.Faults.DeltaEpoch;
        if (token.Length > 0)
        {
            var parts = token.Split('.');
            if (parts.Length != 3 || parts[0] != "f1")
            {
                throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "The sync state is invalid.");
            }

            if (parts[1] != epoch.ToString(CultureInfo.InvariantCulture))
            {
                throw new GraphError(HttpStatusCode.Gone, "syncStateNotFound", "The sync state is not found.", r.Link("/me/contactFolders/delta"));
            }

            if (parts[2] == children.Count.ToString(CultureInfo.InvariantCulture))
            {
                children = [];
            }
        }

        var next = string.Create(CultureInfo.InvariantCulture, $"f1.{epoch}.{_contacts.Folders.Count - 1}");
        var deltaLink = $"{r.Link("/me/contactFolders/delta")}?$deltatoken={next}";
        return r.WriteJsonAsync(200, w => WriteFolders(w, $"{r.BaseUrl}/$metadata#Collection(contactFolder)", children, deltaLink));
    }

    public Task GetFolderAsync(SandboxRequest r, string folderId)
    {
        var folder = RequireFolder(folderId);
        return r.WriteJsonAsync(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", r.Context("contactFolders/$entity"));
            w.WriteString("id", folder.Id);
            w.WriteString("parentFolderId", folder.ParentFolderId);
            w.WriteString("displayName", folder.DisplayName);
            w.WriteEndObject();
        });
    }

    /// <summary>A folder's contacts in creation order with <c>$select</c>, <c>$top</c> and <c>$skip</c>; Graph refuses <c>$filter</c> here.</summary>
    public Task ListAsync(SandboxRequest r, string? folderId)
    {
        var folder = folderId ?? _contacts.DefaultFolderId;
        RequireFolder(folder);
        if (r.Http.Request.Query.ContainsKey("$filter"))
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        }

        var rawSelect = r.Query("$select");
        var select = ODataQuery.Select(rawSelect, ContactJson.Type);
        var top = r.Top(DeltaResponse.DefaultPageSize);
        var skip = r.QueryNumber("$skip", 0);
        var (page, hasMore) = _contacts.List(folder, skip, top);
        var path = folderId is null ? "/me/contacts" : $"/me/contactFolders/{folder}/contacts";
        return r.WriteJsonAsync(200, w =>
        {
            w.WriteStartObject();
            var selected = select is null ? string.Empty : $"({rawSelect})";
            w.WriteString("@odata.context", r.Context($"contacts{selected}"));
            if (hasMore)
            {
                var selectPart = select is null ? string.Empty : $"&$select={Uri.EscapeDataString(rawSelect)}";
                w.WriteString("@odata.nextLink", string.Create(CultureInfo.InvariantCulture, $"{r.Link(path)}?$top={top}{selectPart}&$skip={skip + top}"));
            }

            w.WriteStartArray("value");
            foreach (var contact in page)
            {
                ContactJson.Write(w, contact, select);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// One page of a folder's contacts delta round. Query options apply on the first request only; links carry an
    /// opaque $skiptoken (mid-round) or $deltatoken (round finished) and are followed whole.
    /// </summary>
    public Task DeltaAsync(SandboxRequest r, string folderId)
    {
        RequireFolder(folderId);
        var roundLink = r.Link($"/me/contactFolders/{folderId}/contacts/delta");
        var cursor = DeltaResponse.CursorFromLink(
            r,
            token => FolderDeltaCursor.TryDecode(token, FolderDeltaCursor.Contacts) is { } c && c.FolderId == folderId ? c : null,
            _ => roundLink,
            _contacts.ResumeFromDeltaLink);
        if (cursor is null)
        {
            var rawSelect = r.Query("$select");
            ODataQuery.Select(rawSelect, ContactJson.Type);
            cursor = _contacts.StartDeltaRound(folderId, rawSelect.Length == 0 ? null : rawSelect);
        }

        var pageSize = r.DeltaPageSize(DeltaResponse.DefaultPageSize);
        var select = ODataQuery.Select(cursor.Select, ContactJson.Type);
        var page = _contacts.ReadDeltaPage(cursor, pageSize);
        return DeltaResponse.WritePageAsync(r, "contact", roundLink, page, (w, contact) => ContactJson.Write(w, contact, select));
    }

    public Task GetAsync(SandboxRequest r, string contactId, string? folderId)
    {
        var contact = _contacts.Get(contactId, folderId) ?? throw GraphError.ItemNotFound();
        var select = ODataQuery.Select(r.Query("$select"), ContactJson.Type);
        return r.WriteJsonAsync(200, w => ContactJson.Write(w, contact, select));
    }

    public async Task CreateAsync(SandboxRequest r, string? folderId)
    {
        var folder = folderId ?? _contacts.DefaultFolderId;
        RequireFolder(folder);
        using var body = await r.ReadBodyAsync().ConfigureAwait(false);
        var seed = ApplyContactJson(new SandboxContactSeed(null, null, []), body.RootElement);
        var id = _contacts.Add(seed, folder, createdAt: null);
        var contact = _contacts.Get(id, null) ?? throw GraphError.ItemNotFound();
        await r.WriteJsonAsync(201, w => ContactJson.Write(w, contact, null)).ConfigureAwait(false);
    }

    public async Task UpdateAsync(SandboxRequest r, string contactId, string? folderId)
    {
        _ = _contacts.Get(contactId, folderId) ?? throw GraphError.ItemNotFound();
        using var body = await r.ReadBodyAsync().ConfigureAwait(false);
        var root = body.RootElement.Clone();
        _contacts.Update(contactId, seed => ApplyContactJson(seed, root));
        var contact = _contacts.Get(contactId, null) ?? throw GraphError.ItemNotFound();
        await r.WriteJsonAsync(200, w => ContactJson.Write(w, contact, null)).ConfigureAwait(false);
    }

    public Task DeleteAsync(SandboxRequest r, string contactId, string? folderId)
    {
        _ = _contacts.Get(contactId, folderId) ?? throw GraphError.ItemNotFound();
        _contacts.Delete(contactId);
        return r.NoContentAsync();
    }

    private SandboxContactFolder RequireFolder(string folderId) =>
        _contacts.FindFolder(folderId) ?? throw GraphError.ItemNotFound();

    private static void WriteFolders(Utf8JsonWriter w, string context, IReadOnlyList<SandboxContactFolder> folders, string? deltaLink)
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", context);
        w.WriteStartArray("value");
        foreach (var folder in folders)
        {
            ContactJson.WriteFolder(w, folder);
        }

        w.WriteEndArray();
        if (deltaLink is not null)
        {
            w.WriteString("@odata.deltaLink", deltaLink);
        }

        w.WriteEndObject();
    }

    private static SandboxContactSeed ApplyContactJson(SandboxContactSeed seed, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw GraphError.NotAnObject();
        }

        foreach (var property in json.EnumerateObject())
        {
            seed = property.Name switch
            {
                "givenName" => seed with { GivenName = property.Value.GetString() },
                "surname" => seed with { Surname = property.Value.GetString() },
                "displayName" => seed with { DisplayName = property.Value.GetString() },
                "companyName" => seed with { CompanyName = property.Value.GetString() },
                "jobTitle" => seed with { JobTitle = property.Value.GetString() },
                "mobilePhone" => seed with { MobilePhone = property.Value.GetString() },
                "personalNotes" => seed with { PersonalNotes = property.Value.GetString() },
                "businessPhones" => seed with { BusinessPhones = GraphBody.Strings(property.Value) },
                "categories" => seed with { Categories = GraphBody.Strings(property.Value) },
                "emailAddresses" => seed with
                {
                    Emails = property.Value.ValueKind == JsonValueKind.Array
                        ? [.. property.Value.EnumerateArray()
                            .Select(e => e.TryGetProperty("address", out var a) ? a.GetString() : null)
                            .OfType<string>()]
                        : [],
                },
                _ => seed,
            };
        }

        return seed;
    }
}
