using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

public sealed record RoundResult(bool Completed, bool WasBaseline, int Contacts, int NewAcquaintances, int Skipped, GraphOutcome? Failure);

/// <summary>
/// One delta round over one contact folder. Every page is saved before the next is read; the cursor
/// moves to the delta link only when the whole round is saved. A round without a cursor (the first
/// connection, or after the cursor expired) is history: it starts no tracks.
/// </summary>
public sealed class SyncContactFolder(
    MailboxReader reader,
    SaveContactsPage savePage,
    SyncStateStore states,
    IOptions<MailboxOptions> mailboxOptions,
    TimeProvider time,
    ILogger<SyncContactFolder> logger)
{
    public static string ResourceName(string folderId) => $"contacts/{folderId}";

    public async Task<RoundResult> RunAsync(MailboxProfile profile, ContactFolderRef folder, Action<int>? progress, CancellationToken ct)
    {
        var state = await states.GetAsync(profile.MailboxId, ResourceName(folder.Id), ct);
        if (state.Stage == SyncStage.ReconnectNeeded || state.RetryAfter > time.GetUtcNow())
        {
            return new RoundResult(false, false, 0, 0, 0, null);
        }

        var result = await RunRoundAsync(profile, folder, state, progress, ct);
        if (result.Failure == GraphOutcome.CursorExpired)
        {
            // One fresh round right away; if that one fails too, the next poll tries again.
            result = await RunRoundAsync(profile, folder, await states.GetAsync(profile.MailboxId, ResourceName(folder.Id), ct), progress, ct);
        }
        return result;
    }

    private async Task<RoundResult> RunRoundAsync(MailboxProfile profile, ContactFolderRef folder, SyncState state, Action<int>? progress, CancellationToken ct)
    {
        var detect = state.Stage == SyncStage.Incremental && state.Cursor is not null;
        var link = detect ? state.Cursor : null;
        int contacts = 0, found = 0, skipped = 0;
        try
        {
            while (true)
            {
                var page = await reader.ReadContactsDeltaAsync(folder.Id, link, mailboxOptions.Value.ContactsPageSize, ct);
                var saved = await savePage.RunAsync(profile, page.Items, detect, time.GetUtcNow(), ct);
                contacts += saved.Upserted;
                found += saved.NewAcquaintances;
                skipped += page.Malformed;
                progress?.Invoke(saved.Upserted);

                if (page.NextLink is not null)
                {
                    link = page.NextLink;
                    continue;
                }

                if (page.DeltaLink is null)
                {
                    throw new InvalidDataException("A delta page carried neither a next link nor a delta link.");
                }

                if (page.Malformed > 0)
                {
                    SyncTrace.ItemsSkipped(logger, page.Malformed, "malformed");
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
                }, ct);
                return new RoundResult(true, !detect, contacts, found, skipped, null);
            }
        }
        catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex) || ex is InvalidDataException)
        {
            var failure = ex is InvalidDataException
                ? new GraphFailure(GraphOutcome.RetryLater, "invalid-page", null, null)
                : GraphFailures.Map(ex, time.GetUtcNow());
            await states.SaveAsync(Next(state, failure), ct);
            return new RoundResult(false, !detect, contacts, found, skipped, failure.Outcome);
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
                var wait = failure.RetryAfter ?? PrepareThankYouDrafts.Backoff(state.FailureCount);
                SyncTrace.RetryLater(logger, failure.Code, wait);
                return state with { FailureCount = state.FailureCount + 1, LastError = failure.Code, RetryAfter = now + wait };
            case GraphOutcome.ReconnectNeeded:
                SyncTrace.ReconnectNeeded(logger, failure.Code);
                return state with { Stage = SyncStage.ReconnectNeeded, FailureCount = state.FailureCount + 1, LastError = failure.Code };
            case GraphOutcome.ItemSkipped:
                SyncTrace.ItemsSkipped(logger, 1, failure.Code);
                return state with { FailureCount = state.FailureCount + 1, LastError = failure.Code, ItemsSkipped = state.ItemsSkipped + 1, RetryAfter = now + PrepareThankYouDrafts.Backoff(state.FailureCount) };
            default:
                throw new InvalidOperationException($"Unhandled outcome {failure.Outcome}.");
        }
    }
}
