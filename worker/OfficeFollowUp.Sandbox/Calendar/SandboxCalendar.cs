namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The calendar: stored events (single instances, series masters, exceptions) plus a change log whose entries keep
/// the event as it was after each change, so a calendarView delta round is a consistent snapshot and can tell
/// which instances left the window (removed) without keeping per-client state.
/// </summary>
internal sealed class SandboxCalendar(MailboxState state)
{
    private const string ICalUIdPrefix = "040000008200E00074C5B7101A82E008";

    private readonly MailboxState _state = state;

    // A stream of its own, so adding calendar data never changes the ids the contact sample data gets.
    private readonly SandboxIds _ids = new(state.IdSeed + 1);
    private readonly Dictionary<string, EventState> _events = new(StringComparer.Ordinal);
    private readonly OrderedSet _order = new();

    // Per series master: original dates that became an exception (its id) or were cancelled (null).
    private readonly Dictionary<string, Dictionary<DateOnly, string?>> _seriesOverrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByTransactionId = new(StringComparer.Ordinal);

    // Every event created through the API, as last stored, kept after deletion.
    private readonly Dictionary<string, EventState> _createdThroughApi = new(StringComparer.Ordinal);
    private readonly List<string> _createdOrder = [];
    private readonly ChangeLog<EventState> _log = new();
    private int _invitationsSent;
    private string? _defaultCalendarId;

    public string DefaultCalendarId
    {
        get { lock (_state.Gate) { return _defaultCalendarId ??= _ids.Next(30); } }
    }

    public IReadOnlyList<SandboxEvent> Events
    {
        get { lock (_state.Gate) { return [.. _order.Select(id => _events[id].ToPublic())]; } }
    }

    public IReadOnlyList<SandboxEvent> CreatedEvents
    {
        get { lock (_state.Gate) { return [.. _createdOrder.Select(id => _createdThroughApi[id].ToPublic())]; } }
    }

    public int InvitationsSent
    {
        get { lock (_state.Gate) { return _invitationsSent; } }
    }

    public string Add(SandboxEventSeed seed, DateTimeOffset? createdAt)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_state.Gate)
        {
            return AddLocked(seed, createdAt ?? _state.Now, createdThroughApi: false).Id;
        }
    }

    /// <summary>Adds <paramref name="count"/> generated events (about one in 25 a weekly series) around now, for benchmarks.</summary>
    public void Seed(int count, int randomSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var generator = new SandboxEventGenerator(randomSeed, _state.Now);
        var seeds = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        lock (_state.Gate)
        {
            foreach (var seed in seeds)
            {
                AddLocked(seed, _state.Now, createdThroughApi: false);
            }
        }
    }

    /// <summary>An occurrence id (series id + "_" + yyyyMMdd) turns that occurrence into an exception of its series.</summary>
    public void Update(string id, Func<SandboxEventSeed, SandboxEventSeed> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_state.Gate)
        {
            UpdateLocked(id, change);
        }
    }

    /// <summary>Deleting an occurrence or an exception cancels that one date of its series; false when there is no such event.</summary>
    public bool Delete(string id)
    {
        lock (_state.Gate)
        {
            return DeleteLocked(id);
        }
    }

    public SandboxEvent? Find(string id)
    {
        lock (_state.Gate)
        {
            return _events.TryGetValue(id, out var stored) ? stored.ToPublic() : null;
        }
    }

    /// <summary>
    /// <c>POST /me/events</c>: a transactionId already used by a live event returns that event instead of making a
    /// second one (Graph's guard against retried POSTs). Graph sends the invitations at once.
    /// </summary>
    public EventState CreateFromApi(SandboxEventSeed seed)
    {
        lock (_state.Gate)
        {
            if (seed.TransactionId is { } transactionId
                && _idByTransactionId.TryGetValue(transactionId, out var existingId)
                && _events.TryGetValue(existingId, out var existing))
            {
                return existing;
            }

            var created = AddLocked(seed, _state.Now, createdThroughApi: true);
            _invitationsSent += created.Data.Attendees.Count;
            return created;
        }
    }

    /// <summary><c>PATCH /me/events/{id}</c>: attendees added by the change get their invitations at once.</summary>
    public EventInstance? PatchFromApi(string id, Func<SandboxEventSeed, SandboxEventSeed> change)
    {
        lock (_state.Gate)
        {
            var before = GetInstanceLocked(id);
            if (before is null)
            {
                return null;
            }

            var known = before.Data.Attendees.Select(a => a.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            UpdateLocked(id, change);
            var after = GetInstanceLocked(id)!;
            _invitationsSent += after.Data.Attendees.Count(a => !known.Contains(a.Address));
            return after;
        }
    }

    /// <summary>A stored event, or an occurrence of a series, by id.</summary>
    public EventInstance? GetInstance(string id)
    {
        lock (_state.Gate)
        {
            return GetInstanceLocked(id);
        }
    }

    /// <summary>What <c>/me/events</c> lists: single instances and series masters (not occurrences or exceptions).</summary>
    public List<EventInstance> List()
    {
        lock (_state.Gate)
        {
            return
            [
                .. _order.Select(id => _events[id])
                    .Where(e => e.Kind != EventKind.Exception)
                    .Select(e => e.AsInstance()),
            ];
        }
    }

    /// <summary>Every instance overlapping a window, series expanded (for getSchedule).</summary>
    public List<EventInstance> InstancesBetween(DateTimeOffset start, DateTimeOffset end)
    {
        lock (_state.Gate)
        {
            return [.. _order.Select(id => _events[id]).SelectMany(e => InstancesLocked(e, start, end)).OrderBy(i => i.Start)];
        }
    }

    public CalendarDeltaCursor StartDeltaRound(DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        lock (_state.Gate)
        {
            return new CalendarDeltaCursor(_state.Faults.DeltaEpoch, windowStart, windowEnd, 0, _state.Sequence, 0, 0, true);
        }
    }

    public CalendarDeltaCursor ResumeFromDeltaLink(CalendarDeltaCursor deltaCursor)
    {
        lock (_state.Gate)
        {
            return deltaCursor with { EndSeq = _state.Sequence, ResumeSeq = 0, ResumeOffset = 0, Initial = false };
        }
    }

    /// <summary>
    /// One page of a calendarView delta round. Each event changed inside the round expands to the instances of its
    /// snapshot inside the window, plus (after the first round) removals for instances it had before the round and no
    /// longer has.
    /// </summary>
    public DeltaPage<EventInstance, CalendarDeltaCursor> ReadDeltaPage(CalendarDeltaCursor cursor, int pageSize)
    {
        lock (_state.Gate)
        {
            if (_state.ServeDeltaPage(out var issued))
            {
                return new([], cursor with { Issued = issued }, null);
            }

            var (items, next) = _log.ReadPage(
                cursor.FromSeq,
                cursor.EndSeq,
                new LogPosition(cursor.ResumeSeq, cursor.ResumeOffset),
                pageSize,
                _state.Faults.RepeatItems,
                entry => ItemsOf(entry, cursor));
            return next is { } resume
                ? new(items, cursor with { ResumeSeq = resume.Seq, ResumeOffset = resume.Offset, Issued = issued }, null)
                : new(items, null, cursor with { FromSeq = cursor.EndSeq, ResumeSeq = 0, ResumeOffset = 0, Initial = false, Issued = issued });
        }
    }

    private List<DeltaItem<EventInstance>> ItemsOf(ChangeLog<EventState>.Entry entry, CalendarDeltaCursor cursor)
    {
        var now = entry.State;
        var current = now is null ? [] : InstancesLocked(now, cursor.WindowStart, cursor.WindowEnd).ToList();
        var items = current.Select(i => new DeltaItem<EventInstance>(i.Id, i)).ToList();
        if (cursor.Initial)
        {
            return items;
        }

        var old = _log.StateAt(entry, cursor.FromSeq);
        var before = old is null ? [] : InstancesLocked(old, cursor.WindowStart, cursor.WindowEnd).Select(i => i.Id).ToList();
        if (now is null && before.Count == 0)
        {
            // Graph reports removals it cannot place in the window too.
            items.Add(new DeltaItem<EventInstance>(entry.Id, null));
            return items;
        }

        var stillThere = current.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        items.AddRange(before.Where(id => !stillThere.Contains(id)).Select(id => new DeltaItem<EventInstance>(id, null)));
        return items;
    }

    private IEnumerable<EventInstance> InstancesLocked(EventState stored, DateTimeOffset start, DateTimeOffset end) =>
        CalendarExpansion.Instances(stored, start, end, OverridesFor(stored));

    private Dictionary<DateOnly, string?>? OverridesFor(EventState stored) =>
        stored.Kind == EventKind.SeriesMaster && _seriesOverrides.TryGetValue(stored.Id, out var overrides) ? overrides : null;

    private EventState AddLocked(SandboxEventSeed seed, DateTimeOffset createdAt, bool createdThroughApi)
    {
        var (normalized, zone) = NormalizeLocked(seed);
        var id = _ids.Next(40);
        var uid = ICalUIdPrefix + "00000000" + "0000000000000000000000000000000010000000"
            + _ids.NextGuid().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var kind = normalized.Recurrence is null ? EventKind.SingleInstance : EventKind.SeriesMaster;
        var added = new EventState(id, kind, null, null, createdAt, createdAt, _state.NextSequence(), uid, zone, createdThroughApi, normalized);
        StoreLocked(added);
        if (normalized.TransactionId is { } transactionId)
        {
            _idByTransactionId[transactionId] = id;
        }

        return added;
    }

    private void UpdateLocked(string id, Func<SandboxEventSeed, SandboxEventSeed> change)
    {
        if (_events.TryGetValue(id, out var current))
        {
            var changedData = change(current.Data);
            var (data, zone) = NormalizeLocked(current.Kind == EventKind.Exception ? changedData with { Recurrence = null } : changedData);
            if (current.Kind == EventKind.SingleInstance && data.Recurrence is not null)
            {
                current = current with { Kind = EventKind.SeriesMaster };
            }

            StoreLocked(current with { Data = data, Zone = zone, Modified = _state.Now, Version = _state.NextSequence() });
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
        var now = _state.Now;
        var exception = new EventState(
            id,
            EventKind.Exception,
            master.Id,
            date,
            now,
            now,
            _state.NextSequence(),
            CalendarExpansion.InstanceICalUId(master.ICalUId, date),
            changedZone,
            false,
            changed);
        OverridesOf(master.Id)[date] = id;
        StoreLocked(exception);
    }

    private bool DeleteLocked(string id)
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
        _log.Append(id, _state.NextSequence(), null);
        _state.Report(SandboxItemKind.Event, SandboxChangeType.Deleted, id, null, null);
        return true;
    }

    private EventInstance? GetInstanceLocked(string id)
    {
        if (_events.TryGetValue(id, out var stored))
        {
            return stored.AsInstance();
        }

        if (!CalendarExpansion.TrySplitOccurrenceId(id, out var masterId, out var date)
            || !_events.TryGetValue(masterId, out var master) || master.Kind != EventKind.SeriesMaster)
        {
            return null;
        }

        var around = SandboxTimeZones.ToInstant(date.ToDateTime(TimeOnly.MinValue), master.Zone);
        return InstancesLocked(master, around.AddDays(-1), around.AddDays(2)).FirstOrDefault(i => i.Id == id);
    }

    /// <summary>The event's zone (the mailbox's when it names none); an all-day event spans whole days of it.</summary>
    private (SandboxEventSeed Seed, TimeZoneInfo Zone) NormalizeLocked(SandboxEventSeed seed)
    {
        var zone = SandboxTimeZones.Find(seed.TimeZone) ?? SandboxTimeZones.Find(_state.TimeZone) ?? TimeZoneInfo.Utc;
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

    private void StoreLocked(EventState stored)
    {
        var created = !_events.ContainsKey(stored.Id);
        if (created)
        {
            _order.Add(stored.Id);
        }

        _events[stored.Id] = stored;
        if (stored.CreatedThroughApi)
        {
            if (!_createdThroughApi.ContainsKey(stored.Id))
            {
                _createdOrder.Add(stored.Id);
            }

            _createdThroughApi[stored.Id] = stored;
        }

        _log.Append(stored.Id, stored.Version, stored);
        _state.Report(
            SandboxItemKind.Event, created ? SandboxChangeType.Created : SandboxChangeType.Updated, stored.Id, null, SandboxIds.ChangeKey(stored.Version));
    }

    private void RemoveLocked(string id)
    {
        _events.Remove(id);
        _order.Remove(id);
        _log.Append(id, _state.NextSequence(), null);
        _state.Report(SandboxItemKind.Event, SandboxChangeType.Deleted, id, null, null);
    }
}
