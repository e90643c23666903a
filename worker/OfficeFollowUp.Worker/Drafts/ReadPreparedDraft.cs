using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Drafts;

/// <summary>GET /api/followups/{id}/draft: the step's draft as the mailbox holds it, and whether the user changed it there.</summary>
public sealed record PreparedDraftDto(string DraftId, string Subject, string Html, string Text, string? WebLink, DateTimeOffset? LastModifiedAt, bool EditedByYou);

/// <summary>Why there is no draft to show.</summary>
public enum NoDraft
{
    NoSuchStep,
    NotPrepared,
    Gone,
    Sent,
}

/// <summary>
/// Reads a step's prepared draft from the mailbox for the pane's preview. Only reads: the product writes a draft once
/// (the outbox's tag lookup finds it again instead of writing another) and never changes it afterwards, so the version
/// shown is the user's whenever they edited it.
/// </summary>
public sealed class ReadPreparedDraft(FollowUpStore steps, ReferralStore referrals, BirthdayDraftStore birthdays, DraftReader drafts)
{
    /// <summary>A draft changed this long after it was made was changed by someone other than the create call.</summary>
    public static readonly TimeSpan EditTolerance = TimeSpan.FromSeconds(10);

    public async Task<(PreparedDraftDto? Draft, NoDraft Why)> ReadAsync(string mailboxId, string stepId, CancellationToken ct)
    {
        var step = await steps.GetAsync(stepId, ct);
        if (step is null || !string.Equals(step.MailboxId, mailboxId, StringComparison.Ordinal))
        {
            return (null, NoDraft.NoSuchStep);
        }

        if (step.DraftId is not { } draftId)
        {
            return (null, NoDraft.NotPrepared);
        }

        return await ReadDraftAsync(mailboxId, draftId, ct);
    }

    /// <summary>One of a referral's drafts (the note to the prospect, the check-in, the close-the-loop note); only those ids are read.</summary>
    public async Task<(PreparedDraftDto? Draft, NoDraft Why)> ReadReferralAsync(string mailboxId, string referralId, string draftId, CancellationToken ct)
    {
        var referral = await referrals.GetByIdAsync(referralId, ct);
        if (referral is null || !string.Equals(referral.MailboxId, mailboxId, StringComparison.Ordinal))
        {
            return (null, NoDraft.NoSuchStep);
        }

        string?[] own = [referral.IntroDraftId, referral.CheckInDraftId, referral.CloseDraftId];
        return own.Contains(draftId, StringComparer.Ordinal) ? await ReadDraftAsync(mailboxId, draftId, ct) : (null, NoDraft.NotPrepared);
    }

    /// <summary>A birthday's draft.</summary>
    public async Task<(PreparedDraftDto? Draft, NoDraft Why)> ReadBirthdayAsync(string mailboxId, string birthdayId, CancellationToken ct)
    {
        var birthday = await birthdays.GetAsync(birthdayId, ct);
        if (birthday is null || !string.Equals(birthday.MailboxId, mailboxId, StringComparison.Ordinal))
        {
            return (null, NoDraft.NoSuchStep);
        }

        return birthday.DraftId is { } draftId ? await ReadDraftAsync(mailboxId, draftId, ct) : (null, NoDraft.NotPrepared);
    }

    private async Task<(PreparedDraftDto? Draft, NoDraft Why)> ReadDraftAsync(string mailboxId, string draftId, CancellationToken ct)
    {
        var draft = await drafts.ReadAsync(mailboxId, draftId, ct);
        if (draft is null)
        {
            return (null, NoDraft.Gone);
        }

        if (!draft.IsDraft)
        {
            return (null, NoDraft.Sent);
        }

        var body = SafeDraftHtml.From(draft.Body, draft.BodyIsHtml);
        return (new PreparedDraftDto(draft.Id, draft.Subject ?? string.Empty, body.Html, body.Text, draft.WebLink, draft.LastModifiedAt,
            IsEdited(draft.CreatedAt, draft.LastModifiedAt)), default);
    }

    /// <summary>True when the mailbox changed the draft after the create call made it: the product never does, so the user did.</summary>
    public static bool IsEdited(DateTimeOffset? createdAt, DateTimeOffset? lastModifiedAt) =>
        createdAt is { } created && lastModifiedAt is { } modified && modified - created > EditTolerance;
}
