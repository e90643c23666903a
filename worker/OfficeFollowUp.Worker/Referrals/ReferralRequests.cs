using FluentValidation;
using OfficeFollowUp.Api;
using OfficeFollowUp.People;

namespace OfficeFollowUp.Referrals;

public sealed record ProspectRequest(string? DisplayName, string? Email, string? Phone);

public sealed record LogReferralRequest(
    string? Direction, PartyRequest? Partner, ProspectRequest? Prospect, [property: MultiLineText] string? Note, bool? CopyPartner, string? SourceMessageId, DateTimeOffset? ReferredAt);

public sealed record OutcomeRequest(string? Outcome, decimal? Value, [property: MultiLineText] string? Note, string? BetterFit, bool? Change);

public sealed record PartnerFollowedUpRequest(bool? FollowedUp);

/// <summary>GET /api/referrals/detect?messageId=…: the open message's REST id.</summary>
public sealed record DetectRequest(string? MessageId);

internal static partial class PhoneNumbers
{
    /// <summary>Digits with the usual separators, 6 to 20 digits: enough to call, not a full E.164 check.</summary>
    public static bool LooksValid(string? phone) =>
        phone is not null && PhoneShape().IsMatch(phone.Trim()) && phone.Count(char.IsDigit) is >= 6 and <= 20;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9 ()./-]+$")]
    private static partial System.Text.RegularExpressions.Regex PhoneShape();
}

public sealed class LogReferralRequestValidator : AbstractValidator<LogReferralRequest>
{
    public LogReferralRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.Direction)
            .Must(d => WireEnums.TryParse<ReferralDirection>(d, out _))
            .WithMessage($"Say which way the referral went: {WireEnums.Names<ReferralDirection>()}.").OverridePropertyName("direction");

        RuleFor(r => r.Partner).NotNull().WithMessage("Say who the referral partner is.").OverridePropertyName("partner");
        When(r => r.Partner is not null, () =>
        {
            RuleFor(r => r.Partner!.Email).NotEmpty().WithMessage("The partner's email address is needed.")
                .Email().OverridePropertyName("partner.email");
            RuleFor(r => r.Partner!.DisplayName).MaximumLength(200).OverridePropertyName("partner.displayName");
        });

        RuleFor(r => r.Prospect).NotNull().WithMessage("Say who the prospect is.").OverridePropertyName("prospect");
        When(r => r.Prospect is not null, () =>
        {
            RuleFor(r => r.Prospect!.DisplayName).NotEmpty().WithMessage("Give the prospect's name.").MaximumLength(200)
                .OverridePropertyName("prospect.displayName");
            RuleFor(r => r.Prospect!.Email)
                .Must((r, e) => !string.IsNullOrWhiteSpace(e) || !string.IsNullOrWhiteSpace(r.Prospect!.Phone))
                .WithMessage("The prospect needs an email address or a phone number.")
                .OverridePropertyName("prospect.email");
            RuleFor(r => r.Prospect!.Email).Email().OverridePropertyName("prospect.email");
            RuleFor(r => r.Prospect!.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumbers.LooksValid(p))
                .WithMessage("This does not look like a phone number.").OverridePropertyName("prospect.phone");
        });

        RuleFor(r => r.Note).MaximumLength(1000).OverridePropertyName("note");
        RuleFor(r => r.SourceMessageId).MaximumLength(512).OverridePropertyName("sourceMessageId");
        RuleFor(r => r.CopyPartner).Must(c => c is null or false)
            .When(r => WireEnums.TryParse<ReferralDirection>(r.Direction, out var d) && d == ReferralDirection.Given)
            .WithMessage("Copying the partner applies to a referral received.").OverridePropertyName("copyPartner");
        RuleFor(r => r.ReferredAt)
            .Must(at => at is null || at <= time.GetUtcNow().AddHours(1)).WithMessage("A referral cannot be in the future.")
            .Must(at => at is null || at >= time.GetUtcNow().AddYears(-2)).WithMessage("Log referrals from the last two years.")
            .OverridePropertyName("referredAt");
    }
}

public sealed class OutcomeRequestValidator : AbstractValidator<OutcomeRequest>
{
    public OutcomeRequestValidator()
    {
        RuleFor(r => r.Outcome)
            .Must(o => WireEnums.TryParse<ReferralOutcome>(o, out _))
            .WithMessage($"Unknown outcome; use one of: {WireEnums.Names<ReferralOutcome>()}.").OverridePropertyName("outcome");
        RuleFor(r => r.Value)
            .GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m).WithMessage("A value is a positive amount.")
            .Must((r, v) => v is null || (WireEnums.TryParse<ReferralOutcome>(r.Outcome, out var o) && o == ReferralOutcome.Won))
            .WithMessage("A value goes with a referral won.")
            .OverridePropertyName("value");
        RuleFor(r => r.Note).MaximumLength(1000).OverridePropertyName("note");
        RuleFor(r => r.BetterFit).MaximumLength(300)
            .Must((r, f) => string.IsNullOrWhiteSpace(f) || (WireEnums.TryParse<ReferralOutcome>(r.Outcome, out var o) && o == ReferralOutcome.NotAFit))
            .WithMessage("A better fit goes with 'not a fit'.").OverridePropertyName("betterFit");
    }
}

public sealed class PartnerFollowedUpRequestValidator : AbstractValidator<PartnerFollowedUpRequest>
{
    public PartnerFollowedUpRequestValidator()
    {
        RuleFor(r => r.FollowedUp).NotNull().WithMessage("Say true or false.").OverridePropertyName("followedUp");
    }
}

public sealed class DetectRequestValidator : AbstractValidator<DetectRequest>
{
    public DetectRequestValidator()
    {
        RuleFor(r => r.MessageId).Must(id => !string.IsNullOrWhiteSpace(id) && id.Length <= 1024)
            .WithMessage("Pass the open item's REST id.").OverridePropertyName("messageId");
    }
}
