using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Store;

/// <summary>
/// At start, before the store is opened: the data folder is made owner-only (0700) and each file in it
/// too (0600), with a warning when any was readable by others. The warning names no path: the folder's
/// path carries the user's name, and a file name could be anything someone put there.
/// </summary>
internal sealed partial class SecureDataFolder(IOptions<StoreOptions> options, ILogger<SecureDataFolder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.DataFolder;
        try
        {
            var folderWasOpen = PrivateDataFolder.EnsureFolder(folder);
            var files = PrivateDataFolder.TightenFiles(folder);
            if (folderWasOpen || files > 0)
            {
                Tightened(logger, folderWasOpen, files);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // Not ours to change (another owner, a read-only mount): say so, and carry on with what the OS allows.
            CannotTighten(logger, ex.GetType().Name);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1301, LogLevel.Warning, "The data folder was readable by other users (folder: {FolderWasOpen}, files: {Files}); made it owner-only (folder 0700, files 0600). Storage:DataFolder should be a folder of its own.")]
    private static partial void Tightened(ILogger logger, bool folderWasOpen, int files);

    [LoggerMessage(1302, LogLevel.Warning, "Could not make the data folder owner-only ({Error}); check its owner and permissions (0700, files 0600).")]
    private static partial void CannotTighten(ILogger logger, string error);
}
