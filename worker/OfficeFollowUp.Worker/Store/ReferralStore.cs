using System.Globalization;
using Microsoft.Data.Sqlite;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Referrals;

namespace OfficeFollowUp.Store;

/// <summary>Referrals given and received, their duties' state and outcomes. Writes that belong together take the caller's transaction.</summary>
public sealed class ReferralStore(Database database)
{
    private const string Select = """
        SELECT id, mailbox_id, direction, partner_email, partner_name, prospect_name, prospect_email, prospect_phone, note, copy_partner,
               source_message_id, referred_at, contacted_at, partner_followed_up, outcome, outcome_value, outcome_note, better_fit, outcome_at,
               intro_draft_id, check_in_draft_id, close_draft_id, created_at,
               (SELECT json_object('id', o.id, 'kind', o.kind, 'reason', o.give_up_reason, 'attempts', o.attempts, 'at', o.gave_up_at)
                FROM outbox o WHERE o.referral_id = referrals.id AND o.status = 'GaveUp' ORDER BY o.gave_up_at DESC LIMIT 1)
        FROM referrals
        """;

    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction tx, Referral r, CancellationToken ct)
    {
        await using var command = connection.Command("""
            INSERT INTO referrals (id, mailbox_id, direction, partner_email_key, partner_email, partner_name, prospect_name, prospect_email,
                prospect_phone, note, copy_partner, source_message_id, referred_at, created_at, updated_at)
            VALUES ($id, $m, $dir, $pk, $pe, $pn, $name, $email, $phone, $note, $copy, $source, $at, $now, $now)
            """, tx)
            .With("$id", r.Id).With("$m", r.MailboxId).With("$dir", r.Direction.ToString()).With("$pk", EmailAddresses.Key(r.Partner.Email))
            .With("$pe", r.Partner.Email).With("$pn", r.Partner.DisplayName).With("$name", r.ProspectName).With("$email", r.ProspectEmail)
            .With("$phone", r.ProspectPhone).With("$note", r.Note).With("$copy", r.CopyPartner).With("$source", r.SourceMessageId)
            .With("$at", r.ReferredAt.ToUniversalTime()).With("$now", r.CreatedAt);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<Referral?> GetAsync(SqliteConnection connection, SqliteTransaction? tx, string mailboxId, string id, CancellationToken ct)
    {
        await using var command = connection.Command(Select + " WHERE mailbox_id = $m AND id = $id", tx).With("$m", mailboxId).With("$id", id);
        return (await ReadAllAsync(command, ct)).FirstOrDefault();
    }

    internal static async Task<Referral?> FindBySourceAsync(SqliteConnection connection, SqliteTransaction tx, string mailboxId, string sourceMessageId, CancellationToken ct)
    {
        await using var command = connection.Command(Select + " WHERE mailbox_id = $m AND source_message_id = $s", tx).With("$m", mailboxId).With("$s", sourceMessageId);
        return (await ReadAllAsync(command, ct)).FirstOrDefault();
    }

    internal static async Task SetOutcomeAsync(SqliteConnection connection, SqliteTransaction tx, string id, ReferralOutcome outcome, decimal? value, string? note, string? betterFit, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command("""
            UPDATE referrals SET outcome = $o, outcome_value = $v, outcome_note = $note, better_fit = $fit, outcome_at = $now, updated_at = $now
            WHERE id = $id
            """, tx)
            .With("$o", outcome.ToString()).With("$v", value?.ToString(CultureInfo.InvariantCulture)).With("$note", note).With("$fit", betterFit)
            .With("$now", now).With("$id", id);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<Referral?> GetAsync(string mailboxId, string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetAsync(connection, null, mailboxId, id, ct);
    }

    /// <summary>By id alone: the outbox knows only the referral it works for.</summary>
    public async Task<Referral?> GetByIdAsync(string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(Select + " WHERE id = $id").With("$id", id);
        return (await ReadAllAsync(command, ct)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Referral>> ListAsync(string mailboxId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(Select + " WHERE mailbox_id = $m ORDER BY referred_at DESC, id").With("$m", mailboxId);
        return await ReadAllAsync(command, ct);
    }

    public async Task<IReadOnlyList<Referral>> ListForPartnerAsync(string mailboxId, string partnerEmail, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(Select + " WHERE mailbox_id = $m AND partner_email_key = $k ORDER BY referred_at DESC, id")
            .With("$m", mailboxId).With("$k", EmailAddresses.Key(partnerEmail));
        return await ReadAllAsync(command, ct);
    }

    /// <summary>Received: the user got in touch with the prospect; the first duty is done.</summary>
    public async Task MarkContactedAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE referrals SET contacted_at = COALESCE(contacted_at, $now), updated_at = $now WHERE id = $id")
            .With("$now", now).With("$id", id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Given: what the partner said when asked whether they reached the prospect.</summary>
    public async Task SetPartnerFollowedUpAsync(string id, bool followedUp, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE referrals SET partner_followed_up = $f, updated_at = $now WHERE id = $id")
            .With("$f", followedUp).With("$now", now).With("$id", id);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<Referral>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var list = new List<Referral>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Referral(
                reader.GetString(0), reader.GetString(1), Enum.Parse<ReferralDirection>(reader.GetString(2)),
                new Party(reader.GetString(3), reader.GetNullableString(4)), reader.GetString(5), reader.GetNullableString(6), reader.GetNullableString(7),
                reader.GetNullableString(8), reader.GetInt64(9) != 0, reader.GetNullableString(10), reader.GetTime(11), reader.GetNullableTime(12),
                reader.IsDBNull(13) ? null : reader.GetInt64(13) != 0,
                reader.GetNullableString(14) is { } outcome ? Enum.Parse<ReferralOutcome>(outcome) : null,
                reader.GetNullableString(15) is { } value ? decimal.Parse(value, CultureInfo.InvariantCulture) : null,
                reader.GetNullableString(16), reader.GetNullableString(17), reader.GetNullableTime(18),
                reader.GetNullableString(19), reader.GetNullableString(20), reader.GetNullableString(21), reader.GetTime(22))
            {
                DraftGaveUp = OutboxStore.ReadGaveUp(reader.GetNullableString(23)),
            });
        }
        return list;
    }
}
