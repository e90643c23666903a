using System.Globalization;
using FluentValidation;

namespace OfficeFollowUp.Api;

/// <summary>
/// The rules every API input shares, wherever it arrives (body, path or query): one email rule and one
/// control-character rule, so an address refused in a body is refused in a path too.
/// </summary>
public static class InputRules
{
    public const int MaxEmailLength = 254;
    public const string EmailMessage = "This does not look like an email address.";

    /// <summary>
    /// An address a draft can be sent to: local@domain, at most 254 characters (RFC 5321), a local part
    /// of at most 64 of the characters RFC 5322 allows unquoted (letters in any script, digits and
    /// !#$%&amp;'*+/=?^_`{|}~.-, no leading, trailing or double dot), and a domain of two or more labels
    /// (letters, digits, hyphens inside). No quoted local parts, comments or address literals: nobody
    /// types those into a follow-up form, and they are where markup hides ("&lt;script&gt;@x.com").
    /// Surrounding whitespace is ignored, as it is when the address is stored.
    /// </summary>
    public static string? EmailProblem(string? address)
    {
        var text = address?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "An email address is needed.";
        }
        if (text.Length > MaxEmailLength)
        {
            return $"An email address has at most {MaxEmailLength} characters.";
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@'))
        {
            return EmailMessage;
        }
        var local = text.AsSpan(0, at);
        var domain = text.AsSpan(at + 1);
        return LocalPartIsValid(local) && DomainIsValid(domain) ? null : EmailMessage;
    }

    public static bool IsEmail(string? address) => EmailProblem(address) is null;

    /// <summary>C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F); a multi-line text may hold line breaks and tabs.</summary>
    public static bool HasControlCharacters(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The email rule for a FluentValidation property: empty is left to NotEmpty (or allowed, for optional fields).</summary>
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => string.IsNullOrWhiteSpace(value) || IsEmail(value)).WithMessage((_, value) => EmailProblem(value) ?? EmailMessage);

    private static bool LocalPartIsValid(ReadOnlySpan<char> local)
    {
        if (local.Length is 0 or > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in local)
        {
            if (!(char.IsLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal) || IsInternationalLetter(c)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool DomainIsValid(ReadOnlySpan<char> domain)
    {
        if (domain.Length is 0 or > 253)
        {
            return false;
        }

        var labels = 0;
        var lastLabelAllDigits = false;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }
            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || IsInternationalLetter(c)))
                {
                    return false;
                }
            }
            labels++;
            lastLabelAllDigits = !label.ContainsAnyExceptInRange('0', '9');
        }
        // "a@b" is not deliverable on the internet, and a numeric top-level domain is an IP address in disguise.
        return labels >= 2 && !lastLabelAllDigits;
    }

    /// <summary>Marks and other non-ASCII word characters in international addresses (RFC 6531), e.g. a combining accent.</summary>
    private static bool IsInternationalLetter(char c) =>
        c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
