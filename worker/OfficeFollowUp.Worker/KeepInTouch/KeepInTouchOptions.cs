using FluentValidation;

namespace OfficeFollowUp.KeepInTouch;

public enum Tier
{
    ReferralPartner,
    InnerCircle,
    Other,
}

/// <summary>How often to be in touch with each tier, and how early a birthday card reminder comes.</summary>
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
    }
}
