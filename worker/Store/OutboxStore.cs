using Microsoft.Data.Sqlite;

namespace OfficeFollowUp.Store;

public enum OutboxKind
{
    ThankYouDraft,
    BookMeetingHold,
    ReferralIntroDraft,
    ReferralCheckInDraft,
    CloseTheLoopDraft,
}

public enum OutboxStatus
{
    Pending,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>An intent for one mailbox item, for a follow-up step or (with no step) for a referral.</summary>
public sealed record OutboxEntry(string Id, string MailboxId, string? StepId, OutboxKind Kind, string Tag, int Attempts, string? ReferralId = null);

/// <summary>Intent first, Graph call second, result third: the outbox is what makes a restart resume instead of repeat.</summary>
public sealed class OutboxStore(Database database)
{
    internal static async Task EnqueueAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, string stepId, OutboxKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7(now).ToString();
        await using var command = connection.Command("""
            INSERT INTO outbox (id, mailbox_id, step_id, kind, tag, status, attempts, next_attempt_at, created_at)
            VALUES ($id, $m, $step, $kind, $tag, $status, 0, $now, $now)
            """, tx)
            .With("$id", id).With("$m", mailboxId).With("$step", stepId).With("$kind", kind.ToString())
            .With("$tag", $"ofu-{stepId}").With("$status", OutboxStatus.Pending.ToString()).With("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A referral's draft, made no earlier than <paramref name="notBefore"/>. The tag names the referral and
    /// the purpose, so asking twice for the same draft (the same outcome recorded again) enqueues nothing.
    /// </summary>
    internal static async Task<bool> EnqueueForReferralAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, string referralId, OutboxKind kind, string purpose, DateTimeOffset notBefore, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command("""
            INSERT INTO outbox (id, mailbox_id, referral_id, kind, tag, status, attempts, next_attempt_at, created_at)
            VALUES ($id, $m, $ref, $kind, $tag, $status, 0, $next, $now)
            ON CONFLICT (tag) DO NOTHING
            """, tx)
            .With("$id", Guid.CreateVersion7(now).ToString()).With("$m", mailboxId).With("$ref", referralId).With("$kind", kind.ToString())
            .With("$tag", ReferralTag(referralId, purpose)).With("$status", OutboxStatus.Pending.ToString())
            .With("$next", (notBefore > now ? notBefore : now).ToUniversalTime()).With("$now", now);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public static string ReferralTag(string referralId, string purpose) => $"ofu-ref-{referralId}-{purpose}";

    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(string mailboxId, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT id, mailbox_id, step_id, kind, tag, attempts, referral_id FROM outbox
            WHERE mailbox_id = $m AND status = $pending AND next_attempt_at <= $now
            ORDER BY created_at LIMIT $limit
            """)
            .With("$m", mailboxId).With("$pending", OutboxStatus.Pending.ToString()).With("$now", now).With("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new OutboxEntry(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), Enum.Parse<OutboxKind>(reader.GetString(3)), reader.GetString(4), reader.GetInt32(5), reader.GetNullableString(6)));
        }
        return entries;
    }

    /// <summary>Records the made item and moves its step to prepared, unless the user already closed the step.</summary>
    public async Task CompleteAsync(OutboxEntry entry, string graphId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var done = connection.Command("UPDATE outbox SET status = $s, graph_id = $g, completed_at = $now, attempts = attempts + 1 WHERE id = $id", tx)
            .With("$s", OutboxStatus.Completed.ToString()).With("$g", graphId).With("$now", now).With("$id", entry.Id))
        {
            await done.ExecuteNonQueryAsync(ct);
        }
        if (entry.ReferralId is { } referralId)
        {
            var referralColumn = entry.Kind switch
            {
                OutboxKind.ReferralIntroDraft => "intro_draft_id",
                OutboxKind.ReferralCheckInDraft => "check_in_draft_id",
                OutboxKind.CloseTheLoopDraft => "close_draft_id",
                _ => throw new InvalidOperationException($"Outbox kind {entry.Kind} is not a referral draft."),
            };
            await using (var referral = connection.Command($"UPDATE referrals SET {referralColumn} = $g, updated_at = $now WHERE id = $id", tx)
                .With("$g", graphId).With("$now", now).With("$id", referralId))
            {
                await referral.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            return;
        }

        var column = entry.Kind switch
        {
            OutboxKind.ThankYouDraft => "draft_id",
            OutboxKind.BookMeetingHold => "hold_event_id",
            _ => throw new InvalidOperationException($"Unknown outbox kind {entry.Kind}."),
        };
        await using (var step = connection.Command($"""
            UPDATE follow_up_steps SET {column} = $g, updated_at = $now, note = NULL,
                state = CASE WHEN state = 'Pending' THEN 'Prepared' ELSE state END
            WHERE id = $step
            """, tx).With("$g", graphId).With("$now", now).With("$step", entry.StepId))
        {
            await step.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task RetryLaterAsync(OutboxEntry entry, string error, DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE outbox SET attempts = attempts + 1, last_error = $e, next_attempt_at = $next WHERE id = $id")
            .With("$e", error).With("$next", nextAttemptAt).With("$id", entry.Id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Closes the entry and leaves a note on its step for the user (e.g. no free slot: book it yourself).</summary>
    public async Task CloseWithNoteAsync(OutboxEntry entry, OutboxStatus status, string error, string note, DateTimeOffset now, CancellationToken ct)
    {
        await CloseAsync(entry, status, error, now, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE follow_up_steps SET note = $note, updated_at = $now WHERE id = $id")
            .With("$note", note).With("$now", now).With("$id", entry.StepId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task CloseAsync(OutboxEntry entry, OutboxStatus status, string? error, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE outbox SET status = $s, last_error = $e, completed_at = $now WHERE id = $id")
            .With("$s", status.ToString()).With("$e", error).With("$now", now).With("$id", entry.Id);
        await command.ExecuteNonQueryAsync(ct);
    }
}
