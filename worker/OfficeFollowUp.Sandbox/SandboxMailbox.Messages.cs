namespace OfficeFollowUp.Sandbox;

/// <summary>What a received or sent message is made of; the mailbox gives it ids and timestamps.</summary>
public sealed record SandboxMailSeed(
    SandboxRecipient From,
    IReadOnlyList<SandboxRecipient> To,
    string Subject,
    string TextBody,
    IReadOnlyList<SandboxRecipient>? Cc = null,
    bool Sent = false,
    DateTimeOffset? ReceivedAt = null);

/// <summary>
/// Mail in Inbox and Sent Items: readable by id (<c>GET /me/messages/{id}</c>) for the add-in's open message,
/// listed with the drafts at <c>/me/messages</c> and per folder at <c>/me/mailFolders/{inbox|sentitems}/messages</c>.
/// </summary>
public sealed partial class SandboxMailbox
{
    private readonly List<SandboxMessage> _mail = [];
    private string? _inboxFolderId;
    private string? _sentItemsFolderId;

    public IReadOnlyList<SandboxMessage> Mail
    {
        get
        {
            lock (_gate)
            {
                return [.. _mail];
            }
        }
    }

    public string AddMail(SandboxMailSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_gate)
        {
            _inboxFolderId ??= _ids.Next(4);
            _sentItemsFolderId ??= _ids.Next(5);
            var at = seed.ReceivedAt ?? _time.GetUtcNow();
            var message = new SandboxMessage(
                _ids.Next(22),
                at,
                at,
                ChangeKeyFor(++_sequence),
                seed.Sent ? _sentItemsFolderId : _inboxFolderId,
                _ids.Next(21),
                $"<{_ids.NextGuid().Replace("-", string.Empty, StringComparison.Ordinal)}@{seed.From.Address.Split('@')[1]}>",
                seed.Subject,
                "text",
                seed.TextBody,
                seed.To,
                seed.Cc ?? [],
                [],
                [],
                new Dictionary<string, string>())
            {
                IsDraft = false,
                From = seed.From,
            };
            _mail.Add(message);
            return message.Id;
        }
    }

    /// <summary>
    /// The messages of one folder, by id or well-known name (drafts, inbox, sentitems), or of the whole
    /// mailbox when <paramref name="folder"/> is null, as <c>/me/messages</c> lists every folder. Null for an unknown folder.
    /// </summary>
    internal IReadOnlyList<SandboxMessage>? MessagesIn(string? folder)
    {
        lock (_gate)
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

    internal SandboxMessage? FindMail(string id)
    {
        lock (_gate)
        {
            return _mail.Find(m => m.Id == id);
        }
    }
}
