using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.KeepInTouch;

/// <summary>
/// Each pass, once the mailbox is past its baseline: the birthdays whose lead day has come get their draft planned and
/// queued in the outbox, once per person and year (<see cref="PlanBirthdayDrafts"/>; the store keeps the once).
/// </summary>
public sealed class StartBirthdayDrafts(Database database, BirthdayDraftStore birthdays, Settings.EffectiveSettings settings, TimeProvider time)
{
    /// <returns>How many birthday drafts were planned now.</returns>
    public async Task<int> RunAsync(MailboxProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var options = (await settings.ForAsync(profile.MailboxId, ct)).KeepInTouch;
        if (options.BirthdayDrafts == BirthdayDraftsFor.None)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var plans = PlanBirthdayDrafts.Run(await birthdays.CandidatesAsync(profile.MailboxId, ct), now, MailboxTimeZone.Resolve(profile.TimeZoneId), options);
        if (plans.Count == 0)
        {
            return 0;
        }

        await using var session = await database.BeginAsync(ct);
        var planned = 0;
        foreach (var plan in plans)
        {
            planned += await birthdays.PlanAsync(session, profile.MailboxId, plan, now, ct) ? 1 : 0;
        }

        await session.CommitAsync(ct);
        return planned;
    }
}
