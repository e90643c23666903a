namespace OfficeFollowUp.FollowUps;

/// <summary>The thank-you note for the 24-hour step.</summary>
public sealed class PrepareThankYouDraft(Settings.EffectiveSettings settings, Store.TemplateStore templates)
{
    public async Task<DraftContent> ComposeAsync(FollowUpItem step, MailboxProfile profile, CancellationToken ct)
    {
        var signature = (await settings.ForAsync(profile.MailboxId, ct)).FollowUps.Signature;
        var template = await templates.GetAsync(profile.MailboxId, Drafts.DraftKind.ThankYou, ct)
            ?? Drafts.DefaultTemplates.For(Drafts.DraftKind.ThankYou, profile.Language);
        return ThankYouTemplate.Render(new NewAcquaintanceDraftFacts(
            step.Email, step.DisplayName, step.GivenName, step.CompanyName,
            profile.DisplayName, profile.GivenName, signature, step.EventSubject, step.Remember, step.Promised, step.PreferredChannel,
            step.JobTitle, step.PersonalNotes, profile.Language), template);
    }
}
