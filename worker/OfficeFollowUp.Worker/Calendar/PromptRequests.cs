using FluentValidation;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Calendar;

public enum PreferredChannel
{
    Email,
    Phone,
    LinkedIn,
    WhatsApp,
    InPerson,
}

public sealed record PersonMetRequest(string? Email, string? DisplayName, [property: MultiLineText] string? Remember, string? Promised, PreferredChannel? PreferredChannel, string? ProfileUrl);

public sealed record FollowUpPeopleRequest(IReadOnlyList<PersonMetRequest>? People);

public sealed record NetworkingMarkRequest(bool? IsNetworking);

public sealed class PersonMetRequestValidator : AbstractValidator<PersonMetRequest>
{
    public PersonMetRequestValidator()
    {
        RuleFor(p => p.Email).NotEmpty().WithMessage("An email address is needed to follow up.")
            .Email().OverridePropertyName("email");
        RuleFor(p => p.DisplayName).NotEmpty().WithMessage("Give their name.").MaximumLength(200).OverridePropertyName("displayName");
        RuleFor(p => p.Remember).MaximumLength(500).OverridePropertyName("remember");
        RuleFor(p => p.Promised).MaximumLength(500).OverridePropertyName("promised");
        RuleFor(p => p.ProfileUrl).MaximumLength(500)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("A profile link must be an http or https address.")
            .OverridePropertyName("profileUrl");
    }
}

public sealed class FollowUpPeopleRequestValidator : AbstractValidator<FollowUpPeopleRequest>
{
    public FollowUpPeopleRequestValidator()
    {
        RuleFor(r => r.People).NotEmpty().WithMessage("Choose at least one person, or dismiss the prompt.")
            .Must(p => p is null || p.Count <= 10).WithMessage("Ten people at most; two or three good follow-ups beat ten rushed ones.")
            .OverridePropertyName("people");
        RuleForEach(r => r.People).SetValidator(new PersonMetRequestValidator()).OverridePropertyName("people");
        RuleFor(r => r.People)
            .Must(p => p is null || p.Where(x => x.Email is not null).Select(x => EmailAddresses.Key(x.Email!)).Distinct().Count() == p.Count(x => x.Email is not null))
            .WithMessage("The same person is listed twice.").OverridePropertyName("people");
    }
}

public sealed class NetworkingMarkRequestValidator : AbstractValidator<NetworkingMarkRequest>
{
    public NetworkingMarkRequestValidator()
    {
        RuleFor(r => r.IsNetworking).NotNull().WithMessage("Say true or false.").OverridePropertyName("isNetworking");
    }
}
