using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>Graph's contact and contactFolder JSON; every property a contact has, in Graph's order.</summary>
internal static class ContactJson
{
    /// <summary>Every property a contact has in the v1.0 CSDL that the sandbox can return, for $select checks.</summary>
    public static readonly GraphEntityType Type = new("microsoft.graph.contact",
    [
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "parentFolderId", "birthday", "fileAs",
        "displayName", "givenName", "initials", "middleName", "nickName", "surname", "title", "yomiGivenName", "yomiSurname",
        "yomiCompanyName", "generation", "imAddresses", "jobTitle", "companyName", "department", "officeLocation",
        "profession", "businessHomePage", "assistantName", "manager", "homePhones", "mobilePhone", "businessPhones",
        "spouseName", "personalNotes", "children", "emailAddresses", "homeAddress", "businessAddress", "otherAddress",
    ]);

    public static void Write(Utf8JsonWriter w, ContactState contact, IReadOnlySet<string>? select)
    {
        var c = contact.Data;
        bool Has(string name) => select is null || select.Contains(name);

        SandboxJson.StartOutlookItem(w, select, null, contact.Id, contact.ChangeKey, contact.Created, contact.Modified, c.Categories);
        if (Has("parentFolderId")) w.WriteString("parentFolderId", contact.FolderId);
        if (Has("birthday"))
        {
            // Outlook keeps a birthday as midnight UTC of that date.
            if (c.Birthday is { } birthday) w.WriteString("birthday", SandboxJson.Timestamp(new DateTimeOffset(birthday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
            else w.WriteNull("birthday");
        }
        if (Has("fileAs")) w.WriteString("fileAs", FileAs(c));
        if (Has("displayName")) w.WriteString("displayName", DisplayName(c));
        if (Has("givenName")) w.WriteString("givenName", c.GivenName);
        foreach (var empty in (ReadOnlySpan<string>)["initials", "middleName", "nickName"])
        {
            if (Has(empty)) w.WriteNull(empty);
        }

        if (Has("surname")) w.WriteString("surname", c.Surname);
        foreach (var empty in (ReadOnlySpan<string>)["title", "yomiGivenName", "yomiSurname", "yomiCompanyName", "generation"])
        {
            if (Has(empty)) w.WriteNull(empty);
        }

        if (Has("imAddresses")) SandboxJson.WriteStrings(w, "imAddresses", []);
        if (Has("jobTitle")) SandboxJson.WriteNullable(w, "jobTitle", c.JobTitle);
        if (Has("companyName")) SandboxJson.WriteNullable(w, "companyName", c.CompanyName);
        foreach (var empty in (ReadOnlySpan<string>)["department", "officeLocation", "profession", "businessHomePage", "assistantName", "manager"])
        {
            if (Has(empty)) w.WriteNull(empty);
        }

        if (Has("homePhones")) SandboxJson.WriteStrings(w, "homePhones", []);
        if (Has("mobilePhone")) SandboxJson.WriteNullable(w, "mobilePhone", c.MobilePhone);
        if (Has("businessPhones")) SandboxJson.WriteStrings(w, "businessPhones", c.BusinessPhones);
        if (Has("spouseName")) w.WriteNull("spouseName");
        if (Has("personalNotes")) w.WriteString("personalNotes", c.PersonalNotes ?? string.Empty);
        if (Has("children")) SandboxJson.WriteStrings(w, "children", []);
        if (Has("emailAddresses"))
        {
            w.WriteStartArray("emailAddresses");
            foreach (var address in c.Emails)
            {
                SandboxJson.WriteEmailAddress(w, DisplayName(c), address);
            }

            w.WriteEndArray();
        }

        foreach (var address in (ReadOnlySpan<string>)["homeAddress", "businessAddress", "otherAddress"])
        {
            if (Has(address))
            {
                // Graph sends an empty object for an address the contact does not have.
                w.WriteStartObject(address);
                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
    }

    public static void WriteFolder(Utf8JsonWriter w, SandboxContactFolder folder)
    {
        w.WriteStartObject();
        w.WriteString("id", folder.Id);
        SandboxJson.WriteNullable(w, "parentFolderId", folder.ParentFolderId);
        w.WriteString("displayName", folder.DisplayName);
        w.WriteEndObject();
    }

    public static string DisplayName(SandboxContactSeed c) =>
        c.DisplayName ?? string.Join(' ', new[] { c.GivenName, c.Surname }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string? FileAs(SandboxContactSeed c) =>
        c.DisplayName ?? (string.IsNullOrWhiteSpace(c.Surname) ? c.GivenName : $"{c.Surname}, {c.GivenName}");
}
