using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Outbox;

public sealed record OutboxRun(int Drafts, int Holds, int Waiting, int Failed, bool ReconnectNeeded, int GaveUp = 0);

/// <summary>What one outbox entry came to: the mailbox item's id, or why there is none.</summary>
public sealed record OutboxOutcome(string? GraphId, string? Note = null)
{
    /// <summary>The item is no longer wanted (the user acted first): nothing is written, the entry is closed.</summary>
    public static OutboxOutcome NoLongerWanted { get; } = new(GraphId: null) { Cancelled = true };

    public bool Cancelled { get; init; }

    /// <summary>For a draft just made: its conversation and internet message ids, which survive sending.</summary>
    public MadeDraft? Draft { get; init; }

    /// <summary>For a hold just made: when it starts.</summary>
    public DateTimeOffset? HoldStartsAt { get; init; }

    /// <summary>Not yet: the entry is looked at again then, and no try is counted (a hold whose person is not ready).</summary>
    public DateTimeOffset? WaitUntil { get; init; }
}

/// <summary>
/// Works the outbox, exactly once per item. Before a create call goes out the entry records, committed, that it did; a
/// later try of an entry whose create may have reached the mailbox (the answer was lost: a gateway's 503/504, a dropped
/// connection, a crash) looks the item up by its tag before creating anything, and a first try creates at once. The SDK
/// never retries a draft create by itself (<see cref="DraftWriter"/>); event creates carry a transactionId, which Graph
/// honours, so its retries are safe there. Up to <see cref="OutboxOptions.Concurrency"/> items of a mailbox are worked at
/// once. The Graph failure switch is <see cref="DecideOutboxRetry"/>, once.
/// </summary>
public sealed class WorkOutbox(
    Database database,
    OutboxStore outbox,
    FollowUpStore followUps,
    ReferralStore referrals,
    TaggedItems tagged,
    DraftWriter draftWriter,
    HoldWriter holdWriter,
    PrepareThankYouDraft drafts,
    BookMeetingHold holds,
    PrepareReferralDraft referralDrafts,
    KeepInTouch.PrepareBirthdayDraft birthdayDrafts,
    BirthdayDraftStore birthdays,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<WorkOutbox> logger)
{
    private const int BatchSize = 50;

    /// <summary>A pass works at most this many items, so a burst cannot hold up the next sync round for long.</summary>
    private const int MaxPerRun = 200;

    public async Task<OutboxRun> RunAsync(MailboxProfile profile, CancellationToken ct)
    {
        var tally = new Tally();
        var claims = new HoldSlotClaims();
        // Only what was due when the pass began: an item tried again within the pass waits for the next one.
        var startedAt = time.GetUtcNow();
        // Application mode addresses the mailbox through an AsyncLocal scope; each lane enters it again explicitly.
        var mailbox = MailboxScope.Current;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct };
        while (tally.Worked < MaxPerRun && !tally.ReconnectNeeded)
        {
            var due = await outbox.ClaimDueAsync(
                profile.MailboxId, startedAt, time.GetUtcNow(), options.Value.ClaimLease, Math.Min(BatchSize, MaxPerRun - tally.Worked), ct);
            if (due.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(due, parallel, async (entry, token) =>
            {
                if (tally.ReconnectNeeded)
                {
                    return;
                }

                using var scope = mailbox is null ? null : MailboxScope.Enter(mailbox);
                tally.Add(await WorkOneAsync(entry, profile, claims, token));
            });
        }

        return tally.ToRun();
    }

    private async Task<ItemResult> WorkOneAsync(OutboxEntry entry, MailboxProfile profile, HoldSlotClaims claims, CancellationToken ct)
    {
        FollowUpItem? step = null;
        if (entry.StepId is { } stepId)
        {
            step = await followUps.GetAsync(stepId, ct);
            if (step is null || step.State is FollowUpState.Done or FollowUpState.Skipped)
            {
                // The user closed the step before the item was made: their word wins, nothing is written.
                await outbox.CloseAsync(entry, OutboxStatus.Cancelled, null, time.GetUtcNow(), ct);
                return ItemResult.Cancelled;
            }
        }

        try
        {
            var outcome = await MakeAsync(entry, step, profile, claims, ct);
            if (outcome.Cancelled)
            {
                await outbox.CloseAsync(entry, OutboxStatus.Cancelled, null, time.GetUtcNow(), ct);
                return ItemResult.Cancelled;
            }

            if (outcome.WaitUntil is { } until)
            {
                await outbox.DeferAsync(entry, until, ct);
                return ItemResult.Waiting;
            }

            if (outcome.GraphId is { } id)
            {
                await RecordMadeAsync(entry, id, ct, outcome.Draft, outcome.HoldStartsAt);
                return entry.Kind == OutboxKind.BookMeetingHold ? ItemResult.Hold : ItemResult.Draft;
            }

            await CloseWithNoteAsync(entry, outcome.Note ?? "Nothing could be prepared.", ct);
            return ItemResult.Noted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (!GraphFailures.IsGraphOrTransport(ex))
            {
                // A bug or a store failure, not Graph: logged, and it counts as a failed try so it cannot block the outbox forever.
                OutboxTrace.ItemFailedUnexpectedly(logger, entry.Kind, ex);
            }

            var failure = GraphFailures.Map(ex, now);
            var decision = DecideOutboxRetry.Run(failure, entry.Attempts, entry.FirstFailedAt, now, options.Value);
            if (decision.GiveUp)
            {
                await outbox.GiveUpAsync(entry, failure.Code, decision.Reason!, decision.FailedAttempts, decision.FirstFailedAt, now, ct);
                OutboxTrace.GaveUp(logger, entry.Kind, failure.Code, decision.FailedAttempts);
                return ItemResult.GaveUp;
            }

            await outbox.RetryLaterAsync(entry, failure.Code, decision.FailedAttempts, decision.FirstFailedAt, decision.NextAttemptAt, ct);
            return failure.Outcome == GraphOutcome.ReconnectNeeded ? ItemResult.Reconnect : ItemResult.Waiting;
        }
    }

    private async Task<OutboxOutcome> MakeAsync(OutboxEntry entry, FollowUpItem? step, MailboxProfile profile, HoldSlotClaims claims, CancellationToken ct)
    {
        if (entry.CreateStartedAt is not null)
        {
            // An earlier try sent its create and did not hear back, or the process stopped after sending it: it may be there.
            if (entry.Kind == OutboxKind.BookMeetingHold)
            {
                // The hold's own start is read from the event, so its row says "Hold: Thu 2:45 PM" as for a hold just made.
                if (await tagged.FindHoldAsync(entry.Tag, ct) is { } hold)
                {
                    return new OutboxOutcome(hold.Id) { HoldStartsAt = hold.Start };
                }
            }
            else if (await tagged.FindAsync(entry.Tag, inCalendar: false, ct) is { } found)
            {
                return new OutboxOutcome(found);
            }
        }

        switch (entry.Kind)
        {
            case OutboxKind.ThankYouDraft:
                var made = await CreateDraftAsync(entry, await drafts.ComposeAsync(step!, profile, ct), ct);
                return new OutboxOutcome(made.Id) { Draft = made };
            case OutboxKind.BookMeetingHold:
                var plan = await holds.PlanAsync(step!, profile, claims, ct);
                if (plan.WaitUntil is { } waitUntil)
                {
                    return new OutboxOutcome(null) { WaitUntil = waitUntil };
                }

                if (plan.Hold is null)
                {
                    return new OutboxOutcome(null, plan.Note);
                }

                await outbox.MarkCreateStartedAsync(entry, time.GetUtcNow(), ct);
                return new OutboxOutcome(await holdWriter.CreateAsync(plan.Hold, entry.Tag, ct)) { HoldStartsAt = plan.Hold.Slot.Start };
            case OutboxKind.ReferralIntroDraft or OutboxKind.ReferralCheckInDraft or OutboxKind.CloseTheLoopDraft:
                var content = await referralDrafts.ComposeAsync(entry, profile, ct);
                return content is null ? OutboxOutcome.NoLongerWanted : new OutboxOutcome((await CreateDraftAsync(entry, content, ct)).Id);
            case OutboxKind.BirthdayDraft:
                var note = await birthdayDrafts.ComposeAsync(entry, profile, ct);
                if (note is null)
                {
                    return OutboxOutcome.NoLongerWanted;
                }

                var birthdayDraft = await CreateDraftAsync(entry, note, ct);
                return new OutboxOutcome(birthdayDraft.Id) { Draft = birthdayDraft };
            default:
                throw new InvalidOperationException($"Unknown outbox kind {entry.Kind}.");
        }
    }

    /// <summary>The entry is complete and its item is on its referral, its birthday, or its step (prepared, unless the user already closed it), together.</summary>
    private async Task RecordMadeAsync(OutboxEntry entry, string graphId, CancellationToken ct, MadeDraft? draft = null, DateTimeOffset? holdStartsAt = null)
    {
        var now = time.GetUtcNow();
        await using var session = await database.BeginAsync(ct);
        await outbox.CompleteAsync(session, entry, graphId, now, ct);
        if (entry.ReferralId is { } referralId)
        {
            await referrals.SetDraftAsync(session, referralId, entry.Kind, graphId, now, ct);
        }
        else if (entry.BirthdayId is { } birthdayId)
        {
            await birthdays.MarkPreparedAsync(session, birthdayId, graphId, draft, now, ct);
        }
        else
        {
            await followUps.MarkPreparedAsync(session, entry.StepId!, entry.Kind, graphId, now, ct, draft?.ConversationId, draft?.InternetMessageId, holdStartsAt);
        }

        await session.CommitAsync(ct);
    }

    /// <summary>Nothing was made (no free slot for a hold): the entry closes, and its step says why and what to do, together.</summary>
    private async Task CloseWithNoteAsync(OutboxEntry entry, string note, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await database.BeginAsync(ct);
        await outbox.CloseAsync(session, entry, OutboxStatus.Failed, "nothing-made", now, ct);
        if (entry.StepId is { } stepId)
        {
            await followUps.SetNoteAsync(session, stepId, note, now, ct);
        }

        await session.CommitAsync(ct);
    }

    private async Task<MadeDraft> CreateDraftAsync(OutboxEntry entry, DraftContent content, CancellationToken ct)
    {
        await outbox.MarkCreateStartedAsync(entry, time.GetUtcNow(), ct);
        return await draftWriter.CreateDraftAsync(content, entry.Tag, ct);
    }

    private enum ItemResult
    {
        Draft,
        Hold,
        Cancelled,
        Noted,
        Waiting,
        GaveUp,
        Reconnect,
    }

    /// <summary>Counts from the lanes of one pass.</summary>
    private sealed class Tally
    {
        private int _drafts;
        private int _holds;
        private int _waiting;
        private int _failed;
        private int _gaveUp;
        private int _worked;
        private int _reconnect;

        public int Worked => Volatile.Read(ref _worked);

        public bool ReconnectNeeded => Volatile.Read(ref _reconnect) != 0;

        public void Add(ItemResult result)
        {
            Interlocked.Increment(ref _worked);
            _ = result switch
            {
                ItemResult.Draft => Interlocked.Increment(ref _drafts),
                ItemResult.Hold => Interlocked.Increment(ref _holds),
                ItemResult.Noted => Interlocked.Increment(ref _failed),
                ItemResult.Waiting => Interlocked.Increment(ref _waiting),
                ItemResult.GaveUp => Interlocked.Increment(ref _gaveUp),
                ItemResult.Reconnect => Interlocked.Increment(ref _waiting) + Interlocked.Exchange(ref _reconnect, 1),
                ItemResult.Cancelled => 0,
                _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
            };
        }

        public OutboxRun ToRun() => new(_drafts, _holds, _waiting, _failed, ReconnectNeeded, _gaveUp);
    }
}
