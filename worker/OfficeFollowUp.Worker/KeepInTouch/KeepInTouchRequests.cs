using FluentValidation;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.KeepInTouch;

public sealed record CadenceRequest(string? Tier, int? CadenceDays, string? DisplayName);

public sealed class CadenceRequestValidator : AbstractValidator<CadenceRequest>
{
    public CadenceRequestValidator()
    {
        // The tier is required: a body without one (an empty object, a misspelt field) must not clear it.
        RuleFor(r => r.Tier).Must(t => WireEnums.TryParse<Tier>(t, out _))
            .WithMessage($"Say the tier: one of {WireEnums.Names<Tier>()}.").OverridePropertyName("tier");
        RuleFor(r => r.CadenceDays).InclusiveBetween(1, 730).WithMessage("A cadence is between 1 and 730 days.").OverridePropertyName("cadenceDays");
        RuleFor(r => r.DisplayName).MaximumLength(200).OverridePropertyName("displayName");
    }
}
