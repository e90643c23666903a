using System.Text.RegularExpressions;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Referrals;

/// <summary>
/// Is the open message an introduction, and between whom? A pure function of sender, recipients,
/// subject and the first part of the body. It errs on the side of silence: replies, forwards,
/// newsletters and threads with many people are never introductions, and a cue word alone is not
/// enough — the person introduced must be named in the message too.
/// </summary>
public static partial class DetectIntroduction
{
    /// <summary>An introduction has the introducer, the user and one or two others; more is a thread or a list.</summary>
    public const int MaxRecipients = 4;

    /// <summary>Only the opening of the body counts: cues further down are usually quoted history or signatures.</summary>
    public const int BodyChars = 1500;

    public static Introduction? Run(IntroMessage message, IReadOnlyCollection<string> ownAddresses)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.From is not { } from || !EmailAddresses.LooksValid(from.Email) || IsAutomated(from.Email))
        {
            return null;
        }

        var subject = message.Subject?.Trim() ?? string.Empty;
        if (ReplyOrForwardPrefix().IsMatch(subject))
        {
            return null;
        }

        var body = OwnText(message.BodyStart ?? string.Empty);
        if (body is null)
        {
            return null;
        }

        var recipients = message.To.Concat(message.Cc)
            .Where(p => EmailAddresses.LooksValid(p.Email))
            .DistinctBy(p => EmailAddresses.Key(p.Email))
            .ToList();
        if (recipients.Count is 0 or > MaxRecipients)
        {
            return null;
        }

        var own = ownAddresses.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var text = subject + "\n" + body;
        var cue = HasCue(text);

        var fromKey = EmailAddresses.Key(from.Email);
        if (own.Contains(fromKey))
        {
            // The user's own mail introducing two people: a referral given.
            var others = recipients.Where(p => !own.Contains(EmailAddresses.Key(p.Email))).ToList();
            if (others.Count != 2 || !others.All(p => IsNamed(p, text)))
            {
                return null;
            }

            if (MeetTarget(body, others) is { } prospect)
            {
                return new Introduction(ReferralDirection.Given, others.Single(p => p != prospect), prospect, false);
            }

            return cue ? new Introduction(ReferralDirection.Given, others[0], others[1], true) : null;
        }

        if (!recipients.Any(p => own.Contains(EmailAddresses.Key(p.Email))))
        {
            // The user was not addressed (a copy, a bcc): someone else's introduction.
            return null;
        }

        var introduced = recipients.Where(p => !own.Contains(EmailAddresses.Key(p.Email)) && EmailAddresses.Key(p.Email) != fromKey).ToList();
        if (introduced.Count != 1 || !IsNamed(introduced[0], text) || !(cue || MeetTarget(body, recipients) is not null))
        {
            return null;
        }

        return new Introduction(ReferralDirection.Received, from, introduced[0], false);
    }

    /// <summary>The message's own words: the body up to the first quoted part, or null when it is a bare forward.</summary>
    private static string? OwnText(string body)
    {
        var start = body.Length > BodyChars ? body[..BodyChars] : body;
        var quote = QuoteMarker().Match(start);
        if (!quote.Success)
        {
            return start;
        }

        var own = start[..quote.Index];
        return string.IsNullOrWhiteSpace(own) && ForwardMarker().IsMatch(quote.Value) ? null : own;
    }

    private static bool HasCue(string text) => Cue().IsMatch(text) || SymbolCue().IsMatch(text);

    /// <summary>"Alex, meet Priya": the person after "meet" is the one being handed over.</summary>
    private static Party? MeetTarget(string body, IReadOnlyList<Party> parties)
    {
        foreach (Match match in MeetName().Matches(body))
        {
            var name = match.Groups["name"].Value;
            var hits = parties.Where(p => NameTokens(p).Any(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase))).ToList();
            if (hits.Count == 1)
            {
                return hits[0];
            }
        }

        return null;
    }

    private static bool IsNamed(Party party, string text) =>
        NameTokens(party).Any(token => token.All(c => c < 0x250)
            ? Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(token)}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : text.Contains(token, StringComparison.OrdinalIgnoreCase));

    /// <summary>Words of the display name, or of the address's local part when there is no name (jonas.weber → jonas, weber).</summary>
    private static IEnumerable<string> NameTokens(Party party)
    {
        var source = string.IsNullOrWhiteSpace(party.DisplayName) || party.DisplayName.Contains('@', StringComparison.Ordinal)
            ? EmailAddresses.LocalPart(party.Email)
            : party.DisplayName;
        return source.Split([' ', '.', '_', '-', ',', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length >= (t.All(c => c < 0x250) ? 3 : 2));
    }

    private static bool IsAutomated(string address) =>
        AutomatedLocalPart().IsMatch(EmailAddresses.LocalPart(address));

    // Re:, RE:, AW: (German), SV: (Nordic), Antw: (Dutch), R:/RIF: (Italian), RES: (Portuguese), VS: (Finnish),
    // Odp: (Polish), 回复/答复; forwards: Fw:, Fwd:, WG: (German), TR: (French), RV: (Spanish), Doorst: (Dutch),
    // VB: (Swedish), ENC: (Portuguese), PD: (Polish), I: (Italian), 转发.
    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s*)?(re|aw|sv|antw|r|rif|res|vs|odp|fw|fwd|wg|tr|rv|doorst|vb|enc|pd|i|回复|答复|转发)\s*(\[\d+\])?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyOrForwardPrefix();

    [GeneratedRegex(@"(^|\n)\s*(-{2,}\s*(original message|forwarded message|ursprüngliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht)\s*-{2,}|begin forwarded message:|on .{1,120}\bwrote:|am .{1,120}\bschrieb .{0,80}:|le .{1,120}\ba écrit\s*:|el .{1,120}\bescribió:|from:\s.+\n\s*(sent|date):|_{10,}|>)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"forwarded|weitergeleitet|begin forwarded|original message|ursprüngliche|message d'origine|mensaje original|oorspronkelijk", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardMarker();

    // English first, then German, French, Spanish, Portuguese, Italian, Dutch, Polish, Japanese, Chinese.
    [GeneratedRegex(
        @"\b(intro|intros|introduction|introducing|introduce|e-intro|connecting you|connect you( two| both)?|put you (two |both )?in touch|you two should|you should (talk|meet|connect)|should (know|meet) each other|meet each other|vorstellen|vorstellung|bekannt machen|in kontakt bringen|vernetzen|je (vous|te) présente|présenter|présentation|mettre en (relation|contact)|les presento|te presento|presentarte|presentaros|presentación|apresentar|apresento|apresentação|ti presento|vi presento|presentarvi|voorstellen|kennismaken|in contact brengen|przedstawić|przedstawiam)\b|紹介|介绍",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"\p{L}\s*(↔|<>|<->|⇄|&lt;&gt;)\s*\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolCue();

    /// <summary>"meet" followed by a capitalised name; the name must belong to someone on the message to count.</summary>
    [GeneratedRegex(@"\b[Mm]eet,?\s+(?<name>\p{Lu}[\p{L}'-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex MeetName();

    [GeneratedRegex(@"^(no-?reply|do-?not-?reply|newsletter|news|notifications?|mailer-daemon|postmaster|bounce[s]?|updates|digest|marketing)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutomatedLocalPart();
}
