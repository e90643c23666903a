using FluentValidation;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.BulkAdditions;

/// <summary>Whom, of the people a bulk addition brought, the user will follow up with; everyone else is dismissed.</summary>
public sealed record FollowUpBulkRequest(IReadOnlyList<string?>? Emails);

public sealed class FollowUpBulkRequestValidator : AbstractValidator<FollowUpBulkRequest>
{
    public const int MostPicked = 10;

    public FollowUpBulkRequestValidator()
    {
        RuleFor(r => r.Emails).NotEmpty().WithMessage("Choose at least one person, or dismiss the prompt.")
            .Must(e => e is null || e.Count <= MostPicked).WithMessage("Ten people at most; two or three good follow-ups beat ten rushed ones.")
            .OverridePropertyName("emails");
        RuleForEach(r => r.Emails).NotEmpty().WithMessage("An email address is needed to follow up.").Email().OverridePropertyName("emails");
        RuleFor(r => r.Emails)
            .Must(e => e is null || e.Where(x => x is not null).Select(x => EmailAddresses.Key(x!)).Distinct().Count() == e.Count(x => x is not null))
            .WithMessage("The same person is listed twice.").OverridePropertyName("emails");
    }
}
