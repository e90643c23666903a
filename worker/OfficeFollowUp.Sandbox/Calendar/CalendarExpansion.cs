using System.Globalization;

namespace OfficeFollowUp.Sandbox;

internal enum EventKind
{
    SingleInstance,
    SeriesMaster,
    Exception,
}

/// <summary>A stored event. All-day events are normalised to midnight instants in <see cref="Zone"/>.</summary>
internal sealed record EventState(
    string Id,
    EventKind Kind,
    string? SeriesMasterId,
    DateOnly? OriginalDate,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    long Version,
    string ICalUId,
    TimeZoneInfo Zone,
    bool CreatedThroughApi,
    SandboxEventSeed Data)
{
    public string ChangeKey => SandboxIds.ChangeKey(Version);

    public string TypeName => Kind switch
    {
        EventKind.SingleInstance => "singleInstance",
        EventKind.SeriesMaster => "seriesMaster",
        EventKind.Exception => "exception",
    };

    public EventInstance AsInstance() => new(Id, TypeName, this, Data.Start, Data.End);

    public SandboxEvent ToPublic() => new(Id, TypeName, SeriesMasterId, Created, Modified, ChangeKey, ICalUId, Data);
}

/// <summary>One instance as calendarView sees it: a single event, an occurrence of a series, or an exception.</summary>
internal sealed record EventInstance(string Id, string Type, EventState Source, DateTimeOffset Start, DateTimeOffset End)
{
    public string? SeriesMasterId => Type == "occurrence" ? Source.Id : Source.SeriesMasterId;

    public SandboxEventSeed Data => Source.Data;

    public DateOnly StartDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Start, Source.Zone).DateTime);

    public DateOnly EndDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(End, Source.Zone).DateTime);

    public bool Overlaps(DateTimeOffset windowStart, DateTimeOffset windowEnd) =>
        Start < windowEnd && (End > windowStart || (End == Start && Start >= windowStart));
}

/// <summary>
/// Expands stored events into the instances inside a window, the way calendarView does: series masters become
/// occurrences (id = master id + "_" + yyyyMMdd of the original date), minus the dates that were changed
/// (exceptions, stored separately under the same id) or cancelled. Pure: the overrides are passed in.
/// </summary>
internal static class CalendarExpansion
{
    public static string OccurrenceId(string masterId, DateOnly date) =>
        masterId + "_" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Graph gives each occurrence its own iCalUId: the series' with the instance date in bytes 16-19.</summary>
    public static string InstanceICalUId(string seriesUid, DateOnly date) =>
        string.Concat(seriesUid[..32], $"{date.Year:X4}{date.Month:X2}{date.Day:X2}", seriesUid[40..]);

    public static bool TrySplitOccurrenceId(string id, out string masterId, out DateOnly date)
    {
        masterId = string.Empty;
        date = default;
        if (id.Length < 10 || id[^9] != '_'
            || !DateOnly.TryParseExact(id[^8..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }

        masterId = id[..^9];
        return true;
    }

    public static IEnumerable<EventInstance> Instances(
        EventState state, DateTimeOffset windowStart, DateTimeOffset windowEnd, IReadOnlyDictionary<DateOnly, string?>? overrides)
    {
        if (state.Kind != EventKind.SeriesMaster)
        {
            var single = state.AsInstance();
            return single.Overlaps(windowStart, windowEnd) ? [single] : [];
        }

        return Occurrences(state, windowStart, windowEnd, overrides);
    }

    /// <summary>Occurrence dates of a series (local dates in its zone) between two dates, inclusive.</summary>
    public static IEnumerable<DateOnly> OccurrenceDates(SandboxRecurrence recurrence, DateOnly first, DateOnly from, DateOnly to)
    {
        var interval = Math.Max(1, recurrence.Interval);
        var days = recurrence.DaysOfWeek.Count > 0 ? recurrence.DaysOfWeek : [first.DayOfWeek];
        var firstWeek = first.AddDays(-(int)first.DayOfWeek);
        var last = recurrence.EndDate is { } endDate && endDate < to ? endDate : to;
        var remaining = recurrence.NumberOfOccurrences is > 0 ? recurrence.NumberOfOccurrences.Value : int.MaxValue;

        // A numbered series must be counted from its first date; otherwise start near the window.
        var date = remaining == int.MaxValue && from > first ? from : first;
        for (; date <= last && remaining > 0; date = date.AddDays(1))
        {
            var matches = recurrence.Type.Equals("daily", StringComparison.OrdinalIgnoreCase)
                ? (date.DayNumber - first.DayNumber) % interval == 0
                : days.Contains(date.DayOfWeek) && ((date.DayNumber - firstWeek.DayNumber) / 7) % interval == 0;
            if (!matches)
            {
                continue;
            }

            remaining--;
            if (date >= from)
            {
                yield return date;
            }
        }
    }

    private static IEnumerable<EventInstance> Occurrences(
        EventState master, DateTimeOffset windowStart, DateTimeOffset windowEnd, IReadOnlyDictionary<DateOnly, string?>? overrides)
    {
        var zone = master.Zone;
        var localStart = TimeZoneInfo.ConvertTime(master.Data.Start, zone).DateTime;
        var localEnd = TimeZoneInfo.ConvertTime(master.Data.End, zone).DateTime;
        var first = DateOnly.FromDateTime(localStart);
        var spanDays = (int)Math.Ceiling((localEnd - localStart).TotalDays);
        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(windowStart, zone).DateTime).AddDays(-spanDays - 1);
        var to = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(windowEnd, zone).DateTime).AddDays(1);
        var duration = master.Data.End - master.Data.Start;
        var allDayDays = DateOnly.FromDateTime(localEnd).DayNumber - first.DayNumber;

        foreach (var date in OccurrenceDates(master.Data.Recurrence!, first, from, to))
        {
            if (overrides is not null && overrides.ContainsKey(date))
            {
                continue;
            }

            DateTimeOffset start, end;
            if (master.Data.IsAllDay)
            {
                start = SandboxTimeZones.ToInstant(date.ToDateTime(TimeOnly.MinValue), zone);
                end = SandboxTimeZones.ToInstant(date.AddDays(Math.Max(1, allDayDays)).ToDateTime(TimeOnly.MinValue), zone);
            }
            else
            {
                start = SandboxTimeZones.ToInstant(date.ToDateTime(TimeOnly.FromTimeSpan(localStart.TimeOfDay)), zone);
                end = start + duration;
            }

            var occurrence = new EventInstance(OccurrenceId(master.Id, date), "occurrence", master, start, end);
            if (occurrence.Overlaps(windowStart, windowEnd))
            {
                yield return occurrence;
            }
        }
    }
}
