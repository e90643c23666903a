using Microsoft.Extensions.Logging;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.FollowUps;

public sealed record DraftDeletion(string StepId, string DraftId, int Attempts);

public enum DraftDeletionStatus
{
    Pending,
    Deleted,
    Gone,

    /// <summary>The user had sent it: never deleted.</summary>
    KeptSent,
    GaveUp,
}

/// <summary>
/// Deletes the unsent drafts of steps the user skipped and asked to clean up, in the mailbox's pass. A draft the user sent
/// is kept (<see cref="DraftRemover"/> checks); a try that fails is tried again on the next pass, up to
/// <see cref="MaxAttempts"/> times; a reconnect-needed answer stops the pass.
/// </summary>
public sealed partial class DeleteSkippedDrafts(DraftDeletionStore deletions, DraftRemover remover, TimeProvider time, ILogger<DeleteSkippedDrafts> logger)
{
    public const int MaxAttempts = 5;

    /// <returns>How many drafts were deleted.</returns>
    public async Task<int> RunAsync(string mailboxId, CancellationToken ct)
    {
        var deleted = 0;
        foreach (var deletion in await deletions.ListPendingAsync(mailboxId, ct))
        {
            try
            {
                var removal = await remover.DeleteUnsentAsync(deletion.DraftId, ct);
                var status = removal switch
                {
                    DraftRemoval.Deleted => DraftDeletionStatus.Deleted,
                    DraftRemoval.AlreadyGone => DraftDeletionStatus.Gone,
                    DraftRemoval.Sent => DraftDeletionStatus.KeptSent,
                    _ => throw new InvalidOperationException($"Unknown draft removal {removal}."),
                };
                await deletions.RecordAsync(deletion, status, time.GetUtcNow(), ct);
                deleted += status == DraftDeletionStatus.Deleted ? 1 : 0;
            }
            catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex) && (ex is not OperationCanceledException || !ct.IsCancellationRequested))
            {
                var failure = GraphFailures.Map(ex, time.GetUtcNow());
                var giveUp = failure.Outcome == GraphOutcome.ItemSkipped || deletion.Attempts + 1 >= MaxAttempts;
                await deletions.FailAsync(deletion, giveUp, time.GetUtcNow(), ct);
                DeleteFailed(logger, failure.Code, giveUp);
                if (failure.Outcome == GraphOutcome.ReconnectNeeded)
                {
                    break;
                }
            }
        }

        return deleted;
    }

    [LoggerMessage(2301, LogLevel.Warning, "Deleting a skipped step's draft failed ({Code}); given up: {GaveUp}.")]
    private static partial void DeleteFailed(ILogger logger, string code, bool gaveUp);
}
