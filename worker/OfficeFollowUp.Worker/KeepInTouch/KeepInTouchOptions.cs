using FluentValidation;

namespace OfficeFollowUp.KeepInTouch;

public enum Tier
{
    ReferralPartner,
    InnerCircle,
    Other,
}

/// <summary>Whose birthdays get a draft in Drafts (the others get the reminder only).</summary>
public enum BirthdayDraftsFor
{
    /// <summary>People the user keeps in touch with: a tier or cadence of their own, or an open follow-up track.</summary>
    KeptInTouch,

    /// <summary>Every contact with a birthday and an email address.</summary>
    Everyone,

    /// <summary>No birthday drafts; birthdays stay reminders.</summary>
    None,
}

/// <summary>How often to be in touch with each tier, how early a birthday reminder comes, and whose birthday gets a draft how early.</summary>
public sealed class KeepInTouchOptions
{
    public const string Section = "KeepInTouch";

    /// <summary>Cadence per tier; configuration entries (KeepInTouch:Tiers:InnerCircle=21.00:00:00) replace these defaults.</summary>
    public Dictionary<Tier, TimeSpan> Tiers { get; set; } = new()
    {
        [Tier.ReferralPartner] = TimeSpan.FromDays(14),
        [Tier.InnerCircle] = TimeSpan.FromDays(30),
        [Tier.Other] = TimeSpan.FromDays(90),
    };

    public TimeSpan BirthdayLeadTime { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How many days before the birthday its draft is prepared (counted in the mailbox's calendar days): 1 day has it waiting on the morning of the birthday.</summary>
    public TimeSpan BirthdayDraftLead { get; set; } = TimeSpan.FromDays(1);

    public BirthdayDraftsFor BirthdayDrafts { get; set; } = BirthdayDraftsFor.KeptInTouch;

    public TimeSpan CadenceOf(Tier tier) => Tiers.TryGetValue(tier, out var cadence) ? cadence : Tiers[Tier.Other];
}

public sealed class KeepInTouchOptionsValidator : AbstractValidator<KeepInTouchOptions>
{
    public KeepInTouchOptionsValidator()
    {
        RuleFor(o => o.Tiers).Must(t => Enum.GetValues<Tier>().All(t.ContainsKey)).WithMessage("Every tier needs a cadence.").WithName("KeepInTouch:Tiers");
        RuleForEach(o => o.Tiers).Must(t => t.Value >= TimeSpan.FromDays(1) && t.Value <= TimeSpan.FromDays(730))
            .WithMessage("A cadence is between 1 and 730 days.").OverridePropertyName("KeepInTouch:Tiers");
        RuleFor(o => o.BirthdayLeadTime).GreaterThanOrEqualTo(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(60)).WithName("KeepInTouch:BirthdayLeadTime");
        RuleFor(o => o.BirthdayDraftLead)
            .Must(t => t >= TimeSpan.Zero && t <= TimeSpan.FromDays(30) && t.Ticks % TimeSpan.TicksPerDay == 0)
            .WithMessage("The birthday draft lead is a whole number of days from 0 to 30 (1.00:00:00 is the day before).")
            .OverridePropertyName("KeepInTouch:BirthdayDraftLead");
        RuleFor(o => o.BirthdayDraftLead).LessThanOrEqualTo(o => o.BirthdayLeadTime)
            .WithMessage("The birthday draft lead cannot be longer than KeepInTouch:BirthdayLeadTime: the draft is shown on the birthday's reminder.")
            .OverridePropertyName("KeepInTouch:BirthdayDraftLead");
        RuleFor(o => o.BirthdayDrafts).IsInEnum()
            .WithMessage($"KeepInTouch:BirthdayDrafts is one of {string.Join(", ", Enum.GetNames<BirthdayDraftsFor>())}.")
            .OverridePropertyName("KeepInTouch:BirthdayDrafts");
    }
}
