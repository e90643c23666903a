using Microsoft.Extensions.Options;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.FollowUps;

public sealed record OutboxRun(int Prepared, int Waiting, int Failed, bool ReconnectNeeded);

/// <summary>
/// Works the outbox: for each thank-you step, look the tag up in the mailbox first and create the
/// draft only when it is not there. A crash between the POST and the bookkeeping, or a POST the SDK
/// retried after the server had applied it, therefore still ends with one draft.
/// </summary>
public sealed class PrepareThankYouDrafts(
    OutboxStore outbox,
    FollowUpStore followUps,
    DraftWriter drafts,
    IOptions<FollowUpOptions> options,
    TimeProvider time)
{
    public async Task<OutboxRun> RunAsync(MailboxProfile profile, CancellationToken ct)
    {
        int prepared = 0, waiting = 0, failed = 0;
        foreach (var entry in await outbox.DueAsync(profile.MailboxId, time.GetUtcNow(), 50, ct))
        {
            var step = await followUps.GetAsync(entry.StepId, ct);
            if (step is null || step.State is FollowUpState.Done or FollowUpState.Skipped)
            {
                // The user closed the step before the draft was made: their word wins, no draft.
                await outbox.CloseAsync(entry, OutboxStatus.Cancelled, null, time.GetUtcNow(), ct);
                continue;
            }

            try
            {
                var draftId = await drafts.FindByTagAsync(entry.Tag, ct)
                    ?? await drafts.CreateAsync(ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
                        step.Email, step.DisplayName, step.GivenName, step.CompanyName,
                        profile.DisplayName, profile.GivenName, options.Value.Signature)), entry.Tag, ct);
                await outbox.CompleteAsync(entry, draftId, time.GetUtcNow(), ct);
                prepared++;
            }
            catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex))
            {
                var failure = GraphFailures.Map(ex, time.GetUtcNow());
                switch (failure.Outcome)
                {
                    case GraphOutcome.RetryLater:
                    case GraphOutcome.CursorExpired:
                        var wait = failure.RetryAfter ?? Backoff(entry.Attempts);
                        await outbox.RetryLaterAsync(entry, failure.Code, time.GetUtcNow() + wait, ct);
                        waiting++;
                        break;
                    case GraphOutcome.ReconnectNeeded:
                        await outbox.RetryLaterAsync(entry, failure.Code, time.GetUtcNow() + TimeSpan.FromMinutes(5), ct);
                        return new OutboxRun(prepared, waiting + 1, failed, true);
                    case GraphOutcome.ItemSkipped:
                        await outbox.CloseAsync(entry, OutboxStatus.Failed, failure.Code, time.GetUtcNow(), ct);
                        failed++;
                        break;
                    default:
                        throw new InvalidOperationException($"Unhandled outcome {failure.Outcome}.");
                }
            }
        }

        return new OutboxRun(prepared, waiting, failed, false);
    }

    /// <summary>1 s, 2 s, 4 s … capped at 15 minutes: a failing draft never hammers the mailbox.</summary>
    internal static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(900, Math.Pow(2, Math.Min(attempts, 10))));
}
