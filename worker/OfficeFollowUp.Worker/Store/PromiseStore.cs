using OfficeFollowUp.Calendar;
using OfficeFollowUp.Evidence;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Promises;

namespace OfficeFollowUp.Store;

public sealed class PromiseStore(Database database)
{
    private const string Select = """
        SELECT pr.id, pr.email, pr.display_name, pr.event_id, e.subject AS event_subject, pr.text, pr.due_at, pr.state, pr.snoozed_until, pr.done_at,
               p.preferred_channel, pr.channel, pr.done_via
        FROM promises pr
        LEFT JOIN events e ON e.mailbox_id = pr.mailbox_id AND e.id = pr.event_id
        LEFT JOIN people p ON p.mailbox_id = pr.mailbox_id AND p.email_key = pr.email_key
        """;

    public async Task<Promise> CreateAsync(
        string mailboxId, string email, string displayName, string? eventId, string text, DateTimeOffset dueAt, PreferredChannel? channel, DateTimeOffset now, CancellationToken ct)
    {
        var id = await database.UseAsync(s => InsertAsync(s, mailboxId, email, displayName, eventId, text, dueAt, now, ct, channel), ct);
        return (await GetAsync(mailboxId, id, ct))!;
    }

    /// <summary>Inside the caller's session, so a promise made in the event prompt lands with the tracks or not at all.</summary>
    public async Task<string> InsertAsync(
        StoreSession session, string mailboxId, string email, string displayName, string? eventId, string text, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken ct,
        PreferredChannel? channel = null)
    {
        var id = Guid.CreateVersion7(now).ToString();
        await session.ExecuteAsync("""
            INSERT INTO promises (id, mailbox_id, email_key, email, display_name, event_id, text, due_at, state, channel, created_at, updated_at)
            VALUES (@id, @mailboxId, @key, @email, @displayName, @eventId, @text, @dueAt, 'Open', @channel, @now, @now)
            """, new
        {
            id, mailboxId, key = EmailAddresses.Key(email), email = email.Trim(), displayName, eventId, text, dueAt = dueAt.ToUniversalTime(), channel = channel?.ToString(), now,
        }, ct);
        return id;
    }

    public async Task<Promise?> GetAsync(string mailboxId, string id, CancellationToken ct) =>
        (await ReadAsync(Select + " WHERE pr.mailbox_id = @mailboxId AND pr.id = @id", new { mailboxId, id }, ct)).FirstOrDefault();

    public Task<IReadOnlyList<Promise>> ListOpenAsync(string mailboxId, CancellationToken ct) =>
        ReadAsync(Select + " WHERE pr.mailbox_id = @mailboxId AND pr.state <> 'Done' ORDER BY pr.due_at, pr.id", new { mailboxId }, ct);

    /// <summary>A kept promise stays kept: the write is conditional on it not being done when it lands.</summary>
    /// <returns>Whether the decision was written.</returns>
    public async Task<bool> SetStateAsync(string id, PromiseState state, DateTimeOffset? snoozedUntil, DateTimeOffset now, CancellationToken ct) =>
        await database.UseAsync(s => s.ExecuteAsync("""
            UPDATE promises SET state = @state, snoozed_until = @snoozedUntil, done_at = CASE WHEN @state = 'Done' THEN @now ELSE done_at END,
                done_via = CASE WHEN @state = 'Done' THEN 'Marked' ELSE done_via END, updated_at = @now
            WHERE id = @id AND state <> 'Done'
            """, new { id, state = state.ToString(), snoozedUntil = snoozedUntil?.ToUniversalTime(), now }, ct), ct) == 1;

    private Task<IReadOnlyList<Promise>> ReadAsync(string sql, object parameters, CancellationToken ct) =>
        database.UseAsync(async s => (IReadOnlyList<Promise>)[.. (await s.QueryAsync<PromiseRow>(sql, parameters, ct)).Select(r => r.ToPromise())], ct);

    private sealed class PromiseRow
    {
        public string Id { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? EventId { get; init; }
        public string? EventSubject { get; init; }
        public string Text { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
        public PromiseState State { get; init; }
        public DateTimeOffset? SnoozedUntil { get; init; }
        public DateTimeOffset? DoneAt { get; init; }
        public string? PreferredChannel { get; init; }
        public PreferredChannel? Channel { get; init; }
        public CompletedVia? DoneVia { get; init; }

        public Promise ToPromise() => new(Id, Email, DisplayName, EventId, EventSubject, Text, DueAt, State, SnoozedUntil, DoneAt, PreferredChannel)
        {
            Channel = Channel,
            DoneVia = DoneVia,
        };
    }
}
