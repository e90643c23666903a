namespace OfficeFollowUp.Calendar;

/// <summary>
/// Which networking event a new contact was most likely met at. A person on the event's invitation (matched by
/// address, case-insensitive) was met there if the contact appeared within <c>FollowUps:EventMatchWindow</c> of the
/// event's end (default 48 hours: people add the cards of a Thursday mixer on Saturday); anyone else only if the
/// contact appeared within <c>Calendar:ContactLinkWindow</c> (6 hours) of it. Pure, so it is tested with tables.
/// </summary>
public static class MatchMetAtEvent
{
    /// <param name="networkingEvents">Networking events that started before the contact appeared, any order.</param>
    public static CalendarEventFacts? Pick(
        IEnumerable<CalendarEventFacts> networkingEvents, string email, DateTimeOffset contactCreatedAt, TimeSpan linkWindow, TimeSpan matchWindow)
    {
        ArgumentNullException.ThrowIfNull(networkingEvents);
        var started = networkingEvents.Where(e => !e.IsCancelled && e.Start <= contactCreatedAt).ToList();
        var invited = started
            .Where(e => e.End >= contactCreatedAt - matchWindow
                && e.Attendees.Any(a => string.Equals(a.Email?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(e => e.End)
            .FirstOrDefault();
        return invited ?? started.Where(e => e.End >= contactCreatedAt - linkWindow).OrderByDescending(e => e.End).FirstOrDefault();
    }
}
