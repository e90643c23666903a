using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.BulkAdditions;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Mailbox;
using OfficeFollowUp.Notifications;
using OfficeFollowUp.Outbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Sync;

/// <summary>What one pass did; <paramref name="MailboxId"/> is the stored mailbox id once the mailbox was ever reached.</summary>
public sealed record MailboxRun(bool Connected, int NewAcquaintances, int DraftsPrepared, bool ReconnectNeeded, int HoldsPlaced = 0, string? MailboxId = null);

/// <summary>
/// One pass over the signed-in mailbox: refresh who the user is when due, run a contacts round per
/// folder, then work the outbox. An idle pass costs one Graph request per contact folder.
/// </summary>
public sealed class SyncMailbox(
    MailboxReader reader,
    MailboxStore mailboxes,
    SyncContactFolder syncFolder,
    DecideNews decideNews,
    SyncStateStore states,
    SyncCalendar syncCalendar,
    SyncSentItems syncSentItems,
    CompleteMetOneToOnes completeMet,
    KeepInTouch.StartBirthdayDrafts birthdayDrafts,
    WorkOutbox outbox,
    DeleteSkippedDrafts deleteSkippedDrafts,
    KeepSubscriptions subscriptions,
    IOptions<SyncOptions> options,
    IOptions<MailboxOptions> mailboxOptions,
    TimeProvider time,
    ILogger<SyncMailbox> logger)
{
    private string? _signInRefused;

    private MailboxProfile? _profile;
    private IReadOnlyList<ContactFolderRef> _folders = [];
    private DateTimeOffset _profileReadAt = DateTimeOffset.MinValue;
    private int _baselineCount;
    private bool _baselineDone;

    public MailboxProfile? Profile => _profile;

    /// <summary>
    /// Why the mailbox refused the worker's sign-in before it could ever connect (an AADSTS code, say), or
    /// null. With no mailbox stored yet there is no sync state to carry it, so the Health view asks here.
    /// </summary>
    public string? SignInRefused => Volatile.Read(ref _signInRefused);

    public async Task<MailboxRun> RunOnceAsync(CancellationToken ct)
    {
        if (!await EnsureConnectedAsync(ct))
        {
            return new MailboxRun(false, 0, 0, true, MailboxId: _profile?.MailboxId);
        }

        var profile = _profile!;
        var stored = await mailboxes.GetAsync(profile.MailboxId, ct);
        _baselineDone = stored?.BaselinedAt is not null;
        // Subscriptions before the rounds: a change made before one existed is still read by this pass's delta.
        await subscriptions.RunAsync(profile.MailboxId, ct);
        // The calendar first: a contact created after a networking event is linked to it.
        var calendarRound = await syncCalendar.RunAsync(profile, ct);
        if (calendarRound.Failure == GraphOutcome.ReconnectNeeded)
        {
            return new MailboxRun(true, 0, 0, true, MailboxId: profile.MailboxId);
        }

        var finished = new List<string>();
        foreach (var folder in _folders)
        {
            var round = await syncFolder.RunAsync(profile, folder, BaselineProgress, ct);
            if (round.Completed)
            {
                finished.Add(folder.Id);
            }
            if (round.WasBaseline && round.Completed)
            {
                _baselineCount += round.Items;
            }
            if (round.Failure == GraphOutcome.ReconnectNeeded)
            {
                return new MailboxRun(true, 0, 0, true, MailboxId: profile.MailboxId);
            }
        }

        // The new people the finished rounds held become tracks, or one bulk prompt when too many came at once; a
        // folder whose round broke off keeps its people held until a round of it finishes.
        var decision = await decideNews.RunAsync(profile, finished, time.GetUtcNow(), ct);
        var newAcquaintances = decision.Started;

        if (stored?.BaselinedAt is null && await AllFoldersIncrementalAsync(profile.MailboxId, ct))
        {
            await mailboxes.MarkBaselinedAsync(profile.MailboxId, time.GetUtcNow(), ct);
            SyncTrace.Baselined(logger, _baselineCount);
            _baselineDone = true;
        }

        if (newAcquaintances > 0)
        {
            SyncTrace.NewAcquaintances(logger, newAcquaintances);
        }

        // Birthdays whose lead day has come get their draft queued; never before the baseline, when the contacts are not all known yet.
        if (_baselineDone)
        {
            await birthdayDrafts.RunAsync(profile, ct);
        }

        // What the user sent completes the steps it answers, before the outbox would prepare anything more for them.
        var sentRound = await syncSentItems.RunAsync(profile, ct);
        if (sentRound.Failure == GraphOutcome.ReconnectNeeded)
        {
            return new MailboxRun(true, newAcquaintances, 0, true, MailboxId: profile.MailboxId);
        }

        // A meeting booked ahead counts once it has ended.
        await completeMet.RunAsync(profile.MailboxId, ct);

        var work = await outbox.RunAsync(profile, ct);
        // Drafts of skipped steps the user asked to delete; a draft they sent meanwhile is kept.
        await deleteSkippedDrafts.RunAsync(profile.MailboxId, ct);
        if (work.Drafts > 0)
        {
            SyncTrace.DraftsPrepared(logger, work.Drafts);
        }
        if (work.Holds > 0)
        {
            SyncTrace.HoldsPlaced(logger, work.Holds);
        }
        if (work.ReconnectNeeded)
        {
            SyncTrace.ReconnectNeeded(logger, "outbox", ReconnectAdvice.For(mailboxOptions.Value));
        }

        return new MailboxRun(true, newAcquaintances, work.Drafts, work.ReconnectNeeded, work.Holds, profile.MailboxId);
    }

    private async Task<bool> EnsureConnectedAsync(CancellationToken ct)
    {
        if (_profile is not null && time.GetUtcNow() - _profileReadAt < options.Value.ProfileRefresh)
        {
            return true;
        }

        try
        {
            var profile = await reader.ReadProfileAsync(ct);
            var folders = await reader.ListContactFoldersAsync(ct);
            await mailboxes.UpsertAsync(profile, time.GetUtcNow(), ct);
            var firstTime = _profile is null;
            Volatile.Write(ref _signInRefused, null);
            (_profile, _folders, _profileReadAt) = (profile, folders, time.GetUtcNow());
            if (firstTime)
            {
                SyncTrace.MailboxConnected(logger, folders.Count, MailboxTimeZone.IanaId(MailboxTimeZone.Resolve(profile.TimeZoneId)));
            }
            return true;
        }
        catch (Exception ex) when (GraphFailures.IsGraphOrTransport(ex))
        {
            var failure = GraphFailures.Map(ex, time.GetUtcNow());
            if (failure.Outcome == GraphOutcome.ReconnectNeeded)
            {
                Volatile.Write(ref _signInRefused, failure.Code);
                SyncTrace.ReconnectNeeded(logger, failure.Code, ReconnectAdvice.For(mailboxOptions.Value));
                return false;
            }

            SyncTrace.RetryLater(logger, failure.Code, failure.RetryAfter ?? TimeSpan.Zero);
            // Keep working with what we knew if we knew anything.
            return _profile is not null;
        }
    }

    /// <summary>Whether every contact folder is past its baseline: the mailbox's sync states in one read, not one per folder.</summary>
    private async Task<bool> AllFoldersIncrementalAsync(string mailboxId, CancellationToken ct)
    {
        var stages = (await states.ListAsync(mailboxId, ct)).ToDictionary(s => s.Resource, s => s.Stage, StringComparer.Ordinal);
        // A folder with no stored state has not started its baseline.
        return _folders.All(folder => stages.TryGetValue(SyncContactFolder.ResourceName(folder.Id), out var stage) && stage == SyncStage.Incremental);
    }

    private int _progressCount;

    private void BaselineProgress(int contacts)
    {
        var before = _progressCount;
        _progressCount += contacts;
        if (!_baselineDone && before / 1000 != _progressCount / 1000)
        {
            SyncTrace.BaselineProgress(logger, _progressCount);
        }
    }
}
