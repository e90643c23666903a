using OfficeFollowUp.Outbox;

namespace OfficeFollowUp.Tests.Outbox;

public sealed class DecideOutboxRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly OutboxOptions Options = new() { MaxAttempts = 5, GiveUpAfter = TimeSpan.FromHours(6) };

    private static GraphFailure Later(int? status, string code = "x", TimeSpan? retryAfter = null) => new(GraphOutcome.RetryLater, code, status, retryAfter);

    public static TheoryData<GraphFailure, int, TimeSpan?, bool, int, TimeSpan> Table => new()
    {
        // failure, failed tries before, first failure (ago), gives up, failed tries after, wait before the next try
        { Later(503), 0, null, false, 1, TimeSpan.FromSeconds(1) },
        { Later(503), 3, TimeSpan.FromMinutes(10), false, 4, TimeSpan.FromSeconds(8) },
        { Later(503), 4, TimeSpan.FromMinutes(20), true, 5, TimeSpan.Zero },
        { Later(429, retryAfter: TimeSpan.FromSeconds(30)), 1, TimeSpan.FromMinutes(1), false, 2, TimeSpan.FromSeconds(30) },
        { Later(429, retryAfter: TimeSpan.FromSeconds(1)), 3, TimeSpan.FromMinutes(1), false, 4, TimeSpan.FromSeconds(8) },
        { Later(504), 1, TimeSpan.FromHours(6), true, 2, TimeSpan.Zero },
        { Later(504), 1, TimeSpan.FromHours(5.9), false, 2, TimeSpan.FromSeconds(2) },
        { Later(null, "transport"), 20, TimeSpan.FromMinutes(5), true, 21, TimeSpan.Zero },
        { new GraphFailure(GraphOutcome.ItemSkipped, "ErrorInvalidRecipients", 400, null), 0, null, true, 1, TimeSpan.Zero },
        { new GraphFailure(GraphOutcome.ReconnectNeeded, "InvalidAuthenticationToken", 401, null), 4, null, false, 4, TimeSpan.FromMinutes(5) },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_failed_try_is_tried_again_after_a_growing_wait_until_the_bound_and_a_refused_request_stops_at_once(
        GraphFailure failure, int before, TimeSpan? firstAgo, bool givesUp, int after, TimeSpan wait)
    {
        var decision = DecideOutboxRetry.Run(failure, before, Now - firstAgo, Now, Options);

        Assert.Equal((givesUp, after), (decision.GiveUp, decision.FailedAttempts));
        Assert.Equal(givesUp ? Now : Now + wait, decision.NextAttemptAt);
        Assert.Equal(givesUp, decision.Reason is not null);
    }

    [Fact]
    public void A_refused_sign_in_spends_no_try_and_does_not_start_the_age_clock()
    {
        var decision = DecideOutboxRetry.Run(new GraphFailure(GraphOutcome.ReconnectNeeded, "http401", 401, null), 0, null, Now, Options);

        Assert.Equal((0, (DateTimeOffset?)null), (decision.FailedAttempts, decision.FirstFailedAt));
    }

    [Fact]
    public void The_backoff_doubles_from_a_second_and_stops_at_fifteen_minutes()
    {
        Assert.Equal(
            [1, 2, 4, 8, 512, 900, 900],
            new[] { 0, 1, 2, 3, 9, 10, 40 }.Select(n => (int)RetryBackoff.After(n).TotalSeconds));
    }

    public static TheoryData<GraphFailure, int, TimeSpan, string> Reasons => new()
    {
        { Later(503), 20, TimeSpan.FromHours(2.5), "Outlook was unavailable (HTTP 503); the worker tried 20 times over 2 hours and stopped." },
        { Later(504), 3, TimeSpan.FromMinutes(32), "Outlook's gateway timed out (HTTP 504); the worker tried 3 times over 32 minutes and stopped." },
        { Later(429), 5, TimeSpan.FromDays(1), "Outlook kept asking the worker to slow down (HTTP 429); the worker tried 5 times over 1 day and stopped." },
        { Later(500), 5, TimeSpan.FromDays(3), "Outlook had a server error (HTTP 500); the worker tried 5 times over 3 days and stopped." },
        { Later(null, "transport"), 5, TimeSpan.FromSeconds(20), "The worker could not reach Outlook (the connection failed); the worker tried 5 times over under a minute and stopped." },
        { Later(null, "timeout"), 1, TimeSpan.FromHours(7), "Outlook did not answer in time; the worker tried once over 7 hours and stopped." },
        { Later(null, "InvalidOperationException"), 5, TimeSpan.FromMinutes(1), "Preparing it kept failing (InvalidOperationException); the worker tried 5 times over 1 minute and stopped." },
        { new GraphFailure(GraphOutcome.ItemSkipped, "ErrorInvalidRecipients", 400, null), 1, TimeSpan.Zero, "Outlook refused to make it (ErrorInvalidRecipients, HTTP 400); trying the same request again would not help." },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void The_reason_says_in_plain_words_what_went_wrong_how_often_and_for_how_long(GraphFailure failure, int attempts, TimeSpan since, string reason)
    {
        var decision = DecideOutboxRetry.Run(failure, attempts - 1, Now - since, Now, new OutboxOptions { MaxAttempts = 1, GiveUpAfter = TimeSpan.FromMinutes(1) });

        Assert.Equal(reason, decision.Reason);
    }
}
