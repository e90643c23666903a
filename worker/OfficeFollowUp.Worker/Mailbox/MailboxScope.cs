namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Which mailbox the current sync loop works on, in Application mode. Ambient on purpose: the
/// gateway's callers (sync, outbox, referrals) already hold a mailbox profile and do not change;
/// the per-mailbox loop enters the scope once. Without a scope in Application mode the gateway
/// throws rather than guess a mailbox.
/// </summary>
public static class MailboxScope
{
    private static readonly AsyncLocal<string?> Ambient = new();

    public static string? Current => Ambient.Value;

    public static IDisposable Enter(string mailbox)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        var previous = Ambient.Value;
        Ambient.Value = mailbox;
        return new Exit(previous);
    }

    private sealed class Exit(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
