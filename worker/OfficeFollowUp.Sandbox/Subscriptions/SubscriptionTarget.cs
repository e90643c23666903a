using System.Net;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// What a subscription's resource names: a mailbox, the kind of item and optionally one folder. Understood:
/// <c>me/…</c> or <c>users/{id or upn}/…</c> followed by <c>contacts</c>, <c>contactFolders/{id}/contacts</c>,
/// <c>events</c>, <c>calendar/events</c>, <c>calendars/{id}/events</c>, <c>messages</c>,
/// <c>mailFolders('{id or name}')/messages</c> or <c>mailFolders/{id or name}/messages</c>.
/// </summary>
internal sealed record SubscriptionTarget(SandboxMailbox Mailbox, SandboxItemKind Kind, string? Folder)
{
    public static SubscriptionTarget Parse(string resource, SandboxDirectory directory)
    {
        var segments = resource.Trim().Trim('/').Split('/');
        SandboxMailbox? mailbox;
        string[] rest;
        if (segments.Length >= 2 && Is(segments[0], "me"))
        {
            mailbox = directory.Me ?? throw new GraphError(
                HttpStatusCode.BadRequest, "BadRequest", "/me request is only valid with delegated authentication flow.");
            rest = segments[1..];
        }
        else if (segments.Length >= 3 && Is(segments[0], "users"))
        {
            mailbox = directory.Find(segments[1]) ?? throw SandboxDirectory.InvalidUser(segments[1]);
            rest = segments[2..];
        }
        else
        {
            throw Unsupported(resource);
        }

        var lower = rest.Select(s => s.ToLowerInvariant()).ToArray();
        return lower switch
        {
            ["contacts"] => new(mailbox, SandboxItemKind.Contact, null),
            ["contactfolders", _, "contacts"] => new(mailbox, SandboxItemKind.Contact, rest[1]),
            ["events"] or ["calendar", "events"] or ["calendars", _, "events"] => new(mailbox, SandboxItemKind.Event, null),
            ["messages"] => new(mailbox, SandboxItemKind.Message, null),
            ["mailfolders", _, "messages"] => new(mailbox, SandboxItemKind.Message, rest[1]),
            [var folder, "messages"] when folder.StartsWith("mailfolders(", StringComparison.Ordinal) && folder.EndsWith(')') =>
                new(mailbox, SandboxItemKind.Message, rest[0]["mailFolders(".Length..^1].Trim('\'')),
            _ => throw Unsupported(resource),
        };
    }

    /// <summary>Whether a change of the mailbox is one this target covers; called under the mailbox's lock.</summary>
    public bool Covers(SandboxItemChange change) =>
        change.Kind == Kind && (Folder is null || Kind switch
        {
            SandboxItemKind.Message => Mailbox.Messages.IsFolder(Folder, change.FolderId),
            _ => Folder == change.FolderId,
        });

    private static GraphError Unsupported(string resource) =>
        new(HttpStatusCode.BadRequest, "ExtensionError", $"Operation: Create; Exception: [Status Code: BadRequest; Reason: The resource '{resource}' is not supported for subscriptions.]");

    private static bool Is(string segment, string literal) => segment.Equals(literal, StringComparison.OrdinalIgnoreCase);
}
