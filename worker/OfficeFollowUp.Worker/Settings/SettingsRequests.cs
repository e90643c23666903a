using FluentValidation;

namespace OfficeFollowUp.Settings;

public sealed record CadencesRequest(int? ReferralPartner, int? InnerCircle, int? Other);

/// <summary>PUT /api/settings: the whole settings shape, every field present.</summary>
public sealed record SettingsRequest(
    string? NetworkingCategory,
    IReadOnlyList<string?>? SubjectKeywords,
    int? MeetingLengthMinutes,
    int? MeetingBufferMinutes,
    string? Signature,
    CadencesRequest? Cadences)
{
    /// <summary>Valid requests only: trimmed, keywords without repeats (case-insensitive, first spelling kept).</summary>
    public MailboxSettings ToSettings() => new(
        NetworkingCategory!.Trim(),
        SubjectKeywords!.Select(k => k!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        MeetingLengthMinutes!.Value,
        MeetingBufferMinutes!.Value,
        Signature?.Trim() ?? string.Empty,
        new CadenceDays(Cadences!.ReferralPartner!.Value, Cadences.InnerCircle!.Value, Cadences.Other!.Value));
}

/// <summary>The same limits the pane checks before saving (addin/src/settings/settingsForm.ts).</summary>
public sealed class SettingsRequestValidator : AbstractValidator<SettingsRequest>
{
    public const int MaxKeywords = 30;
    public const int MaxKeywordLength = 60;

    public SettingsRequestValidator()
    {
        RuleFor(r => r.NetworkingCategory).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Name the Outlook category that marks a networking event.")
            .Must(c => c is null || c.Trim().Length <= 255).WithMessage("A category name has at most 255 characters.")
            .OverridePropertyName("networkingCategory");
        RuleFor(r => r.SubjectKeywords).NotNull().WithMessage("Give the subject keywords (the list may be empty).")
            .Must(k => k is null || k.Count <= MaxKeywords).WithMessage($"At most {MaxKeywords} keywords.")
            .OverridePropertyName("subjectKeywords");
        RuleForEach(r => r.SubjectKeywords)
            .Must(k => !string.IsNullOrWhiteSpace(k)).WithMessage("A keyword cannot be empty.")
            .Must(k => k is null || k.Trim().Length <= MaxKeywordLength).WithMessage($"A keyword has at most {MaxKeywordLength} characters.")
            .OverridePropertyName("subjectKeywords");
        RuleFor(r => r.MeetingLengthMinutes).NotNull().WithMessage("Give the meeting length.")
            .InclusiveBetween(10, 240).WithMessage("A one-to-one lasts 10 to 240 minutes.")
            .OverridePropertyName("meetingLengthMinutes");
        RuleFor(r => r.MeetingBufferMinutes).NotNull().WithMessage("Give the buffer.")
            .InclusiveBetween(0, 120).WithMessage("The buffer is 0 to 120 minutes.")
            .OverridePropertyName("meetingBufferMinutes");
        RuleFor(r => r.Signature).Must(s => s is null || s.Trim().Length <= 200).WithMessage("A signature has at most 200 characters.")
            .OverridePropertyName("signature");
        RuleFor(r => r.Cadences).NotNull().WithMessage("Give a cadence for each tier.").OverridePropertyName("cadences");
        When(r => r.Cadences is not null, () =>
        {
            Cadence(r => r.Cadences!.ReferralPartner, "cadences.referralPartner");
            Cadence(r => r.Cadences!.InnerCircle, "cadences.innerCircle");
            Cadence(r => r.Cadences!.Other, "cadences.other");
        });
    }

    private void Cadence(System.Linq.Expressions.Expression<Func<SettingsRequest, int?>> days, string name) =>
        RuleFor(days).NotNull().WithMessage("Give a cadence in days.")
            .InclusiveBetween(1, 730).WithMessage("A cadence is 1 to 730 days.")
            .OverridePropertyName(name);
}
