using FluentValidation;
using OfficeFollowUp.Api;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.People;

namespace OfficeFollowUp.Promises;

/// <param name="Channel">How the user will keep it; "email" lets the mail they send the person keep it by itself.</param>
public sealed record PromiseRequest(PartyRequest? Person, [property: MultiLineText] string? Text, DateTimeOffset? DueAt, string? EventId, PreferredChannel? Channel = null);

public sealed class PromiseRequestValidator : AbstractValidator<PromiseRequest>
{
    public PromiseRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.Person).NotNull().WithMessage("Say whom the promise is to.").OverridePropertyName("person");
        When(r => r.Person is not null, () =>
        {
            RuleFor(r => r.Person!.Email).NotEmpty().WithMessage("Their email address is needed.").Email().OverridePropertyName("person.email");
            RuleFor(r => r.Person!.DisplayName).MaximumLength(200).OverridePropertyName("person.displayName");
        });
        RuleFor(r => r.Text).NotEmpty().WithMessage("Say what you promised.").MaximumLength(500).OverridePropertyName("text");
        RuleFor(r => r.DueAt).NotNull().WithMessage("Say by when (an ISO 8601 date and time with offset).")
            .Must(d => d is null || d < time.GetUtcNow().AddYears(2)).WithMessage("Keep promises within two years.")
            .Must(d => d is null || d > time.GetUtcNow().AddDays(-30)).WithMessage("That date is long past.")
            .OverridePropertyName("dueAt");
        RuleFor(r => r.EventId).MaximumLength(512).OverridePropertyName("eventId");
        RuleFor(r => r.Channel).IsInEnum().WithMessage("Say email, phone, linkedIn, whatsApp or inPerson.").OverridePropertyName("channel");
    }
}
