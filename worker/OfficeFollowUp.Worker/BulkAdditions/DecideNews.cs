using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.BulkAdditions;

/// <param name="Started">People who got a new 24/7/30 track.</param>
/// <param name="Held">People put in a bulk prompt instead, for the user to pick from.</param>
public sealed record NewsDecision(int Started, int Held);

/// <summary>
/// Once contact rounds have finished, decides what the new people they held are: a few start their tracks (linked to
/// the networking event they were most likely met at), many at once wait in one bulk prompt. One transaction, so a
/// crash leaves them held and the next pass decides again.
/// </summary>
public sealed class DecideNews(
    Database database, NewsStore news, EventStore events, StartFollowUpTrack startTrack, Settings.EffectiveSettings settings,
    IOptions<FollowUpOptions> options, IOptions<CalendarOptions> calendarOptions, ILogger<DecideNews> logger)
{
    public async Task<NewsDecision> RunAsync(MailboxProfile profile, IReadOnlyCollection<string> finishedFolderIds, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (finishedFolderIds.Count == 0)
        {
            return new NewsDecision(0, 0);
        }

        await using var session = await database.BeginAsync(ct);
        var held = await news.ListStagedAsync(session, profile.MailboxId, finishedFolderIds, ct);
        if (held.Count == 0)
        {
            return new NewsDecision(0, 0);
        }

        if (GuardBulkAdditions.IsBulk(held, options.Value.BulkAdditionLimit))
        {
            await news.OpenBulkPromptAsync(session, profile.MailboxId, held.Select(c => c.EmailKey), now, ct);
            await session.CommitAsync(ct);
            BulkAdditionsTrace.Held(logger, held.Count, options.Value.BulkAdditionLimit);
            return new NewsDecision(0, held.Count);
        }

        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var started = 0;
        foreach (var person in held)
        {
            // Someone added to Outlook soon after a networking event was most likely met there.
            var metAt = await NetworkingEventBeforeAsync(session, profile.MailboxId, person.Email, person.MetAt, ct);
            if (await startTrack.RunAsync(session, profile.MailboxId, new TrackStart(
                person.Email, person.DisplayName, person.GivenName, person.CompanyName, person.ContactId,
                metAt?.End ?? person.MetAt, metAt?.Id), zone, options.Value, now, ct))
            {
                started++;
            }
        }

        await news.ReleaseAsync(session, profile.MailboxId, held.Select(c => c.EmailKey), ct);
        await session.CommitAsync(ct);
        return new NewsDecision(started, 0);
    }

    /// <summary>The networking event a contact created at <paramref name="createdAt"/> was most likely met at, if any (<see cref="MatchMetAtEvent"/>).</summary>
    private async Task<CalendarEventFacts?> NetworkingEventBeforeAsync(StoreSession session, string mailboxId, string email, DateTimeOffset createdAt, CancellationToken ct)
    {
        var calendar = (await settings.ForAsync(session, mailboxId, ct)).Calendar;
        var linkWindow = calendarOptions.Value.ContactLinkWindow;
        var matchWindow = options.Value.EventMatchWindow;
        var candidates = await events.ListAroundAsync(session, mailboxId, createdAt, createdAt - (matchWindow > linkWindow ? matchWindow : linkWindow), ct);
        return MatchMetAtEvent.Pick(candidates.Where(e => e.Networking(calendar) is not null).Select(e => e.Facts), email, createdAt, linkWindow, matchWindow);
    }
}
