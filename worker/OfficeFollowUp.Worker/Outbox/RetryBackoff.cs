namespace OfficeFollowUp.Outbox;

/// <summary>
/// How long anything that failed against the mailbox waits before its next try: an outbox item and a sync round back
/// off alike. 1 s, 2 s, 4 s … capped at 15 minutes, so a failing item never hammers the mailbox. Graph's Retry-After
/// wins where it asks for longer (each caller's rule).
/// </summary>
public static class RetryBackoff
{
    public static TimeSpan After(int failedAttempts) => TimeSpan.FromSeconds(Math.Min(900, Math.Pow(2, Math.Min(failedAttempts, 10))));
}
