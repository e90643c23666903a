using FluentValidation;

namespace OfficeFollowUp.Sync;

public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Turn off the background loop (tests drive rounds themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle mailbox is asked for changes: one request per contact folder.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a mailbox whose change notifications are healthy is polled anyway, for notifications Graph lost.</summary>
    public TimeSpan SafetyPollInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the user's profile, time zone and folder list are read again.</summary>
    public TimeSpan ProfileRefresh { get; set; } = TimeSpan.FromHours(1);
}

public sealed class SyncOptionsValidator : AbstractValidator<SyncOptions>
{
    public SyncOptionsValidator()
    {
        RuleFor(o => o.PollInterval).InclusiveBetween(TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1)).WithName("Sync:PollInterval");
        RuleFor(o => o.SafetyPollInterval).InclusiveBetween(TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1)).WithName("Sync:SafetyPollInterval");
        RuleFor(o => o.ProfileRefresh).GreaterThanOrEqualTo(TimeSpan.FromMinutes(1)).WithName("Sync:ProfileRefresh");
    }
}
