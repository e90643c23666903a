using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Cluster;

/// <summary>
/// What a mailbox grain runs: one pass (sync, detection, outbox) for its key, and which key serves a stored mailbox
/// id, so a wake for a mailbox id reaches the right grain from any process.
/// </summary>
public sealed class MailboxPasses(
    SyncMailbox signedIn,
    SyncApplicationMailboxes applicationMailboxes,
    MailboxEndpoint endpoint,
    MailboxStore store,
    IOptions<MailboxOptions> options)
{
    /// <summary>The one grain of delegated and sandbox mode: the signed-in person's mailbox (/me).</summary>
    public const string SignedInKey = "me";

    private readonly ConcurrentDictionary<string, string> _keysById = new(StringComparer.Ordinal);

    /// <summary>Every mailbox this deployment serves, as grain keys.</summary>
    public IReadOnlyList<string> Keys => options.Value.UsesApplicationPermissions ? applicationMailboxes.Mailboxes : [SignedInKey];

    public async Task<MailboxRun> RunOnceAsync(string key, CancellationToken ct)
    {
        await endpoint.WhenReady.WaitAsync(ct);
        var run = options.Value.UsesApplicationPermissions
            ? await applicationMailboxes.RunOnceAsync(key, ct)
            : await signedIn.RunOnceAsync(ct);
        if (run.MailboxId is not null)
        {
            _keysById[run.MailboxId] = key;
        }

        return run;
    }

    /// <summary>
    /// The grain key serving a stored mailbox id: learned from this process's passes, else read from the store (the
    /// mailbox's id or one of its addresses among the configured mailboxes), so another process's mailbox is found too.
    /// </summary>
    public async Task<string?> KeyForAsync(string mailboxId, CancellationToken ct)
    {
        if (!options.Value.UsesApplicationPermissions)
        {
            return SignedInKey;
        }

        if (_keysById.TryGetValue(mailboxId, out var known))
        {
            return known;
        }

        var configured = applicationMailboxes.Mailboxes;
        var byId = configured.FirstOrDefault(m => string.Equals(m, mailboxId, StringComparison.OrdinalIgnoreCase));
        if (byId is not null)
        {
            return byId;
        }

        var stored = await store.GetAsync(mailboxId, ct);
        var key = stored is null ? null : configured.FirstOrDefault(m => stored.Profile.OwnAddresses.Contains(m, StringComparer.OrdinalIgnoreCase));
        if (key is not null)
        {
            _keysById[mailboxId] = key;
        }

        return key;
    }
}
