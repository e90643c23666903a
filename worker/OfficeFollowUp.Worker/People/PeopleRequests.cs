using FluentValidation;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.People;

public sealed record RememberRequest(string? DisplayName, [property: MultiLineText] string? Remember);

/// <summary>A person named in a request (the partner of a referral, whom a promise is to); each request's validator says which fields it needs.</summary>
public sealed record PartyRequest(string? Email, string? DisplayName);

public sealed class RememberRequestValidator : AbstractValidator<RememberRequest>
{
    public RememberRequestValidator()
    {
        RuleFor(r => r.Remember).NotEmpty().WithMessage("Write the one thing to remember.").MaximumLength(500).OverridePropertyName("remember");
        RuleFor(r => r.DisplayName).MaximumLength(200).OverridePropertyName("displayName");
    }
}
