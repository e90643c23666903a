using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace OfficeFollowUp.Store;

/// <summary>
/// Versioned schema changes, one list for both stores. A migration is never edited once released; add a new one instead.
/// Each runs in its own transaction together with the row that records it. <c>{time}</c> is a point in time: ISO 8601
/// text on SQLite (what every file written so far holds), timestamptz on PostgreSQL; every other type is the same on both
/// (flags are 0/1 integers, so one statement serves both).
/// </summary>
internal static class Migrations
{
    /// <summary>
    /// The product's tables, for a reset that must not touch anything else in a shared database: every table a migration
    /// creates (read from the migrations themselves, so a new one cannot be forgotten here), and the version table.
    /// </summary>
    public static string[] Tables =>
    [
        "schema_migrations",
        .. All.SelectMany(m => CreatedTable.Matches(m.Sql).Select(t => t.Groups[1].Value)).Distinct(),
    ];

    private static readonly Regex CreatedTable = new(@"CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)", RegexOptions.CultureInvariant);

    private static readonly (int Version, string Name, string Sql)[] All =
    [
        (1, "initial", """
            CREATE TABLE mailboxes (
                id TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                given_name TEXT,
                own_addresses TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                connected_at {time} NOT NULL,
                baselined_at {time}
            );
            CREATE TABLE sync_state (
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                resource TEXT NOT NULL,
                stage TEXT NOT NULL,
                cursor TEXT,
                failure_count INTEGER NOT NULL DEFAULT 0,
                last_success_at {time},
                last_error TEXT,
                retry_after {time},
                items_skipped INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (mailbox_id, resource)
            );
            CREATE TABLE contacts (
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                id TEXT NOT NULL,
                folder_id TEXT NOT NULL,
                display_name TEXT NOT NULL,
                given_name TEXT,
                company_name TEXT,
                emails TEXT NOT NULL,
                created_at {time},
                first_seen_at {time} NOT NULL,
                removed INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (mailbox_id, id)
            );
            CREATE TABLE people (
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                email_key TEXT NOT NULL,
                email TEXT NOT NULL,
                display_name TEXT NOT NULL,
                given_name TEXT,
                company_name TEXT,
                contact_id TEXT,
                first_seen_at {time} NOT NULL,
                met_at {time},
                is_acquaintance INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (mailbox_id, email_key)
            );
            CREATE TABLE follow_up_steps (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL,
                email_key TEXT NOT NULL,
                step TEXT NOT NULL,
                due_at {time} NOT NULL,
                state TEXT NOT NULL,
                snoozed_until {time},
                skip_reason TEXT,
                draft_id TEXT,
                created_at {time} NOT NULL,
                updated_at {time} NOT NULL,
                UNIQUE (mailbox_id, email_key, step),
                FOREIGN KEY (mailbox_id, email_key) REFERENCES people(mailbox_id, email_key)
            );
            CREATE INDEX follow_up_steps_open ON follow_up_steps(mailbox_id, state, due_at);
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL,
                step_id TEXT NOT NULL UNIQUE REFERENCES follow_up_steps(id),
                kind TEXT NOT NULL,
                tag TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at {time} NOT NULL,
                last_error TEXT,
                graph_id TEXT,
                created_at {time} NOT NULL,
                completed_at {time}
            );
            CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
            """),
        (2, "calendar", """
            ALTER TABLE sync_state ADD COLUMN "window" TEXT;
            CREATE TABLE events (
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                id TEXT NOT NULL,
                series_master_id TEXT,
                subject TEXT NOT NULL,
                start_at {time} NOT NULL,
                end_at {time} NOT NULL,
                is_all_day INTEGER NOT NULL,
                show_as TEXT NOT NULL,
                categories TEXT NOT NULL,
                attendees TEXT NOT NULL,
                is_cancelled INTEGER NOT NULL,
                first_seen_at {time} NOT NULL,
                removed INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (mailbox_id, id)
            );
            CREATE INDEX events_end ON events(mailbox_id, end_at);
            CREATE TABLE event_marks (
                mailbox_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                is_networking INTEGER NOT NULL,
                marked_at {time} NOT NULL,
                PRIMARY KEY (mailbox_id, event_id)
            );
            CREATE TABLE event_prompts (
                mailbox_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                state TEXT NOT NULL,
                answered_at {time} NOT NULL,
                PRIMARY KEY (mailbox_id, event_id)
            );
            ALTER TABLE people ADD COLUMN event_id TEXT;
            ALTER TABLE people ADD COLUMN remember TEXT;
            ALTER TABLE people ADD COLUMN promised TEXT;
            ALTER TABLE people ADD COLUMN preferred_channel TEXT;
            ALTER TABLE people ADD COLUMN profile_url TEXT;
            ALTER TABLE follow_up_steps ADD COLUMN hold_event_id TEXT;
            ALTER TABLE follow_up_steps ADD COLUMN note TEXT;
            ALTER TABLE mailboxes ADD COLUMN calendar_connected_at {time};
            """),
        (3, "referrals-promises-keep-in-touch", """
            CREATE TABLE referrals (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                direction TEXT NOT NULL,
                partner_email_key TEXT NOT NULL,
                partner_email TEXT NOT NULL,
                partner_name TEXT,
                prospect_name TEXT NOT NULL,
                prospect_email TEXT,
                prospect_phone TEXT,
                note TEXT,
                copy_partner INTEGER NOT NULL DEFAULT 0,
                source_message_id TEXT,
                referred_at {time} NOT NULL,
                contacted_at {time},
                partner_followed_up INTEGER,
                outcome TEXT,
                outcome_value TEXT,
                outcome_note TEXT,
                better_fit TEXT,
                outcome_at {time},
                intro_draft_id TEXT,
                check_in_draft_id TEXT,
                close_draft_id TEXT,
                created_at {time} NOT NULL,
                updated_at {time} NOT NULL
            );
            CREATE INDEX referrals_partner ON referrals(mailbox_id, partner_email_key);
            CREATE UNIQUE INDEX referrals_source ON referrals(mailbox_id, source_message_id) WHERE source_message_id IS NOT NULL;
            CREATE TABLE promises (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                email_key TEXT NOT NULL,
                email TEXT NOT NULL,
                display_name TEXT NOT NULL,
                event_id TEXT,
                text TEXT NOT NULL,
                due_at {time} NOT NULL,
                state TEXT NOT NULL,
                snoozed_until {time},
                done_at {time},
                created_at {time} NOT NULL,
                updated_at {time} NOT NULL
            );
            CREATE INDEX promises_open ON promises(mailbox_id, state, due_at);
            ALTER TABLE people ADD COLUMN tier TEXT;
            ALTER TABLE people ADD COLUMN cadence_days INTEGER;
            ALTER TABLE contacts ADD COLUMN birthday TEXT;
            CREATE TABLE outbox_v3 (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL,
                step_id TEXT UNIQUE REFERENCES follow_up_steps(id),
                referral_id TEXT REFERENCES referrals(id),
                kind TEXT NOT NULL,
                tag TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at {time} NOT NULL,
                last_error TEXT,
                graph_id TEXT,
                created_at {time} NOT NULL,
                completed_at {time},
                CHECK ((step_id IS NULL) <> (referral_id IS NULL))
            );
            INSERT INTO outbox_v3 (id, mailbox_id, step_id, kind, tag, status, attempts, next_attempt_at, last_error, graph_id, created_at, completed_at)
                SELECT id, mailbox_id, step_id, kind, tag, status, attempts, next_attempt_at, last_error, graph_id, created_at, completed_at FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_v3 RENAME TO outbox;
            CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
            CREATE INDEX outbox_referral ON outbox(referral_id);
            """),
        (4, "mailbox-settings", """
            CREATE TABLE mailbox_settings (
                mailbox_id TEXT PRIMARY KEY REFERENCES mailboxes(id),
                overrides TEXT NOT NULL,
                updated_at {time} NOT NULL
            );
            """),
        (5, "resync-reconcile", """
            ALTER TABLE sync_state ADD COLUMN pending_resync TEXT;
            ALTER TABLE sync_state ADD COLUMN last_resync_at {time};
            ALTER TABLE sync_state ADD COLUMN last_resync_reason TEXT;
            ALTER TABLE sync_state ADD COLUMN last_resync_read INTEGER;
            ALTER TABLE sync_state ADD COLUMN last_resync_new INTEGER;
            ALTER TABLE sync_state ADD COLUMN last_resync_removed INTEGER;
            CREATE INDEX contacts_folder ON contacts(mailbox_id, folder_id, removed);
            """),
        // An entry records that its create call went out before making it, so a later try knows to look the tag up;
        // entries stop (GaveUp) with a reason in plain words. Entries still pending from before this version may
        // have had a create in flight when the old worker stopped: they all look their tag up once.
        (6, "outbox-attempts-and-give-up", """
            ALTER TABLE outbox ADD COLUMN create_started_at {time};
            ALTER TABLE outbox ADD COLUMN first_failed_at {time};
            ALTER TABLE outbox ADD COLUMN gave_up_at {time};
            ALTER TABLE outbox ADD COLUMN give_up_reason TEXT;
            UPDATE outbox SET create_started_at = created_at WHERE status = 'Pending';
            CREATE INDEX outbox_mailbox_status ON outbox(mailbox_id, status);
            """),
        // Several processes may work one PostgreSQL store: an entry is claimed (a conditional UPDATE, the same on both stores)
        // before it is worked, so two processes never work it at once; a claim lapses when its lease runs out (its process died).
        (7, "outbox-claims", """
            ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
            ALTER TABLE outbox ADD COLUMN claimed_until {time};
            """),
        // News waits for its round to end: new people found by a contacts round are held here until every folder's round
        // is saved, then either start tracks or, when too many arrived at once (an import, a phone sync), wait in a
        // bulk prompt for the user to pick whom to follow up with.
        (8, "bulk-additions", """
            CREATE TABLE bulk_prompts (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                found_at {time} NOT NULL,
                state TEXT NOT NULL,
                answered_at {time}
            );
            CREATE INDEX bulk_prompts_open ON bulk_prompts(mailbox_id, state);
            CREATE TABLE news_candidates (
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                email_key TEXT NOT NULL,
                email TEXT NOT NULL,
                display_name TEXT NOT NULL,
                given_name TEXT,
                company_name TEXT,
                contact_id TEXT NOT NULL,
                folder_id TEXT NOT NULL,
                met_at {time} NOT NULL,
                found_at {time} NOT NULL,
                bulk_prompt_id TEXT REFERENCES bulk_prompts(id),
                state TEXT NOT NULL,
                PRIMARY KEY (mailbox_id, email_key)
            );
            CREATE INDEX news_candidates_prompt ON news_candidates(bulk_prompt_id);
            """),
        // Graph change-notification subscriptions, one per mailbox and kind (contacts, events). The clientState secret is
        // kept only as its SHA-256: enough to check a notification, useless to forge one if the store leaks.
        (9, "graph-subscriptions", """
            CREATE TABLE graph_subscriptions (
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                kind TEXT NOT NULL,
                subscription_id TEXT NOT NULL UNIQUE,
                resource TEXT NOT NULL,
                client_state_hash TEXT NOT NULL,
                expires_at {time} NOT NULL,
                renew_due INTEGER NOT NULL DEFAULT 0,
                created_at {time} NOT NULL,
                PRIMARY KEY (mailbox_id, kind)
            );
            """),
        // Evidence over clicks: a step records how it was completed (sent mail, a meeting, or marked by the user), when,
        // and the message or event that showed it; a draft remembers its conversation and internet message ids, which
        // survive sending when its tag may not; the user's own answer to an event tells a meeting they attend from an
        // invitation they ignored; a person's last mail from the user counts as contact for keep-in-touch.
        (10, "completion-evidence", """
            ALTER TABLE follow_up_steps ADD COLUMN completed_via TEXT;
            ALTER TABLE follow_up_steps ADD COLUMN completed_at {time};
            ALTER TABLE follow_up_steps ADD COLUMN evidence_id TEXT;
            ALTER TABLE follow_up_steps ADD COLUMN draft_conversation_id TEXT;
            ALTER TABLE follow_up_steps ADD COLUMN draft_internet_message_id TEXT;
            ALTER TABLE events ADD COLUMN user_response TEXT;
            ALTER TABLE people ADD COLUMN last_mailed_at {time};
            UPDATE follow_up_steps SET completed_via = 'Meeting', completed_at = updated_at
                WHERE state = 'Done' AND note = 'A meeting with them is in your calendar.';
            UPDATE follow_up_steps SET completed_via = 'Marked', completed_at = updated_at WHERE state = 'Done' AND completed_via IS NULL;
            CREATE INDEX follow_up_steps_draft ON follow_up_steps(mailbox_id, draft_id);
            """),
        // Row versions for the rows several processes may change at once after reading them (a referral's outcome, a
        // mailbox's settings, a person): a write names the version it read and lands only if the row still has it.
        (11, "row-versions", """
            ALTER TABLE referrals ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE mailbox_settings ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE people ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
            """),
        // The user's own wording per draft kind; a kind without a row uses the default in the mailbox's language.
        (12, "draft-templates", """
            CREATE TABLE draft_templates (
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                updated_at {time} NOT NULL,
                PRIMARY KEY (mailbox_id, kind)
            );
            """),
        // What the mailbox knows that a draft can use: a contact's job title and the notes the user wrote on the Outlook
        // contact (private: they reach a draft only as a placeholder to rewrite, never verbatim), and the mailbox's
        // language (mailboxSettings.language.locale), which picks the default wording.
        (13, "contact-job-title-and-notes", """
            ALTER TABLE contacts ADD COLUMN job_title TEXT;
            ALTER TABLE contacts ADD COLUMN personal_notes TEXT;
            ALTER TABLE mailboxes ADD COLUMN language TEXT;
            """),
        // Sent mail completes more than follow-up steps: a received referral's contact (and how), a given referral's
        // check-in with the partner, the close-the-loop note once sent (a prepared draft is not a closed loop), and a
        // promise the user said they would keep by email. Contacts and promises marked before are the user's word. A hold's
        // start is kept on its step, so holds are paced per day and week and the pane shows when it is.
        (14, "sent-evidence-for-referrals-and-promises", """
            ALTER TABLE referrals ADD COLUMN contacted_via TEXT;
            ALTER TABLE referrals ADD COLUMN contact_evidence_id TEXT;
            ALTER TABLE referrals ADD COLUMN checked_in_at {time};
            ALTER TABLE referrals ADD COLUMN check_in_evidence_id TEXT;
            ALTER TABLE referrals ADD COLUMN loop_closed_at {time};
            ALTER TABLE referrals ADD COLUMN loop_evidence_id TEXT;
            ALTER TABLE promises ADD COLUMN channel TEXT;
            ALTER TABLE promises ADD COLUMN done_via TEXT;
            ALTER TABLE promises ADD COLUMN evidence_id TEXT;
            ALTER TABLE follow_up_steps ADD COLUMN hold_starts_at {time};
            UPDATE referrals SET contacted_via = 'Marked' WHERE contacted_at IS NOT NULL;
            UPDATE promises SET done_via = 'Marked' WHERE state = 'Done';
            """),
        // Drafts the user asked to delete when skipping their step: the intent first, the Graph DELETE on the next pass.
        (15, "draft-deletions", """
            CREATE TABLE draft_deletions (
                step_id TEXT PRIMARY KEY REFERENCES follow_up_steps(id),
                mailbox_id TEXT NOT NULL,
                draft_id TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                requested_at {time} NOT NULL,
                done_at {time}
            );
            CREATE INDEX draft_deletions_pending ON draft_deletions(mailbox_id, status);
            """),
        // A per-mailbox change version, moved in the transaction of every write a list shows (Store/ChangeVersions.cs): a
        // list's ETag is derived from it, so a revalidation is answered without building the list. '' is the shared row.
        (16, "change-versions", """
            CREATE TABLE change_versions (
                mailbox_id TEXT PRIMARY KEY,
                version BIGINT NOT NULL
            );
            """),
        // A partner who has not reached the prospect yet gets a nudge, and the check-in comes back a while after it:
        // when the user heard "not yet" and when they nudged.
        (17, "referral-nudges", """
            ALTER TABLE referrals ADD COLUMN partner_answered_at {time};
            ALTER TABLE referrals ADD COLUMN partner_nudged_at {time};
            """),
        // A birthday draft per person and year: planned on the lead day, made once by the outbox (its tag names the
        // person's row and the year), done when mail the user sent the person in the birthday's window shows it. An
        // outbox entry is now for exactly one of a step, a referral or a birthday: the table is rebuilt for the new check.
        (18, "birthday-drafts", """
            CREATE TABLE birthday_drafts (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
                email_key TEXT NOT NULL,
                email TEXT NOT NULL,
                display_name TEXT NOT NULL,
                contact_id TEXT,
                year INTEGER NOT NULL,
                birthday_on TEXT NOT NULL,
                window_from {time} NOT NULL,
                window_until {time} NOT NULL,
                state TEXT NOT NULL,
                draft_id TEXT,
                draft_conversation_id TEXT,
                draft_internet_message_id TEXT,
                completed_via TEXT,
                completed_at {time},
                evidence_id TEXT,
                created_at {time} NOT NULL,
                updated_at {time} NOT NULL,
                UNIQUE (mailbox_id, email_key, year)
            );
            CREATE INDEX birthday_drafts_open ON birthday_drafts(mailbox_id, state);
            CREATE TABLE outbox_v18 (
                id TEXT PRIMARY KEY,
                mailbox_id TEXT NOT NULL,
                step_id TEXT UNIQUE REFERENCES follow_up_steps(id),
                referral_id TEXT REFERENCES referrals(id),
                birthday_id TEXT UNIQUE REFERENCES birthday_drafts(id),
                kind TEXT NOT NULL,
                tag TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at {time} NOT NULL,
                last_error TEXT,
                graph_id TEXT,
                created_at {time} NOT NULL,
                completed_at {time},
                create_started_at {time},
                first_failed_at {time},
                gave_up_at {time},
                give_up_reason TEXT,
                claimed_by TEXT,
                claimed_until {time},
                CHECK ((CASE WHEN step_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN referral_id IS NULL THEN 0 ELSE 1 END)
                    + (CASE WHEN birthday_id IS NULL THEN 0 ELSE 1 END) = 1)
            );
            INSERT INTO outbox_v18 (id, mailbox_id, step_id, referral_id, kind, tag, status, attempts, next_attempt_at, last_error, graph_id, created_at,
                    completed_at, create_started_at, first_failed_at, gave_up_at, give_up_reason, claimed_by, claimed_until)
                SELECT id, mailbox_id, step_id, referral_id, kind, tag, status, attempts, next_attempt_at, last_error, graph_id, created_at,
                    completed_at, create_started_at, first_failed_at, gave_up_at, give_up_reason, claimed_by, claimed_until FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_v18 RENAME TO outbox;
            CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
            CREATE INDEX outbox_referral ON outbox(referral_id);
            CREATE INDEX outbox_mailbox_status ON outbox(mailbox_id, status);
            """),
        // A mailbox's last change-notification subscription failure (Graph's code and message, e.g. the notification URL
        // failed Graph's validation), kept in the store so Health shows it on every process of a team, not only on the one
        // whose pass met it; a pass that keeps every subscription deletes the row.
        (19, "subscription-failures", """
            CREATE TABLE subscription_failures (
                mailbox_id TEXT PRIMARY KEY REFERENCES mailboxes(id),
                code TEXT NOT NULL,
                message TEXT,
                failed_at {time} NOT NULL
            );
            """),
        // The language the user's own wording is written in ("en", "de"): the words around it (the "Before sending…"
        // line, the sign-off) follow it, not the mailbox's language. Rows saved before it are read from their words.
        (20, "draft-template-language", """
            ALTER TABLE draft_templates ADD COLUMN language TEXT;
            """),
        // Each kind's wording carries a row version, its ETag: a save or a reset with If-Match lands only if nobody saved
        // that kind since the pane read it. A new row starts at its save's Unix milliseconds, so a kind reset and saved
        // again does not reuse a tag an older pane still holds. Rows saved before it start at 1.
        (21, "draft-template-version", """
            ALTER TABLE draft_templates ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
            """),
    ];

    /// <summary>Every version in the list; numbers are reserved per branch, so the list may have gaps until they merge.</summary>
    public static IEnumerable<int> Versions => All.Select(m => m.Version);

    /// <param name="upTo">Only versions up to this one (a test's store as an earlier release left it); null: all.</param>
    public static async Task ApplyAsync(DbConnection connection, string timeType, DateTimeOffset now, CancellationToken ct, int? upTo = null)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            $"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {timeType} NOT NULL)",
            cancellationToken: ct));
        // Every listed version not yet recorded, not only those above the highest: numbers are reserved per branch, so a
        // store that ran 12 before 11 was merged still gets 11. A migration therefore must not depend on a higher one.
        var applied = (await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: ct))).ToHashSet();

        foreach (var (version, name, sql) in All.Where(m => !applied.Contains(m.Version) && (upTo is null || m.Version <= upTo)))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(sql.Replace("{time}", timeType, StringComparison.Ordinal), transaction: tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)", new { version, name, now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
    }
}
