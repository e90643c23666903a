using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>
/// Writes the mailbox applied but whose answer was lost: a gateway's 503/504 after the write, or a dropped
/// connection, on any write, by count or as seeded chaos.
/// </summary>
public sealed class SandboxWriteFaultsTests
{
    private const string FollowUpKeyId = "String {8f1d3c6e-2b7a-4e51-9c0d-3a6b2f9e7d41} Name FollowUpKey";

    private static Message Draft(string key) => new()
    {
        Subject = "Great to meet you",
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Hi</p>" },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "sofia@tidewaterarchitects.co.nz", Name = "Sofía" } }],
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = FollowUpKeyId, Value = key }],
    };

    private static StringContent RawDraft(string key) => new(
        $$$"""{"subject":"Hi","body":{"contentType":"html","content":"<p>Hi</p>"},"toRecipients":[{"emailAddress":{"address":"a@b.example"}}],"singleValueExtendedProperties":[{"id":"{{{FollowUpKeyId}}}","value":"{{{key}}}"}]}""",
        Encoding.UTF8,
        "application/json");

    [Theory]
    [InlineData(503, "serviceNotAvailable")]
    [InlineData(504, "UnknownError")]
    public async Task A_post_failed_after_apply_is_made_and_answered_like_graph_with_retry_after(int status, string code)
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.FailAfterApply(1, status, TimeSpan.FromSeconds(3), pathContains: "/me/messages");

        using var response = await h.Raw.PostAsync(h.Url("/me/messages"), RawDraft("k-1"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("innerError").GetProperty("request-id").GetString()));
        Assert.Equal("k-1", Assert.Single(h.Mailbox.Drafts).SingleValueExtendedProperties[FollowUpKeyId]);
        Assert.Equal(new SandboxInjectedFaults(0, 1, 0), h.Mailbox.Faults.Injected);
    }

    [Fact]
    public async Task A_patch_and_a_delete_can_fail_after_apply_too()
    {
        await using var h = await SandboxHarness.StartAsync();
        var created = await h.Graph.Me.Events.PostAsync(new Event
        {
            Subject = "Before",
            Start = new DateTimeTimeZone { DateTime = "2025-03-20T10:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2025-03-20T10:30:00", TimeZone = "UTC" },
        });
        var draft = await h.Graph.Me.Messages.PostAsync(Draft("k-2"));
        h.Mailbox.Faults.FailAfterApply(1, 504, TimeSpan.Zero, method: "PATCH");
        h.Mailbox.Faults.DropConnectionAfterApply(1, method: "DELETE");

        using var patch = await h.Raw.PatchAsync(h.Url($"/me/events/{created!.Id}"), new StringContent("""{"subject":"After"}""", Encoding.UTF8, "application/json"));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => h.Raw.DeleteAsync(h.Url($"/me/messages/{draft!.Id}")));

        Assert.Equal(HttpStatusCode.GatewayTimeout, patch.StatusCode);
        Assert.Equal("After", h.Mailbox.FindEvent(created.Id!)!.Subject);
        Assert.Empty(h.Mailbox.Drafts);
        Assert.Equal(new SandboxInjectedFaults(0, 1, 1), h.Mailbox.Faults.Injected);
    }

    [Fact]
    public async Task A_write_the_sandbox_refuses_is_answered_as_it_is_and_does_not_use_up_the_fault()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.FailAfterApply(1, 503, TimeSpan.Zero);

        using var missing = await h.Raw.DeleteAsync(h.Url("/me/messages/AAMkAnope"));
        using var made = await h.Raw.PostAsync(h.Url("/me/messages"), RawDraft("k-3"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, made.StatusCode);
        Assert.Single(h.Mailbox.Drafts);
    }

    [Fact]
    public async Task The_sdk_retries_a_draft_post_answered_503_after_apply_and_so_makes_a_second_draft()
    {
        // Why the worker turns the SDK's retry off for draft creates: with its defaults, one call makes two drafts.
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.FailAfterApply(1, 503, TimeSpan.Zero, pathContains: "/me/messages");

        await h.Graph.Me.Messages.PostAsync(Draft("k-4"));

        Assert.Equal(2, h.Mailbox.Drafts.Count);
        Assert.Equal(2, h.Mailbox.Requests.Count("POST /me/messages"));
    }

    [Fact]
    public async Task With_the_sdk_retry_off_a_draft_post_answered_503_after_apply_is_sent_once_and_reports_the_503()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.FailAfterApply(1, 503, TimeSpan.FromSeconds(2), pathContains: "/me/messages");

        var error = await Assert.ThrowsAsync<ODataError>(() => h.Graph.Me.Messages.PostAsync(Draft("k-5"), c => c.Options.Add(new RetryHandlerOption { MaxRetry = 0 })));

        Assert.Equal(503, error.ResponseStatusCode);
        Assert.Equal("2", error.ResponseHeaders["Retry-After"].Single());
        Assert.Single(h.Mailbox.Drafts);
        Assert.Equal(1, h.Mailbox.Requests.Count("POST /me/messages"));
    }

    [Fact]
    public async Task Write_chaos_fails_about_its_share_of_writes_after_applying_every_one_leaves_reads_alone_and_counts_what_it_did()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.InjectWriteFaults(0.3, seed: 20260525, retryAfter: TimeSpan.Zero);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Four at a time, as the worker's outbox writes: the counts must still add up.
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var client = new HttpClient();
            try
            {
                using var response = await client.PostAsync(h.Url("/me/messages"), RawDraft($"chaos-{i}"), ct);
                outcomes.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("dropped");
            }
        });
        var reads = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => h.Raw.GetAsync(h.Url("/me"))));

        var injected = h.Mailbox.Faults.Injected;
        Assert.Equal(200, h.Mailbox.Drafts.Count);
        Assert.Equal(outcomes.Count(o => o is "503" or "504"), injected.FailedAfterApply);
        Assert.Equal(outcomes.Count(o => o == "dropped"), injected.DroppedAfterApply);
        Assert.Equal(200 - injected.AfterApply, outcomes.Count(o => o == "201"));
        Assert.InRange(injected.AfterApply, 35, 85);
        Assert.True(injected.FailedAfterApply > 0 && injected.DroppedAfterApply > 0);
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(0.3, h.Mailbox.Faults.WriteFaultRate);
    }

    [Fact]
    public async Task Latency_holds_every_answer_back_at_least_that_long_and_clear_turns_it_off()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Mailbox.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var slow = await h.Raw.GetAsync(h.Url("/me"));
        watch.Stop();
        h.Mailbox.Faults.Clear();

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
        Assert.Equal(TimeSpan.Zero, h.Mailbox.Faults.Latency);
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Mailbox.Faults.Latency = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_and_a_rate_of_zero_turns_chaos_off()
    {
        var first = await RunAsync(7);
        var second = await RunAsync(7);
        var other = await RunAsync(8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);

        async Task<List<string>> RunAsync(int seed)
        {
            await using var h = await SandboxHarness.StartAsync();
            h.Mailbox.Faults.InjectWriteFaults(0.5, seed, TimeSpan.Zero);
            var seen = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                try
                {
                    using var response = await h.Raw.PostAsync(h.Url("/me/messages"), RawDraft($"s-{i}"));
                    seen.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (HttpRequestException)
                {
                    seen.Add("dropped");
                }
            }

            h.Mailbox.Faults.InjectWriteFaults(0, seed);
            using var quiet = await h.Raw.PostAsync(h.Url("/me/messages"), RawDraft("quiet"));
            Assert.Equal(HttpStatusCode.Created, quiet.StatusCode);
            Assert.Equal(31, h.Mailbox.Drafts.Count);
            return seen;
        }
    }
}
