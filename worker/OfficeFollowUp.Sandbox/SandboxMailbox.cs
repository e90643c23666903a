namespace OfficeFollowUp.Sandbox;

/// <summary>
/// In-memory state of one sandbox mailbox: the user, mailbox settings, contact folders with a change log
/// per folder (so delta paging costs O(page) even with 50,000 contacts), and the drafts the worker made.
/// One lock guards everything; the HTTP layer takes snapshots and writes JSON outside it.
/// The calendar lives in SandboxMailbox.Calendar.cs.
/// </summary>
public sealed partial class SandboxMailbox
{
    internal const string DraftsWellKnownName = "drafts";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SandboxIds _ids;
    private readonly List<FolderState> _folders = [];
    private readonly Dictionary<string, FolderState> _foldersById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactState> _contacts = new(StringComparer.Ordinal);
    private readonly List<SandboxMessage> _drafts = [];
    private readonly HashSet<string> _foldersWithDeltaLinkServed = new(StringComparer.Ordinal);
    private long _sequence;
    private long _deltaPagesServed;
    private string _timeZone = "New Zealand Standard Time";
    private SandboxWorkingHours _workingHours = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(8, 30),
        new TimeOnly(17, 30));

    public SandboxMailbox(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _ids = new SandboxIds(20240917);
        var userId = _ids.NextGuid();
        User = new SandboxUser(
            userId,
            "Alex Morgan",
            "Alex",
            "Morgan",
            "alex@harbourlightadvisory.co.nz",
            "alex@harbourlightadvisory.co.nz",
            "en-NZ",
            ["SMTP:alex@harbourlightadvisory.co.nz", "smtp:alex.morgan@harbourlightadvisory.co.nz"]);
        DefaultContactFolderId = _ids.Next(1);
        DraftsFolderId = _ids.Next(2);
        AddFolderLocked(new SandboxContactFolder(DefaultContactFolderId, "Contacts", _ids.Next(3)));
    }

    public static SandboxMailbox WithSampleData(TimeProvider time)
    {
        var mailbox = new SandboxMailbox(time);
        SandboxSampleData.Populate(mailbox);
        SandboxSampleCalendar.Populate(mailbox);
        SandboxSampleMessages.Populate(mailbox);
        return mailbox;
    }

    public SandboxFaults Faults { get; } = new();

    public SandboxUser User { get; }

    public SandboxRequestLog Requests { get; } = new();

    public string DefaultContactFolderId { get; }

    public string DraftsFolderId { get; }

    /// <summary>Windows time zone name returned by <c>/me/mailboxSettings</c>.</summary>
    public string TimeZone
    {
        get { lock (_gate) { return _timeZone; } }
        set { ArgumentException.ThrowIfNullOrWhiteSpace(value); lock (_gate) { _timeZone = value; } }
    }

    public SandboxWorkingHours WorkingHours
    {
        get { lock (_gate) { return _workingHours; } }
        set { ArgumentNullException.ThrowIfNull(value); lock (_gate) { _workingHours = value; } }
    }

    /// <summary>Every contact folder, the default "Contacts" folder first.</summary>
    public IReadOnlyList<SandboxContactFolder> ContactFolders
    {
        get { lock (_gate) { return [.. _folders.Select(f => f.Folder)]; } }
    }

    public IReadOnlyList<SandboxMessage> Drafts
    {
        get { lock (_gate) { return [.. _drafts]; } }
    }

    /// <summary>
    /// Meeting invitations Graph sent: one per attendee of an event created or patched through the API with
    /// attendees. The product must never send one, so for the worker this stays 0.
    /// </summary>
    public int InvitationsSent
    {
        get { lock (_gate) { return _invitationsSent; } }
    }

    /// <summary>
    /// Answer as Graph answers a caller with an app-only token (application permissions): there is no
    /// signed-in user, so <c>/me</c> is refused with 400 and only <c>/users/{id or upn}</c> reaches the mailbox.
    /// </summary>
    public bool ApplicationPermissions { get; set; }

    /// <summary>True once every contact folder has had a delta round finished (a deltaLink served).</summary>
    public bool BaselineServed
    {
        get
        {
            lock (_gate)
            {
                return _folders.All(f => _foldersWithDeltaLinkServed.Contains(f.Folder.Id));
            }
        }
    }

    public int ContactCount(string? folderId = null)
    {
        lock (_gate)
        {
            return GetFolderLocked(folderId ?? DefaultContactFolderId).Live.Count;
        }
    }

    /// <summary>Adds a child folder under the default Contacts folder and returns its id.</summary>
    public string AddContactFolder(string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        lock (_gate)
        {
            var id = _ids.Next(4);
            AddFolderLocked(new SandboxContactFolder(id, displayName, DefaultContactFolderId));
            return id;
        }
    }

    public string AddContact(SandboxContactSeed seed, string? folderId = null) => AddContact(seed, folderId, createdAt: null);

    internal string AddContact(SandboxContactSeed seed, string? folderId, DateTimeOffset? createdAt)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_gate)
        {
            var folder = GetFolderLocked(folderId ?? DefaultContactFolderId);
            var now = createdAt ?? _time.GetUtcNow();
            var contact = new ContactState(_ids.Next(10), folder.Folder.Id, now, now, ++_sequence, seed);
            _contacts.Add(contact.Id, contact);
            folder.Live.Add(contact.Id);
            folder.Append(contact.Id, contact.Version);
            return contact.Id;
        }
    }

    public void UpdateContact(string id, Func<SandboxContactSeed, SandboxContactSeed> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var current = GetContactLocked(id);
            var updated = current with { Data = change(current.Data), Modified = _time.GetUtcNow(), Version = ++_sequence };
            _contacts[id] = updated;
            _foldersById[current.FolderId].Append(id, updated.Version);
        }
    }

    public void DeleteContact(string id)
    {
        lock (_gate)
        {
            var current = GetContactLocked(id);
            _contacts.Remove(id);
            var folder = _foldersById[current.FolderId];
            folder.Live.Remove(id);
            folder.Append(id, ++_sequence);
        }
    }

    /// <summary>Ids of the live contacts of a folder (default folder when null), in creation order.</summary>
    public IReadOnlyList<string> ContactIds(string? folderId = null)
    {
        lock (_gate)
        {
            return [.. GetFolderLocked(folderId ?? DefaultContactFolderId).Live];
        }
    }

    public SandboxContactSeed? FindContact(string id)
    {
        lock (_gate)
        {
            return _contacts.TryGetValue(id, out var contact) ? contact.Data : null;
        }
    }

    /// <summary>Adds <paramref name="count"/> generated people to the default folder (benchmarks: 10k, 50k).</summary>
    public void SeedContacts(int count, int randomSeed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var generator = new SandboxPeopleGenerator(randomSeed);
        var seeds = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        lock (_gate)
        {
            foreach (var seed in seeds)
            {
                AddContact(seed, DefaultContactFolderId, createdAt: null);
            }
        }
    }

    internal DateTimeOffset Now => _time.GetUtcNow();

    internal SandboxContactFolder? FindFolder(string id)
    {
        lock (_gate)
        {
            return _foldersById.TryGetValue(id, out var folder) ? folder.Folder : null;
        }
    }

    internal ContactState? GetContact(string id, string? folderId)
    {
        lock (_gate)
        {
            return _contacts.TryGetValue(id, out var contact) && (folderId is null || contact.FolderId == folderId) ? contact : null;
        }
    }

    /// <summary>Contacts of a folder in creation order, for the plain (non-delta) list with $top/$skip.</summary>
    internal (IReadOnlyList<ContactState> Page, bool HasMore) ListContacts(string folderId, int skip, int top)
    {
        lock (_gate)
        {
            var folder = GetFolderLocked(folderId);
            var page = folder.Live.Skip(skip).Take(top).Select(id => _contacts[id]).ToList();
            return (page, folder.Live.Count > skip + top);
        }
    }

    /// <summary>
    /// One page of a delta round. The round covers changes with sequence in (From, End]; an entry is emitted
    /// only if it is the last change of its contact inside that window, so every contact appears once per round
    /// (unless <see cref="SandboxFaults.RepeatItems"/> is on).
    /// </summary>
    internal DeltaPage ReadDeltaPage(DeltaCursor cursor, int pageSize)
    {
        lock (_gate)
        {
            var folder = GetFolderLocked(cursor.FolderId);
            _deltaPagesServed++;
            var emptyEvery = Faults.EmptyPageEvery;
            if (emptyEvery > 0 && _deltaPagesServed % emptyEvery == 0)
            {
                return new DeltaPage([], cursor with { Issued = _deltaPagesServed }, null);
            }

            var items = new List<DeltaItem>(Math.Min(pageSize, 64));
            var log = folder.Log;
            var index = folder.LowerBound(Math.Max(cursor.ResumeSeq, cursor.FromSeq + 1));
            long lastEmittedSeq = -1;
            for (; index < log.Count && log[index].Seq <= cursor.EndSeq && items.Count < pageSize; index++)
            {
                var entry = log[index];
                if (entry.NextSeq != 0 && entry.NextSeq <= cursor.EndSeq)
                {
                    continue;
                }

                var live = _contacts.TryGetValue(entry.ContactId, out var contact) && contact.FolderId == folder.Folder.Id;
                if (!live && cursor.Initial)
                {
                    continue;
                }

                items.Add(new DeltaItem(entry.ContactId, live ? contact : null));
                lastEmittedSeq = entry.Seq;
            }

            // Skip superseded entries now so a round that has nothing left ends here rather than on an empty page.
            while (index < log.Count && log[index].Seq <= cursor.EndSeq && IsSkipped(log[index], cursor))
            {
                index++;
            }

            if (index >= log.Count || log[index].Seq > cursor.EndSeq)
            {
                _foldersWithDeltaLinkServed.Add(folder.Folder.Id);
                var next = cursor with { FromSeq = cursor.EndSeq, ResumeSeq = 0, Initial = false, Issued = _deltaPagesServed };
                return new DeltaPage(items, null, next);
            }

            var resume = Faults.RepeatItems && items.Count > 1 ? lastEmittedSeq : log[index].Seq;
            return new DeltaPage(items, cursor with { ResumeSeq = resume, Issued = _deltaPagesServed }, null);
        }

        bool IsSkipped(LogEntry entry, DeltaCursor c) =>
            (entry.NextSeq != 0 && entry.NextSeq <= c.EndSeq)
            || (c.Initial && !_contacts.ContainsKey(entry.ContactId));
    }

    /// <summary>A cursor for a fresh initial round of a folder, frozen at the current sequence.</summary>
    internal DeltaCursor StartDeltaRound(string folderId, string? select)
    {
        lock (_gate)
        {
            GetFolderLocked(folderId);
            return new DeltaCursor(folderId, Faults.DeltaEpoch, 0, _sequence, 0, true, select);
        }
    }

    /// <summary>Turns the cursor of a deltaLink into the cursor of the round it starts, ending at the current sequence.</summary>
    internal DeltaCursor ResumeFromDeltaLink(DeltaCursor deltaCursor)
    {
        lock (_gate)
        {
            return deltaCursor with { EndSeq = _sequence, ResumeSeq = 0, Initial = false };
        }
    }

    internal SandboxMessage CreateDraft(DraftInput input)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var id = _ids.Next(20);
            var message = new SandboxMessage(
                id,
                now,
                now,
                ChangeKeyFor(++_sequence),
                DraftsFolderId,
                _ids.Next(21),
                $"<{_ids.NextGuid().Replace("-", string.Empty, StringComparison.Ordinal)}@{User.Mail.Split('@')[1]}>",
                input.Subject,
                input.BodyContentType,
                input.BodyContent,
                input.ToRecipients,
                input.CcRecipients,
                input.BccRecipients,
                input.Categories,
                input.SingleValueExtendedProperties);
            _drafts.Add(message);
            return message;
        }
    }

    internal SandboxMessage? FindDraft(string id)
    {
        lock (_gate)
        {
            return _drafts.Find(m => m.Id == id);
        }
    }

    internal bool DeleteDraft(string id)
    {
        lock (_gate)
        {
            return _drafts.RemoveAll(m => m.Id == id) > 0;
        }
    }

    /// <summary>Simulates the user editing a draft in Outlook (new change key and modified time).</summary>
    public void EditDraft(string id, Func<SandboxMessage, SandboxMessage> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var index = _drafts.FindIndex(m => m.Id == id);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No draft with id {id}.");
            }

            _drafts[index] = change(_drafts[index]) with
            {
                Id = id,
                LastModifiedDateTime = _time.GetUtcNow(),
                ChangeKey = ChangeKeyFor(++_sequence),
            };
        }
    }

    internal static string ChangeKeyFor(long version) =>
        "EQAAABYAAAA" + Convert.ToBase64String(BitConverter.GetBytes(version)).Replace('+', '-').Replace('/', '_');

    private void AddFolderLocked(SandboxContactFolder folder)
    {
        var state = new FolderState(folder);
        _folders.Add(state);
        _foldersById.Add(folder.Id, state);
    }

    private FolderState GetFolderLocked(string folderId) =>
        _foldersById.TryGetValue(folderId, out var folder)
            ? folder
            : throw new KeyNotFoundException($"No contact folder with id {folderId}.");

    private ContactState GetContactLocked(string id) =>
        _contacts.TryGetValue(id, out var contact) ? contact : throw new KeyNotFoundException($"No contact with id {id}.");

    private sealed class FolderState(SandboxContactFolder folder)
    {
        private readonly Dictionary<string, int> _lastEntryIndex = new(StringComparer.Ordinal);

        public SandboxContactFolder Folder { get; } = folder;

        // Insertion-ordered set of live contact ids (creation order, like Outlook's default view).
        public OrderedSet Live { get; } = new();

        public List<LogEntry> Log { get; } = [];

        public void Append(string contactId, long seq)
        {
            if (_lastEntryIndex.TryGetValue(contactId, out var previous))
            {
                Log[previous].NextSeq = seq;
            }

            _lastEntryIndex[contactId] = Log.Count;
            Log.Add(new LogEntry(seq, contactId));
        }

        public int LowerBound(long seq)
        {
            int lo = 0, hi = Log.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Log[mid].Seq < seq)
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
    }

    private sealed class LogEntry(long seq, string contactId)
    {
        public long Seq { get; } = seq;
        public string ContactId { get; } = contactId;

        /// <summary>Sequence of the next change of the same contact in this folder, 0 while this is the latest.</summary>
        public long NextSeq { get; set; }
    }

    internal sealed class OrderedSet : IEnumerable<string>
    {
        private readonly LinkedList<string> _order = new();
        private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);

        public int Count => _nodes.Count;

        public void Add(string id) => _nodes.Add(id, _order.AddLast(id));

        public void Remove(string id)
        {
            if (_nodes.Remove(id, out var node))
            {
                _order.Remove(node);
            }
        }

        public IEnumerator<string> GetEnumerator() => _order.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

internal sealed record ContactState(
    string Id, string FolderId, DateTimeOffset Created, DateTimeOffset Modified, long Version, SandboxContactSeed Data)
{
    public string ChangeKey => SandboxMailbox.ChangeKeyFor(Version);
}

/// <summary>A delta item: the contact as it is now, or null when it was removed.</summary>
internal sealed record DeltaItem(string Id, ContactState? Contact);

/// <summary>Items plus exactly one of: the cursor for the nextLink, or the cursor for the deltaLink.</summary>
internal sealed record DeltaPage(IReadOnlyList<DeltaItem> Items, DeltaCursor? Next, DeltaCursor? Delta);

internal sealed record DraftInput(
    string? Subject,
    string BodyContentType,
    string BodyContent,
    IReadOnlyList<SandboxRecipient> ToRecipients,
    IReadOnlyList<SandboxRecipient> CcRecipients,
    IReadOnlyList<SandboxRecipient> BccRecipients,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> SingleValueExtendedProperties);
