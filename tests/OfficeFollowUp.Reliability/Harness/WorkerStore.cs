using Microsoft.Data.Sqlite;

namespace OfficeFollowUp.Reliability.Harness;

/// <summary>
/// Read-only look into the worker's SQLite file, for two things the mailbox cannot say: when the worker has
/// nothing left to write (so counting the mailbox is final), and why an item is missing. Drills never assert on it.
/// </summary>
internal sealed class WorkerStore(string dataFolder)
{
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataFolder, "officefollowup.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// The worker has read every expected person (each is in its people table) and has no outbox entry left
    /// pending: it will write nothing more for them.
    /// </summary>
    public async Task<bool> QuietAsync(IEnumerable<ExpectedPerson> expected)
    {
        await using var connection = await OpenAsync();
        if (await ScalarAsync(connection, "SELECT COUNT(*) FROM outbox WHERE status = 'Pending'") > 0)
        {
            return false;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var people = connection.CreateCommand())
        {
            people.CommandText = "SELECT email_key FROM people";
            await using var reader = await people.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                known.Add(reader.GetString(0));
            }
        }

        return expected.All(p => known.Contains(MailboxTally.Key(p.Email)));
    }

    /// <summary>Items the worker gave up on or is still retrying, by the error it recorded.</summary>
    public async Task<string> OutboxSummaryAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, status, COALESCE(last_error, ''), COUNT(*), MAX(attempts) FROM outbox GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetString(0)} {reader.GetString(1)}{(reader.GetString(2).Length > 0 ? " (" + reader.GetString(2) + ")" : string.Empty)}: {reader.GetInt64(3)}, attempts up to {reader.GetInt64(4)}"));
        }

        return "outbox: " + string.Join("; ", lines);
    }

    /// <summary>What the worker knows about one person: read at all, made an acquaintance, its steps and their notes.</summary>
    public async Task<PersonDiagnosis> DiagnoseAsync(string email)
    {
        try
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT p.is_acquaintance,
                       (SELECT group_concat(s.step || ':' || s.state || COALESCE(' note=' || s.note, ''), ', ') FROM follow_up_steps s
                        WHERE s.mailbox_id = p.mailbox_id AND s.email_key = p.email_key)
                FROM people p WHERE p.email_key = $k
                """;
            command.Parameters.AddWithValue("$k", MailboxTally.Key(email));
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return new PersonDiagnosis(PersonState.NeverRead, "never read by the worker");
            }

            return reader.GetInt64(0) == 0
                ? new PersonDiagnosis(PersonState.ReadWithoutTrack, "read by the worker, but not taken as a new acquaintance (no track)")
                : new PersonDiagnosis(PersonState.Acquaintance, $"acquaintance with steps {(reader.IsDBNull(1) ? "none" : reader.GetString(1))}");
        }
        catch (SqliteException ex)
        {
            return new PersonDiagnosis(PersonState.Unknown, $"no diagnosis ({ex.SqliteErrorCode})");
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

internal enum PersonState
{
    Unknown,
    NeverRead,
    ReadWithoutTrack,
    Acquaintance,
}

internal sealed record PersonDiagnosis(PersonState State, string Text);
