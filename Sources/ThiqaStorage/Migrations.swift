import FoundationEssentials
import SQLKit

/// One schema change. Steps are applied in order, each in its own transaction, and recorded in
/// `thiqa_migrations`, so `thiqa migrate` and start-up are idempotent.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    /// Portable DDL unless a statement must differ by dialect.
    public var statements: @Sendable (ThiqaDatabase.Dialect) -> [String]

    public init(version: Int, name: String, statements: @escaping @Sendable (ThiqaDatabase.Dialect) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

public enum Migrations {
    /// Every migration Thiqa knows. Append only: never edit a step that has shipped.
    public static var all: [Migration] {
        [
            Migration(version: 1, name: "use cases, api keys, interactions") { _ in
                [
                    """
                    CREATE TABLE use_cases (
                        tenant TEXT NOT NULL,
                        id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        content_retention_seconds BIGINT,
                        allowed_jurisdictions TEXT NOT NULL,
                        rate_limit_per_minute BIGINT NOT NULL,
                        privacy_policy TEXT NOT NULL,
                        created_at_ms BIGINT NOT NULL,
                        PRIMARY KEY (tenant, id)
                    )
                    """,
                    """
                    CREATE TABLE api_keys (
                        id TEXT PRIMARY KEY,
                        secret_hash TEXT NOT NULL,
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        label TEXT,
                        created_at_ms BIGINT NOT NULL,
                        revoked_at_ms BIGINT,
                        FOREIGN KEY (tenant, use_case) REFERENCES use_cases (tenant, id)
                    )
                    """,
                    """
                    CREATE TABLE interactions (
                        id TEXT PRIMARY KEY,
                        created_at_ms BIGINT NOT NULL,
                        tenant TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        api_key_id TEXT NOT NULL,
                        endpoint TEXT NOT NULL,
                        model TEXT,
                        backend TEXT,
                        backend_jurisdiction TEXT,
                        outcome TEXT NOT NULL,
                        http_status BIGINT NOT NULL,
                        error_type TEXT,
                        stream BIGINT NOT NULL,
                        latency_ms DOUBLE PRECISION NOT NULL,
                        upstream_latency_ms DOUBLE PRECISION,
                        prompt_tokens BIGINT,
                        completion_tokens BIGINT,
                        total_tokens BIGINT,
                        decisions TEXT NOT NULL,
                        request_sha256 TEXT,
                        response_sha256 TEXT,
                        log_index BIGINT
                    )
                    """,
                    "CREATE INDEX interactions_created_at ON interactions (created_at_ms)",
                    "CREATE INDEX interactions_use_case ON interactions (tenant, use_case, created_at_ms)",
                    """
                    CREATE TABLE interaction_contents (
                        interaction_id TEXT PRIMARY KEY REFERENCES interactions (id),
                        request TEXT NOT NULL,
                        response TEXT NOT NULL,
                        expires_at_ms BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX interaction_contents_expiry ON interaction_contents (expires_at_ms)",
                ]
            }
        ] + ledger + privacy + pipeline + registry
            + oversight
            + rights
    }

    public struct Applied: Sendable {
        public var version: Int
        public var name: String
    }

    /// Applies what is missing and returns what it applied.
    @discardableResult
    public static func run(on database: ThiqaDatabase, migrations: [Migration] = Migrations.all) async throws -> [Applied] {
        try await database.transaction { db in
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS thiqa_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)"
            ).run()
        }
        let done = try await database.read { db in
            Set(try await db.raw("SELECT version FROM thiqa_migrations").all().map { try $0.decode(column: "version", as: Int.self) })
        }
        if let newest = done.max(), let known = migrations.map(\.version).max(), newest > known {
            throw StorageOpenError(message: "the database is at schema version \(newest), newer than this build of Thiqa knows (\(known)); upgrade Thiqa")
        }
        var applied: [Applied] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) where !done.contains(migration.version) {
            let dialect = database.dialect
            try await database.transaction { db in
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw(
                    "INSERT INTO thiqa_migrations (version, name, applied_at_ms) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Date().millisecondsSince1970))"
                ).run()
            }
            applied.append(Applied(version: migration.version, name: migration.name))
        }
        return applied
    }
}

extension Date {
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    public init(millisecondsSince1970 ms: Int64) { self.init(timeIntervalSince1970: Double(ms) / 1000) }
}
