using FluentValidation;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Sandbox;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Hosting;

public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Loopback port of the sandbox's Graph endpoint; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Play "back from a mixer": add a few new contacts after the first sync.</summary>
    public bool SampleScript { get; set; } = true;

    public TimeSpan SampleScriptInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Polling is cheap against the sandbox, so the loop is quick enough to watch.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Extra generated contacts, to try a large first sync.</summary>
    public int SeedContacts { get; set; }

    /// <summary>Generated contacts added all at once after the first sync (an import, a phone sync), to try a bulk addition.</summary>
    public int ImportAfterBaseline { get; set; }

    /// <summary>The sandbox user's mailbox language ("de-DE"), to try drafts in another language; en-NZ when not set.</summary>
    public string? Language { get; set; }
}

public sealed partial class SandboxOptionsValidator : AbstractValidator<SandboxOptions>
{
    public SandboxOptionsValidator()
    {
        RuleFor(o => o.Port).InclusiveBetween(0, 65535).WithName("Sandbox:Port");
        RuleFor(o => o.SampleScriptInterval).GreaterThanOrEqualTo(TimeSpan.Zero).WithName("Sandbox:SampleScriptInterval");
        RuleFor(o => o.PollInterval).GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100)).WithName("Sandbox:PollInterval");
        RuleFor(o => o.SeedContacts).InclusiveBetween(0, 1_000_000).WithName("Sandbox:SeedContacts");
        RuleFor(o => o.ImportAfterBaseline).InclusiveBetween(0, 100_000).WithName("Sandbox:ImportAfterBaseline");
        RuleFor(o => o.Language).Must(l => l is null || LanguageTag().IsMatch(l)).WithMessage("Sandbox:Language is a language tag such as de-DE.").WithName("Sandbox:Language");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();
}

public static partial class SandboxHosting
{
    /// <summary>With no tenant configured, the worker runs against the built-in sandbox mailbox.</summary>
    public static WebApplicationBuilder AddSandboxMailbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SandboxOptions, SandboxOptionsValidator>(builder.Configuration, SandboxOptions.Section);
        builder.Services.AddSingleton<SandboxDemo>();
        var mailbox = builder.Configuration.GetSection(MailboxOptions.Section).Get<MailboxOptions>() ?? new MailboxOptions();
        if (!mailbox.UsesSandbox)
        {
            return builder;
        }

        // The sandbox mailbox lives in memory, so its mirror in the store must start empty too;
        // the pairing key in the data folder is kept.
        builder.Services.PostConfigure<StoreOptions>(o =>
        {
            o.DatabaseFileName = "sandbox.db";
            o.ResetOnStart = true;
        });
        builder.Services.PostConfigure<SyncOptions>(o => o.PollInterval = builder.Configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>()?.PollInterval ?? o.PollInterval);
        builder.Services.AddHostedService<RunSandboxMailbox>();
        return builder;
    }

    private sealed partial class RunSandboxMailbox(
        MailboxEndpoint endpoint,
        SandboxDemo demo,
        IOptions<SandboxOptions> options,
        TimeProvider time,
        ILogger<RunSandboxMailbox> logger) : BackgroundService
    {
        private SandboxServer? _server;

        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            var mailbox = SandboxMailbox.WithSampleData(time);
            if (!string.IsNullOrWhiteSpace(options.Value.Language))
            {
                mailbox.Language = options.Value.Language;
            }
            if (options.Value.SeedContacts > 0)
            {
                mailbox.SeedContacts(options.Value.SeedContacts);
            }
            _server = await SandboxServer.StartAsync(mailbox, options.Value.Port, cancellationToken);
            Mailbox = mailbox;
            demo.Mailbox = mailbox;
            endpoint.Set(_server.BaseUrl);
            SandboxStarted(logger, _server.BaseUrl);
            await base.StartAsync(cancellationToken);
        }

        private SandboxMailbox? Mailbox { get; set; }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (options.Value.ImportAfterBaseline > 0 && Mailbox is not null)
            {
                while (!Mailbox.BaselineServed && !stoppingToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
                // A different generator seed from SeedContacts', so the import brings people the mailbox does not have.
                Mailbox.SeedContacts(options.Value.ImportAfterBaseline, randomSeed: 2);
            }

            if (options.Value.SampleScript && Mailbox is not null)
            {
                await new SandboxSampleScript(Mailbox, time).RunAsync(options.Value.SampleScriptInterval, stoppingToken)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            await base.StopAsync(cancellationToken);
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }

        [LoggerMessage(1101, LogLevel.Information, "No Microsoft 365 tenant configured: using the built-in sandbox mailbox at {BaseUrl}.")]
        private static partial void SandboxStarted(ILogger logger, Uri baseUrl);
    }
}
