using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Store;

public sealed record StoredMailbox(MailboxProfile Profile, DateTimeOffset ConnectedAt, DateTimeOffset? BaselinedAt);

public sealed class MailboxStore(Database database)
{
    private const string Select = "SELECT id, display_name, given_name, own_addresses, time_zone, language, connected_at, baselined_at FROM mailboxes";

    public async Task<StoredMailbox> UpsertAsync(MailboxProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO mailboxes (id, display_name, given_name, own_addresses, time_zone, language, connected_at)
            VALUES (@MailboxId, @DisplayName, @GivenName, @OwnAddresses, @TimeZoneId, @Language, @now)
            ON CONFLICT (id) DO UPDATE SET display_name = @DisplayName, given_name = @GivenName, own_addresses = @OwnAddresses, time_zone = @TimeZoneId,
                language = @Language
            WHERE mailboxes.display_name IS DISTINCT FROM @DisplayName OR mailboxes.given_name IS DISTINCT FROM @GivenName
                OR mailboxes.own_addresses IS DISTINCT FROM @OwnAddresses OR mailboxes.time_zone IS DISTINCT FROM @TimeZoneId
                OR mailboxes.language IS DISTINCT FROM @Language
            """, new { profile.MailboxId, profile.DisplayName, profile.GivenName, profile.OwnAddresses, profile.TimeZoneId, profile.Language, now }, ct), ct);
        return await GetAsync(profile.MailboxId, ct) ?? throw new InvalidOperationException("Mailbox vanished after upsert.");
    }

    public async Task<StoredMailbox?> GetAsync(string mailboxId, CancellationToken ct) =>
        (await database.UseAsync(s => s.QuerySingleOrDefaultAsync<MailboxRow>(Select + " WHERE id = @mailboxId", new { mailboxId }, ct), ct))?.ToMailbox();

    /// <summary>The only mailbox in single-person mode; null before the first connection.</summary>
    public async Task<StoredMailbox?> GetSingleAsync(CancellationToken ct) =>
        (await database.UseAsync(s => s.QuerySingleOrDefaultAsync<MailboxRow>(Select + " ORDER BY connected_at LIMIT 1", null, ct), ct))?.ToMailbox();

    public Task MarkCalendarConnectedAsync(string mailboxId, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "UPDATE mailboxes SET calendar_connected_at = @now WHERE id = @mailboxId AND calendar_connected_at IS NULL", new { mailboxId, now }, ct), ct);

    public Task<DateTimeOffset?> CalendarConnectedAtAsync(string mailboxId, CancellationToken ct) =>
        database.UseAsync(s => s.ScalarAsync<DateTimeOffset?>("SELECT calendar_connected_at FROM mailboxes WHERE id = @mailboxId", new { mailboxId }, ct), ct);

    public Task MarkBaselinedAsync(string mailboxId, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync(
            "UPDATE mailboxes SET baselined_at = @now WHERE id = @mailboxId AND baselined_at IS NULL", new { mailboxId, now }, ct), ct);

    private sealed class MailboxRow
    {
        public string Id { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? GivenName { get; init; }
        public IReadOnlyList<string> OwnAddresses { get; init; } = [];
        public string TimeZone { get; init; } = "";
        public string? Language { get; init; }
        public DateTimeOffset ConnectedAt { get; init; }
        public DateTimeOffset? BaselinedAt { get; init; }

        public StoredMailbox ToMailbox() => new(new MailboxProfile(Id, DisplayName, GivenName, OwnAddresses, TimeZone, Language), ConnectedAt, BaselinedAt);
    }
}
