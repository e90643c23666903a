using FluentValidation;

namespace OfficeFollowUp.Referrals;

/// <summary>The referral duties' windows and what the user is looking for (quoted in close-the-loop notes).</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>A referral received: contact the prospect within this long.</summary>
    public TimeSpan ContactWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A referral given: ask the partner whether they reached the prospect after this long.</summary>
    public TimeSpan GivenCheckInAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A referral given whose partner had not reached the prospect: after the user nudges them, check in again after this long.</summary>
    public TimeSpan CheckInAfterNudge { get; set; } = TimeSpan.FromDays(5);

    /// <summary>After contact or check-in, ask for the outcome within this long.</summary>
    public TimeSpan OutcomeWithin { get; set; } = TimeSpan.FromDays(14);

    /// <summary>An overdue duty climbs one escalation level per this much further delay.</summary>
    public TimeSpan EscalateEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>"What I am looking for", e.g. "owners of growing trade businesses who need a second opinion on their accounts".</summary>
    public string LookingFor { get; set; } = string.Empty;
}

public sealed class ReferralOptionsValidator : AbstractValidator<ReferralOptions>
{
    public ReferralOptionsValidator()
    {
        RuleFor(o => o.ContactWithin).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(30)).WithName("Referrals:ContactWithin");
        RuleFor(o => o.GivenCheckInAfter).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(90)).WithName("Referrals:GivenCheckInAfter");
        RuleFor(o => o.CheckInAfterNudge).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(90)).WithName("Referrals:CheckInAfterNudge");
        RuleFor(o => o.OutcomeWithin).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(365)).WithName("Referrals:OutcomeWithin");
        RuleFor(o => o.EscalateEvery).GreaterThanOrEqualTo(TimeSpan.FromHours(1)).WithName("Referrals:EscalateEvery");
        RuleFor(o => o.LookingFor).NotNull().MaximumLength(300).WithName("Referrals:LookingFor");
    }
}
