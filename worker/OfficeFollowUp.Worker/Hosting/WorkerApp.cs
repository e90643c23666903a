using OfficeFollowUp.Api;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;
using OfficeFollowUp.TaskPane;

namespace OfficeFollowUp.Hosting;

/// <summary>
/// What the worker process is: a store, a mailbox reached through Graph (or the sandbox), contact
/// sync that turns new people into follow-up tracks, drafts prepared through an outbox, and the
/// API plus task pane files for Outlook.
/// </summary>
public static class WorkerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStore();
        builder.AddMailbox();
        builder.AddSandboxMailbox();
        builder.AddCalendar();
        builder.AddContactSync();
        builder.AddFollowUps();
        builder.AddOutbox();
        builder.AddReferrals();
        builder.AddKeepInTouch();
        builder.AddSettings();
        builder.AddApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapApi();
        app.MapTaskPane();
        return app;
    }
}
