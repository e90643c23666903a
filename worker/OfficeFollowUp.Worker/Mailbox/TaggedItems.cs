namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Finds what the product wrote to the mailbox by its tag: everything it writes (drafts in Drafts, holds on the calendar)
/// carries the same single-value extended property, and this is the one lookup for both. Messages have no idempotency
/// key in Graph, so the tag is how "exactly once" is kept across a lost answer or a crash.
/// </summary>
public sealed class TaggedItems(MailboxClientFactory clients)
{
    /// <summary>Our property set GUID; never change it, or items made before can't be found again.</summary>
    public const string PropertyId = "String {6d3b8a8e-3f2c-4f7a-9f0e-5b1a2c7e4d91} Name FollowUpKey";

    private static readonly string[] IdOnly = ["id"];

    private static readonly string[] IdAndStart = ["id", "start"];

    /// <param name="inCalendar">True for a hold (an event on the calendar), false for a draft (a message).</param>
    /// <returns>The item's id, or null when the mailbox holds nothing with this tag.</returns>
    public async Task<string?> FindAsync(string tag, bool inCalendar, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var filter = Filter(tag);
        // Top 2, not 1: a duplicate would be a bug worth seeing in a trace; the first is the one kept.
        return inCalendar
            ? (await clients.Root.Events.GetAsync(r => (r.QueryParameters.Filter, r.QueryParameters.Select, r.QueryParameters.Top) = (filter, IdOnly, 2), ct))?.Value?.FirstOrDefault()?.Id
            : (await clients.Root.Messages.GetAsync(r => (r.QueryParameters.Filter, r.QueryParameters.Select, r.QueryParameters.Top) = (filter, IdOnly, 2), ct))?.Value?.FirstOrDefault()?.Id;
    }

    /// <summary>A hold (an event on the calendar) by its tag, with its start, so a hold found again after a crash shows its time like one just made.</summary>
    /// <returns>The event's id and start (null when Graph gave none), or null when the calendar holds nothing with this tag.</returns>
    public async Task<(string Id, DateTimeOffset? Start)?> FindHoldAsync(string tag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var found = (await clients.Root.Events.GetAsync(
            r => (r.QueryParameters.Filter, r.QueryParameters.Select, r.QueryParameters.Top) = (Filter(tag), IdAndStart, 2), ct))?.Value?.FirstOrDefault();
        return found?.Id is { } id ? (id, CalendarReader.ToInstant(found.Start)) : null;
    }

    private static string Filter(string tag) =>
        $"singleValueExtendedProperties/Any(ep: ep/id eq '{PropertyId}' and ep/value eq '{tag.Replace("'", "''", StringComparison.Ordinal)}')";
}
