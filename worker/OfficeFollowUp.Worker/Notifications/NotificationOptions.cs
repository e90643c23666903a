using FluentValidation;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;

namespace OfficeFollowUp.Notifications;

/// <summary>Graph change notifications. Off (poll as usual) until <see cref="PublicUrl"/> is set.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Graph's longest lifetime for contact and event subscriptions (under 7 days).</summary>
    public static readonly TimeSpan GraphMaxLifetime = TimeSpan.FromMinutes(10080);

    /// <summary>
    /// The worker's address as Graph reaches it (https://followup.example.org); Graph posts to
    /// {PublicUrl}/api/graph/notifications and /api/graph/lifecycle. Plain http only on loopback, against the sandbox.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>How far ahead a created or renewed subscription expires; a little under Graph's maximum, for clock skew.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = GraphMaxLifetime - TimeSpan.FromMinutes(30);

    /// <summary>A subscription that expires sooner than this is renewed by the mailbox's next pass.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Notification and lifecycle posts one address may make per minute; more get 429 (Graph retries).</summary>
    public int RequestsPerMinute { get; set; } = 1200;

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicUrl);

    public string NotificationUrl => Combine("/api/graph/notifications");

    public string LifecycleUrl => Combine("/api/graph/lifecycle");

    private string Combine(string path) => PublicUrl!.TrimEnd('/') + path;
}

public sealed class NotificationOptionsValidator : AbstractValidator<NotificationOptions>
{
    public NotificationOptionsValidator()
    {
        RuleFor(o => o.PublicUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
            .When(o => o.Enabled)
            .WithName("Notifications:PublicUrl")
            .WithMessage("Notifications:PublicUrl must be the worker's absolute https address as Graph reaches it, without query (plain http only on loopback, for the sandbox).");
        RuleFor(o => o.SubscriptionLifetime).InclusiveBetween(TimeSpan.FromMinutes(5), NotificationOptions.GraphMaxLifetime)
            .WithName("Notifications:SubscriptionLifetime");
        RuleFor(o => o.RenewBefore).GreaterThan(TimeSpan.Zero).LessThan(o => o.SubscriptionLifetime)
            .WithName("Notifications:RenewBefore").WithMessage("Notifications:RenewBefore must be positive and shorter than Notifications:SubscriptionLifetime.");
        RuleFor(o => o.RequestsPerMinute).InclusiveBetween(1, 1_000_000).WithName("Notifications:RequestsPerMinute");
    }
}

/// <summary>Real Graph posts only to https: a plain-http loopback address is for the sandbox (or a loopback Graph) alone.</summary>
internal sealed class NotificationUrlFitsMailbox(IOptions<MailboxOptions> mailbox) : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options) =>
        options.Enabled && Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
            && !(mailbox.Value.UsesSandbox || mailbox.Value.UsesStaticUrl)
            ? ValidateOptionsResult.Fail("Notifications:PublicUrl: Microsoft Graph only posts to https addresses; plain http on loopback is for the sandbox mailbox.")
            : ValidateOptionsResult.Success;
}
