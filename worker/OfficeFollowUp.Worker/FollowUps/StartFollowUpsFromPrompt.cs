using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.FollowUps;

/// <summary>Someone the user chose to follow up with after an event, as they told it (already checked by the API).</summary>
public sealed record PersonMet(string Email, string DisplayName, string? Remember, string? Promised, string? PreferredChannel, string? ProfileUrl);

/// <summary>
/// The answer to "whom will you follow up with?" after a networking event, in one transaction: each chosen person gets
/// a track from the event's end, what the user promised them at the event becomes a promise due with the connect step,
/// and the event's prompt is answered. Nothing is half-written.
/// </summary>
public sealed class StartFollowUpsFromPrompt(
    Database database, StartFollowUpTrack startTrack, PromiseStore promises, EventStore events, IOptions<FollowUpOptions> options, TimeProvider time)
{
    /// <returns>How many new tracks were started (people who already had one keep it).</returns>
    public async Task<int> RunAsync(MailboxProfile profile, CalendarEventFacts meeting, IReadOnlyList<PersonMet> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(people);
        var now = time.GetUtcNow();
        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var started = 0;
        await using var session = await database.BeginAsync(ct);
        foreach (var person in people)
        {
            var given = person.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (await startTrack.RunAsync(session, profile.MailboxId, new TrackStart(
                person.Email, person.DisplayName, given, null, null, meeting.End, meeting.Id,
                person.Remember, person.Promised, person.PreferredChannel, person.ProfileUrl), zone, options.Value, now, ct))
            {
                started++;
            }

            if (person.Promised is { } promised)
            {
                // What the user promised at the event is also a promise to keep, due with the connect step.
                await promises.InsertAsync(session, profile.MailboxId, person.Email, person.DisplayName, meeting.Id,
                    promised, meeting.End + options.Value.ConnectWithin, now, ct);
            }
        }

        await events.AnswerPromptAsync(session, profile.MailboxId, meeting.Id, "answered", now, ct);
        await session.CommitAsync(ct);
        return started;
    }
}
