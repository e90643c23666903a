namespace OfficeFollowUp.Tests.Api;

/// <summary>
/// "Reconnect needed" never fails silently: when the mailbox refuses the worker's sign-in, the Health
/// view hears why and what to do, whether it happens before the first connection or at a later
/// profile refresh (which stops the loop before any resource's sync state could record it).
/// </summary>
public sealed class SignInRefusedStatusTests
{
    private static async Task<JsonElement> StatusAsync(RunningWorker worker)
    {
        using var client = worker.Client();
        return await client.GetFromJsonAsync<JsonElement>("/api/status");
    }

    [Fact]
    public async Task A_sign_in_refused_before_the_first_connection_is_reported_with_what_to_do_and_clears_once_it_works()
    {
        await using var world = await SandboxWorld.StartAsync();
        world.Mailbox.Faults.FailNext(401, "InvalidAuthenticationToken", pathContains: "/me");
        await using var worker = await world.StartWorkerAsync();

        var run = await worker.SyncOnceAsync();
        var refused = await StatusAsync(worker);
        var again = await worker.SyncOnceAsync();
        var fine = await StatusAsync(worker);

        Assert.False(run.Connected);
        Assert.False(refused.GetProperty("connected").GetBoolean());
        Assert.Equal("InvalidAuthenticationToken", refused.GetProperty("signInRefused").GetString());
        Assert.Contains("Mailbox:GraphBaseUrl", refused.GetProperty("reconnectAction").GetString(), StringComparison.Ordinal);
        Assert.True(again.Connected);
        Assert.True(fine.GetProperty("connected").GetBoolean());
        Assert.Equal(JsonValueKind.Null, fine.GetProperty("signInRefused").ValueKind);
    }

    [Fact]
    public async Task A_sign_in_refused_at_a_later_profile_refresh_is_reported_although_every_resource_last_synced_fine()
    {
        await using var world = await SandboxWorld.StartAsync();
        await using var worker = await world.StartBaselinedWorkerAsync();
        world.Time.Advance(TimeSpan.FromHours(2));
        world.Mailbox.Faults.FailNext(403, "ErrorAccessDenied", pathContains: "/me");

        var run = await worker.SyncOnceAsync();
        var status = await StatusAsync(worker);

        Assert.False(run.Connected);
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Equal("ErrorAccessDenied", status.GetProperty("signInRefused").GetString());
        Assert.All(status.GetProperty("sync").EnumerateArray(), s => Assert.Equal("Incremental", s.GetProperty("stage").GetString()));
    }

    [Theory]
    [InlineData(null, null, null, "sandbox mailbox needs no sign-in")]
    [InlineData(MailboxMode.Delegated, "9f3c1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10", null, "sign in again with the code it prints")]
    [InlineData(MailboxMode.Application, "9f3c1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10", null, "An administrator must check the app registration")]
    [InlineData(null, null, "http://127.0.0.1:5100/v1.0", "Mailbox:GraphBaseUrl")]
    public void The_action_fits_who_can_fix_it(MailboxMode? mode, string? tenant, string? graph, string expected)
    {
        var settings = new MailboxOptions { Mode = mode, TenantId = tenant, ClientId = tenant };
        if (graph is not null)
        {
            settings.GraphBaseUrl = graph;
        }

        Assert.Contains(expected, ReconnectAdvice.For(settings), StringComparison.Ordinal);
    }
}
