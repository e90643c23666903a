using System.Data;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Referrals;

public sealed record OutcomeInput(ReferralOutcome Outcome, decimal? Value, string? Note, string? BetterFit, bool Change);

public enum OutcomeResultKind
{
    Recorded,
    Unchanged,
    NotFound,
    ConflictsWithRecorded,
}

public sealed record OutcomeResult(OutcomeResultKind Kind, Referral? Referral);

/// <summary>
/// Records how a referral turned out and, for a referral received, asks for the close-the-loop note to
/// the partner who gave it — one per outcome, whatever retries happen (the outbox tag names the outcome).
/// A final outcome stands: recording a different one needs an explicit change. "In progress" is not final.
/// </summary>
public sealed class RecordOutcome(Database database, ReferralStore referrals, OutboxStore outbox, TimeProvider time)
{
    /// <summary>How many times a decision is read and made again when another process wrote the referral in between.</summary>
    private const int Attempts = 5;

    public async Task<OutcomeResult> RunAsync(string mailboxId, string referralId, OutcomeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var attempt = 1; ; attempt++)
        {
            // Another process (a second worker on the same PostgreSQL, the user's other device) may record an outcome
            // between this read and this write: the write names the version read and lands only if it is still the
            // row's; otherwise the decision is made again on what the other one wrote, so neither update is lost and
            // a final outcome still needs an explicit change.
            if (await TryOnceAsync(mailboxId, referralId, input, ct) is { } result)
            {
                return result;
            }

            if (attempt == Attempts)
            {
                throw new DBConcurrencyException($"The referral changed under {Attempts} attempts to record its outcome.");
            }
        }
    }

    private async Task<OutcomeResult?> TryOnceAsync(string mailboxId, string referralId, OutcomeInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await database.BeginAsync(ct);
        var referral = await referrals.GetAsync(session, mailboxId, referralId, ct);
        if (referral is null)
        {
            return new OutcomeResult(OutcomeResultKind.NotFound, null);
        }

        if (referral.Outcome == input.Outcome && referral.OutcomeValue == input.Value && referral.OutcomeNote == Blank(input.Note) && referral.BetterFit == Blank(input.BetterFit))
        {
            return new OutcomeResult(OutcomeResultKind.Unchanged, referral);
        }

        if (referral.Outcome is { } recorded && recorded != ReferralOutcome.InProgress && recorded != input.Outcome && !input.Change)
        {
            return new OutcomeResult(OutcomeResultKind.ConflictsWithRecorded, referral);
        }

        if (!await referrals.SetOutcomeAsync(session, referral.Id, referral.RowVersion, input.Outcome, input.Value, Blank(input.Note), Blank(input.BetterFit), now, ct))
        {
            return null; // written by another process since the read: the session rolls back, the caller decides again
        }

        if (referral.Direction == ReferralDirection.Received && referral.Outcome != input.Outcome)
        {
            await outbox.EnqueueForReferralAsync(session, mailboxId, referral.Id, OutboxKind.CloseTheLoopDraft, ClosePurpose(input.Outcome), now, now, ct);
        }

        var updated = await referrals.GetAsync(session, mailboxId, referralId, ct);
        await session.CommitAsync(ct);
        return new OutcomeResult(OutcomeResultKind.Recorded, updated);
    }

    public static string ClosePurpose(ReferralOutcome outcome) => $"close-{outcome}";

    public static ReferralOutcome? OutcomeOfTag(string tag)
    {
        var at = tag.LastIndexOf("-close-", StringComparison.Ordinal);
        return at >= 0 && Enum.TryParse<ReferralOutcome>(tag[(at + 7)..], out var outcome) ? outcome : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
