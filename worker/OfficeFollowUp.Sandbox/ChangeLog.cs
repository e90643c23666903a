namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The changes of one delta resource (a contact folder's contacts, the calendar) in sequence order: one entry per
/// change, holding the item as it was right after it (null when the change removed it) and linked to the item's
/// change before and after. A delta round covers the changes numbered (From, End] and emits only the last change of
/// each item inside it, so every item appears once per round, and a page costs O(page) even with 50,000 items.
/// Called under the mailbox's lock.
/// </summary>
internal sealed class ChangeLog<TState>
    where TState : class
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, int> _lastEntryIndex = new(StringComparer.Ordinal);

    public void Append(string id, long seq, TState? state)
    {
        var previous = -1;
        if (_lastEntryIndex.TryGetValue(id, out var last))
        {
            _entries[last].NextSeq = seq;
            previous = last;
        }

        _lastEntryIndex[id] = _entries.Count;
        _entries.Add(new Entry(seq, id, state, previous));
    }

    /// <summary>The item as it was once the changes up to <paramref name="seq"/> were made; null when it did not exist.</summary>
    public TState? StateAt(Entry entry, long seq)
    {
        while (entry.Seq > seq)
        {
            if (entry.PreviousIndex < 0)
            {
                return null;
            }

            entry = _entries[entry.PreviousIndex];
        }

        return entry.State;
    }

    /// <summary>
    /// One page of a round over (<paramref name="fromSeq"/>, <paramref name="endSeq"/>], resuming at
    /// <paramref name="resume"/>: a change and how many of its items were already sent (a calendar change can expand
    /// to more instances than a page holds). <paramref name="itemsOf"/> turns a change into what the round sends for it.
    /// Returns where the next page resumes, or null when the round is done. With <paramref name="repeatItems"/>, the
    /// next page starts again at the last item of this one (Graph may repeat items across pages).
    /// </summary>
    public (List<TItem> Items, LogPosition? Next) ReadPage<TItem>(
        long fromSeq, long endSeq, LogPosition resume, int pageSize, bool repeatItems, Func<Entry, IReadOnlyList<TItem>> itemsOf)
    {
        IReadOnlyList<TItem> Emitted(Entry entry) => entry.NextSeq != 0 && entry.NextSeq <= endSeq ? [] : itemsOf(entry);

        var items = new List<TItem>(Math.Min(pageSize, 64));
        var index = LowerBound(Math.Max(resume.Seq, fromSeq + 1));
        var offset = index < _entries.Count && _entries[index].Seq == resume.Seq ? resume.Offset : 0;
        var lastEmitted = new LogPosition(-1, 0);
        while (index < _entries.Count && _entries[index].Seq <= endSeq && items.Count < pageSize)
        {
            var entry = _entries[index];
            var emitted = Emitted(entry);
            while (offset < emitted.Count && items.Count < pageSize)
            {
                items.Add(emitted[offset]);
                lastEmitted = new LogPosition(entry.Seq, offset);
                offset++;
            }

            if (offset < emitted.Count)
            {
                break;
            }

            index++;
            offset = 0;
        }

        // Skip changes that send nothing, so a round with nothing left ends here rather than on an empty page.
        while (offset == 0 && index < _entries.Count && _entries[index].Seq <= endSeq && Emitted(_entries[index]).Count == 0)
        {
            index++;
        }

        if (index >= _entries.Count || _entries[index].Seq > endSeq)
        {
            return (items, null);
        }

        return (items, repeatItems && items.Count > 1 ? lastEmitted : new LogPosition(_entries[index].Seq, offset));
    }

    private int LowerBound(long seq)
    {
        int lo = 0, hi = _entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entries[mid].Seq < seq)
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

    internal sealed class Entry(long seq, string id, TState? state, int previousIndex)
    {
        public long Seq { get; } = seq;

        public string Id { get; } = id;

        /// <summary>The item right after this change; null when the change removed it.</summary>
        public TState? State { get; } = state;

        /// <summary>Index of the same item's change before this one, -1 for its first.</summary>
        public int PreviousIndex { get; } = previousIndex;

        /// <summary>Sequence of the same item's next change, 0 while this is its latest.</summary>
        public long NextSeq { get; set; }
    }
}

/// <summary>Where a delta round resumes: a change, and how many of the items it sends were already sent.</summary>
internal readonly record struct LogPosition(long Seq, int Offset);

/// <summary>A delta item: the item as it is now, or (null) its removal.</summary>
internal sealed record DeltaItem<T>(string Id, T? Item)
    where T : class;

/// <summary>Items plus exactly one of: the cursor for the nextLink, or the cursor for the deltaLink.</summary>
internal sealed record DeltaPage<T, TCursor>(IReadOnlyList<DeltaItem<T>> Items, TCursor? Next, TCursor? Delta)
    where T : class
    where TCursor : class;
