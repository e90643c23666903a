using FluentValidation;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.FollowUps;

public sealed record SnoozeRequest(DateTimeOffset? Until);

public sealed record SkipRequest([property: MultiLineText] string? Reason);

public sealed class SnoozeRequestValidator : AbstractValidator<SnoozeRequest>
{
    public SnoozeRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.Until)
            .NotNull().WithMessage("Say until when to snooze (an ISO 8601 date and time with offset).")
            .Must(u => u > time.GetUtcNow()).WithMessage("The snooze time must be in the future.")
            .Must(u => u < time.GetUtcNow().AddYears(1)).WithMessage("Snooze for less than a year.")
            .OverridePropertyName("until");
    }
}

public sealed class SkipRequestValidator : AbstractValidator<SkipRequest>
{
    public SkipRequestValidator()
    {
        RuleFor(r => r.Reason)
            .NotEmpty().WithMessage("Give a short reason for skipping.")
            .MaximumLength(500).WithMessage("Keep the reason under 500 characters.")
            .OverridePropertyName("reason");
    }
}
