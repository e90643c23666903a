using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

/// <summary>What a round is, and so what its pages mean.</summary>
public enum RoundKind
{
    /// <summary>The very first round of a resource: what it reads is history.</summary>
    Baseline,

    /// <summary>From a cursor: what it reads changed since the last round, and new items are news.</summary>
    Incremental,

    /// <summary>
    /// A fresh round past the baseline (the cursor expired or the window moved): items the store has never seen are
    /// news, exactly as in an incremental round, and stored items the complete round did not name were removed.
    /// </summary>
    Reconcile,
}

/// <summary>What one saved page of a delta round tells the runner.</summary>
/// <param name="NewItems">What the page started (new acquaintances for contacts).</param>
/// <param name="Present">Ids of the items the page named as present, readable or not: a reconcile round removes stored items outside this set.</param>
/// <param name="Malformed">Items skipped: sent in a shape the worker cannot read, or (contacts) new with no usable address.</param>
/// <param name="Unseen">Items on the page the store had never seen.</param>
public sealed record SavedPage(
    string? NextLink, string? DeltaLink, int Saved, int NewItems, int Malformed,
    IReadOnlyCollection<string>? Present = null, int Unseen = 0);

public sealed record RoundResult(bool Completed, RoundKind Kind, int Items, int NewItems, int Skipped, GraphOutcome? Failure, ResyncSummary? Resync = null)
{
    public bool WasBaseline => Kind == RoundKind.Baseline;
}

/// <summary>
/// Marks removed the stored items of the resource that a complete reconcile round did not name; returns how many.
/// Runs in the transaction that stores the round's cursor.
/// </summary>
public delegate Task<int> RemoveMissing(StoreSession session, IReadOnlySet<string> present, DateTimeOffset now, CancellationToken ct);

/// <summary>One resource a delta round runs over.</summary>
/// <param name="Subject">How the log names the resource: "contacts", "calendar".</param>
/// <param name="Noun">How the log counts its items: "contacts", "events".</param>
/// <param name="ReadAndSave">Reads the page at the link (null: the round's first request) and saves it as the round kind says.</param>
public sealed record DeltaResource(
    string MailboxId,
    string Resource,
    string? Window,
    string Subject,
    string Noun,
    Func<string?, RoundKind, CancellationToken, Task<SavedPage>> ReadAndSave,
    RemoveMissing RemoveMissing);

/// <summary>
/// Runs delta rounds for any resource: every page is saved before the next is read; the cursor moves to the
/// delta link only when the whole round is saved. Only the first round of a resource is history. A round
/// without a usable cursor after that (expired cursor, moved window) reconciles with the store, and removes
/// what it did not see only once it has read everything. Every Graph failure goes through the one switch below.
/// </summary>
public sealed class DeltaRound(Database database, SyncStateStore states, IOptions<MailboxOptions> mailboxOptions, TimeProvider time, ILogger<DeltaRound> logger)
{
    public async Task<RoundResult> RunAsync(DeltaResource resource, CancellationToken ct)
    {
        var state = await states.GetAsync(resource.MailboxId, resource.Resource, ct);
        if (state.Stage == SyncStage.ReconnectNeeded || state.RetryAfter > time.GetUtcNow())
        {
            return new RoundResult(false, KindOf(state), 0, 0, 0, null);
        }

        if (state.Stage == SyncStage.Incremental && !string.Equals(state.Window, resource.Window, StringComparison.Ordinal))
        {
            // The window moved: the old cursor covers other dates. One fresh round over the new window, reconciled
            // with the store — after a week offline this, not a 410, is how the calendar learns what changed.
            state = state with { Stage = SyncStage.Resync, PendingResync = ResyncReason.WindowMoved, Cursor = null };
        }

        var result = await RunOnceAsync(state, resource, ct);
        if (result.Failure == GraphOutcome.CursorExpired)
        {
            result = await RunOnceAsync(await states.GetAsync(resource.MailboxId, resource.Resource, ct), resource, ct);
        }
        return result;
    }

    private static RoundKind KindOf(SyncState state) => state.Stage switch
    {
        SyncStage.Incremental when state.Cursor is not null => RoundKind.Incremental,
        SyncStage.Resync or SyncStage.Incremental => RoundKind.Reconcile,
        _ => RoundKind.Baseline,
    };

    private async Task<RoundResult> RunOnceAsync(SyncState state, DeltaResource resource, CancellationToken ct)
    {
        var kind = KindOf(state);
        var link = kind == RoundKind.Incremental ? state.Cursor : null;
        int items = 0, found = 0, skipped = 0, unseen = 0;

        // Held in memory for one round only: an interrupted round starts again from its first page, so what an
        // earlier attempt saw never counts as seen by a later one.
        var present = kind == RoundKind.Reconcile ? new HashSet<string>(StringComparer.Ordinal) : null;
        try
        {
            while (true)
            {
                var page = await resource.ReadAndSave(link, kind, ct);
                items += page.Saved;
                found += page.NewItems;
                skipped += page.Malformed;
                unseen += page.Unseen;
                present?.UnionWith(page.Present ?? []);

                if (page.NextLink is not null)
                {
                    link = page.NextLink;
                    continue;
                }

                if (page.DeltaLink is null)
                {
                    throw new InvalidDataException("A delta page carried neither a next link nor a delta link.");
                }

                if (skipped > 0)
                {
                    SyncTrace.ItemsSkipped(logger, skipped, "unreadable, or no usable address");
                }

                var now = time.GetUtcNow();
                var finished = state with
                {
                    Stage = SyncStage.Incremental,
                    Cursor = page.DeltaLink,
                    FailureCount = 0,
                    LastSuccessAt = now,
                    LastError = null,
                    RetryAfter = null,
                    ItemsSkipped = state.ItemsSkipped + skipped,
                    Window = resource.Window,
                    PendingResync = null,
                };
                if (present is null)
                {
                    await states.SaveAsync(finished, ct);
                    return new RoundResult(true, kind, items, found, skipped, null);
                }

                var summary = await FinishReconcileAsync(finished, resource, present, unseen, state.PendingResync ?? ResyncReason.CursorExpired, now, ct);
                return new RoundResult(true, kind, items, found, skipped, null, summary);
            }
        }
        catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex) || ex is InvalidDataException)
        {
            var failure = ex is InvalidDataException
                ? new GraphFailure(GraphOutcome.RetryLater, "invalid-page", null, null)
                : GraphFailures.Map(ex, time.GetUtcNow());
            await states.SaveAsync(Next(state, failure, resource.Subject), ct);
            return new RoundResult(false, kind, items, found, skipped, failure.Outcome);
        }
    }

    /// <summary>The round read everything: what it did not name is gone. Removal and the new cursor commit together.</summary>
    private async Task<ResyncSummary> FinishReconcileAsync(
        SyncState finished, DeltaResource resource, IReadOnlySet<string> present, int unseen, ResyncReason reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await database.BeginAsync(ct);
        var removed = await resource.RemoveMissing(session, present, now, ct);
        var summary = new ResyncSummary(now, reason, present.Count, unseen, removed);
        await states.SaveAsync(session, finished with { LastResync = summary }, ct);
        await session.CommitAsync(ct);

        if (reason == ResyncReason.WindowMoved)
        {
            SyncTrace.WindowMovedReconciled(logger, summary.Read, resource.Noun, summary.New, summary.Removed);
        }
        else
        {
            SyncTrace.CursorExpiredReconciled(logger, resource.Subject, summary.Read, resource.Noun, summary.New, summary.Removed);
        }
        return summary;
    }

    /// <summary>The one switch over Graph outcomes for a sync round.</summary>
    private SyncState Next(SyncState state, GraphFailure failure, string subject)
    {
        var now = time.GetUtcNow();
        switch (failure.Outcome)
        {
            case GraphOutcome.CursorExpired:
                SyncTrace.CursorExpired(logger, subject, failure.Code);
                // Only a resource that never finished a round is still at its baseline; past it, the fresh round reconciles.
                return state.Stage == SyncStage.Initial
                    ? state with { Cursor = null, LastError = failure.Code, RetryAfter = null }
                    : state with { Stage = SyncStage.Resync, PendingResync = ResyncReason.CursorExpired, Cursor = null, LastError = failure.Code, RetryAfter = null };
            case GraphOutcome.RetryLater:
                var wait = failure.RetryAfter ?? RetryBackoff.After(state.FailureCount);
                SyncTrace.RetryLater(logger, failure.Code, wait);
                return state with { FailureCount = state.FailureCount + 1, LastError = failure.Code, RetryAfter = now + wait };
            case GraphOutcome.ReconnectNeeded:
                SyncTrace.ReconnectNeeded(logger, failure.Code, ReconnectAdvice.For(mailboxOptions.Value));
                return state with { Stage = SyncStage.ReconnectNeeded, FailureCount = state.FailureCount + 1, LastError = failure.Code };
            case GraphOutcome.ItemSkipped:
                SyncTrace.ItemsSkipped(logger, 1, failure.Code);
                return state with { FailureCount = state.FailureCount + 1, LastError = failure.Code, ItemsSkipped = state.ItemsSkipped + 1, RetryAfter = now + RetryBackoff.After(state.FailureCount) };
            default:
                throw new InvalidOperationException($"Unhandled outcome {failure.Outcome}.");
        }
    }
}
