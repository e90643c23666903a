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

    /// <param name="inCalendar">True for a hold (an event on the calendar), false for a draft (a message).</param>
    /// <returns>The item's id, or null when the mailbox holds nothing with this tag.</returns>
    public async Task<string?> FindAsync(string tag, bool inCalendar, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{PropertyId}' and ep/value eq '{tag.Replace("'", "''", StringComparison.Ordinal)}')";
        // Top 2, not 1: a duplicate would be a bug worth seeing in a trace; the first is the one kept.
        return inCalendar
            ? (await clients.Root.Events.GetAsync(r => (r.QueryParameters.Filter, r.QueryParameters.Select, r.QueryParameters.Top) = (filter, IdOnly, 2), ct))?.Value?.FirstOrDefault()?.Id
            : (await clients.Root.Messages.GetAsync(r => (r.QueryParameters.Filter, r.QueryParameters.Select, r.QueryParameters.Top) = (filter, IdOnly, 2), ct))?.Value?.FirstOrDefault()?.Id;
    }
}
