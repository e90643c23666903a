using FluentValidation;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.Drafts;

/// <summary>PUT /api/templates/{kind} and POST …/preview: the template's subject line and body, both in plain words.</summary>
public sealed record TemplateRequest(string? Subject, [property: MultiLineText] string? Body)
{
    public DraftTemplate ToTemplate() => new(Subject!.Trim(), Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
}

public sealed class TemplateRequestValidator : AbstractValidator<TemplateRequest>
{
    public const int MaxSubject = 300;
    public const int MaxBody = 8000;

    public TemplateRequestValidator()
    {
        RuleFor(r => r.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Give the subject line.")
            .Must(s => s is null || s.Length <= MaxSubject).WithMessage($"A subject line has at most {MaxSubject} characters.")
            .Must(s => s is null || !InputRules.HasControlCharacters(s, multiLine: false)).WithMessage("A subject line is one line without control characters.")
            .OverridePropertyName("subject");
        RuleFor(r => r.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("Give the body.")
            .Must(b => b is null || b.Length <= MaxBody).WithMessage($"A body has at most {MaxBody} characters.")
            .Must(b => b is null || !InputRules.HasControlCharacters(b, multiLine: true)).WithMessage("Control characters are not allowed in the body.")
            .OverridePropertyName("body");
    }
}
