extension Migrations {
    /// Version 7: the rights of law 09-08 (issue 13).
    ///
    /// - `subject_id` (a keyed hash, `sub_…`, never the identifier) on `interactions` and `conversation_vaults`,
    ///   and on every new table that holds data about a person, indexed: the subject's export and erasure find the
    ///   person's rows from the schema by that column name, so a table added later cannot be forgotten.
    /// - `kept_contents` replaces `interaction_contents`: the content sealed (AES-GCM) under the subject's key, or
    ///   under a key of the record's own when the call named no subject, both kept in the separate key store.
    ///   `RightsDataMigration` moves the rows of the old table (stored in clear) here, sealed, and empties it.
    /// - `conversation_vaults.key_id`: the key-store key a mapping is sealed under; NULL for mappings sealed under a
    ///   key derived from the vault master key (before version 7), which `RightsDataMigration` seals again.
    /// - `subject_objections`, `contestation_cases`, `case_messages` (sealed), `subject_requests` (access requests
    ///   and their release after an identity check), `subject_rectifications` (sealed), `rights_events` (every right
    ///   exercised, each a log leaf: a salted commitment).
    static var rights: [Migration] {
        [
            Migration(version: 7, name: "subjects, sealed kept content, objections, contestations, access, rectification, erasure") { _ in
                [
                    "ALTER TABLE interactions ADD COLUMN subject_id TEXT",
                    "CREATE INDEX interactions_subject ON interactions (subject_id)",
                    """
                    CREATE TABLE kept_contents (
                        interaction_id TEXT PRIMARY KEY,
                        subject_id TEXT,
                        key_id TEXT NOT NULL,
                        sealed TEXT NOT NULL,
                        expires_at_ms BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX kept_contents_subject ON kept_contents (subject_id)",
                    "CREATE INDEX kept_contents_expiry ON kept_contents (expires_at_ms)",
                    "ALTER TABLE conversation_vaults ADD COLUMN subject_id TEXT",
                    "ALTER TABLE conversation_vaults ADD COLUMN key_id TEXT",
                    "CREATE INDEX conversation_vaults_subject ON conversation_vaults (subject_id)",
                    """
                    CREATE TABLE subject_objections (
                        id TEXT PRIMARY KEY,
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        subject_id TEXT,
                        scope TEXT NOT NULL,
                        decision_ref TEXT,
                        created_at_ms BIGINT NOT NULL,
                        withdrawn_at_ms BIGINT
                    )
                    """,
                    "CREATE INDEX subject_objections_subject ON subject_objections (subject_id)",
                    """
                    CREATE TABLE contestation_cases (
                        id TEXT PRIMARY KEY,
                        reference_hash TEXT NOT NULL UNIQUE,
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        subject_id TEXT,
                        interaction_id TEXT NOT NULL,
                        state TEXT NOT NULL,
                        language TEXT NOT NULL,
                        opened_at_ms BIGINT NOT NULL,
                        deadline_at_ms BIGINT NOT NULL,
                        assigned_to TEXT,
                        replacement TEXT,
                        updated_at_ms BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX contestation_cases_subject ON contestation_cases (subject_id)",
                    "CREATE INDEX contestation_cases_state ON contestation_cases (state, deadline_at_ms)",
                    """
                    CREATE TABLE case_messages (
                        id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL REFERENCES contestation_cases (id),
                        subject_id TEXT,
                        key_id TEXT NOT NULL,
                        sealed TEXT NOT NULL,
                        author TEXT NOT NULL,
                        principal TEXT,
                        state TEXT NOT NULL,
                        at_ms BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX case_messages_case ON case_messages (case_id, at_ms)",
                    "CREATE INDEX case_messages_subject ON case_messages (subject_id)",
                    """
                    CREATE TABLE subject_requests (
                        id TEXT PRIMARY KEY,
                        token_hash TEXT NOT NULL UNIQUE,
                        tenant TEXT NOT NULL,
                        subject_id TEXT,
                        kind TEXT NOT NULL,
                        status TEXT NOT NULL,
                        requested_at_ms BIGINT NOT NULL,
                        identity_checked_by TEXT,
                        identity_proof TEXT,
                        released_at_ms BIGINT
                    )
                    """,
                    "CREATE INDEX subject_requests_subject ON subject_requests (subject_id)",
                    """
                    CREATE TABLE subject_rectifications (
                        id TEXT PRIMARY KEY,
                        tenant TEXT NOT NULL,
                        subject_id TEXT,
                        target_table TEXT NOT NULL,
                        target_id TEXT NOT NULL,
                        key_id TEXT NOT NULL,
                        sealed TEXT NOT NULL,
                        recorded_by TEXT NOT NULL,
                        at_ms BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX subject_rectifications_subject ON subject_rectifications (subject_id)",
                    """
                    CREATE TABLE rights_events (
                        id TEXT PRIMARY KEY,
                        tenant TEXT NOT NULL,
                        subject_id TEXT,
                        kind TEXT NOT NULL,
                        target TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        at_ms BIGINT NOT NULL,
                        commitment_salt TEXT NOT NULL,
                        log_index BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX rights_events_subject ON rights_events (subject_id)",
                ]
            }
        ]
    }
}
