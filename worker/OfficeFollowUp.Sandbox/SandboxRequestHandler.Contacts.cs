using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

internal sealed partial class SandboxRequestHandler
{
    private const int DefaultDeltaPageSize = 10;
    private const int MaxPageSize = 1000;

    private SandboxContactFolder RequireFolder(string folderId) =>
        _mailbox.FindFolder(folderId) ?? throw ItemNotFound();

    private static GraphError ItemNotFound() =>
        new(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    private Task ListContactFoldersAsync(SandboxRequest r)
    {
        // Graph lists the child folders of the default Contacts folder, not the default folder itself.
        var children = _mailbox.ContactFolders.Where(f => f.ParentFolderId == _mailbox.DefaultContactFolderId).ToList();
        return WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#users('{_mailbox.User.Id}')/contactFolders");
            w.WriteStartArray("value");
            foreach (var folder in children)
            {
                SandboxJson.WriteFolder(w, folder);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The folder list's own delta: every child folder on the first round, the whole list again if it changed.</summary>
    private Task ContactFoldersDeltaAsync(SandboxRequest r)
    {
        var children = _mailbox.ContactFolders.Where(f => f.ParentFolderId == _mailbox.DefaultContactFolderId).ToList();
        var token = r.Http.Request.Query["$deltatoken"].ToString();
        var epoch = _mailbox.Faults.DeltaEpoch;
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

        var next = string.Create(CultureInfo.InvariantCulture, $"f1.{epoch}.{_mailbox.ContactFolders.Count - 1}");
        return WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#Collection(contactFolder)");
            w.WriteStartArray("value");
            foreach (var folder in children)
            {
                SandboxJson.WriteFolder(w, folder);
            }

            w.WriteEndArray();
            w.WriteString("@odata.deltaLink", $"{r.Link("/me/contactFolders/delta")}?$deltatoken={next}");
            w.WriteEndObject();
        });
    }

    private Task GetContactFolderAsync(SandboxRequest r, string folderId)
    {
        var folder = RequireFolder(folderId);
        return WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#users('{_mailbox.User.Id}')/contactFolders/$entity");
            w.WriteString("id", folder.Id);
            w.WriteString("parentFolderId", folder.ParentFolderId);
            w.WriteString("displayName", folder.DisplayName);
            w.WriteEndObject();
        });
    }

    private Task ListContactsAsync(SandboxRequest r, string folderId)
    {
        RequireFolder(folderId);
        if (r.Http.Request.Query.ContainsKey("$filter"))
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        }

        var rawSelect = r.Http.Request.Query["$select"].ToString();
        var select = ParseSelect(rawSelect, SandboxJson.ContactProperties, "microsoft.graph.contact");
        var top = Math.Clamp(ParseNonNegative(r, "$top", DefaultDeltaPageSize), 1, MaxPageSize);
        var skip = ParseNonNegative(r, "$skip", 0);
        var (page, hasMore) = _mailbox.ListContacts(folderId, skip, top);
        var path = folderId == _mailbox.DefaultContactFolderId && !r.Http.Request.Path.Value!.Contains("/contactFolders/", StringComparison.OrdinalIgnoreCase)
            ? "/me/contacts"
            : $"/me/contactFolders/{folderId}/contacts";
        return WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            var selected = select is null ? string.Empty : $"({rawSelect})";
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#users('{_mailbox.User.Id}')/contacts{selected}");
            if (hasMore)
            {
                var selectPart = select is null ? string.Empty : $"&$select={Uri.EscapeDataString(rawSelect)}";
                w.WriteString("@odata.nextLink", string.Create(CultureInfo.InvariantCulture, $"{r.Link(path)}?$top={top}{selectPart}&$skip={skip + top}"));
            }

            w.WriteStartArray("value");
            foreach (var contact in page)
            {
                SandboxJson.WriteContact(w, contact, select);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// One page of a contacts delta round. Query options apply on the first request only; links carry an opaque
    /// $skiptoken (mid-round) or $deltatoken (round finished) and are followed whole.
    /// </summary>
    private Task ContactsDeltaAsync(SandboxRequest r, string folderId)
    {
        RequireFolder(folderId);
        var query = r.Http.Request.Query;
        var skipToken = query["$skiptoken"].ToString();
        var deltaToken = query["$deltatoken"].ToString();
        var freshRound = r.Link($"/me/contactFolders/{folderId}/contacts/delta");
        DeltaCursor cursor;
        if (skipToken.Length > 0 || deltaToken.Length > 0)
        {
            var decoded = DeltaCursor.TryDecode(skipToken.Length > 0 ? skipToken : deltaToken);
            if (decoded is null || decoded.FolderId != folderId)
            {
                throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidSyncStateData", "The sync state data is corrupt or otherwise invalid.");
            }

            if (decoded.Epoch != _mailbox.Faults.DeltaEpoch | _mailbox.Faults.TakeExpireNextDeltaRequest())
            {
                throw new GraphError(HttpStatusCode.Gone, "syncStateNotFound", "The sync state is not found or has expired. Start a new delta round.", freshRound);
            }

            cursor = skipToken.Length > 0 ? decoded : _mailbox.ResumeFromDeltaLink(decoded);
        }
        else
        {
            var rawSelect = query["$select"].ToString();
            ParseSelect(rawSelect, SandboxJson.ContactProperties, "microsoft.graph.contact");
            cursor = _mailbox.StartDeltaRound(folderId, rawSelect.Length == 0 ? null : rawSelect);
        }

        var pageSize = DefaultDeltaPageSize;
        if (r.Prefer.MaxPageSize is { } preferred)
        {
            pageSize = Math.Min(preferred, MaxPageSize);
            r.Applied.Add(string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={pageSize}"));
        }

        var select = ParseSelect(cursor.Select, SandboxJson.ContactProperties, "microsoft.graph.contact");
        var page = _mailbox.ReadDeltaPage(cursor, pageSize);
        return WriteJsonAsync(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#Collection(contact)");
            if (page.Next is not null)
            {
                w.WriteString("@odata.nextLink", $"{freshRound}?$skiptoken={page.Next.Encode()}");
            }

            w.WriteStartArray("value");
            foreach (var item in page.Items)
            {
                if (item.Contact is null)
                {
                    SandboxJson.WriteRemoved(w, item.Id, "#microsoft.graph.contact");
                }
                else
                {
                    SandboxJson.WriteContact(w, item.Contact, select);
                }
            }

            w.WriteEndArray();
            if (page.Delta is not null)
            {
                w.WriteString("@odata.deltaLink", $"{freshRound}?$deltatoken={page.Delta.Encode()}");
            }

            w.WriteEndObject();
        });
    }

    private Task GetContactAsync(SandboxRequest r, string contactId, string? folderId)
    {
        var contact = _mailbox.GetContact(contactId, folderId) ?? throw ItemNotFound();
        var select = ParseSelect(r.Http.Request.Query["$select"].ToString(), SandboxJson.ContactProperties, "microsoft.graph.contact");
        return WriteJsonAsync(r, 200, w => SandboxJson.WriteContact(w, contact, select));
    }

    private async Task CreateContactAsync(SandboxRequest r, string folderId)
    {
        RequireFolder(folderId);
        using var body = await ReadBodyAsync(r).ConfigureAwait(false);
        var seed = ApplyContactJson(new SandboxContactSeed(null, null, []), body.RootElement);
        var id = _mailbox.AddContact(seed, folderId);
        var contact = _mailbox.GetContact(id, null) ?? throw ItemNotFound();
        await WriteJsonAsync(r, 201, w => SandboxJson.WriteContact(w, contact, null)).ConfigureAwait(false);
    }

    private async Task UpdateContactAsync(SandboxRequest r, string contactId, string? folderId)
    {
        _ = _mailbox.GetContact(contactId, folderId) ?? throw ItemNotFound();
        using var body = await ReadBodyAsync(r).ConfigureAwait(false);
        var root = body.RootElement.Clone();
        _mailbox.UpdateContact(contactId, seed => ApplyContactJson(seed, root));
        var contact = _mailbox.GetContact(contactId, null) ?? throw ItemNotFound();
        await WriteJsonAsync(r, 200, w => SandboxJson.WriteContact(w, contact, null)).ConfigureAwait(false);
    }

    private Task DeleteContactAsync(SandboxRequest r, string contactId, string? folderId)
    {
        _ = _mailbox.GetContact(contactId, folderId) ?? throw ItemNotFound();
        _mailbox.DeleteContact(contactId);
        return NoContent(r);
    }

    private static SandboxContactSeed ApplyContactJson(SandboxContactSeed seed, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "BadRequest", "The request body must be a JSON object.");
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
                "businessPhones" => seed with { BusinessPhones = Strings(property.Value) },
                "categories" => seed with { Categories = Strings(property.Value) },
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

    private static string[] Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(e => e.GetString()).OfType<string>()] : [];
}
