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

/// <summary>Mail in Inbox and Sent Items, readable by id (<c>GET /me/messages/{id}</c>) for the add-in's open message.</summary>
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

    internal SandboxMessage? FindMail(string id)
    {
        lock (_gate)
        {
            return _mail.Find(m => m.Id == id);
        }
    }
}
