extension Migrations {
    /// Version 6: human oversight (issue 12).
    ///
    /// - `determinations`: every answer of a use case that makes decisions, and every answer held for a human (the
    ///   `Determination` as a JSON document, with the columns queues and look-ups need).
    /// - `determination_events`: each review action, hold, release and escalation, with the record its transparency-log
    ///   leaf commits to, the leaf's salt and its index.
    /// - `held_contents`: the held model output (request, draft, pseudonym mapping, a reviewer's text), sealed; deleted
    ///   when the determination is final unless the use case's content retention keeps it until `expires_at_ms`.
    /// - `determination_outcomes`: the released answer, sealed, for the caller and the person to fetch until it expires.
    /// - `oversight_settings`: per use case, the stop switch, four eyes, the review deadline and the webhook.
    /// - `webhook_deliveries`: signed callbacks to the caller, with their attempts and next attempt.
    ///
    /// Tables about a person carry `subject_id` (the rights work finds subject data by that column) with an index.
    static var oversight: [Migration] {
        [
            Migration(version: 6, name: "human oversight: determinations, review events, held contents, settings, webhooks") { _ in
                [
                    """
                    CREATE TABLE determinations (
                        id TEXT PRIMARY KEY,
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        interaction_id TEXT NOT NULL,
                        receipt_hash TEXT NOT NULL,
                        subject_id TEXT,
                        status TEXT NOT NULL,
                        created_at_ms BIGINT NOT NULL,
                        due_at_ms BIGINT,
                        escalated_at_ms BIGINT,
                        assignee TEXT,
                        revision BIGINT NOT NULL,
                        document TEXT NOT NULL,
                        updated_at_ms BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX determinations_queue ON determinations (tenant, use_case, status, created_at_ms)",
                    "CREATE INDEX determinations_receipt ON determinations (receipt_hash)",
                    "CREATE INDEX determinations_subject ON determinations (subject_id)",
                    "CREATE INDEX determinations_due ON determinations (status, due_at_ms)",
                    """
                    CREATE TABLE determination_events (
                        determination_id TEXT NOT NULL REFERENCES determinations (id),
                        sequence BIGINT NOT NULL,
                        kind TEXT NOT NULL,
                        principal_id TEXT,
                        at_ms BIGINT NOT NULL,
                        reason TEXT,
                        committed_record TEXT NOT NULL,
                        salt TEXT NOT NULL,
                        log_index BIGINT NOT NULL,
                        subject_id TEXT,
                        PRIMARY KEY (determination_id, sequence)
                    )
                    """,
                    "CREATE INDEX determination_events_subject ON determination_events (subject_id)",
                    """
                    CREATE TABLE held_contents (
                        determination_id TEXT PRIMARY KEY REFERENCES determinations (id),
                        sealed TEXT NOT NULL,
                        expires_at_ms BIGINT,
                        subject_id TEXT
                    )
                    """,
                    "CREATE INDEX held_contents_subject ON held_contents (subject_id)",
                    "CREATE INDEX held_contents_expiry ON held_contents (expires_at_ms)",
                    """
                    CREATE TABLE determination_outcomes (
                        determination_id TEXT PRIMARY KEY REFERENCES determinations (id),
                        sealed TEXT NOT NULL,
                        expires_at_ms BIGINT NOT NULL,
                        subject_id TEXT
                    )
                    """,
                    "CREATE INDEX determination_outcomes_subject ON determination_outcomes (subject_id)",
                    "CREATE INDEX determination_outcomes_expiry ON determination_outcomes (expires_at_ms)",
                    """
                    CREATE TABLE oversight_settings (
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        document TEXT NOT NULL,
                        updated_at_ms BIGINT NOT NULL,
                        updated_by TEXT NOT NULL,
                        PRIMARY KEY (tenant, use_case)
                    )
                    """,
                    "CREATE TABLE oversight_state (id BIGINT PRIMARY KEY, version BIGINT NOT NULL)",
                    "INSERT INTO oversight_state (id, version) VALUES (1, 0)",
                    """
                    CREATE TABLE webhook_deliveries (
                        id TEXT PRIMARY KEY,
                        determination_id TEXT NOT NULL REFERENCES determinations (id),
                        url TEXT NOT NULL,
                        body TEXT NOT NULL,
                        attempts BIGINT NOT NULL,
                        next_attempt_at_ms BIGINT,
                        delivered_at_ms BIGINT,
                        last_error TEXT,
                        subject_id TEXT
                    )
                    """,
                    "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at_ms)",
                    "CREATE INDEX webhook_deliveries_subject ON webhook_deliveries (subject_id)",
                ]
            }
        ]
    }
}
