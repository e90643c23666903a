namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The calendar: stored events (single instances, series masters, exceptions) plus a change log whose entries keep
/// the event as it was after each change, so a calendarView delta round is a consistent snapshot and can tell
/// which instances left the window (removed) without keeping per-client state.
/// </summary>
public sealed partial class SandboxMailbox
{
    private const string ICalUIdPrefix = "040000008200E00074C5B7101A82E008";

    // Separate id streams, so adding calendar data never changes the ids the contact sample data gets.
    private readonly SandboxIds _eventIds = new(20240918);
    private readonly Dictionary<string, EventState> _events = new(StringComparer.Ordinal);
    private readonly OrderedSet _eventOrder = new();

    // Per series master: original dates that became an exception (its id) or were cancelled (null).
    private readonly Dictionary<string, Dictionary<DateOnly, string?>> _seriesOverrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _eventIdByTransactionId = new(StringComparer.Ordinal);

    // Every event created through the API, as last stored, kept after deletion.
    private readonly Dictionary<string, EventState> _createdThroughApi = new(StringComparer.Ordinal);
    private readonly List<string> _createdOrder = [];
    private readonly List<CalendarLogEntry> _calendarLog = [];
    private readonly Dictionary<string, int> _lastCalendarEntry = new(StringComparer.Ordinal);
    private int _invitationsSent;
    private string? _defaultCalendarId;

    /// <summary>Id of the default calendar, for <c>/me/calendars/{id}/events</c>.</summary>
    public string DefaultCalendarId
    {
        get
        {
            lock (_gate)
            {
                return _defaultCalendarId ??= _eventIds.Next(30);
            }
        }
    }

    /// <summary>Every stored event (series masters, single instances, exceptions) in creation order.</summary>
    public IReadOnlyList<SandboxEvent> Events
    {
        get { lock (_gate) { return [.. _eventOrder.Select(id => _events[id].ToPublic())]; } }
    }

    /// <summary>
    /// Every event ever created through <c>POST /me/events</c> (the worker's holds) in creation order, as last stored,
    /// deleted ones included (<see cref="FindEvent"/> tells whether one still exists), so a test can prove that a hold
    /// the user deleted was not created again. A POST answered from its transactionId adds nothing.
    /// </summary>
    public IReadOnlyList<SandboxEvent> CreatedEvents
    {
        get { lock (_gate) { return [.. _createdOrder.Select(id => _createdThroughApi[id].ToPublic())]; } }
    }

    /// <summary>Adds an event the user already has (a series master when the seed has a recurrence) and returns its id.</summary>
    public string AddEvent(SandboxEventSeed seed) => AddEvent(seed, createdAt: null);

    internal string AddEvent(SandboxEventSeed seed, DateTimeOffset? createdAt)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_gate)
        {
            return AddEventLocked(seed, createdAt ?? _time.GetUtcNow(), createdThroughApi: false).Id;
        }
    }

    /// <summary>
    /// The user edits an event in Outlook. An occurrence id (series id + "_" + yyyyMMdd) turns that occurrence into an
    /// exception of its series, as editing one occurrence does.
    /// </summary>
    public void UpdateEvent(string id, Func<SandboxEventSeed, SandboxEventSeed> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            UpdateEventLocked(id, change);
        }
    }

    /// <summary>The user deletes an event; deleting an occurrence or exception cancels that one date of its series.</summary>
    public void DeleteEvent(string id)
    {
        lock (_gate)
        {
            if (!DeleteEventLocked(id))
            {
                throw new KeyNotFoundException($"No event with id {id}.");
            }
        }
    }

    public SandboxEvent? FindEvent(string id)
    {
        lock (_gate)
        {
            return _events.TryGetValue(id, out var state) ? state.ToPublic() : null;
        }
    }

    /// <summary>Adds <paramref name="count"/> generated events (about one in 25 a weekly series) around now, for benchmarks.</summary>
    public void SeedEvents(int count, int randomSeed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var generator = new SandboxEventGenerator(randomSeed, _time.GetUtcNow());
        var seeds = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        lock (_gate)
        {
            foreach (var seed in seeds)
            {
                AddEventLocked(seed, _time.GetUtcNow(), createdThroughApi: false);
            }
        }
    }

    /// <summary>
    /// <c>POST /me/events</c>: a transactionId already used by a live event returns that event instead of making a
    /// second one (Graph's guard against retried POSTs). Graph sends the invitations at once.
    /// </summary>
    internal (EventState Event, bool Existing) CreateEventFromApi(SandboxEventSeed seed)
    {
        lock (_gate)
        {
            if (seed.TransactionId is { } transactionId
                && _eventIdByTransactionId.TryGetValue(transactionId, out var existingId)
                && _events.TryGetValue(existingId, out var existing))
            {
                return (existing, true);
            }

            var created = AddEventLocked(seed, _time.GetUtcNow(), createdThroughApi: true);
            _invitationsSent += created.Data.Attendees.Count;
            return (created, false);
        }
    }

    /// <summary><c>PATCH /me/events/{id}</c>: attendees added by the change get their invitations at once.</summary>
    internal EventInstance? PatchEventFromApi(string id, Func<SandboxEventSeed, SandboxEventSeed> change)
    {
        lock (_gate)
        {
            var before = GetInstanceLocked(id);
            if (before is null)
            {
                return null;
            }

            var known = before.Data.Attendees.Select(a => a.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            UpdateEventLocked(id, change);
            var after = GetInstanceLocked(id)!;
            _invitationsSent += after.Data.Attendees.Count(a => !known.Contains(a.Address));
            return after;
        }
    }

    internal bool DeleteEventFromApi(string id)
    {
        lock (_gate)
        {
            return DeleteEventLocked(id);
        }
    }

    /// <summary>A stored event, or an occurrence of a series, by id.</summary>
    internal EventInstance? GetEventInstance(string id)
    {
        lock (_gate)
        {
            return GetInstanceLocked(id);
        }
    }

    /// <summary>What <c>/me/events</c> lists: single instances and series masters (not occurrences or exceptions).</summary>
    internal List<EventInstance> ListEvents()
    {
        lock (_gate)
        {
            return
            [
                .. _eventOrder.Select(id => _events[id])
                    .Where(e => e.Kind != EventKind.Exception)
                    .Select(e => new EventInstance(e.Id, e.TypeName, e, e.Data.Start, e.Data.End)),
            ];
        }
    }

    /// <summary>Every instance overlapping a window, series expanded (for getSchedule).</summary>
    internal List<EventInstance> InstancesBetween(DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            return
            [
                .. _eventOrder.Select(id => _events[id])
                    .SelectMany(e => CalendarExpansion.Instances(e, start, end, OverridesFor(e)))
                    .OrderBy(i => i.Start),
            ];
        }
    }

    internal CalendarDeltaCursor StartCalendarDeltaRound(DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        lock (_gate)
        {
            return new CalendarDeltaCursor(Faults.DeltaEpoch, windowStart, windowEnd, 0, _sequence, 0, 0, true);
        }
    }

    internal CalendarDeltaCursor ResumeCalendarFromDeltaLink(CalendarDeltaCursor deltaCursor)
    {
        lock (_gate)
        {
            return deltaCursor with { EndSeq = _sequence, ResumeSeq = 0, ResumeOffset = 0, Initial = false };
        }
    }

    /// <summary>
    /// One page of a calendarView delta round over the log entries with sequence in (From, End]. Each entry that is the
    /// last change of its id inside that range expands to the instances of its snapshot inside the window, plus
    /// (later rounds) removals for instances it had before the round and no longer has.
    /// </summary>
    internal CalendarDeltaPage ReadCalendarDeltaPage(CalendarDeltaCursor cursor, int pageSize)
    {
        lock (_gate)
        {
            _deltaPagesServed++;
            var emptyEvery = Faults.EmptyPageEvery;
            if (emptyEvery > 0 && _deltaPagesServed % emptyEvery == 0)
            {
                return new CalendarDeltaPage([], cursor with { Issued = _deltaPagesServed }, null);
            }

            var items = new List<CalendarDeltaItem>(Math.Min(pageSize, 64));
            var index = CalendarLowerBound(Math.Max(cursor.ResumeSeq, cursor.FromSeq + 1));
            var offset = index < _calendarLog.Count && _calendarLog[index].Seq == cursor.ResumeSeq ? cursor.ResumeOffset : 0;
            (long Seq, int Offset) lastEmitted = (-1, 0);
            while (index < _calendarLog.Count && _calendarLog[index].Seq <= cursor.EndSeq && items.Count < pageSize)
            {
                var entry = _calendarLog[index];
                var emissions = IsSuperseded(entry, cursor) ? [] : Emissions(entry, cursor);
                while (offset < emissions.Count && items.Count < pageSize)
                {
                    items.Add(emissions[offset]);
                    lastEmitted = (entry.Seq, offset);
                    offset++;
                }

                if (offset < emissions.Count)
                {
                    break;
                }

                index++;
                offset = 0;
            }

            // Skip entries that yield nothing, so a round with nothing left ends here rather than on an empty page.
            while (offset == 0 && index < _calendarLog.Count && _calendarLog[index].Seq <= cursor.EndSeq
                && (IsSuperseded(_calendarLog[index], cursor) || Emissions(_calendarLog[index], cursor).Count == 0))
            {
                index++;
            }

            if (index >= _calendarLog.Count || _calendarLog[index].Seq > cursor.EndSeq)
            {
                var delta = cursor with
                {
                    FromSeq = cursor.EndSeq, ResumeSeq = 0, ResumeOffset = 0, Initial = false, Issued = _deltaPagesServed,
                };
                return new CalendarDeltaPage(items, null, delta);
            }

            var next = Faults.RepeatItems && items.Count > 1
                ? cursor with { ResumeSeq = lastEmitted.Seq, ResumeOffset = lastEmitted.Offset, Issued = _deltaPagesServed }
                : cursor with { ResumeSeq = _calendarLog[index].Seq, ResumeOffset = offset, Issued = _deltaPagesServed };
            return new CalendarDeltaPage(items, next, null);
        }
    }

    private static bool IsSuperseded(CalendarLogEntry entry, CalendarDeltaCursor cursor) =>
        entry.NextSeq != 0 && entry.NextSeq <= cursor.EndSeq;

    private List<CalendarDeltaItem> Emissions(CalendarLogEntry entry, CalendarDeltaCursor cursor)
    {
        var now = entry.State;
        var current = now is null
            ? []
            : CalendarExpansion.Instances(now, cursor.WindowStart, cursor.WindowEnd, OverridesFor(now)).ToList();
        var items = current.Select(i => new CalendarDeltaItem(i.Id, i)).ToList();
        if (cursor.Initial)
        {
            return items;
        }

        var old = StateBefore(entry, cursor.FromSeq);
        var before = old is null
            ? []
            : CalendarExpansion.Instances(old, cursor.WindowStart, cursor.WindowEnd, OverridesFor(old)).Select(i => i.Id).ToList();
        if (now is null && before.Count == 0)
        {
            // Graph reports removals it cannot place in the window too.
            items.Add(new CalendarDeltaItem(entry.EventId, null));
            return items;
        }

        var stillThere = current.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        items.AddRange(before.Where(id => !stillThere.Contains(id)).Select(id => new CalendarDeltaItem(id, null)));
        return items;
    }

    private EventState? StateBefore(CalendarLogEntry entry, long fromSeq)
    {
        var e = entry;
        while (e.Seq > fromSeq)
        {
            if (e.PreviousIndex < 0)
            {
                return null;
            }

            e = _calendarLog[e.PreviousIndex];
        }

        return e.State;
    }

    private Dictionary<DateOnly, string?>? OverridesFor(EventState state) =>
        state.Kind == EventKind.SeriesMaster && _seriesOverrides.TryGetValue(state.Id, out var overrides) ? overrides : null;

    private EventState AddEventLocked(SandboxEventSeed seed, DateTimeOffset createdAt, bool createdThroughApi)
    {
        var (normalized, zone) = NormalizeLocked(seed);
        var id = _eventIds.Next(40);
        var uid = ICalUIdPrefix + "00000000" + "0000000000000000000000000000000010000000"
            + _eventIds.NextGuid().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var kind = normalized.Recurrence is null ? EventKind.SingleInstance : EventKind.SeriesMaster;
        var state = new EventState(id, kind, null, null, createdAt, createdAt, ++_sequence, uid, zone, createdThroughApi, normalized);
        StoreLocked(state);
        if (normalized.TransactionId is { } transactionId)
        {
            _eventIdByTransactionId[transactionId] = id;
        }

        return state;
    }

    private void UpdateEventLocked(string id, Func<SandboxEventSeed, SandboxEventSeed> change)
    {
        if (_events.TryGetValue(id, out var current))
        {
            var changedData = change(current.Data);
            var (data, zone) = NormalizeLocked(current.Kind == EventKind.Exception ? changedData with { Recurrence = null } : changedData);
            if (current.Kind == EventKind.SingleInstance && data.Recurrence is not null)
            {
                current = current with { Kind = EventKind.SeriesMaster };
            }

            StoreLocked(current with { Data = data, Zone = zone, Modified = _time.GetUtcNow(), Version = ++_sequence });
            return;
        }

        var occurrence = GetInstanceLocked(id);
        if (occurrence is null || occurrence.Type != "occurrence")
        {
            throw new KeyNotFoundException($"No event with id {id}.");
        }

        var master = occurrence.Source;
        CalendarExpansion.TrySplitOccurrenceId(id, out _, out var date);
        var asOccurrence = master.Data with { Start = occurrence.Start, End = occurrence.End, Recurrence = null, TransactionId = null };
        var (changed, changedZone) = NormalizeLocked(change(asOccurrence) with { Recurrence = null });
        var now = _time.GetUtcNow();
        var exception = new EventState(
            id, EventKind.Exception, master.Id, date, now, now, ++_sequence, InstanceICalUId(master.ICalUId, date), changedZone, false, changed);
        OverridesOf(master.Id)[date] = id;
        StoreLocked(exception);
    }

    private bool DeleteEventLocked(string id)
    {
        if (_events.TryGetValue(id, out var current))
        {
            RemoveLocked(current.Id);
            if (current.Kind == EventKind.SeriesMaster && _seriesOverrides.TryGetValue(current.Id, out var overrides))
            {
                foreach (var exceptionId in overrides.Values.OfType<string>().Where(_events.ContainsKey).ToList())
                {
                    RemoveLocked(exceptionId);
                }
            }
            else if (current.Kind == EventKind.Exception)
            {
                OverridesOf(current.SeriesMasterId!)[current.OriginalDate!.Value] = null;
            }

            return true;
        }

        var occurrence = GetInstanceLocked(id);
        if (occurrence is null || !CalendarExpansion.TrySplitOccurrenceId(id, out var masterId, out var date))
        {
            return false;
        }

        // Deleting one occurrence cancels that date of the series.
        OverridesOf(masterId)[date] = null;
        AppendCalendarLocked(id, null, ++_sequence);
        return true;
    }

    private EventInstance? GetInstanceLocked(string id)
    {
        if (_events.TryGetValue(id, out var state))
        {
            return new EventInstance(state.Id, state.TypeName, state, state.Data.Start, state.Data.End);
        }

        if (!CalendarExpansion.TrySplitOccurrenceId(id, out var masterId, out var date)
            || !_events.TryGetValue(masterId, out var master) || master.Kind != EventKind.SeriesMaster)
        {
            return null;
        }

        var around = SandboxTimeZones.ToInstant(date.ToDateTime(TimeOnly.MinValue), master.Zone);
        return CalendarExpansion.Instances(master, around.AddDays(-1), around.AddDays(2), OverridesFor(master))
            .FirstOrDefault(i => i.Id == id);
    }

    private (SandboxEventSeed Seed, TimeZoneInfo Zone) NormalizeLocked(SandboxEventSeed seed)
    {
        var zone = SandboxTimeZones.Find(seed.TimeZone) ?? SandboxTimeZones.Find(_timeZone) ?? TimeZoneInfo.Utc;
        if (seed.End < seed.Start)
        {
            throw new ArgumentException("The end of an event cannot be before its start.", nameof(seed));
        }

        if (!seed.IsAllDay)
        {
            return (seed, zone);
        }

        var startDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(seed.Start, zone).DateTime);
        var endDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(seed.End, zone).DateTime);
        var endLocal = TimeZoneInfo.ConvertTime(seed.End, zone).DateTime;
        if (endLocal.TimeOfDay != TimeSpan.Zero || endDate <= startDate)
        {
            endDate = endDate <= startDate ? startDate.AddDays(1) : endDate.AddDays(1);
        }

        return (seed with
        {
            Start = SandboxTimeZones.ToInstant(startDate.ToDateTime(TimeOnly.MinValue), zone),
            End = SandboxTimeZones.ToInstant(endDate.ToDateTime(TimeOnly.MinValue), zone),
        }, zone);
    }

    private Dictionary<DateOnly, string?> OverridesOf(string masterId)
    {
        if (!_seriesOverrides.TryGetValue(masterId, out var overrides))
        {
            overrides = [];
            _seriesOverrides[masterId] = overrides;
        }

        return overrides;
    }

    private void StoreLocked(EventState state)
    {
        if (!_events.ContainsKey(state.Id))
        {
            _eventOrder.Add(state.Id);
        }

        _events[state.Id] = state;
        if (state.CreatedThroughApi)
        {
            if (!_createdThroughApi.ContainsKey(state.Id))
            {
                _createdOrder.Add(state.Id);
            }

            _createdThroughApi[state.Id] = state;
        }

        AppendCalendarLocked(state.Id, state, state.Version);
    }

    private void RemoveLocked(string id)
    {
        _events.Remove(id);
        _eventOrder.Remove(id);
        AppendCalendarLocked(id, null, ++_sequence);
    }

    private void AppendCalendarLocked(string id, EventState? state, long seq)
    {
        var previous = -1;
        if (_lastCalendarEntry.TryGetValue(id, out var last))
        {
            _calendarLog[last].NextSeq = seq;
            previous = last;
        }

        _lastCalendarEntry[id] = _calendarLog.Count;
        _calendarLog.Add(new CalendarLogEntry(seq, id, state, previous));
    }

    private int CalendarLowerBound(long seq)
    {
        int lo = 0, hi = _calendarLog.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_calendarLog[mid].Seq < seq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Graph gives each occurrence its own iCalUId: the series' with the instance date in bytes 16-19.</summary>
    internal static string InstanceICalUId(string seriesUid, DateOnly date) =>
        string.Concat(seriesUid[..32], $"{date.Year:X4}{date.Month:X2}{date.Day:X2}", seriesUid[40..]);

    private sealed class CalendarLogEntry(long seq, string eventId, EventState? state, int previousIndex)
    {
        public long Seq { get; } = seq;
        public string EventId { get; } = eventId;

        /// <summary>The event right after this change; null when the change removed it.</summary>
        public EventState? State { get; } = state;

        /// <summary>Index of the previous change of the same id, -1 for the first.</summary>
        public int PreviousIndex { get; } = previousIndex;

        public long NextSeq { get; set; }
    }
}

/// <summary>A calendar delta item: an instance as it is now, or (null) its removal.</summary>
internal sealed record CalendarDeltaItem(string Id, EventInstance? Instance);

internal sealed record CalendarDeltaPage(IReadOnlyList<CalendarDeltaItem> Items, CalendarDeltaCursor? Next, CalendarDeltaCursor? Delta);
