namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// With Microsoft 365 sign-in or several mailboxes, "the first mailbox" is somebody else's. Endpoints
/// must ask CallerMailbox; this keeps a new endpoint from quietly reading MailboxStore.GetSingleAsync.
/// </summary>
public sealed class CallerMailboxGuardTests
{
    [Fact]
    public void No_endpoint_reads_the_first_mailbox_instead_of_the_caller_s()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OfficeFollowUp.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);

        var offenders = Directory.EnumerateFiles(Path.Combine(root.FullName, "worker"), "*Endpoints.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("GetSingleAsync", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root.FullName, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Use CallerMailbox in: " + string.Join(", ", offenders));
    }
}
