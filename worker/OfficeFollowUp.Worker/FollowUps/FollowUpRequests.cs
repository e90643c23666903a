using FluentValidation;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.FollowUps;

public sealed record SnoozeRequest(DateTimeOffset? Until);

/// <param name="DeleteDraft">Also delete the step's unsent draft from Drafts (never one the user sent).</param>
public sealed record SkipRequest([property: MultiLineText] string? Reason, bool? DeleteDraft = null);

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

/// <summary>
/// GET /api/followups query: no window is every open step (the list as it always was); window=due is
/// Today's list (overdue, today, this week) with counts; window=later pages the rest (page=1, 2, …;
/// limit items a page, 100 unless given, at most 500).
/// </summary>
public sealed record ListFollowUpsRequest(string? Window, string? Page, string? Limit)
{
    public const int DefaultPageSize = 100;

    public int PageNumber => Whole(Page) ?? 1;

    public int PageSize => Whole(Limit) ?? DefaultPageSize;

    internal static int? Whole(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

public sealed class ListFollowUpsRequestValidator : AbstractValidator<ListFollowUpsRequest>
{
    public ListFollowUpsRequestValidator()
    {
        RuleFor(r => r.Window).Must(w => w is null or "due" or "later")
            .WithMessage("Say which window: due (overdue, today, this week) or later.").OverridePropertyName("window");
        RuleFor(r => r.Page)
            .Must(p => p is null || ListFollowUpsRequest.Whole(p) is >= 1 and <= 100_000)
            .WithMessage("The page is a whole number from 1.").OverridePropertyName("page");
        RuleFor(r => r.Limit)
            .Must(l => l is null || ListFollowUpsRequest.Whole(l) is >= 1 and <= 500)
            .WithMessage("The limit is a whole number from 1 to 500.").OverridePropertyName("limit");
        RuleFor(r => r.Page).Null().When(r => r.Window != "later")
            .WithMessage("Only window=later is paged.").OverridePropertyName("page");
        RuleFor(r => r.Limit).Null().When(r => r.Window != "later")
            .WithMessage("Only window=later is paged.").OverridePropertyName("limit");
    }
}
