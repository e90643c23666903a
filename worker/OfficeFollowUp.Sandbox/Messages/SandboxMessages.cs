namespace OfficeFollowUp.Sandbox;

/// <summary>
/// Messages: the drafts made through <c>POST /me/messages</c> in Drafts, and mail in Inbox and Sent Items (readable by id
/// for the add-in's open message). <c>/me/messages</c> lists every folder; <c>/me/mailFolders/{id}/messages</c> one.
/// </summary>
internal sealed class SandboxMessages(MailboxState state, string draftsFolderId, string userMail)
{
    internal const string DraftsWellKnownName = "drafts";

    private readonly MailboxState _state = state;
    private readonly string _userDomain = userMail.Split('@')[1];
    private readonly List<SandboxMessage> _drafts = [];
    private readonly List<SandboxMessage> _mail = [];
    private readonly Dictionary<string, ChangeLog<SandboxMessage>> _logs = new(StringComparer.Ordinal);
    private readonly string _userMail = userMail;
    private string? _inboxFolderId;
    private string? _sentItemsFolderId;

    public string DraftsFolderId { get; } = draftsFolderId;

    public IReadOnlyList<SandboxMessage> Drafts
    {
        get { lock (_state.Gate) { return [.. _drafts]; } }
    }

    public IReadOnlyList<SandboxMessage> Mail
    {
        get { lock (_state.Gate) { return [.. _mail]; } }
    }

    /// <summary>Stores a draft as the client sent it; the mailbox gives it its ids, times and change key.</summary>
    public SandboxMessage CreateDraft(SandboxMessage sent)
    {
        lock (_state.Gate)
        {
            var draft = Stamp(sent, _state.Ids.Next(20), _state.Now, DraftsFolderId, _userDomain);
            _drafts.Add(draft);
            LogLocked(DraftsFolderId).Append(draft.Id, _state.Sequence, draft);
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Created, draft.Id, DraftsFolderId, draft.ChangeKey);
            return draft;
        }
    }

    public SandboxMessage? FindDraft(string id)
    {
        lock (_state.Gate)
        {
            return _drafts.Find(m => m.Id == id);
        }
    }

    public bool DeleteDraft(string id)
    {
        lock (_state.Gate)
        {
            var removed = _drafts.RemoveAll(m => m.Id == id) > 0;
            if (removed)
            {
                LogLocked(DraftsFolderId).Append(id, _state.NextSequence(), null);
                _state.Report(SandboxItemKind.Message, SandboxChangeType.Deleted, id, DraftsFolderId, null);
            }

            return removed;
        }
    }

    /// <summary>
    /// DELETE /me/messages/{id}: as in Graph, any message goes, a draft or sent or received mail (Outlook moves it to
    /// Deleted Items; here it leaves its folder, which is what a delta of that folder shows).
    /// </summary>
    public bool DeleteMessage(string id)
    {
        lock (_state.Gate)
        {
            if (_drafts.Exists(m => m.Id == id))
            {
                return DeleteDraft(id);
            }

            var index = _mail.FindIndex(m => m.Id == id);
            if (index < 0)
            {
                return false;
            }

            var folderId = _mail[index].ParentFolderId;
            _mail.RemoveAt(index);
            LogLocked(folderId).Append(id, _state.NextSequence(), null);
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Deleted, id, folderId, null);
            return true;
        }
    }

    public void EditDraft(string id, Func<SandboxMessage, SandboxMessage> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_state.Gate)
        {
            var index = _drafts.FindIndex(m => m.Id == id);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No draft with id {id}.");
            }

            _drafts[index] = change(_drafts[index]) with
            {
                Id = id,
                LastModifiedDateTime = _state.Now,
                ChangeKey = SandboxIds.ChangeKey(_state.NextSequence()),
            };
            LogLocked(DraftsFolderId).Append(id, _state.Sequence, _drafts[index]);
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Updated, id, DraftsFolderId, _drafts[index].ChangeKey);
        }
    }

    public string AddMail(SandboxMailSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_state.Gate)
        {
            EnsureMailFoldersLocked();
            var received = SandboxMessage.Unstamped(seed.Subject, "text", seed.TextBody, seed.To, seed.Cc ?? []) with
            {
                IsDraft = false,
                From = seed.From,
            };
            var folderId = seed.Sent ? _sentItemsFolderId! : _inboxFolderId!;
            var message = Stamp(received, _state.Ids.Next(22), seed.ReceivedAt ?? _state.Now, folderId, seed.From.Address.Split('@')[1]);
            message = message with { SentDateTime = message.CreatedDateTime };
            _mail.Add(message);
            LogLocked(folderId).Append(message.Id, _state.Sequence, message);
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Created, message.Id, folderId, message.ChangeKey);
            return message.Id;
        }
    }

    /// <summary>
    /// The user sends a draft from Outlook. As in Exchange, the draft leaves Drafts and a sent copy lands in Sent Items
    /// with <c>isDraft</c> false, a <c>sentDateTime</c>, the user as sender, and the draft's conversation and internet
    /// message ids. The worker asks for immutable ids, and an immutable id does not change when the item moves folder
    /// (Microsoft's "Immutable IDs with sending mail"), so the sent copy keeps the draft's id. The tag (a single-value
    /// extended property) travels with the item unless <paramref name="keepExtendedProperties"/> is false, which
    /// plays a client that sends a copy of its own.
    /// </summary>
    /// <param name="keepId">False plays a client or mailbox without immutable ids: the sent copy gets a new id.</param>
    public SandboxMessage SendDraft(string id, bool keepExtendedProperties = true, bool keepId = true)
    {
        lock (_state.Gate)
        {
            var index = _drafts.FindIndex(m => m.Id == id);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No draft with id {id}.");
            }

            var draft = _drafts[index];
            _drafts.RemoveAt(index);
            LogLocked(DraftsFolderId).Append(id, _state.NextSequence(), null);
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Deleted, id, DraftsFolderId, null);

            EnsureMailFoldersLocked();
            var now = _state.Now;
            var sentId = keepId ? id : _state.Ids.Next(22);
            var sent = draft with
            {
                Id = sentId,
                IsDraft = false,
                From = new SandboxRecipient(null, _userMail),
                SentDateTime = now,
                LastModifiedDateTime = now,
                ParentFolderId = _sentItemsFolderId!,
                ChangeKey = SandboxIds.ChangeKey(_state.NextSequence()),
                SingleValueExtendedProperties = keepExtendedProperties
                    ? draft.SingleValueExtendedProperties
                    : new Dictionary<string, string>(),
            };
            _mail.Add(sent);
            LogLocked(_sentItemsFolderId!).Append(sentId, _state.Sequence, sent);
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Created, sentId, _sentItemsFolderId, sent.ChangeKey);
            return sent;
        }
    }

    /// <summary>The user writes and sends a new mail in Outlook: it appears only in Sent Items, from the user.</summary>
    public SandboxMessage SendNewMail(
        IReadOnlyList<SandboxRecipient> to, string subject, string textBody, IReadOnlyList<SandboxRecipient>? cc = null)
    {
        var id = AddMail(new SandboxMailSeed(new SandboxRecipient(null, _userMail), to, subject, textBody, cc, Sent: true));
        return FindMail(id)!;
    }

    /// <summary>Resolves a folder id or well-known name (drafts, inbox, sentitems) to the folder's id; null when unknown.</summary>
    public string? ResolveFolder(string folder)
    {
        lock (_state.Gate)
        {
            EnsureMailFoldersLocked();
            return IsFolder(folder, DraftsFolderId) ? DraftsFolderId
                : IsFolder(folder, _inboxFolderId) ? _inboxFolderId
                : IsFolder(folder, _sentItemsFolderId) ? _sentItemsFolderId
                : null;
        }
    }

    /// <summary>A cursor for a fresh initial delta round of a mail folder, frozen at the current sequence.</summary>
    public FolderDeltaCursor StartDeltaRound(string folderId, string? select)
    {
        lock (_state.Gate)
        {
            return new FolderDeltaCursor(FolderDeltaCursor.Messages, folderId, _state.Faults.DeltaEpoch, 0, _state.Sequence, 0, true, select);
        }
    }

    public FolderDeltaCursor ResumeFromDeltaLink(FolderDeltaCursor deltaCursor)
    {
        lock (_state.Gate)
        {
            return deltaCursor with { EndSeq = _state.Sequence, ResumeSeq = 0, Initial = false };
        }
    }

    /// <summary>
    /// One page of a mail folder's delta round (Graph's <c>mailFolders/{id}/messages/delta</c>): each message that
    /// came, changed or left inside the round once; an initial round leaves out messages that are gone.
    /// </summary>
    public DeltaPage<SandboxMessage, FolderDeltaCursor> ReadDeltaPage(FolderDeltaCursor cursor, int pageSize)
    {
        lock (_state.Gate)
        {
            var log = LogLocked(cursor.FolderId);
            if (_state.ServeDeltaPage(out var issued))
            {
                return new([], cursor with { Issued = issued }, null);
            }

            var (items, next) = log.ReadPage(
                cursor.FromSeq, cursor.EndSeq, new LogPosition(cursor.ResumeSeq, 0), pageSize, _state.Faults.RepeatItems, ItemsOf);
            return next is null
                ? new(items, null, cursor with { FromSeq = cursor.EndSeq, ResumeSeq = 0, Initial = false, Issued = issued })
                : new(items, cursor with { ResumeSeq = next.Value.Seq, Issued = issued }, null);

            IReadOnlyList<DeltaItem<SandboxMessage>> ItemsOf(ChangeLog<SandboxMessage>.Entry entry) =>
                entry.State is null && cursor.Initial ? [] : [new DeltaItem<SandboxMessage>(entry.Id, entry.State)];
        }
    }

    public SandboxMessage? FindMail(string id)
    {
        lock (_state.Gate)
        {
            return _mail.Find(m => m.Id == id);
        }
    }

    /// <summary>True when <paramref name="folder"/> (an id or a well-known name: drafts, inbox, sentitems) is <paramref name="folderId"/>.</summary>
    public bool IsFolder(string folder, string? folderId)
    {
        lock (_state.Gate)
        {
            return folderId is not null && (folder == folderId
                || (folder.Equals(DraftsWellKnownName, StringComparison.OrdinalIgnoreCase) && folderId == DraftsFolderId)
                || (folder.Equals("inbox", StringComparison.OrdinalIgnoreCase) && folderId == _inboxFolderId)
                || (folder.Equals("sentitems", StringComparison.OrdinalIgnoreCase) && folderId == _sentItemsFolderId));
        }
    }

    /// <summary>
    /// The messages of one folder, by id or well-known name (drafts, inbox, sentitems), or of the whole
    /// mailbox when <paramref name="folder"/> is null. Null for an unknown folder.
    /// </summary>
    public IReadOnlyList<SandboxMessage>? In(string? folder)
    {
        lock (_state.Gate)
        {
            bool Is(string name, string? id) =>
                folder!.Equals(name, StringComparison.OrdinalIgnoreCase) || (id is not null && folder == id);
            if (folder is null)
            {
                return [.. _drafts, .. _mail];
            }

            if (Is(DraftsWellKnownName, DraftsFolderId))
            {
                return [.. _drafts];
            }

            if (Is("inbox", _inboxFolderId) || Is("sentitems", _sentItemsFolderId))
            {
                var id = Is("inbox", _inboxFolderId) ? _inboxFolderId : _sentItemsFolderId;
                return [.. _mail.Where(m => m.ParentFolderId == id)];
            }

            return null;
        }
    }

    // Drawn together and only when first needed, so the sample mailbox keeps the ids it always had.
    private void EnsureMailFoldersLocked()
    {
        _inboxFolderId ??= _state.Ids.Next(4);
        _sentItemsFolderId ??= _state.Ids.Next(5);
    }

    private ChangeLog<SandboxMessage> LogLocked(string folderId)
    {
        if (!_logs.TryGetValue(folderId, out var log))
        {
            log = new ChangeLog<SandboxMessage>();
            _logs.Add(folderId, log);
        }

        return log;
    }

    /// <summary>What the mailbox adds to a new message: its ids, times, change key and folder.</summary>
    private SandboxMessage Stamp(SandboxMessage message, string id, DateTimeOffset at, string folderId, string senderDomain) => message with
    {
        Id = id,
        CreatedDateTime = at,
        LastModifiedDateTime = at,
        ChangeKey = SandboxIds.ChangeKey(_state.NextSequence()),
        ParentFolderId = folderId,
        ConversationId = _state.Ids.Next(21),
        InternetMessageId = $"<{_state.Ids.NextGuid().Replace("-", string.Empty, StringComparison.Ordinal)}@{senderDomain}>",
    };
}
