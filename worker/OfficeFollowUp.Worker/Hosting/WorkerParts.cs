using Microsoft.Extensions.Options;
using OfficeFollowUp.BulkAdditions;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.Cluster;
using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Notifications;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Referrals;
using OfficeFollowUp.Settings;
using OfficeFollowUp.Store;
using OfficeFollowUp.Sync;

namespace OfficeFollowUp.Hosting;

/// <summary>
/// The worker's parts in one list, capability by capability: each one's options (validated at start)
/// and its use cases. Hosted services start in the order they are listed here, so the data folder is
/// made private and the store migrated before anything reads it, and Graph's address is known before
/// sync starts.
/// </summary>
internal static class WorkerParts
{
    public static WebApplicationBuilder AddWorkerParts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Store: one repository per aggregate; all the product's SQL is in them.
        services.AddValidatedOptions<StoreOptions, StoreOptionsValidator>(configuration, StoreOptions.Section);
        services.AddSingleton<Database>();
        services.AddSingleton<MailboxStore>();
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<ContactStore>();
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ReferralStore>();
        services.AddSingleton<PromiseStore>();
        services.AddSingleton<KeepInTouchStore>();
        services.AddSingleton<BirthdayDraftStore>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<NewsStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ChangeVersionStore>();
        services.AddHostedService<SecureDataFolder>();
        services.AddHostedService<MigrateStore>();

        // Mailbox: the Graph gateway (reads, drafts, holds, the tag that finds what we wrote).
        services.AddValidatedOptions<MailboxOptions, MailboxOptionsValidator>(configuration, MailboxOptions.Section);
        services.AddSingleton<MailboxEndpoint>();
        services.AddSingleton<MailboxClientFactory>();
        services.AddSingleton<MailboxReader>();
        services.AddSingleton<MessageReader>();
        services.AddSingleton<DraftReader>();
        services.AddSingleton<Drafts.ReadPreparedDraft>();
        services.AddSingleton<CalendarReader>();
        services.AddSingleton<TaggedItems>();
        services.AddSingleton<DraftWriter>();
        services.AddSingleton<HoldWriter>();
        services.AddHostedService<UseConfiguredGraph>();
        builder.AddSandboxMailbox();

        // Calendar: events, prompts, meeting holds.
        services.AddValidatedOptions<CalendarOptions, CalendarOptionsValidator>(configuration, CalendarOptions.Section);
        services.AddSingleton<SaveEventsPage>();
        services.AddSingleton<RemoveMissingEvents>();
        services.AddSingleton<SyncCalendar>();
        services.AddSingleton<SentItemsReader>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<SaveSentPage>();
        services.AddSingleton<SyncSentItems>();
        services.AddSingleton<CompleteMetOneToOnes>();
        services.AddSingleton<BookMeetingHold>();

        // Sync: contact folders by delta; each mailbox's passes in its Orleans grain (Cluster/), one process at a time.
        services.AddValidatedOptions<SyncOptions, SyncOptionsValidator>(configuration, SyncOptions.Section);
        services.AddSingleton<SaveContactsPage>();
        services.AddSingleton<RemoveMissingContacts>();
        services.AddSingleton<DeltaRound>();
        services.AddSingleton<SyncContactFolder>();
        services.AddSingleton<SyncMailbox>();
        services.AddSingleton<SyncApplicationMailboxes>();
        builder.AddMailboxCluster();

        // Notifications: Graph change notifications wake a mailbox's pass; off (poll as usual) without Notifications:PublicUrl.
        services.AddValidatedOptions<NotificationOptions, NotificationOptionsValidator>(configuration, NotificationOptions.Section);
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationUrlFitsMailbox>();
        services.AddSingleton<SubscriptionWriter>();
        services.AddSingleton<KeepSubscriptions>();
        builder.AddNotifications();

        // Follow-ups: the 24/7/30 track and its thank-you draft.
        services.AddValidatedOptions<FollowUpOptions, FollowUpOptionsValidator>(configuration, FollowUpOptions.Section);
        services.AddSingleton<StartFollowUpTrack>();
        services.AddSingleton<StartFollowUpsFromPrompt>();
        services.AddSingleton<PrepareThankYouDraft>();
        services.AddSingleton<DraftDeletionStore>();
        services.AddSingleton<DraftRemover>();
        services.AddSingleton<DeleteSkippedDrafts>();

        // Bulk additions: many new contacts at once wait for the user to pick whom to follow up with.
        services.AddSingleton<DecideNews>();
        services.AddSingleton<StartFollowUpsFromBulk>();

        // Outbox: every write to the mailbox, exactly once.
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(configuration, OutboxOptions.Section);
        services.AddSingleton<WorkOutbox>();

        // Referrals: duties, outcomes, close-the-loop notes.
        services.AddValidatedOptions<ReferralOptions, ReferralOptionsValidator>(configuration, ReferralOptions.Section);
        services.AddSingleton<LogReferral>();
        services.AddSingleton<RecordOutcome>();
        services.AddSingleton<PrepareReferralDraft>();

        // Keep in touch (cadences, birthday reminders and drafts) and the user's own settings.
        services.AddValidatedOptions<KeepInTouchOptions, KeepInTouchOptionsValidator>(configuration, KeepInTouchOptions.Section);
        services.AddSingleton<StartBirthdayDrafts>();
        services.AddSingleton<PrepareBirthdayDraft>();
        services.AddSingleton<EffectiveSettings>();
        return builder;
    }
}
