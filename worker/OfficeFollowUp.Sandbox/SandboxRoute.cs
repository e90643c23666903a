namespace OfficeFollowUp.Sandbox;

internal enum SandboxRouteKind
{
    Me,
    MailboxSettings,
    ContactFolders,
    ContactFoldersDelta,
    ContactFolder,
    FolderContacts,
    FolderContactsDelta,
    FolderContact,
    Contacts,
    Contact,
    Messages,
    Message,
    MailFolderMessages,
    MailFolderMessagesDelta,
    CalendarViewDelta,
    Events,
    Event,
    GetSchedule,
}

/// <summary>
/// Matches a request path to the Graph resource it names. Graph paths are case-insensitive, ids are not;
/// the SDK calls functions with parentheses (<c>delta()</c>), people and docs often without.
/// <c>/users/{id or upn}/…</c> is the same mailbox as <c>/me/…</c> (application permissions).
/// </summary>
internal sealed record SandboxRoute(SandboxRouteKind Kind, string Template, string? FolderId = null, string? ItemId = null)
{
    /// <summary>Addressed as <c>/me/…</c>, the signed-in user, rather than <c>/users/{id}/…</c>.</summary>
    public bool ViaMe { get; init; }

    public static SandboxRoute? Match(string path, SandboxUser user)
    {
        var segments = path.Trim('/').Split('/');
        if (segments.Length < 2 || !segments[0].Equals("v1.0", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = segments[1..];
        var viaMe = Is(rest[0], "me");
        if (rest.Length >= 2 && Is(rest[0], "users")
            && (rest[1] == user.Id || rest[1].Equals(user.UserPrincipalName, StringComparison.OrdinalIgnoreCase)))
        {
            rest = ["me", .. rest[2..]];
        }

        var lower = rest.Select(s => s.ToLowerInvariant()).ToArray();
        SandboxRoute? route = lower switch
        {
            ["me"] => new(SandboxRouteKind.Me, "/me"),
            ["me", "mailboxsettings"] => new(SandboxRouteKind.MailboxSettings, "/me/mailboxSettings"),
            ["me", "contactfolders"] => new(SandboxRouteKind.ContactFolders, "/me/contactFolders"),
            ["me", "contactfolders", "delta" or "delta()"] => new(SandboxRouteKind.ContactFoldersDelta, "/me/contactFolders/delta"),
            ["me", "contactfolders", _] => new(SandboxRouteKind.ContactFolder, "/me/contactFolders/{id}", rest[2]),
            ["me", "contactfolders", _, "contacts"] => new(SandboxRouteKind.FolderContacts, "/me/contactFolders/{id}/contacts", rest[2]),
            ["me", "contactfolders", _, "contacts", "delta" or "delta()"] =>
                new(SandboxRouteKind.FolderContactsDelta, "/me/contactFolders/{id}/contacts/delta", rest[2]),
            ["me", "contactfolders", _, "contacts", _] =>
                new(SandboxRouteKind.FolderContact, "/me/contactFolders/{id}/contacts/{id}", rest[2], rest[4]),
            ["me", "contacts"] => new(SandboxRouteKind.Contacts, "/me/contacts"),
            ["me", "contacts", _] => new(SandboxRouteKind.Contact, "/me/contacts/{id}", null, rest[2]),
            ["me", "messages"] => new(SandboxRouteKind.Messages, "/me/messages"),
            ["me", "messages", _] => new(SandboxRouteKind.Message, "/me/messages/{id}", null, rest[2]),
            ["me", "mailfolders", _, "messages"] => new(SandboxRouteKind.MailFolderMessages, "/me/mailFolders/{id}/messages", rest[2]),
            ["me", "mailfolders", _, "messages", "delta" or "delta()"] =>
                new(SandboxRouteKind.MailFolderMessagesDelta, "/me/mailFolders/{id}/messages/delta", rest[2]),
            ["me", "calendarview", "delta" or "delta()"] => new(SandboxRouteKind.CalendarViewDelta, "/me/calendarView/delta"),
            ["me", "events"] => new(SandboxRouteKind.Events, "/me/events"),
            ["me", "events", _] => new(SandboxRouteKind.Event, "/me/events/{id}", null, rest[2]),
            ["me", "calendar", "events"] => new(SandboxRouteKind.Events, "/me/calendar/events"),
            ["me", "calendar", "events", _] => new(SandboxRouteKind.Event, "/me/calendar/events/{id}", null, rest[3]),
            ["me", "calendars", _, "events"] => new(SandboxRouteKind.Events, "/me/calendars/{id}/events", rest[2]),
            ["me", "calendars", _, "events", _] => new(SandboxRouteKind.Event, "/me/calendars/{id}/events/{id}", rest[2], rest[4]),
            ["me", "calendar", "getschedule"] => new(SandboxRouteKind.GetSchedule, "/me/calendar/getSchedule"),
            _ => null,
        };
        return route is null ? null : route with { ViaMe = viaMe };
    }

    private static bool Is(string segment, string literal) => segment.Equals(literal, StringComparison.OrdinalIgnoreCase);
}
