extension Migrations {
    /// Version 5: the governance registry (issue 11).
    ///
    /// - `registry_state`: one row whose `version` grows with every registry change, so replicas that poll it know
    ///   when their in-memory snapshot is behind.
    /// - `staff_principals`, `staff_credentials`: named staff members and their tokens (SHA-256 only, revocable).
    /// - `registry_controllers`: data controllers (the tenants) with their DPO contact.
    /// - `declarations`: the current declaration of each use case (its JSON document), and `declaration_versions`
    ///   every version with who, when, why, the field diff and its transparency-log index.
    /// - `impact_assessments`: every revision of each use case's assessment, the newest being current.
    ///
    /// Existing `use_cases` rows are not touched here: they become legacy drafts through `LegacyMigration`, written
    /// by the registry service at start (it knows the operator's grace date, SQL does not).
    static var registry: [Migration] {
        [
            Migration(version: 5, name: "governance registry: staff, controllers, declarations, assessments") { _ in
                [
                    "CREATE TABLE registry_state (id BIGINT PRIMARY KEY, version BIGINT NOT NULL)",
                    "INSERT INTO registry_state (id, version) VALUES (1, 0)",
                    """
                    CREATE TABLE staff_principals (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        roles TEXT NOT NULL,
                        created_at_ms BIGINT NOT NULL,
                        disabled_at_ms BIGINT
                    )
                    """,
                    """
                    CREATE TABLE staff_credentials (
                        id TEXT PRIMARY KEY,
                        principal_id TEXT NOT NULL REFERENCES staff_principals (id),
                        token_hash TEXT NOT NULL UNIQUE,
                        label TEXT,
                        created_at_ms BIGINT NOT NULL,
                        revoked_at_ms BIGINT
                    )
                    """,
                    """
                    CREATE TABLE registry_controllers (
                        tenant TEXT PRIMARY KEY,
                        document TEXT NOT NULL,
                        updated_at_ms BIGINT NOT NULL,
                        updated_by TEXT NOT NULL
                    )
                    """,
                    """
                    CREATE TABLE declarations (
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        version BIGINT NOT NULL,
                        status TEXT NOT NULL,
                        document TEXT NOT NULL,
                        updated_at_ms BIGINT NOT NULL,
                        PRIMARY KEY (tenant, use_case)
                    )
                    """,
                    """
                    CREATE TABLE declaration_versions (
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        version BIGINT NOT NULL,
                        principal_id TEXT NOT NULL,
                        at_ms BIGINT NOT NULL,
                        reason TEXT NOT NULL,
                        change_document TEXT NOT NULL,
                        declaration_document TEXT NOT NULL,
                        declaration_sha256 TEXT NOT NULL,
                        log_index BIGINT NOT NULL,
                        PRIMARY KEY (tenant, use_case, version)
                    )
                    """,
                    """
                    CREATE TABLE impact_assessments (
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        revision BIGINT NOT NULL,
                        status TEXT NOT NULL,
                        author TEXT NOT NULL,
                        document TEXT NOT NULL,
                        updated_at_ms BIGINT NOT NULL,
                        updated_by TEXT NOT NULL,
                        log_index BIGINT NOT NULL,
                        PRIMARY KEY (tenant, use_case, revision)
                    )
                    """,
                ]
            }
        ]
    }
}
