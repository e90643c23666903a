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
                _state.Report(SandboxItemKind.Message, SandboxChangeType.Deleted, id, DraftsFolderId, null);
            }

            return removed;
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
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Updated, id, DraftsFolderId, _drafts[index].ChangeKey);
        }
    }

    public string AddMail(SandboxMailSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_state.Gate)
        {
            _inboxFolderId ??= _state.Ids.Next(4);
            _sentItemsFolderId ??= _state.Ids.Next(5);
            var received = SandboxMessage.Unstamped(seed.Subject, "text", seed.TextBody, seed.To, seed.Cc ?? []) with
            {
                IsDraft = false,
                From = seed.From,
            };
            var folderId = seed.Sent ? _sentItemsFolderId : _inboxFolderId;
            var message = Stamp(received, _state.Ids.Next(22), seed.ReceivedAt ?? _state.Now, folderId, seed.From.Address.Split('@')[1]);
            _mail.Add(message);
            _state.Report(SandboxItemKind.Message, SandboxChangeType.Created, message.Id, folderId, message.ChangeKey);
            return message.Id;
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
