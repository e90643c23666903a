using OfficeFollowUp.Calendar;

namespace OfficeFollowUp.Store;

public sealed record StoredEvent(CalendarEventFacts Facts, bool? Mark, string? PromptState)
{
    public NetworkingReason? Networking(CalendarOptions options) => ClassifyEvent.Run(Facts, Mark, options);
}

/// <summary>The calendar as last synced, the user's networking marks, and their answers to "whom will you follow up with?".</summary>
public sealed class EventStore(Database database)
{
    private const string SelectEvent = """
        SELECT e.id, e.series_master_id, e.subject, e.start_at, e.end_at, e.is_all_day, e.show_as, e.categories, e.attendees, e.is_cancelled,
               e.user_response, m.is_networking AS mark, p.state AS prompt_state
        FROM events e
        LEFT JOIN event_marks m ON m.mailbox_id = e.mailbox_id AND m.event_id = e.id
        LEFT JOIN event_prompts p ON p.mailbox_id = e.mailbox_id AND p.event_id = e.id
        """;

    /// <summary>Which of <paramref name="ids"/> the store holds (removed or not): one read for a page, not one per event.</summary>
    public async Task<IReadOnlySet<string>> KnownIdsAsync(StoreSession session, string mailboxId, IEnumerable<string> ids, CancellationToken ct) =>
        (await session.QueryInChunksAsync<string>(
            "SELECT id FROM events WHERE mailbox_id = @mailboxId AND id IN @ids", ids, chunk => new { mailboxId, ids = chunk }, ct))
        .ToHashSet(StringComparer.Ordinal);

    public Task UpsertAsync(StoreSession session, string mailboxId, CalendarEventFacts e, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        return session.ExecuteAsync("""
            INSERT INTO events (mailbox_id, id, series_master_id, subject, start_at, end_at, is_all_day, show_as, categories, attendees, is_cancelled, first_seen_at, removed, user_response)
            VALUES (@mailboxId, @Id, @SeriesMasterId, @Subject, @start, @end, @IsAllDay, @ShowAs, @Categories, @Attendees, @IsCancelled, @now, 0, @UserResponse)
            ON CONFLICT (mailbox_id, id) DO UPDATE SET series_master_id = @SeriesMasterId, subject = @Subject, start_at = @start, end_at = @end,
                is_all_day = @IsAllDay, show_as = @ShowAs, categories = @Categories, attendees = @Attendees, is_cancelled = @IsCancelled, removed = 0,
                user_response = @UserResponse
            WHERE events.removed <> 0 OR events.series_master_id IS DISTINCT FROM @SeriesMasterId OR events.subject IS DISTINCT FROM @Subject
                OR events.start_at IS DISTINCT FROM @start OR events.end_at IS DISTINCT FROM @end OR events.is_all_day IS DISTINCT FROM @IsAllDay
                OR events.show_as IS DISTINCT FROM @ShowAs OR events.categories IS DISTINCT FROM @Categories OR events.attendees IS DISTINCT FROM @Attendees
                OR events.is_cancelled IS DISTINCT FROM @IsCancelled OR events.user_response IS DISTINCT FROM @UserResponse
            """, new
        {
            mailboxId, now, e.Id, e.SeriesMasterId, e.Subject, start = e.Start.ToUniversalTime(), end = e.End.ToUniversalTime(), e.IsAllDay, e.ShowAs,
            e.Categories, e.Attendees, e.IsCancelled, e.UserResponse,
        }, ct);
    }

    public Task MarkRemovedAsync(StoreSession session, string mailboxId, IEnumerable<string> ids, CancellationToken ct) =>
        session.ExecuteInChunksAsync("UPDATE events SET removed = 1 WHERE mailbox_id = @mailboxId AND id IN @ids", ids, chunk => new { mailboxId, ids = chunk }, ct);

    /// <summary>The ids of stored events lying wholly inside <paramref name="window"/>, not marked removed.</summary>
    public Task<IReadOnlyList<string>> ListIdsWithinAsync(StoreSession session, string mailboxId, TimeWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(window);
        return session.QueryAsync<string>(
            "SELECT id FROM events WHERE mailbox_id = @mailboxId AND removed = 0 AND start_at >= @start AND end_at <= @end",
            new { mailboxId, start = window.Start.ToUniversalTime(), end = window.End.ToUniversalTime() }, ct);
    }

    /// <summary>Events that started by <paramref name="at"/> and ended no earlier than <paramref name="endedSince"/>, the latest end first.</summary>
    public Task<IReadOnlyList<StoredEvent>> ListAroundAsync(StoreSession session, string mailboxId, DateTimeOffset at, DateTimeOffset endedSince, CancellationToken ct) =>
        ReadAsync(session, SelectEvent + " WHERE e.mailbox_id = @mailboxId AND e.removed = 0 AND e.start_at <= @at AND e.end_at >= @endedSince ORDER BY e.end_at DESC",
            new { mailboxId, at = at.ToUniversalTime(), endedSince = endedSince.ToUniversalTime() }, ct);

    /// <summary>Events that ended between <paramref name="endedSince"/> and <paramref name="now"/> and the user organised or accepted: candidate one-to-ones.</summary>
    public Task<IReadOnlyList<StoredEvent>> ListAttendedEndedAsync(StoreSession session, string mailboxId, DateTimeOffset endedSince, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(session, SelectEvent + """
             WHERE e.mailbox_id = @mailboxId AND e.removed = 0 AND e.is_cancelled = 0 AND e.end_at > @endedSince AND e.end_at <= @now
               AND e.user_response IN ('organizer', 'accepted')
            """, new { mailboxId, endedSince = endedSince.ToUniversalTime(), now = now.ToUniversalTime() }, ct);

    public async Task<StoredEvent?> GetAsync(string mailboxId, string id, CancellationToken ct) =>
        (await database.UseAsync(s => ReadAsync(s, SelectEvent + " WHERE e.mailbox_id = @mailboxId AND e.id = @id AND e.removed = 0", new { mailboxId, id }, ct), ct))
        .FirstOrDefault();

    /// <summary>Events overlapping [from, until], earliest first.</summary>
    public Task<IReadOnlyList<StoredEvent>> ListAsync(string mailboxId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        database.UseAsync(s => ReadAsync(s,
            SelectEvent + " WHERE e.mailbox_id = @mailboxId AND e.removed = 0 AND e.end_at >= @from AND e.start_at <= @until ORDER BY e.start_at, e.id",
            new { mailboxId, from = from.ToUniversalTime(), until = until.ToUniversalTime() }, ct), ct);

    public Task SetMarkAsync(string mailboxId, string eventId, bool isNetworking, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => s.ExecuteAsync("""
            INSERT INTO event_marks (mailbox_id, event_id, is_networking, marked_at) VALUES (@mailboxId, @eventId, @isNetworking, @now)
            ON CONFLICT (mailbox_id, event_id) DO UPDATE SET is_networking = @isNetworking, marked_at = @now
            """, new { mailboxId, eventId, isNetworking, now }, ct), ct);

    /// <summary>The events that are the product's own one-to-one holds (whatever became of their step).</summary>
    public async Task<IReadOnlySet<string>> OwnHoldIdsAsync(string mailboxId, CancellationToken ct) =>
        (await database.UseAsync(s => s.QueryAsync<string>(
            "SELECT hold_event_id FROM follow_up_steps WHERE mailbox_id = @mailboxId AND hold_event_id IS NOT NULL", new { mailboxId }, ct), ct))
        .ToHashSet(StringComparer.Ordinal);

    public Task AnswerPromptAsync(string mailboxId, string eventId, string state, DateTimeOffset now, CancellationToken ct) =>
        database.UseAsync(s => AnswerPromptAsync(s, mailboxId, eventId, state, now, ct), ct);

    public Task AnswerPromptAsync(StoreSession session, string mailboxId, string eventId, string state, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO event_prompts (mailbox_id, event_id, state, answered_at) VALUES (@mailboxId, @eventId, @state, @now)
            ON CONFLICT (mailbox_id, event_id) DO UPDATE SET state = @state, answered_at = @now
            """, new { mailboxId, eventId, state, now }, ct);

    private static async Task<IReadOnlyList<StoredEvent>> ReadAsync(StoreSession session, string sql, object parameters, CancellationToken ct) =>
        [.. (await session.QueryAsync<EventRow>(sql, parameters, ct)).Select(r => r.ToStored())];

    private sealed class EventRow
    {
        public string Id { get; init; } = "";
        public string? SeriesMasterId { get; init; }
        public string Subject { get; init; } = "";
        public DateTimeOffset StartAt { get; init; }
        public DateTimeOffset EndAt { get; init; }
        public bool IsAllDay { get; init; }
        public string ShowAs { get; init; } = "";
        public IReadOnlyList<string> Categories { get; init; } = [];
        public IReadOnlyList<EventAttendee> Attendees { get; init; } = [];
        public bool IsCancelled { get; init; }
        public string? UserResponse { get; init; }
        public bool? Mark { get; init; }
        public string? PromptState { get; init; }

        public StoredEvent ToStored() =>
            new(new CalendarEventFacts(Id, SeriesMasterId, Subject, StartAt, EndAt, IsAllDay, ShowAs, Categories, Attendees, IsCancelled)
            {
                UserResponse = UserResponse,
            }, Mark, PromptState);
    }
}
