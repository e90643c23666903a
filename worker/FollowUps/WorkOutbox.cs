using OfficeFollowUp.Calendar;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.FollowUps;

public sealed record OutboxRun(int Drafts, int Holds, int Waiting, int Failed, bool ReconnectNeeded);

/// <summary>What one outbox entry came to: the mailbox item's id, or why there is none.</summary>
public sealed record OutboxOutcome(string? GraphId, string? Note = null)
{
    /// <summary>The item is no longer wanted (the user acted first): nothing is written, the entry is closed.</summary>
    public static OutboxOutcome NoLongerWanted { get; } = new(GraphId: null) { Cancelled = true };

    public bool Cancelled { get; init; }
}

/// <summary>
/// Works the outbox: every entry is looked up in the mailbox by its tag before anything is created,
/// so a crash between the call and the bookkeeping, or a POST the SDK retried after the server had
/// applied it, still leaves exactly one draft or hold. The Graph failure switch is here, once.
/// </summary>
public sealed class WorkOutbox(
    OutboxStore outbox,
    FollowUpStore followUps,
    PrepareThankYouDraft drafts,
    BookMeetingHold holds,
    OfficeFollowUp.Referrals.PrepareReferralDraft referralDrafts,
    TimeProvider time)
{
    public async Task<OutboxRun> RunAsync(MailboxProfile profile, CancellationToken ct)
    {
        int draftCount = 0, holdCount = 0, waiting = 0, failed = 0;
        foreach (var entry in await outbox.DueAsync(profile.MailboxId, time.GetUtcNow(), 50, ct))
        {
            var step = entry.StepId is { } stepId ? await followUps.GetAsync(stepId, ct) : null;
            if (entry.StepId is not null && (step is null || step.State is FollowUpState.Done or FollowUpState.Skipped))
            {
                // The user closed the step before the item was made: their word wins, nothing is written.
                await outbox.CloseAsync(entry, OutboxStatus.Cancelled, null, time.GetUtcNow(), ct);
                continue;
            }

            try
            {
                var outcome = entry.Kind switch
                {
                    OutboxKind.ThankYouDraft => await drafts.RunAsync(entry, step!, profile, ct),
                    OutboxKind.BookMeetingHold => await holds.RunAsync(entry, step!, profile, ct),
                    OutboxKind.ReferralIntroDraft or OutboxKind.ReferralCheckInDraft or OutboxKind.CloseTheLoopDraft => await referralDrafts.RunAsync(entry, profile, ct),
                    _ => throw new InvalidOperationException($"Unknown outbox kind {entry.Kind}."),
                };

                if (outcome.Cancelled)
                {
                    await outbox.CloseAsync(entry, OutboxStatus.Cancelled, null, time.GetUtcNow(), ct);
                    continue;
                }

                if (outcome.GraphId is { } id)
                {
                    await outbox.CompleteAsync(entry, id, time.GetUtcNow(), ct);
                    if (entry.Kind != OutboxKind.BookMeetingHold)
                    {
                        draftCount++;
                    }
                    else
                    {
                        holdCount++;
                    }
                }
                else
                {
                    await outbox.CloseWithNoteAsync(entry, OutboxStatus.Failed, "nothing-made", outcome.Note ?? "Nothing could be prepared.", time.GetUtcNow(), ct);
                    failed++;
                }
            }
            catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex))
            {
                var failure = GraphFailures.Map(ex, time.GetUtcNow());
                switch (failure.Outcome)
                {
                    case GraphOutcome.RetryLater:
                    case GraphOutcome.CursorExpired:
                        await outbox.RetryLaterAsync(entry, failure.Code, time.GetUtcNow() + (failure.RetryAfter ?? Backoff(entry.Attempts)), ct);
                        waiting++;
                        break;
                    case GraphOutcome.ReconnectNeeded:
                        await outbox.RetryLaterAsync(entry, failure.Code, time.GetUtcNow() + TimeSpan.FromMinutes(5), ct);
                        return new OutboxRun(draftCount, holdCount, waiting + 1, failed, true);
                    case GraphOutcome.ItemSkipped:
                        await outbox.CloseAsync(entry, OutboxStatus.Failed, failure.Code, time.GetUtcNow(), ct);
                        failed++;
                        break;
                    default:
                        throw new InvalidOperationException($"Unhandled outcome {failure.Outcome}.");
                }
            }
        }

        return new OutboxRun(draftCount, holdCount, waiting, failed, false);
    }

    /// <summary>1 s, 2 s, 4 s … capped at 15 minutes: a failing item never hammers the mailbox.</summary>
    internal static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(900, Math.Pow(2, Math.Min(attempts, 10))));
}

/// <summary>The thank-you note for the 24-hour step, in Drafts, found again by its tag.</summary>
public sealed class PrepareThankYouDraft(DraftWriter writer, Settings.EffectiveSettings settings)
{
    public async Task<OutboxOutcome> RunAsync(OutboxEntry entry, FollowUpItem step, MailboxProfile profile, CancellationToken ct)
    {
        var existing = await writer.FindByTagAsync(entry.Tag, ct);
        if (existing is not null)
        {
            return new OutboxOutcome(existing);
        }

        var signature = (await settings.ForAsync(profile.MailboxId, ct)).FollowUps.Signature;
        var content = ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            step.Email, step.DisplayName, step.GivenName, step.CompanyName,
            profile.DisplayName, profile.GivenName, signature, step.EventSubject, step.Remember, step.Promised));
        return new OutboxOutcome(await writer.CreateAsync(content, entry.Tag, ct));
    }
}

/// <summary>
/// The 30-day step: the first free slot of the configured length in the user's working hours, from
/// tomorrow until the step is due, as a private tentative hold with no attendees. No slot: a note
/// for the user instead of a hold at an impossible time.
/// </summary>
public sealed class BookMeetingHold(CalendarReader calendar, HoldWriter writer, Settings.EffectiveSettings effective, TimeProvider time)
{
    public async Task<OutboxOutcome> RunAsync(OutboxEntry entry, FollowUpItem step, MailboxProfile profile, CancellationToken ct)
    {
        var existing = await writer.FindByTagAsync(entry.Tag, ct);
        if (existing is not null)
        {
            return new OutboxOutcome(existing);
        }

        var settings = (await effective.ForAsync(profile.MailboxId, ct)).Calendar;
        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var from = time.GetUtcNow().AddDays(1);
        var until = step.DueAt;
        var noSlot = $"No free {settings.MeetingLength.TotalMinutes:0}-minute slot in your working hours before it is due; book the one-to-one yourself.";
        if (until <= from || profile.OwnAddresses.Count == 0)
        {
            return new OutboxOutcome(null, noSlot);
        }

        var (busy, week) = await calendar.ReadScheduleAsync(profile.OwnAddresses[0], new TimeWindow(from, until), ct);
        week ??= new WorkingWeek(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            new TimeOnly(9, 0), new TimeOnly(17, 0), zone);
        var slot = FindFreeSlot.Run(BusyTimes.From(busy), week, from, until, settings.MeetingLength, settings.MeetingBuffer);
        if (slot is null)
        {
            return new OutboxOutcome(null, noSlot);
        }

        var (subject, body) = HoldTemplate.Render(step, zone);
        return new OutboxOutcome(await writer.CreateAsync(new HoldContent(subject, body, slot), entry.Tag, ct));
    }
}
