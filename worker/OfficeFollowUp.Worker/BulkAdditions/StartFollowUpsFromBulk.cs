using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.BulkAdditions;

/// <summary>How the answer to a bulk prompt went.</summary>
public abstract record BulkAnswer
{
    private BulkAnswer()
    {
    }

    public sealed record NoSuchPrompt : BulkAnswer;

    /// <param name="Index">Which of the picked addresses is not one of the prompt's people.</param>
    public sealed record NotInPrompt(int Index) : BulkAnswer;

    public sealed record Answered(int Started, int Dismissed) : BulkAnswer;
}

/// <summary>
/// The answer to "You added 412 contacts at once — whom will you follow up with?", in one transaction: each person picked
/// gets a track (the same one a person chosen after an event gets), everyone else in the prompt is dismissed for good.
/// An import is not a meeting: the tracks are measured from the moment the user picked, so none starts overdue.
/// </summary>
public sealed class StartFollowUpsFromBulk(
    Database database, NewsStore news, StartFollowUpTrack startTrack, IOptions<FollowUpOptions> options, TimeProvider time, ILogger<StartFollowUpsFromBulk> logger)
{
    public async Task<BulkAnswer> RunAsync(MailboxProfile profile, string promptId, IReadOnlyList<string> picked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(picked);
        var now = time.GetUtcNow();
        await using var session = await database.BeginAsync(ct);
        if (await news.GetOpenBulkPromptAsync(session, profile.MailboxId, promptId, ct) is not { } prompt)
        {
            return new BulkAnswer.NoSuchPrompt();
        }

        var waiting = prompt.People.ToDictionary(p => p.EmailKey, StringComparer.Ordinal);
        var chosen = new List<NewsCandidate>();
        for (var i = 0; i < picked.Count; i++)
        {
            if (!waiting.TryGetValue(EmailAddresses.Key(picked[i]), out var person))
            {
                return new BulkAnswer.NotInPrompt(i);
            }
            chosen.Add(person);
        }

        var zone = MailboxTimeZone.Resolve(profile.TimeZoneId);
        var started = 0;
        foreach (var person in chosen)
        {
            if (await startTrack.RunAsync(session, profile.MailboxId, new TrackStart(
                person.Email, person.DisplayName, person.GivenName, person.CompanyName, person.ContactId, now), zone, options.Value, now, ct))
            {
                started++;
            }
        }

        await news.AnswerBulkPromptAsync(session, profile.MailboxId, prompt.Id, [.. chosen.Select(c => c.EmailKey)], now, ct);
        await session.CommitAsync(ct);
        var dismissed = prompt.People.Count - chosen.Count;
        BulkAdditionsTrace.Answered(logger, chosen.Count, dismissed);
        return new BulkAnswer.Answered(started, dismissed);
    }
}
