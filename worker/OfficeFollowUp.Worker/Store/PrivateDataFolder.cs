namespace OfficeFollowUp.Store;

/// <summary>
/// The data folder holds personal data (the database and its -wal/-shm files) and secrets (the pairing
/// key, the saved sign-in account), so on Unix it is 0700 and every file in it 0600: created so, and
/// put right at start when found otherwise (a copy, a restore, an older version, a umask of 022).
/// Windows gives a folder under the user's profile to that user already; nothing is changed there.
/// </summary>
public static class PrivateDataFolder
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder (and any missing parent) owner-only; an existing one is left to <see cref="EnsureFolder"/> at start.</summary>
    public static void CreateFolderIfMissing(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
    }

    /// <summary>Creates the folder owner-only, or makes an existing one so; true when an existing folder was too open.</summary>
    public static bool EnsureFolder(string folder)
    {
        CreateFolderIfMissing(folder);
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var mode = File.GetUnixFileMode(folder);
        if ((mode & GroupAndOthers) == 0)
        {
            return false;
        }
        File.SetUnixFileMode(folder, mode & ~GroupAndOthers);
        return true;
    }

    /// <summary>
    /// A new file only its owner can read, made with that mode (never readable by others, not even
    /// briefly). <paramref name="mode"/> is CreateNew to fail when it exists, Create to replace it.
    /// </summary>
    public static FileStream CreateFile(string path, FileMode mode = FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        var stream = new FileStream(path, options);
        // UnixCreateMode applies to a file this call made; one that was there keeps its mode, so set it.
        TightenFile(path);
        return stream;
    }

    /// <summary>An empty file owner-only when there is none yet (an empty file is an empty SQLite database); the existing one is left alone.</summary>
    public static void CreateEmptyIfMissing(string path)
    {
        try
        {
            using (CreateFile(path, FileMode.CreateNew))
            {
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made by someone else in between, or there all along: the start-up check covers its mode.
        }
    }

    /// <summary>Makes each file directly in the folder owner-only; returns how many were too open. Links are not followed.</summary>
    public static int TightenFiles(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return 0;
        }

        var tightened = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (file.LinkTarget is null && TightenFile(file.FullName))
            {
                tightened++;
            }
        }
        return tightened;
    }

    private static bool TightenFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) == 0)
        {
            return false;
        }
        File.SetUnixFileMode(path, mode & ~GroupAndOthers);
        return true;
    }
}
