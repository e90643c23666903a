using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.KeepInTouch;

/// <summary>The birthday note the outbox makes, in the user's Birthday wording; not made once mail already showed the wish.</summary>
public sealed class PrepareBirthdayDraft(BirthdayDraftStore birthdays, Settings.EffectiveSettings settings, TemplateStore templates)
{
    /// <returns>The draft, or null when it is no longer wanted (the birthday is gone, the user already wrote to them, or skipped it this year).</returns>
    public async Task<DraftContent?> ComposeAsync(OutboxEntry entry, MailboxProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(profile);
        var birthday = entry.BirthdayId is { } id ? await birthdays.GetAsync(id, ct) : null;
        if (birthday is null || birthday.State is BirthdayDraftState.Done or BirthdayDraftState.Skipped)
        {
            return null;
        }

        var signature = (await settings.ForAsync(profile.MailboxId, ct)).FollowUps.Signature;
        var template = await templates.GetAsync(profile.MailboxId, Drafts.DraftKind.Birthday, ct);
        return BirthdayTemplate.Render(new BirthdayDraftFacts(
            birthday.Email, birthday.DisplayName, birthday.GivenName, birthday.CompanyName, profile.DisplayName, profile.GivenName, signature,
            birthday.Remember, birthday.PersonalNotes, profile.Language), template);
    }
}
