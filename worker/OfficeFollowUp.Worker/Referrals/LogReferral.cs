using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Referrals;

/// <summary>A referral as the user logs it (already shape-checked by the API).</summary>
public sealed record NewReferral(
    ReferralDirection Direction,
    Party Partner,
    string ProspectName,
    string? ProspectEmail,
    string? ProspectPhone,
    string? Note,
    bool CopyPartner,
    string? SourceMessageId,
    DateTimeOffset? ReferredAt);

/// <summary>Either the logged referral, the field errors that stopped it, or the referral already logged from the same message.</summary>
public sealed record LogReferralResult(Referral? Referral, IDictionary<string, string[]>? Errors = null, Referral? AlreadyLogged = null);

/// <summary>
/// Logs a referral and its duties in one transaction: received → the draft to the prospect now;
/// given → the check-in draft to the partner when it falls due. Nothing is half-written: a refusal
/// leaves the store as it was.
/// </summary>
public sealed class LogReferral(Database database, ReferralStore referrals, OutboxStore outbox, IOptions<ReferralOptions> options, TimeProvider time)
{
    public async Task<LogReferralResult> RunAsync(MailboxProfile profile, NewReferral input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckParties(profile, input);
        if (errors.Count > 0)
        {
            return new LogReferralResult(null, errors);
        }

        var now = time.GetUtcNow();
        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var referral = new Referral(
            Guid.CreateVersion7(now).ToString(), profile.MailboxId, input.Direction,
            new Party(input.Partner.Email.Trim(), Blank(input.Partner.DisplayName)), input.ProspectName.Trim(),
            Blank(input.ProspectEmail), Blank(input.ProspectPhone), Blank(input.Note),
            input.Direction == ReferralDirection.Received && input.CopyPartner, Blank(input.SourceMessageId),
            input.ReferredAt ?? now, null, null, null, null, null, null, null, null, null, null, now);

        await using var session = await database.BeginAsync(ct);
        if (referral.SourceMessageId is { } source && await referrals.FindBySourceAsync(session, profile.MailboxId, source, ct) is { } existing)
        {
            return new LogReferralResult(null, AlreadyLogged: existing);
        }

        await referrals.InsertAsync(session, referral, ct);
        switch (referral.Direction)
        {
            case ReferralDirection.Received when referral.ProspectEmail is not null:
                await outbox.EnqueueForReferralAsync(session, profile.MailboxId, referral.Id, OutboxKind.ReferralIntroDraft, "intro", now, now, ct);
                break;
            case ReferralDirection.Received:
                // Only a phone number: the duty is a call, shown in the pane; there is nobody to draft to.
                break;
            case ReferralDirection.Given:
                await outbox.EnqueueForReferralAsync(session, profile.MailboxId, referral.Id, OutboxKind.ReferralCheckInDraft, "check-in",
                    PlanReferralDuties.CheckInDue(referral.ReferredAt, zone, options.Value), now, ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown direction {referral.Direction}.");
        }

        await session.CommitAsync(ct);
        return new LogReferralResult(referral);
    }

    /// <summary>Rules that need to know who the user is: nobody refers the user to themselves.</summary>
    private static Dictionary<string, string[]> CheckParties(MailboxProfile profile, NewReferral input)
    {
        var own = profile.OwnAddresses.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (own.Contains(EmailAddresses.Key(input.Partner.Email)))
        {
            errors["partner.email"] = ["That is your own address: a referral is between you and someone else."];
        }

        if (Blank(input.ProspectEmail) is { } prospect)
        {
            if (own.Contains(EmailAddresses.Key(prospect)))
            {
                errors["prospect.email"] = ["That is your own address: you cannot be the prospect of your own referral."];
            }
            else if (EmailAddresses.Key(prospect) == EmailAddresses.Key(input.Partner.Email))
            {
                errors["prospect.email"] = ["The prospect and the partner are the same person."];
            }
        }

        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
