using System.Globalization;
using Microsoft.Graph.Models;
using OfficeFollowUp.Calendar;

namespace OfficeFollowUp.Mailbox;

public sealed record HoldContent(string Subject, string HtmlBody, TimeWindow Slot);

/// <summary>
/// Places private, tentative holds on the user's own calendar. A hold has no attendees — an event
/// created with attendees sends invitations at once — and carries a transactionId (Graph's own
/// guard against a retried POST, so the SDK's retry handler may retry it) plus the product's tag
/// so <see cref="TaggedItems"/> finds it again.
/// </summary>
public sealed class HoldWriter(MailboxClientFactory clients)
{
    public async Task<string> CreateAsync(HoldContent hold, string tag, CancellationToken ct)
    {
        var created = await clients.Root.Events.PostAsync(new Event
        {
            Subject = hold.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = hold.HtmlBody },
            Start = Utc(hold.Slot.Start),
            End = Utc(hold.Slot.End),
            ShowAs = FreeBusyStatus.Tentative,
            Sensitivity = Sensitivity.Private,
            IsReminderOn = true,
            ReminderMinutesBeforeStart = 15,
            TransactionId = tag,
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = TaggedItems.PropertyId, Value = tag }],
        }, cancellationToken: ct);
        return created?.Id ?? throw new InvalidOperationException("Graph created an event without an id.");
    }

    private static DateTimeTimeZone Utc(DateTimeOffset instant) =>
        new() { DateTime = instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), TimeZone = "UTC" };
}
