using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

/// <summary>What one saved page of a delta round tells the runner.</summary>
public sealed record SavedPage(string? NextLink, string? DeltaLink, int Saved, int NewItems, int Malformed);

public sealed record RoundResult(bool Completed, bool WasBaseline, int Items, int NewItems, int Skipped, GraphOutcome? Failure);

/// <summary>
/// Runs delta rounds for any resource: every page is saved before the next is read; the cursor
/// moves to the delta link only when the whole round is saved. A round without a cursor (first
/// connection, expired cursor, moved window) is history: the page callback is told not to detect.
/// Every Graph failure goes through the one switch below.
/// </summary>
public sealed class DeltaRound(SyncStateStore states, IOptions<MailboxOptions> mailboxOptions, TimeProvider time, ILogger<DeltaRound> logger)
{
    /// <param name="readAndSave">Reads the page at the link (null: the round's first request) and saves it; the bool says whether to detect news.</param>
    public async Task<RoundResult> RunAsync(
        string mailboxId,
        string resource,
        string? window,
        Func<string?, bool, CancellationToken, Task<SavedPage>> readAndSave,
        CancellationToken ct)
    {
        var state = await states.GetAsync(mailboxId, resource, ct);
        if (state.Stage == SyncStage.ReconnectNeeded || state.RetryAfter > time.GetUtcNow())
        {
            return new RoundResult(false, false, 0, 0, 0, null);
        }

        if (state.Cursor is not null && !string.Equals(state.Window, window, StringComparison.Ordinal))
        {
            // The window moved: the old cursor covers other dates. One fresh round, nothing in it is news.
            state = state with { Stage = SyncStage.Initial, Cursor = null };
        }

        var result = await RunOnceAsync(state, window, readAndSave, ct);
        if (result.Failure == GraphOutcome.CursorExpired)
        {
            result = await RunOnceAsync(await states.GetAsync(mailboxId, resource, ct), window, readAndSave, ct);
        }
        return result;
    }

    private async Task<RoundResult> RunOnceAsync(SyncState state, string? window, Func<string?, bool, CancellationToken, Task<SavedPage>> readAndSave, CancellationToken ct)
    {
        var detect = state.Stage == SyncStage.Incremental && state.Cursor is not null;
        var link = detect ? state.Cursor : null;
        int items = 0, found = 0, skipped = 0;
        try
        {
            while (true)
            {
                var page = await readAndSave(link, detect, ct);
                items += page.Saved;
                found += page.NewItems;
                skipped += page.Malformed;

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
                    SyncTrace.ItemsSkipped(logger, skipped, "malformed");
                }

                await states.SaveAsync(state with
                {
                    Stage = SyncStage.Incremental,
                    Cursor = page.DeltaLink,
                    FailureCount = 0,
                    LastSuccessAt = time.GetUtcNow(),
                    LastError = null,
                    RetryAfter = null,
                    ItemsSkipped = state.ItemsSkipped + skipped,
                    Window = window,
                }, ct);
                return new RoundResult(true, !detect, items, found, skipped, null);
            }
        }
        catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex) || ex is InvalidDataException)
        {
            var failure = ex is InvalidDataException
                ? new GraphFailure(GraphOutcome.RetryLater, "invalid-page", null, null)
                : GraphFailures.Map(ex, time.GetUtcNow());
            await states.SaveAsync(Next(state, failure), ct);
            return new RoundResult(false, !detect, items, found, skipped, failure.Outcome);
        }
    }

    /// <summary>The one switch over Graph outcomes for a sync round.</summary>
    private SyncState Next(SyncState state, GraphFailure failure)
    {
        var now = time.GetUtcNow();
        switch (failure.Outcome)
        {
            case GraphOutcome.CursorExpired:
                SyncTrace.CursorExpired(logger, failure.Code);
                return state with { Stage = SyncStage.Initial, Cursor = null, LastError = failure.Code, RetryAfter = null };
            case GraphOutcome.RetryLater:
                var wait = failure.RetryAfter ?? WorkOutbox.Backoff(state.FailureCount);
                SyncTrace.RetryLater(logger, failure.Code, wait);
                return state with { FailureCount = state.FailureCount + 1, LastError = failure.Code, RetryAfter = now + wait };
            case GraphOutcome.ReconnectNeeded:
                SyncTrace.ReconnectNeeded(logger, failure.Code, ReconnectAdvice.For(mailboxOptions.Value));
                return state with { Stage = SyncStage.ReconnectNeeded, FailureCount = state.FailureCount + 1, LastError = failure.Code };
            case GraphOutcome.ItemSkipped:
                SyncTrace.ItemsSkipped(logger, 1, failure.Code);
                return state with { FailureCount = state.FailureCount + 1, LastError = failure.Code, ItemsSkipped = state.ItemsSkipped + 1, RetryAfter = now + WorkOutbox.Backoff(state.FailureCount) };
            default:
                throw new InvalidOperationException($"Unhandled outcome {failure.Outcome}.");
        }
    }
}
