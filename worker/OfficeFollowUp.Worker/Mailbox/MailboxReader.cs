using Microsoft.Graph;
using Microsoft.Graph.Models;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Mailbox;

public sealed record ContactFolderRef(string Id, string DisplayName);

/// <summary>One change from a contacts delta page: a contact as it now is, or an id that was removed.</summary>
public sealed record ContactChange(string Id, ContactFacts? Contact, bool Removed, string FolderId);

/// <param name="UnreadableIds">Items counted as malformed that still had an id: present, so a re-read must not take them for removed.</param>
public sealed record DeltaPage<T>(IReadOnlyList<T> Items, string? NextLink, string? DeltaLink, int Malformed, IReadOnlyList<string>? UnreadableIds = null)
{
    public IReadOnlyList<string> UnreadableIds { get; init; } = UnreadableIds ?? [];
}

/// <summary>Reads who the user is and their contacts from Graph. No state of its own.</summary>
public sealed class MailboxReader(MailboxClientFactory clients)
{
    public async Task<MailboxProfile> ReadProfileAsync(CancellationToken ct)
    {
        var me = await clients.Root.GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "givenName", "mail", "userPrincipalName", "proxyAddresses"], ct)
            ?? throw new InvalidOperationException("Graph returned no user.");
        var settings = await clients.Root.MailboxSettings.GetAsync(cancellationToken: ct);

        var addresses = new List<string>();
        if (!string.IsNullOrWhiteSpace(me.Mail))
        {
            addresses.Add(me.Mail);
        }
        if (!string.IsNullOrWhiteSpace(me.UserPrincipalName) && EmailAddresses.LooksValid(me.UserPrincipalName))
        {
            addresses.Add(me.UserPrincipalName);
        }
        foreach (var proxy in me.ProxyAddresses ?? [])
        {
            // proxyAddresses look like "SMTP:primary@x" / "smtp:alias@x"; other schemes (X500, SIP) are not mail.
            if (proxy.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
            {
                addresses.Add(proxy[5..]);
            }
        }

        return new MailboxProfile(
            me.Id ?? throw new InvalidOperationException("Graph returned a user without an id."),
            me.DisplayName ?? string.Empty,
            me.GivenName,
            addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            settings?.TimeZone ?? "UTC");
    }

    /// <summary>
    /// The default Contacts folder and its child folders. Graph lists only the children; the default
    /// folder's id is their parent, or the parent of any contact in /me/contacts.
    /// </summary>
    public async Task<IReadOnlyList<ContactFolderRef>> ListContactFoldersAsync(CancellationToken ct)
    {
        var folders = new List<ContactFolderRef>();
        string? defaultId = null;
        var page = await clients.Root.ContactFolders.GetAsync(r => r.QueryParameters.Top = 100, ct);
        while (page is not null)
        {
            foreach (var folder in page.Value ?? [])
            {
                if (folder.Id is null)
                {
                    continue;
                }
                folders.Add(new ContactFolderRef(folder.Id, folder.DisplayName ?? string.Empty));
                defaultId ??= folder.ParentFolderId;
            }

            page = page.OdataNextLink is { } next
                ? await clients.Root.ContactFolders.WithUrl(next).GetAsync(cancellationToken: ct)
                : null;
        }

        if (defaultId is null)
        {
            var any = await clients.Root.Contacts.GetAsync(r =>
            {
                r.QueryParameters.Top = 1;
                r.QueryParameters.Select = ["parentFolderId"];
            }, ct);
            defaultId = any?.Value?.FirstOrDefault()?.ParentFolderId;
        }

        if (defaultId is not null && folders.All(f => f.Id != defaultId))
        {
            folders.Insert(0, new ContactFolderRef(defaultId, "Contacts"));
        }

        return folders;
    }

    /// <summary>Reads one page of a folder's contacts delta: the first request of a round when <paramref name="link"/> is null.</summary>
    public async Task<DeltaPage<ContactChange>> ReadContactsDeltaAsync(string folderId, string? link, int pageSize, CancellationToken ct)
    {
        var builder = clients.Root.ContactFolders[folderId].Contacts.Delta;
        var request = link is null ? builder : builder.WithUrl(link);
        var response = await request.GetAsDeltaGetResponseAsync(r =>
        {
            // Links from Graph already carry everything; query parameters belong only on the first request.
            if (link is null)
            {
                r.QueryParameters.Select = ["id", "displayName", "givenName", "surname", "companyName", "emailAddresses", "createdDateTime", "parentFolderId", "birthday", "jobTitle", "personalNotes"];
            }
            r.Headers.Add("Prefer", $"odata.maxpagesize={pageSize}");
        }, ct);

        var changes = new List<ContactChange>();
        var malformed = 0;
        foreach (var contact in response?.Value ?? [])
        {
            if (string.IsNullOrEmpty(contact.Id))
            {
                malformed++;
                continue;
            }

            if (contact.AdditionalData?.ContainsKey("@removed") == true)
            {
                changes.Add(new ContactChange(contact.Id, null, true, folderId));
                continue;
            }

            changes.Add(new ContactChange(contact.Id, ToFacts(contact), false, folderId));
        }

        return new DeltaPage<ContactChange>(changes, response?.OdataNextLink, response?.OdataDeltaLink, malformed);
    }

    private static ContactFacts ToFacts(Contact contact) => new(
        contact.Id!,
        contact.DisplayName ?? string.Join(' ', new[] { contact.GivenName, contact.Surname }.Where(s => !string.IsNullOrWhiteSpace(s))),
        contact.GivenName,
        contact.CompanyName,
        (contact.EmailAddresses ?? []).Select(e => e.Address).OfType<string>().ToList(),
        contact.CreatedDateTime,
        BirthdayOf(contact.Birthday),
        contact.JobTitle,
        contact.PersonalNotes);

    /// <summary>
    /// Graph gives a birthday as a dateTimeOffset. Outlook stores midnight UTC, but some clients store
    /// local midnight, which east of UTC is the previous evening in UTC: round to the nearest date.
    /// </summary>
    private static DateOnly? BirthdayOf(DateTimeOffset? birthday) =>
        birthday is { } b ? DateOnly.FromDateTime(b.UtcDateTime.AddHours(12)) : null;
}
