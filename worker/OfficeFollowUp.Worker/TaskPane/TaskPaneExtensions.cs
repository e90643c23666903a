using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.TaskPane;

/// <summary>Serves the add-in's built files (the same page Outlook loads through manifest.xml) and tells the user where it is.</summary>
public static partial class TaskPaneExtensions
{
    public static WebApplication MapTaskPane(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TaskPaneOptions.Section).Get<TaskPaneOptions>() ?? new TaskPaneOptions();
        var dist = ResolveDist(app.Environment.ContentRootPath, options.DistFolder);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OfficeFollowUp.TaskPane");
        if (Directory.Exists(dist))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PaneFiles(new PhysicalFileProvider(dist)), RequestPath = string.Empty });
            app.MapGet("/", () => Results.Redirect("/taskpane.html")).AllowAnonymous();
        }
        else
        {
            PaneNotBuilt(logger, dist);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var key = app.Services.GetRequiredService<ApiKey>();
            foreach (var address in addresses)
            {
                // Printed, not logged: the pairing key must not end up in a log sink.
                Console.WriteLine($"Task pane: {address.TrimEnd('/')}/taskpane.html#key={key.Value}");
            }
            Console.WriteLine($"Pairing code (the pane asks for it once): {key.Value}  (kept in {key.FilePath})");
        });
        return app;
    }

    /// <summary>
    /// A relative folder is tried from the content root, then from the repository holding the built
    /// worker, so `dotnet run --project worker` finds the pane from any working directory.
    /// </summary>
    private static string ResolveDist(string contentRoot, string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }

        var fromContentRoot = Path.GetFullPath(Path.Combine(contentRoot, configured));
        if (Directory.Exists(fromContentRoot))
        {
            return fromContentRoot;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OfficeFollowUp.sln")))
            {
                return Path.Combine(dir.FullName, "addin", "dist");
            }
        }

        return fromContentRoot;
    }

    [LoggerMessage(1201, LogLevel.Warning, "The task pane is not built (no {Folder}); run the README's run command, which builds it.")]
    private static partial void PaneNotBuilt(ILogger logger, string folder);
}
