using System.Globalization;
using Microsoft.Graph.Models;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Mailbox;

/// <summary>One change from a calendarView delta page: an event instance as it now is, or an id that was removed.</summary>
public sealed record EventChange(string Id, CalendarEventFacts? Event, bool Removed);

/// <summary>Reads the user's calendar and free/busy from Graph.</summary>
public sealed class CalendarReader(MailboxClientFactory clients)
{
    /// <summary>
    /// One page of <c>/me/calendarView/delta</c>. The window goes only on the round's first request (it
    /// is frozen into the token); times are asked for in UTC so they convert without guessing.
    /// </summary>
    public async Task<DeltaPage<EventChange>> ReadDeltaAsync(TimeWindow window, string? link, int pageSize, CancellationToken ct)
    {
        var builder = clients.Root.CalendarView.Delta;
        var request = link is null ? builder : builder.WithUrl(link);
        var response = await request.GetAsDeltaGetResponseAsync(r =>
        {
            if (link is null)
            {
                r.QueryParameters.StartDateTime = window.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                r.QueryParameters.EndDateTime = window.End.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            }
            r.Headers.Add("Prefer", $"odata.maxpagesize={pageSize}");
            r.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        }, ct);

        var changes = new List<EventChange>();
        var malformed = 0;
        var unreadable = new List<string>();
        foreach (var item in response?.Value ?? [])
        {
            if (string.IsNullOrEmpty(item.Id))
            {
                malformed++;
                continue;
            }

            if (item.AdditionalData?.ContainsKey("@removed") == true)
            {
                changes.Add(new EventChange(item.Id, null, true));
                continue;
            }

            var facts = ToFacts(item);
            if (facts is null)
            {
                malformed++;
                unreadable.Add(item.Id);
                continue;
            }
            changes.Add(new EventChange(item.Id, facts, false));
        }

        return new DeltaPage<EventChange>(changes, response?.OdataNextLink, response?.OdataDeltaLink, malformed, unreadable);
    }

    /// <summary>The user's own free/busy and working hours between two instants (getSchedule on their own address).</summary>
    public async Task<(IReadOnlyList<ScheduleEntry> Busy, WorkingWeek? Week)> ReadScheduleAsync(string address, TimeWindow range, CancellationToken ct)
    {
        var response = await clients.Root.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new Microsoft.Graph.Users.Item.Calendar.GetSchedule.GetSchedulePostRequestBody
        {
            Schedules = [address],
            StartTime = new DateTimeTimeZone { DateTime = range.Start.UtcDateTime.ToString("s", CultureInfo.InvariantCulture), TimeZone = "UTC" },
            EndTime = new DateTimeTimeZone { DateTime = range.End.UtcDateTime.ToString("s", CultureInfo.InvariantCulture), TimeZone = "UTC" },
            AvailabilityViewInterval = 30,
        }, r => r.Headers.Add("Prefer", "outlook.timezone=\"UTC\""), ct);

        var schedule = response?.Value?.FirstOrDefault();
        var entries = new List<ScheduleEntry>();
        foreach (var item in schedule?.ScheduleItems ?? [])
        {
            if (ToInstant(item.Start) is { } start && ToInstant(item.End) is { } end)
            {
                entries.Add(new ScheduleEntry(item.Status?.ToString() ?? "busy", start, end));
            }
        }

        return (entries, ToWeek(schedule?.WorkingHours));
    }

    private static WorkingWeek? ToWeek(WorkingHours? hours)
    {
        if (hours?.StartTime is not { } start || hours.EndTime is not { } end || hours.DaysOfWeek is not { Count: > 0 } days)
        {
            return null;
        }

        var set = days.OfType<DayOfWeekObject>().Select(d => d switch
        {
            DayOfWeekObject.Sunday => DayOfWeek.Sunday,
            DayOfWeekObject.Monday => DayOfWeek.Monday,
            DayOfWeekObject.Tuesday => DayOfWeek.Tuesday,
            DayOfWeekObject.Wednesday => DayOfWeek.Wednesday,
            DayOfWeekObject.Thursday => DayOfWeek.Thursday,
            DayOfWeekObject.Friday => DayOfWeek.Friday,
            DayOfWeekObject.Saturday => DayOfWeek.Saturday,
            _ => throw new InvalidDataException($"Unknown day {d}."),
        }).ToHashSet();
        return new WorkingWeek(set, new TimeOnly(start.Hour, start.Minute), new TimeOnly(end.Hour, end.Minute), MailboxTimeZone.Resolve(hours.TimeZone?.Name));
    }

    private static CalendarEventFacts? ToFacts(Event item)
    {
        if (ToInstant(item.Start) is not { } start || ToInstant(item.End) is not { } end)
        {
            return null;
        }

        return new CalendarEventFacts(
            item.Id!,
            item.SeriesMasterId,
            item.Subject ?? string.Empty,
            start,
            end,
            item.IsAllDay ?? false,
            item.ShowAs?.ToString().ToLowerInvariant() ?? "busy",
            item.Categories ?? [],
            (item.Attendees ?? [])
                .Where(a => !string.IsNullOrWhiteSpace(a.EmailAddress?.Address))
                .Select(a => new EventAttendee(a.EmailAddress!.Address!, a.EmailAddress.Name))
                .ToList(),
            item.IsCancelled ?? false)
        {
            UserResponse = item.IsOrganizer == true ? "organizer" : item.ResponseStatus?.Response switch
            {
                ResponseType.Accepted => "accepted",
                ResponseType.TentativelyAccepted => "tentativelyAccepted",
                ResponseType.Declined => "declined",
                ResponseType.NotResponded => "notResponded",
                ResponseType.Organizer => "organizer",
                _ => "none",
            },
        };
    }

    /// <summary>Graph's dateTimeTimeZone: a wall-clock string plus a zone name (UTC here, as asked for).</summary>
    internal static DateTimeOffset? ToInstant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = MailboxTimeZone.Resolve(value.TimeZone);
        return MailboxTime.AtWallClock(local, zone);
    }
}
