using OfficeFollowUp.Store;

namespace OfficeFollowUp.Evidence;

/// <param name="Completed">Steps the page's mail completed.</param>
public sealed record SentPageResult(int Messages, int Completed);

/// <summary>
/// Saves what one page of Sent Items shows, in one transaction: the steps, referral duties and promises its mail
/// completes (sent, at the message's sent time) and, for every person it went to, their last contact. Replaying a page changes nothing.
/// </summary>
public sealed class SaveSentPage(Database database, EvidenceStore evidence, OutboxStore outbox)
{
    public async Task<SentPageResult> RunAsync(string mailboxId, IReadOnlyList<SentMessageFacts> sent, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.Count == 0)
        {
            return new SentPageResult(0, 0);
        }

        await using var session = await database.BeginAsync(ct);
        var open = await evidence.OpenStepsForAsync(session, mailboxId, sent, ct);
        var completed = 0;
        var thanked = new List<string>();
        foreach (var completion in MatchSentEvidence.Run(sent, open))
        {
            if (await evidence.CompleteAsync(session, completion, now, ct))
            {
                completed++;
                thanked.AddRange(open.Where(s => s.StepId == completion.StepId && s.Kind == FollowUps.FollowUpStepKind.ThankYou).Select(s => s.EmailKey));
            }
        }

        // The hold waits for the thank-you (Calendar:HoldAfter): now it is sent, the hold need not wait for its next look.
        await outbox.WakeHoldsAsync(session, mailboxId, thanked, now, ct);

        var duties = await evidence.OpenDutiesForAsync(session, mailboxId, sent, ct);
        foreach (var completion in MatchSentDuties.Run(sent, duties))
        {
            completed += await evidence.CompleteDutyAsync(session, completion, now, ct) ? 1 : 0;
        }

        foreach (var message in sent)
        {
            await evidence.TouchAsync(session, mailboxId, message.RecipientKeys, message.SentAt, ct);
        }

        await session.CommitAsync(ct);
        return new SentPageResult(sent.Count, completed);
    }
}
