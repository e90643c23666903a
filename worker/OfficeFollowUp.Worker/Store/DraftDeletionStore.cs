using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

/// <summary>
/// Drafts the user asked to delete when they skipped a step: the intent is stored with the skip's answer, and the mailbox's
/// next pass deletes the draft through Graph and records what came of it (deleted, already gone, kept because it was sent).
/// </summary>
public sealed class DraftDeletionStore(Database database)
{
    /// <returns>False when a deletion was already asked for this step.</returns>
    public async Task<bool> RequestAsync(string mailboxId, string stepId, string draftId, DateTimeOffset now, CancellationToken ct) =>
        await database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO draft_deletions (step_id, mailbox_id, draft_id, status, attempts, requested_at)
            VALUES (@stepId, @mailboxId, @draftId, 'Pending', 0, @now)
            ON CONFLICT (step_id) DO NOTHING
            """, new { stepId, mailboxId, draftId, now }, ct), ct) == 1;

    public Task<IReadOnlyList<DraftDeletion>> ListPendingAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(async s => (IReadOnlyList<DraftDeletion>)[.. (await s.QueryAsync<Row>(
            "SELECT step_id, draft_id, attempts FROM draft_deletions WHERE mailbox_id = @mailboxId AND status = 'Pending' ORDER BY requested_at, step_id",
            new { mailboxId }, ct)).Select(r => new DraftDeletion(r.StepId, r.DraftId, r.Attempts))], ct);

    /// <summary>Records the outcome; a draft deleted or already gone leaves its step too, together.</summary>
    public async Task RecordAsync(DraftDeletion deletion, DraftDeletionStatus status, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        await using var session = await database.BeginAsync(ct);
        await session.ExecuteAsync("UPDATE draft_deletions SET status = @status, done_at = @now WHERE step_id = @StepId",
            new { deletion.StepId, status = status.ToString(), now }, ct);
        if (status is DraftDeletionStatus.Deleted or DraftDeletionStatus.Gone)
        {
            await session.ExecuteAsync("UPDATE follow_up_steps SET draft_id = NULL, updated_at = @now WHERE id = @StepId AND draft_id = @DraftId",
                new { deletion.StepId, deletion.DraftId, now }, ct);
        }

        await session.CommitAsync(ct);
    }

    /// <summary>A failed try: counted, and after the last one the deletion stops (the draft stays in Drafts).</summary>
    public Task FailAsync(DraftDeletion deletion, bool giveUp, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        return database.UseAsync(s => s.ExecuteAsync("""
            UPDATE draft_deletions SET attempts = attempts + 1, status = CASE WHEN @giveUp THEN 'GaveUp' ELSE status END,
                done_at = CASE WHEN @giveUp THEN @now ELSE done_at END
            WHERE step_id = @StepId
            """, new { deletion.StepId, giveUp, now }, ct), ct);
    }

    private sealed class Row
    {
        public string StepId { get; init; } = "";
        public string DraftId { get; init; } = "";
        public int Attempts { get; init; }
    }
}
