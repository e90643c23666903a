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

    /// <summary>Closed with nothing made and a note on the step (no free slot for a hold). Earlier versions also closed refused requests so.</summary>
    Failed,

    /// <summary>Stopped after too many failed tries or too long failing, or refused by Graph; waits for the user's "try again".</summary>
    GaveUp,
}

/// <summary>
/// An intent for one mailbox item, for a follow-up step or (with no step) for a referral. <paramref name="Attempts"/> counts
/// failed tries. <paramref name="CreateStartedAt"/> is set, before the create call, on the first try that sent one: from then
/// on the item may exist in the mailbox, so a later try looks its tag up first.
/// </summary>
public sealed record OutboxEntry(
    string Id, string MailboxId, string? StepId, OutboxKind Kind, string Tag, int Attempts, string? ReferralId = null,
    DateTimeOffset? CreateStartedAt = null, DateTimeOffset? FirstFailedAt = null);

/// <summary>An entry that stopped: what it was, why, after how many failed tries, when.</summary>
public sealed record OutboxGaveUp(string OutboxId, OutboxKind Kind, string Reason, int Attempts, DateTimeOffset At);

/// <summary>A stopped entry for the Health view, with whom it was for (the person, the prospect or the partner).</summary>
public sealed record OutboxGaveUpItem(OutboxGaveUp GaveUp, string Who, string? StepId, string? ReferralId);

/// <summary>Entries still to be made, and how many of them have failed at least once and wait to be tried again.</summary>
public sealed record OutboxCounts(int Pending, int Retrying);

public enum OutboxRetryResult
{
    Rearmed,
    NotFound,
    NotGivenUp,
}

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
            SELECT id, mailbox_id, step_id, kind, tag, attempts, referral_id, create_started_at, first_failed_at FROM outbox
            WHERE mailbox_id = $m AND status = $pending AND next_attempt_at <= $now
            ORDER BY created_at LIMIT $limit
            """)
            .With("$m", mailboxId).With("$pending", OutboxStatus.Pending.ToString()).With("$now", now).With("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new OutboxEntry(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), Enum.Parse<OutboxKind>(reader.GetString(3)),
                reader.GetString(4), reader.GetInt32(5), reader.GetNullableString(6), reader.GetNullableTime(7), reader.GetNullableTime(8)));
        }
        return entries;
    }

    /// <summary>
    /// Committed before the create call goes out: if the process dies, or the answer is lost, after this point, the next
    /// try knows the item may exist and looks its tag up instead of creating it blindly.
    /// </summary>
    public async Task MarkCreateStartedAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE outbox SET create_started_at = COALESCE(create_started_at, $now) WHERE id = $id")
            .With("$now", now).With("$id", entry.Id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records the made item and moves its step to prepared, unless the user already closed the step.</summary>
    public async Task CompleteAsync(OutboxEntry entry, string graphId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var done = connection.Command("UPDATE outbox SET status = $s, graph_id = $g, completed_at = $now WHERE id = $id", tx)
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

    public async Task RetryLaterAsync(OutboxEntry entry, string error, int failedAttempts, DateTimeOffset? firstFailedAt, DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            UPDATE outbox SET attempts = $a, first_failed_at = $first, last_error = $e, next_attempt_at = $next WHERE id = $id
            """)
            .With("$a", failedAttempts).With("$first", firstFailedAt).With("$e", error).With("$next", nextAttemptAt).With("$id", entry.Id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stops the entry; it shows on its row and in Health with <paramref name="reason"/> until the user asks to try again.</summary>
    public async Task GiveUpAsync(OutboxEntry entry, string error, string reason, int failedAttempts, DateTimeOffset? firstFailedAt, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            UPDATE outbox SET status = $s, attempts = $a, first_failed_at = $first, last_error = $e, give_up_reason = $reason, gave_up_at = $now
            WHERE id = $id
            """)
            .With("$s", OutboxStatus.GaveUp.ToString()).With("$a", failedAttempts).With("$first", firstFailedAt).With("$e", error)
            .With("$reason", reason).With("$now", now).With("$id", entry.Id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// "Try again": a stopped entry of this mailbox is pending again with a fresh count of tries. Whether an earlier try
    /// may have reached the mailbox is kept, so the next try still looks the tag up first and makes nothing twice.
    /// </summary>
    public async Task<OutboxRetryResult> RetryAsync(string mailboxId, string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        string? status;
        await using (var read = connection.Command("SELECT status FROM outbox WHERE id = $id AND mailbox_id = $m", tx).With("$id", id).With("$m", mailboxId))
        {
            status = (string?)await read.ExecuteScalarAsync(ct);
        }

        if (status is null)
        {
            return OutboxRetryResult.NotFound;
        }

        if (status != OutboxStatus.GaveUp.ToString())
        {
            return OutboxRetryResult.NotGivenUp;
        }

        await using (var rearm = connection.Command("""
            UPDATE outbox SET status = $pending, attempts = 0, first_failed_at = NULL, gave_up_at = NULL, give_up_reason = NULL, next_attempt_at = $now
            WHERE id = $id
            """, tx).With("$pending", OutboxStatus.Pending.ToString()).With("$now", now).With("$id", id))
        {
            await rearm.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return OutboxRetryResult.Rearmed;
    }

    /// <summary>Stopped entries, newest first, with whom each was for.</summary>
    public async Task<IReadOnlyList<OutboxGaveUpItem>> ListGaveUpAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT o.id, o.kind, o.give_up_reason, o.attempts, o.gave_up_at, o.step_id, o.referral_id,
                   p.display_name, p.email, r.prospect_name, r.partner_name, r.partner_email
            FROM outbox o
            LEFT JOIN follow_up_steps s ON s.id = o.step_id
            LEFT JOIN people p ON p.mailbox_id = s.mailbox_id AND p.email_key = s.email_key
            LEFT JOIN referrals r ON r.id = o.referral_id
            WHERE o.mailbox_id = $m AND o.status = $s
            ORDER BY o.gave_up_at DESC, o.id
            """).With("$m", mailboxId).With("$s", OutboxStatus.GaveUp.ToString());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<OutboxGaveUpItem>();
        while (await reader.ReadAsync(ct))
        {
            var kind = Enum.Parse<OutboxKind>(reader.GetString(1));
            var person = NonEmpty(reader.GetNullableString(7)) ?? reader.GetNullableString(8);
            var who = kind switch
            {
                OutboxKind.ThankYouDraft or OutboxKind.BookMeetingHold => person,
                OutboxKind.ReferralIntroDraft => reader.GetNullableString(9),
                _ => NonEmpty(reader.GetNullableString(10)) ?? reader.GetNullableString(11),
            };
            items.Add(new OutboxGaveUpItem(
                new OutboxGaveUp(reader.GetString(0), kind, reader.GetNullableString(2) ?? string.Empty, reader.GetInt32(3), reader.GetTime(4)),
                who ?? string.Empty, reader.GetNullableString(5), reader.GetNullableString(6)));
        }

        return items;
    }

    public async Task<OutboxCounts> CountAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT COUNT(*), COUNT(first_failed_at) FROM outbox WHERE mailbox_id = $m AND status = $s
            """).With("$m", mailboxId).With("$s", OutboxStatus.Pending.ToString());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new OutboxCounts(reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>A stopped entry as a store query gives it: a JSON object (id, kind, reason, attempts, at) or null.</summary>
    internal static OutboxGaveUp? ReadGaveUp(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var o = document.RootElement;
        return new OutboxGaveUp(
            o.GetProperty("id").GetString()!, Enum.Parse<OutboxKind>(o.GetProperty("kind").GetString()!), o.GetProperty("reason").GetString() ?? string.Empty,
            o.GetProperty("attempts").GetInt32(), DateTimeOffset.Parse(o.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

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
