using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Referrals;

/// <summary>
/// The referral drafts the outbox makes: the note to a prospect, the check-in with a partner and the
/// close-the-loop note. A draft the user overtook (contacted, answered, outcome changed) is not made at all;
/// the outbox makes each wanted one exactly once (<see cref="WorkOutbox"/>).
/// </summary>
public sealed class PrepareReferralDraft(ReferralStore referrals, IOptions<ReferralOptions> options, Settings.EffectiveSettings settings, TemplateStore templates)
{
    /// <returns>The draft, or null when it is no longer wanted (the referral is gone or the user moved on).</returns>
    public async Task<DraftContent?> ComposeAsync(OutboxEntry entry, MailboxProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(profile);
        var referral = entry.ReferralId is { } id ? await referrals.GetByIdAsync(id, ct) : null;
        if (referral is null)
        {
            return null;
        }

        var signature = (await settings.ForAsync(profile.MailboxId, ct)).FollowUps.Signature;
        var own = await templates.ListAsync(profile.MailboxId, ct);
        return Compose(entry, referral, profile, signature, own);
    }

    private DraftContent? Compose(OutboxEntry entry, Referral referral, MailboxProfile profile, string signature, IReadOnlyDictionary<Drafts.DraftKind, Drafts.DraftTemplate> own)
    {
        var sender = !string.IsNullOrWhiteSpace(signature) ? signature.Trim()
            : !string.IsNullOrWhiteSpace(profile.GivenName) ? profile.GivenName.Trim()
            : profile.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var partnerName = referral.Partner.DisplayName ?? referral.Partner.Email;
        var facts = new ReferralNoteFacts(partnerName, referral.ProspectName, referral.Note, sender, options.Value.LookingFor,
            referral.CopyPartner, referral.ReferredAt, referral.BetterFit, referral.OutcomeNote, profile.Language);

        switch (entry.Kind)
        {
            case OutboxKind.ReferralIntroDraft:
                if (referral.ContactedAt is not null || referral.Outcome is not null || referral.ProspectEmail is null)
                {
                    return null;
                }
                var intro = ReferralTemplates.Intro(facts, Drafts.DefaultTemplates.Choose(Drafts.DraftKind.ReferralContact, own, profile.Language));
                return referral.CopyPartner
                    ? new DraftContent(intro.Subject, intro.Html, referral.ProspectName, referral.ProspectEmail, partnerName, referral.Partner.Email)
                    : new DraftContent(intro.Subject, intro.Html, referral.ProspectName, referral.ProspectEmail);
            case OutboxKind.ReferralCheckInDraft:
                if (referral.PartnerFollowedUp is not null || referral.Outcome is not null)
                {
                    return null;
                }
                var checkIn = ReferralTemplates.CheckIn(facts, Drafts.DefaultTemplates.Choose(Drafts.DraftKind.ReferralCheckIn, own, profile.Language));
                return new DraftContent(checkIn.Subject, checkIn.Html, partnerName, referral.Partner.Email);
            case OutboxKind.CloseTheLoopDraft:
                // The outcome was changed again before this note was made: only the current outcome's note is wanted.
                if (RecordOutcome.OutcomeOfTag(entry.Tag) is not { } outcome || referral.Outcome != outcome)
                {
                    return null;
                }
                var close = ReferralTemplates.CloseTheLoop(outcome, facts, Drafts.DefaultTemplates.Choose(ReferralTemplates.KindOf(outcome), own, profile.Language));
                return new DraftContent(close.Subject, close.Html, partnerName, referral.Partner.Email);
            default:
                throw new InvalidOperationException($"Outbox kind {entry.Kind} is not a referral draft.");
        }
    }
}
