namespace OfficeFollowUp.Sandbox;

/// <summary>
/// The contact folders and their contacts, each folder with its change log, so a contacts delta round of a folder
/// costs O(page) even with 50,000 contacts.
/// </summary>
internal sealed class SandboxContacts
{
    private readonly MailboxState _state;
    private readonly List<FolderState> _folders = [];
    private readonly Dictionary<string, FolderState> _foldersById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactState> _contacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _foldersWithDeltaLinkServed = new(StringComparer.Ordinal);

    public SandboxContacts(MailboxState state, SandboxContactFolder defaultFolder)
    {
        _state = state;
        DefaultFolderId = defaultFolder.Id;
        AddFolderLocked(defaultFolder);
    }

    public string DefaultFolderId { get; }

    public IReadOnlyList<SandboxContactFolder> Folders
    {
        get { lock (_state.Gate) { return [.. _folders.Select(f => f.Folder)]; } }
    }

    /// <summary>What <c>/me/contactFolders</c> lists: the child folders of the default folder, not the default folder itself.</summary>
    public IReadOnlyList<SandboxContactFolder> ChildFolders => [.. Folders.Where(f => f.ParentFolderId == DefaultFolderId)];

    public bool BaselineServed
    {
        get { lock (_state.Gate) { return _folders.All(f => _foldersWithDeltaLinkServed.Contains(f.Folder.Id)); } }
    }

    public int Count(string? folderId)
    {
        lock (_state.Gate)
        {
            return GetFolderLocked(folderId ?? DefaultFolderId).Live.Count;
        }
    }

    public string AddFolder(string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        lock (_state.Gate)
        {
            var id = _state.Ids.Next(4);
            AddFolderLocked(new SandboxContactFolder(id, displayName, DefaultFolderId));
            return id;
        }
    }

    public SandboxContactFolder? FindFolder(string id)
    {
        lock (_state.Gate)
        {
            return _foldersById.TryGetValue(id, out var folder) ? folder.Folder : null;
        }
    }

    public string Add(SandboxContactSeed seed, string? folderId, DateTimeOffset? createdAt)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_state.Gate)
        {
            var folder = GetFolderLocked(folderId ?? DefaultFolderId);
            var now = createdAt ?? _state.Now;
            var contact = new ContactState(_state.Ids.Next(10), folder.Folder.Id, now, now, _state.NextSequence(), seed);
            _contacts.Add(contact.Id, contact);
            folder.Live.Add(contact.Id);
            folder.Log.Append(contact.Id, contact.Version, contact);
            _state.Report(SandboxItemKind.Contact, SandboxChangeType.Created, contact.Id, folder.Folder.Id, contact.ChangeKey);
            return contact.Id;
        }
    }

    /// <summary>Adds <paramref name="count"/> generated people to the default folder (benchmarks: 10k, 50k).</summary>
    public void Seed(int count, int randomSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var generator = new SandboxPeopleGenerator(randomSeed);
        var seeds = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        lock (_state.Gate)
        {
            foreach (var seed in seeds)
            {
                Add(seed, DefaultFolderId, createdAt: null);
            }
        }
    }

    public void Update(string id, Func<SandboxContactSeed, SandboxContactSeed> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_state.Gate)
        {
            var current = GetContactLocked(id);
            var updated = current with { Data = change(current.Data), Modified = _state.Now, Version = _state.NextSequence() };
            _contacts[id] = updated;
            _foldersById[current.FolderId].Log.Append(id, updated.Version, updated);
            _state.Report(SandboxItemKind.Contact, SandboxChangeType.Updated, id, current.FolderId, updated.ChangeKey);
        }
    }

    public void Delete(string id)
    {
        lock (_state.Gate)
        {
            var current = GetContactLocked(id);
            _contacts.Remove(id);
            var folder = _foldersById[current.FolderId];
            folder.Live.Remove(id);
            folder.Log.Append(id, _state.NextSequence(), null);
            _state.Report(SandboxItemKind.Contact, SandboxChangeType.Deleted, id, current.FolderId, null);
        }
    }

    /// <summary>A contact by id, when it is in <paramref name="folderId"/> (any folder when null).</summary>
    public ContactState? Get(string id, string? folderId)
    {
        lock (_state.Gate)
        {
            return _contacts.TryGetValue(id, out var contact) && (folderId is null || contact.FolderId == folderId) ? contact : null;
        }
    }

    /// <summary>Ids of the live contacts of a folder (default folder when null), in creation order.</summary>
    public IReadOnlyList<string> Ids(string? folderId)
    {
        lock (_state.Gate)
        {
            return [.. GetFolderLocked(folderId ?? DefaultFolderId).Live];
        }
    }

    /// <summary>Contacts of a folder in creation order, for the plain (non-delta) list with $top/$skip.</summary>
    public (IReadOnlyList<ContactState> Page, bool HasMore) List(string folderId, int skip, int top)
    {
        lock (_state.Gate)
        {
            var folder = GetFolderLocked(folderId);
            var page = folder.Live.Skip(skip).Take(top).Select(id => _contacts[id]).ToList();
            return (page, folder.Live.Count > skip + top);
        }
    }

    /// <summary>A cursor for a fresh initial round of a folder, frozen at the current sequence.</summary>
    public FolderDeltaCursor StartDeltaRound(string folderId, string? select)
    {
        lock (_state.Gate)
        {
            GetFolderLocked(folderId);
            return new FolderDeltaCursor(FolderDeltaCursor.Contacts, folderId, _state.Faults.DeltaEpoch, 0, _state.Sequence, 0, true, select);
        }
    }

    /// <summary>Turns the cursor of a deltaLink into the cursor of the round it starts, ending at the current sequence.</summary>
    public FolderDeltaCursor ResumeFromDeltaLink(FolderDeltaCursor deltaCursor)
    {
        lock (_state.Gate)
        {
            return deltaCursor with { EndSeq = _state.Sequence, ResumeSeq = 0, Initial = false };
        }
    }

    /// <summary>
    /// One page of a folder's delta round: each contact changed inside the round once, as it is now, or as removed;
    /// an initial round leaves out contacts that are gone.
    /// </summary>
    public DeltaPage<ContactState, FolderDeltaCursor> ReadDeltaPage(FolderDeltaCursor cursor, int pageSize)
    {
        lock (_state.Gate)
        {
            var folder = GetFolderLocked(cursor.FolderId);
            if (_state.ServeDeltaPage(out var issued))
            {
                return new([], cursor with { Issued = issued }, null);
            }

            var (items, next) = folder.Log.ReadPage(
                cursor.FromSeq, cursor.EndSeq, new LogPosition(cursor.ResumeSeq, 0), pageSize, _state.Faults.RepeatItems, ItemsOf);
            if (next is null)
            {
                _foldersWithDeltaLinkServed.Add(folder.Folder.Id);
                return new(items, null, cursor with { FromSeq = cursor.EndSeq, ResumeSeq = 0, Initial = false, Issued = issued });
            }

            return new(items, cursor with { ResumeSeq = next.Value.Seq, Issued = issued }, null);

            IReadOnlyList<DeltaItem<ContactState>> ItemsOf(ChangeLog<ContactState>.Entry entry)
            {
                // The contact as it is now, even when it changed again since the round began.
                var live = _contacts.TryGetValue(entry.Id, out var contact) && contact.FolderId == folder.Folder.Id;
                return !live && cursor.Initial ? [] : [new DeltaItem<ContactState>(entry.Id, live ? contact : null)];
            }
        }
    }

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
        public SandboxContactFolder Folder { get; } = folder;

        // Live contact ids in creation order, like Outlook's default view.
        public OrderedSet Live { get; } = new();

        public ChangeLog<ContactState> Log { get; } = new();
    }
}

internal sealed record ContactState(
    string Id, string FolderId, DateTimeOffset Created, DateTimeOffset Modified, long Version, SandboxContactSeed Data)
{
    public string ChangeKey => SandboxIds.ChangeKey(Version);
}
