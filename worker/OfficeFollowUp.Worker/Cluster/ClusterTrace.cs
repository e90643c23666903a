namespace OfficeFollowUp.Cluster;

/// <summary>The cluster's log lines: no mailbox names or addresses, only where things run.</summary>
internal static partial class ClusterTrace
{
    [LoggerMessage(2101, LogLevel.Information, "A mailbox grain was activated on silo {Silo}.")]
    public static partial void MailboxActivated(ILogger logger, string silo);

    [LoggerMessage(2102, LogLevel.Warning, "A mailbox grain could not be started yet; trying again.")]
    public static partial void StartFailed(ILogger logger, Exception ex);

    [LoggerMessage(2103, LogLevel.Warning, "A wake could not reach its mailbox grain; its next poll covers it.")]
    public static partial void WakeFailed(ILogger logger, Exception ex);

    [LoggerMessage(2104, LogLevel.Debug, "A wake named a mailbox this deployment does not serve; ignored.")]
    public static partial void WakeForUnknownMailbox(ILogger logger);

    [LoggerMessage(2105, LogLevel.Information, "Orleans silo: {Mode} clustering, silo port {SiloPort}.")]
    public static partial void SiloConfigured(ILogger logger, ClusterMode mode, int siloPort);

    [LoggerMessage(2106, LogLevel.Information, "A mailbox grain moves from silo {From} to silo {To}, where the cluster's spread places it now.")]
    public static partial void MailboxMoving(ILogger logger, string from, string to);

    [LoggerMessage(2107, LogLevel.Information, "A process of the cluster was declared dead; starting every mailbox grain so its mailboxes resume on the others.")]
    public static partial void ProcessDied(ILogger logger);
}
