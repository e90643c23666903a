namespace OfficeFollowUp.Tests.Api;

/// <summary>Malformed requests are the caller's problem, answered in the response: they add nothing to the log.</summary>
public sealed class BadInputLogTests
{
    [Fact]
    public async Task A_stream_of_malformed_bodies_writes_no_log_line_at_the_levels_the_worker_ships_with()
    {
        await using var world = await SandboxWorld.StartAsync();
        var capture = new LogCapture();
        await using var worker = await world.StartWorkerAsync(b => b.Logging.AddProvider(capture),
            "--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft.AspNetCore=Warning", "--Api:RequestsPerMinute=1000");
        await worker.SyncOnceAsync();
        using var client = worker.Client();
        var before = capture.Entries.Count;
        string[] bodies = ["", "null", "{", "[]", """{"tyre":"x"}""", """{"tier":99}""", """{"tier":"other","cadenceDays":"7"}""", """{"tier":"a\u0000"}"""];

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            foreach (var body in bodies)
            {
                var response = await client.PutAsync(new Uri("/api/people/tama@ngataelectrical.co.nz/cadence", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
                statuses.Add(response.StatusCode);
            }
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(before, capture.Entries.Count);
    }
}
