using OfficeFollowUp.Store;

namespace OfficeFollowUp.Evidence;

/// <param name="Completed">Steps the page's mail completed.</param>
public sealed record SentPageResult(int Messages, int Completed);

/// <summary>
/// Saves what one page of Sent Items shows, in one transaction: the steps its mail completes (sent, at the message's
/// sent time) and, for every person it went to, their last contact. Replaying a page changes nothing.
/// </summary>
public sealed class SaveSentPage(Database database, EvidenceStore evidence)
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
        foreach (var completion in MatchSentEvidence.Run(sent, open))
        {
            completed += await evidence.CompleteAsync(session, completion, now, ct) ? 1 : 0;
        }

        foreach (var message in sent)
        {
            await evidence.TouchAsync(session, mailboxId, message.RecipientKeys, message.SentAt, ct);
        }

        await session.CommitAsync(ct);
        return new SentPageResult(sent.Count, completed);
    }
}
