using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace OfficeFollowUp.TaskPane;

/// <summary>
/// The built pane as the browser may see it: no path through a dot-folder. Vite keeps build metadata
/// there (dist/.vite/manifest.json, read by the benchmark and the e2e tests from disk), and
/// PhysicalFileProvider hides only dot-files, not the files inside dot-folders.
/// </summary>
internal sealed class PaneFiles(IFileProvider inner) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath) =>
        IsHidden(subpath) ? new NotFoundFileInfo(subpath) : inner.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        IsHidden(subpath) ? NotFoundDirectoryContents.Singleton : inner.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    internal static bool IsHidden(string subpath) =>
        subpath.Split('/', '\\').Any(segment => segment.StartsWith('.'));
}
