using FluentValidation;

namespace OfficeFollowUp.FollowUps;

/// <summary>The 24/7/30 track and what counts as a person rather than a mailbox.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    public TimeSpan ThankYouWithin { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ConnectWithin { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan OneToOneWithin { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Local parts that belong to shared or automated mailboxes, never to a person met.</summary>
    public List<string> GroupLocalParts { get; set; } =
    [
        "info", "noreply", "no-reply", "donotreply", "do-not-reply", "admin", "office", "sales", "support",
        "contact", "hello", "team", "billing", "accounts", "enquiries", "inquiries", "marketing", "help",
        "mailer-daemon", "postmaster", "newsletter", "notifications", "webmaster", "reception", "jobs", "careers", "events", "rsvp", "bookings",
    ];

    /// <summary>
    /// More new contacts than this at once (one sync round, or one folder) is a bulk addition — an import, a phone
    /// sync — and starts no tracks until the user picks whom to follow up with.
    /// </summary>
    public int BulkAdditionLimit { get; set; } = 10;

    /// <summary>
    /// A new contact who was on a networking event's invitation is linked to that event (its name in the thank-you,
    /// the track measured from it) when the contact appeared this soon after the event ended.
    /// </summary>
    public TimeSpan EventMatchWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How the thank-you note is signed; empty means the mailbox owner's first name.</summary>
    public string Signature { get; set; } = string.Empty;
}

public sealed class FollowUpOptionsValidator : AbstractValidator<FollowUpOptions>
{
    public FollowUpOptionsValidator()
    {
        RuleFor(o => o.ThankYouWithin).GreaterThan(TimeSpan.Zero).WithName("FollowUps:ThankYouWithin");
        RuleFor(o => o.ConnectWithin).GreaterThan(o => o.ThankYouWithin).WithName("FollowUps:ConnectWithin");
        RuleFor(o => o.OneToOneWithin).GreaterThan(o => o.ConnectWithin).WithName("FollowUps:OneToOneWithin");
        RuleFor(o => o.BulkAdditionLimit).InclusiveBetween(1, 1000).WithName("FollowUps:BulkAdditionLimit");
        RuleFor(o => o.EventMatchWindow).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromDays(14)).WithName("FollowUps:EventMatchWindow");
        RuleFor(o => o.Signature).MaximumLength(200).WithName("FollowUps:Signature");
    }
}
