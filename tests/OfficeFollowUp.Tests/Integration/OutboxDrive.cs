using OfficeFollowUp.Outbox;

namespace OfficeFollowUp.Tests.Integration;

/// <summary>A way a write can be lost after the mailbox applied it.</summary>
public enum AfterApplyFault
{
    Answered503,
    Answered504,
    ConnectionDropped,
}

/// <summary>One outbox row as stored: what it was for, its tag, where it stands and the item it made.</summary>
public sealed record OutboxRow(string Id, string Kind, string Tag, string Status, int Attempts, string? GraphId, string? LastError);

/// <summary>Drives a worker's passes until its outbox has settled, and checks every item it made exists exactly once.</summary>
public static class OutboxDrive
{
    public static void Inject(SandboxFaults faults, AfterApplyFault fault, string pathContains, int count = 1)
    {
        switch (fault)
        {
            case AfterApplyFault.Answered503:
                faults.FailAfterApply(count, 503, TimeSpan.Zero, pathContains);
                break;
            case AfterApplyFault.Answered504:
                faults.FailAfterApply(count, 504, TimeSpan.Zero, pathContains);
                break;
            case AfterApplyFault.ConnectionDropped:
                faults.DropConnectionAfterApply(count, pathContains);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    public static async Task<IReadOnlyList<OutboxRow>> RowsAsync(RunningWorker worker)
    {
        await using var connection = await worker.Get<Database>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, tag, status, attempts, graph_id, last_error FROM outbox ORDER BY created_at, id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>
    /// Passes (time moving on between them, past any backoff) until no entry is waiting to be tried again within the
    /// hour; entries planned for later (a check-in due in a week) do not count.
    /// </summary>
    public static async Task SettleAsync(SandboxWorld world, RunningWorker worker, int maxPasses = 40)
    {
        for (var pass = 0; pass < maxPasses; pass++)
        {
            await worker.SyncOnceAsync();
            if (await PendingSoonAsync(worker, world.Time.GetUtcNow().AddHours(1)) == 0)
            {
                return;
            }

            world.Time.Advance(TimeSpan.FromMinutes(16));
        }

        Assert.Fail($"The outbox did not settle in {maxPasses} passes: {string.Join("; ", await RowsAsync(worker))}");
    }

    private static async Task<long> PendingSoonAsync(RunningWorker worker, DateTimeOffset horizon)
    {
        await using var connection = await worker.Get<Database>().OpenAsync(CancellationToken.None);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(
            connection, "SELECT COUNT(*) FROM outbox WHERE status = 'Pending' AND next_attempt_at <= @horizon", new { horizon = horizon.ToUniversalTime() });
    }

    /// <summary>
    /// Every completed outbox entry's item is in the mailbox exactly once (by its tag) under the id the store recorded,
    /// and the mailbox holds no tagged draft or hold the store does not know.
    /// </summary>
    public static void AssertEachItemExactlyOnce(SandboxWorld world, IReadOnlyList<OutboxRow> rows)
    {
        var drafts = world.Mailbox.Drafts.Where(d => d.SingleValueExtendedProperties.ContainsKey(TaggedItems.PropertyId))
            .GroupBy(d => d.SingleValueExtendedProperties[TaggedItems.PropertyId]).ToDictionary(g => g.Key, g => g.ToList());
        var holds = world.Mailbox.CreatedEvents.Where(e => e.SingleValueExtendedProperties.ContainsKey(TaggedItems.PropertyId))
            .GroupBy(e => e.SingleValueExtendedProperties[TaggedItems.PropertyId]).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var row in rows.Where(r => r.Status == "Completed"))
        {
            var made = row.Kind == nameof(OutboxKind.BookMeetingHold)
                ? (holds.GetValueOrDefault(row.Tag) ?? []).Select(h => h.Id).ToList()
                : (drafts.GetValueOrDefault(row.Tag) ?? []).Select(d => d.Id).ToList();
            Assert.True(made.Count == 1, $"{row.Kind} {row.Tag}: {made.Count} in the mailbox");
            Assert.Equal(made[0], row.GraphId);
        }

        var known = rows.Select(r => r.Tag).ToHashSet(StringComparer.Ordinal);
        Assert.All(drafts.Keys.Concat(holds.Keys), tag => Assert.Contains(tag, known));
        Assert.Equal(rows.Count(r => r.Status == "Completed" && r.Kind != nameof(OutboxKind.BookMeetingHold)), drafts.Values.Sum(d => d.Count));
        Assert.Equal(rows.Count(r => r.Status == "Completed" && r.Kind == nameof(OutboxKind.BookMeetingHold)), holds.Values.Sum(h => h.Count));
    }
}
