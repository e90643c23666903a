using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.FollowUps;

public sealed record OutboxRun(int Drafts, int Holds, int Waiting, int Failed, bool ReconnectNeeded, int GaveUp = 0);

/// <summary>What one outbox entry came to: the mailbox item's id, or why there is none.</summary>
public sealed record OutboxOutcome(string? GraphId, string? Note = null)
{
    /// <summary>The item is no longer wanted (the user acted first): nothing is written, the entry is closed.</summary>
    public static OutboxOutcome NoLongerWanted { get; } = new(GraphId: null) { Cancelled = true };

    public bool Cancelled { get; init; }
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
    DraftWriter draftWriter,
    HoldWriter holdWriter,
    PrepareThankYouDraft drafts,
    BookMeetingHold holds,
    PrepareReferralDraft referralDrafts,
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
            var due = await outbox.DueAsync(profile.MailboxId, startedAt, Math.Min(BatchSize, MaxPerRun - tally.Worked), ct);
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

    /// <summary>The backoff the sync shares with the outbox; see <see cref="DecideOutboxRetry.Backoff"/>.</summary>
    internal static TimeSpan Backoff(int attempts) => DecideOutboxRetry.Backoff(attempts);

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

            if (outcome.GraphId is { } id)
            {
                await RecordMadeAsync(entry, id, ct);
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
            var found = entry.Kind == OutboxKind.BookMeetingHold
                ? await holdWriter.FindByTagAsync(entry.Tag, ct)
                : await draftWriter.FindByTagAsync(entry.Tag, ct);
            if (found is not null)
            {
                return new OutboxOutcome(found);
            }
        }

        switch (entry.Kind)
        {
            case OutboxKind.ThankYouDraft:
                return new OutboxOutcome(await CreateDraftAsync(entry, await drafts.ComposeAsync(step!, profile, ct), ct));
            case OutboxKind.BookMeetingHold:
                var plan = await holds.PlanAsync(step!, profile, claims, ct);
                if (plan.Hold is null)
                {
                    return new OutboxOutcome(null, plan.Note);
                }

                await outbox.MarkCreateStartedAsync(entry, time.GetUtcNow(), ct);
                return new OutboxOutcome(await holdWriter.CreateAsync(plan.Hold, entry.Tag, ct));
            case OutboxKind.ReferralIntroDraft or OutboxKind.ReferralCheckInDraft or OutboxKind.CloseTheLoopDraft:
                var content = await referralDrafts.ComposeAsync(entry, profile, ct);
                return content is null ? OutboxOutcome.NoLongerWanted : new OutboxOutcome(await CreateDraftAsync(entry, content, ct));
            default:
                throw new InvalidOperationException($"Unknown outbox kind {entry.Kind}.");
        }
    }

    /// <summary>The entry is complete and its item is on its referral, or on its step (prepared, unless the user already closed it), together.</summary>
    private async Task RecordMadeAsync(OutboxEntry entry, string graphId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await database.BeginAsync(ct);
        await outbox.CompleteAsync(session, entry, graphId, now, ct);
        if (entry.ReferralId is { } referralId)
        {
            await referrals.SetDraftAsync(session, referralId, entry.Kind, graphId, now, ct);
        }
        else
        {
            await followUps.MarkPreparedAsync(session, entry.StepId!, entry.Kind, graphId, now, ct);
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

    private async Task<string> CreateDraftAsync(OutboxEntry entry, DraftContent content, CancellationToken ct)
    {
        await outbox.MarkCreateStartedAsync(entry, time.GetUtcNow(), ct);
        return await draftWriter.CreateAsync(content, entry.Tag, ct);
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

/// <summary>
/// Slots taken by holds of one outbox pass. Holds are worked concurrently, and a free/busy read does not show a hold
/// another lane is creating at that moment; claiming the slot here keeps two holds off one slot.
/// </summary>
public sealed class HoldSlotClaims
{
    private readonly Lock _gate = new();
    private readonly List<TimeWindow> _claimed = [];

    /// <summary>Runs <paramref name="find"/> with the slots already claimed, and claims what it returns.</summary>
    public TimeWindow? Claim(Func<IReadOnlyList<TimeWindow>, TimeWindow?> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        lock (_gate)
        {
            var slot = find(_claimed);
            if (slot is not null)
            {
                _claimed.Add(slot);
            }

            return slot;
        }
    }
}

/// <summary>The thank-you note for the 24-hour step.</summary>
public sealed class PrepareThankYouDraft(Settings.EffectiveSettings settings)
{
    public async Task<DraftContent> ComposeAsync(FollowUpItem step, MailboxProfile profile, CancellationToken ct)
    {
        var signature = (await settings.ForAsync(profile.MailboxId, ct)).FollowUps.Signature;
        return ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            step.Email, step.DisplayName, step.GivenName, step.CompanyName,
            profile.DisplayName, profile.GivenName, signature, step.EventSubject, step.Remember, step.Promised));
    }
}

/// <summary>A hold to place, or the note for the user when there is no slot for one.</summary>
public sealed record HoldPlan(HoldContent? Hold, string? Note);

/// <summary>
/// The 30-day step: the first free slot of the configured length in the user's working hours, from
/// tomorrow until the step is due, as a private tentative hold with no attendees. No slot: a note
/// for the user instead of a hold at an impossible time.
/// </summary>
public sealed class BookMeetingHold(CalendarReader calendar, Settings.EffectiveSettings effective, TimeProvider time)
{
    public async Task<HoldPlan> PlanAsync(FollowUpItem step, MailboxProfile profile, HoldSlotClaims claims, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(claims);
        var settings = (await effective.ForAsync(profile.MailboxId, ct)).Calendar;
        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var from = time.GetUtcNow().AddDays(1);
        var until = step.DueAt;
        var noSlot = $"No free {settings.MeetingLength.TotalMinutes:0}-minute slot in your working hours before it is due; book the one-to-one yourself.";
        if (until <= from || profile.OwnAddresses.Count == 0)
        {
            return new HoldPlan(null, noSlot);
        }

        var (busy, week) = await calendar.ReadScheduleAsync(profile.OwnAddresses[0], new TimeWindow(from, until), ct);
        week ??= new WorkingWeek(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            new TimeOnly(9, 0), new TimeOnly(17, 0), zone);
        var busyTimes = BusyTimes.From(busy);
        var slot = claims.Claim(claimed => FindFreeSlot.Run([.. busyTimes, .. claimed], week, from, until, settings.MeetingLength, settings.MeetingBuffer));
        if (slot is null)
        {
            return new HoldPlan(null, noSlot);
        }

        var (subject, body) = HoldTemplate.Render(step, zone);
        return new HoldPlan(new HoldContent(subject, body, slot), null);
    }
}
