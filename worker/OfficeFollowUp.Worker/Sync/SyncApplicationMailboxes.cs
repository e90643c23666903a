using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Sync;

/// <summary>
/// Application mode: one <see cref="SyncMailbox"/> per configured mailbox (each keeps its own
/// profile and folder list), each pass run inside that mailbox's <see cref="MailboxScope"/> so the
/// gateway addresses /users/{mailbox}.
/// </summary>
public sealed class SyncApplicationMailboxes(IServiceProvider services, IOptions<MailboxOptions> options)
{
    private readonly ConcurrentDictionary<string, SyncMailbox> _syncs = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Mailboxes => options.Value.Mailboxes;

    /// <summary>Why a connected mailbox's loop was refused sign-in on its last try (see <see cref="SyncMailbox.SignInRefused"/>).</summary>
    public string? SignInRefused(string mailboxId) =>
        _syncs.Values.FirstOrDefault(s => s.Profile?.MailboxId == mailboxId)?.SignInRefused;

    public async Task<MailboxRun> RunOnceAsync(string mailbox, CancellationToken ct)
    {
        var sync = _syncs.GetOrAdd(mailbox, _ => ActivatorUtilities.CreateInstance<SyncMailbox>(services));
        using var scope = MailboxScope.Enter(mailbox);
        return await sync.RunOnceAsync(ct);
    }
}
