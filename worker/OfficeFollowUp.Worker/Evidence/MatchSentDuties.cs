namespace OfficeFollowUp.Evidence;

/// <summary>The duties outside a follow-up track that a sent mail can show done.</summary>
public enum SentDutyKind
{
    /// <summary>Received referral: get in touch with the prospect (mail to the prospect).</summary>
    ReferralContact,

    /// <summary>Given referral: ask the partner whether they reached the prospect (mail to the partner).</summary>
    ReferralCheckIn,

    /// <summary>An outcome was recorded: tell the partner who referred how it went (mail to the partner).</summary>
    CloseTheLoop,

    /// <summary>A promise the user said they would keep by email (mail to the person).</summary>
    Promise,

    /// <summary>A birthday: mail to the person from the draft's lead day to a few days after the birthday is the wish.</summary>
    Birthday,
}

/// <summary>
/// An open duty sent mail may answer: mail to <paramref name="EmailKey"/> sent after <paramref name="StartedAt"/>
/// (strictly: the message that started it, such as the introduction itself, answers nothing), or the product's own
/// draft for it (<paramref name="DraftId"/>) whenever and to whomever it was sent. <paramref name="SourceMessageId"/>
/// is the message the duty came from, which never answers it.
/// </summary>
public sealed record OpenDutyFacts(
    SentDutyKind Kind, string Id, string EmailKey, DateTimeOffset StartedAt, DateTimeOffset DueAt, string? DraftId = null, string? SourceMessageId = null)
{
    /// <summary>Mail to the person sent at or after this answers the duty no longer (a birthday's window closes); null: no end.</summary>
    public DateTimeOffset? EndsAt { get; init; }
}

/// <summary>A duty the evidence completes: which message showed it, and when it was sent.</summary>
public sealed record DutyCompletion(SentDutyKind Kind, string Id, string EvidenceId, DateTimeOffset At);

/// <summary>
/// Which open referral duties and promises the user's sent mail completes. Pure, like <see cref="MatchSentEvidence"/>:
/// <list type="bullet">
/// <item>The product's own draft for a duty completes that duty when it is sent, edited or not, to whomever.</item>
/// <item>A mail to a person completes, for each kind of duty, that person's earliest-due open duty of the kind started
/// before the mail was sent: a mail to a prospect is the contact, to the partner after the outcome the close-the-loop
/// note, to someone promised "by email" the promise, to someone around their birthday (inside its window) the birthday.</item>
/// </list>
/// A message completes at most one duty of a kind per person, and a duty is completed once. Follow-up steps are matched
/// separately: a thank-you that carries the promised article keeps the promise too.
/// </summary>
public static class MatchSentDuties
{
    public static IReadOnlyList<DutyCompletion> Run(IReadOnlyList<SentMessageFacts> sent, IReadOnlyList<OpenDutyFacts> open)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(open);
        var done = new HashSet<(SentDutyKind, string)>();
        var completions = new List<DutyCompletion>();

        foreach (var message in sent.OrderBy(m => m.SentAt).ThenBy(m => m.Id, StringComparer.Ordinal))
        {
            var answered = new HashSet<(SentDutyKind, string)>();
            foreach (var duty in open.Where(d => d.DraftId is not null && d.DraftId == message.Id && !done.Contains((d.Kind, d.Id))))
            {
                Complete(duty, message);
                answered.Add((duty.Kind, duty.EmailKey));
            }

            foreach (var key in message.RecipientKeys.Distinct(StringComparer.Ordinal))
            {
                var firstOfEachKind = open
                    .Where(d => d.EmailKey == key && !done.Contains((d.Kind, d.Id)) && !answered.Contains((d.Kind, key))
                        && d.StartedAt < message.SentAt && (d.EndsAt is null || message.SentAt < d.EndsAt) && d.SourceMessageId != message.Id)
                    .OrderBy(d => d.DueAt)
                    .ThenBy(d => d.Id, StringComparer.Ordinal)
                    .GroupBy(d => d.Kind)
                    .Select(g => g.First());
                foreach (var duty in firstOfEachKind)
                {
                    Complete(duty, message);
                }
            }
        }

        return completions;

        void Complete(OpenDutyFacts duty, SentMessageFacts message)
        {
            done.Add((duty.Kind, duty.Id));
            completions.Add(new DutyCompletion(duty.Kind, duty.Id, message.Id, message.SentAt));
        }
    }
}
