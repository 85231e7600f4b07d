import FoundationEssentials
import SQLKit
import ThiqaCore
import ThiqaPrivacy

/// API keys in SQL. Queries bind every value; nothing from input is concatenated.
public struct SQLAPIKeyRepository: APIKeyRepository {
    let database: ThiqaDatabase
    public init(database: ThiqaDatabase) { self.database = database }

    public func create(_ key: APIKeyRecord) async throws {
        try await database.transaction { db in
            try await db.raw("""
                INSERT INTO api_keys (id, secret_hash, tenant, use_case, label, created_at_ms, revoked_at_ms)
                VALUES (\(bind: key.id), \(bind: key.secretHash), \(bind: key.tenant.rawValue), \(bind: key.useCase.rawValue),
                        \(bind: key.label), \(bind: key.createdAt.millisecondsSince1970), \(bind: key.revokedAt?.millisecondsSince1970))
                """).run()
        }
    }

    public func find(id: String) async throws -> APIKeyRecord? {
        try await database.read { db in
            try await db.raw("SELECT * FROM api_keys WHERE id = \(bind: id)").first().map(Self.decode)
        }
    }

    public func list(tenant: TenantID?) async throws -> [APIKeyRecord] {
        try await database.read { db in
            let rows: [any SQLRow]
            if let tenant {
                rows = try await db.raw("SELECT * FROM api_keys WHERE tenant = \(bind: tenant.rawValue) ORDER BY created_at_ms, id").all()
            } else {
                rows = try await db.raw("SELECT * FROM api_keys ORDER BY created_at_ms, id").all()
            }
            return try rows.map(Self.decode)
        }
    }

    public func revoke(id: String, at date: Date) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM api_keys WHERE id = \(bind: id)").first() != nil else { return false }
            try await db.raw(
                "UPDATE api_keys SET revoked_at_ms = \(bind: date.millisecondsSince1970) WHERE id = \(bind: id) AND revoked_at_ms IS NULL"
            ).run()
            return true
        }
    }

    static func decode(_ row: any SQLRow) throws -> APIKeyRecord {
        APIKeyRecord(
            id: try row.decode(column: "id", as: String.self),
            secretHash: try row.decode(column: "secret_hash", as: String.self),
            tenant: TenantID(unchecked: try row.decode(column: "tenant", as: String.self)),
            useCase: UseCaseID(unchecked: try row.decode(column: "use_case", as: String.self)),
            label: try row.decode(column: "label", as: String?.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at_ms", as: Int64.self)),
            revokedAt: try row.decode(column: "revoked_at_ms", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }
}

public struct SQLUseCaseRepository: UseCaseRepository {
    let database: ThiqaDatabase
    public init(database: ThiqaDatabase) { self.database = database }

    public func upsert(_ useCase: UseCase) async throws {
        let jurisdictions = useCase.allowedJurisdictions.map(\.code).joined(separator: ",")
        let policy = String(decoding: try JSONEncoder().encode(useCase.privacyPolicy), as: UTF8.self)
        try await database.transaction { db in
            let exists = try await db.raw(
                "SELECT id FROM use_cases WHERE tenant = \(bind: useCase.tenant.rawValue) AND id = \(bind: useCase.id.rawValue)"
            ).first() != nil
            if exists {
                try await db.raw("""
                    UPDATE use_cases SET name = \(bind: useCase.name), content_retention_seconds = \(bind: useCase.contentRetentionSeconds.map(Int64.init)),
                        allowed_jurisdictions = \(bind: jurisdictions), rate_limit_per_minute = \(bind: Int64(useCase.rateLimitPerMinute)),
                        privacy_policy = \(bind: policy)
                    WHERE tenant = \(bind: useCase.tenant.rawValue) AND id = \(bind: useCase.id.rawValue)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO use_cases (tenant, id, name, content_retention_seconds, allowed_jurisdictions, rate_limit_per_minute, privacy_policy, created_at_ms)
                    VALUES (\(bind: useCase.tenant.rawValue), \(bind: useCase.id.rawValue), \(bind: useCase.name),
                            \(bind: useCase.contentRetentionSeconds.map(Int64.init)), \(bind: jurisdictions),
                            \(bind: Int64(useCase.rateLimitPerMinute)), \(bind: policy), \(bind: useCase.createdAt.millisecondsSince1970))
                    """).run()
            }
        }
    }

    public func find(tenant: TenantID, id: UseCaseID) async throws -> UseCase? {
        try await database.read { db in
            try await db.raw("SELECT * FROM use_cases WHERE tenant = \(bind: tenant.rawValue) AND id = \(bind: id.rawValue)")
                .first().map(Self.decode)
        }
    }

    public func list(tenant: TenantID?) async throws -> [UseCase] {
        try await database.read { db in
            let rows: [any SQLRow]
            if let tenant {
                rows = try await db.raw("SELECT * FROM use_cases WHERE tenant = \(bind: tenant.rawValue) ORDER BY tenant, id").all()
            } else {
                rows = try await db.raw("SELECT * FROM use_cases ORDER BY tenant, id").all()
            }
            return try rows.map(Self.decode)
        }
    }

    static func decode(_ row: any SQLRow) throws -> UseCase {
        let jurisdictions = try row.decode(column: "allowed_jurisdictions", as: String.self)
            .split(separator: ",").map { try Jurisdiction(String($0)) }
        return UseCase(
            tenant: TenantID(unchecked: try row.decode(column: "tenant", as: String.self)),
            id: UseCaseID(unchecked: try row.decode(column: "id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            contentRetentionSeconds: try row.decode(column: "content_retention_seconds", as: Int64?.self).map(Int.init),
            allowedJurisdictions: jurisdictions,
            rateLimitPerMinute: Int(try row.decode(column: "rate_limit_per_minute", as: Int64.self)),
            privacyPolicy: try JSONDecoder().decode(PrivacyPolicy.self, from: Data(try row.decode(column: "privacy_policy", as: String.self).utf8)),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at_ms", as: Int64.self))
        )
    }
}

public struct SQLInteractionRepository: InteractionRepository {
    let database: ThiqaDatabase
    public init(database: ThiqaDatabase) { self.database = database }

    public func record(_ interaction: InteractionRecord, content: InteractionContent?) async throws {
        _ = try await recordBatch([(interaction, content)])
    }

    /// Many records in one transaction: one durable commit for a whole batch. With a log, each record's leaf
    /// is appended in the same transaction and the record carries its leaf index.
    @discardableResult
    public func recordBatch(
        _ batch: [(InteractionRecord, InteractionContent?)],
        log: (any TransparencyLogAppender)? = nil,
        leaf: @Sendable (InteractionRecord) throws -> [UInt8] = { _ in [] }
    ) async throws -> [InteractionRecord] {
        try await database.transaction { db in
            var records = batch.map(\.0)
            if let log {
                let indexes = try await log.append(leaves: try records.map(leaf), on: db)
                for position in records.indices { records[position].logIndex = indexes[position] }
            }
            for (position, record) in records.enumerated() {
                try await Self.insert(record, content: batch[position].1, on: db)
            }
            return records
        }
    }

    static func insert(_ r: InteractionRecord, content: InteractionContent?, on db: any SQLDatabase) async throws {
        let decisions = String(decoding: try JSONEncoder().encode(r.decisions), as: UTF8.self)
        try await db.raw("""
            INSERT INTO interactions (id, created_at_ms, tenant, use_case, api_key_id, endpoint, model, backend, backend_jurisdiction,
                outcome, http_status, error_type, stream, latency_ms, upstream_latency_ms, prompt_tokens, completion_tokens, total_tokens, decisions,
                request_sha256, response_sha256, log_index)
            VALUES (\(bind: r.id), \(bind: r.createdAt.millisecondsSince1970), \(bind: r.tenant.rawValue), \(bind: r.useCase.rawValue),
                \(bind: r.apiKeyID), \(bind: r.endpoint), \(bind: r.model), \(bind: r.backend), \(bind: r.backendJurisdiction),
                \(bind: r.outcome.rawValue), \(bind: Int64(r.httpStatus)), \(bind: r.errorType), \(bind: Int64(r.stream ? 1 : 0)),
                \(bind: r.latencyMs), \(bind: r.upstreamLatencyMs), \(bind: r.promptTokens.map(Int64.init)),
                \(bind: r.completionTokens.map(Int64.init)), \(bind: r.totalTokens.map(Int64.init)), \(bind: decisions),
                \(bind: r.requestSHA256), \(bind: r.responseSHA256), \(bind: r.logIndex.map(Int64.init)))
            """).run()
        if let content {
            try await db.raw("""
                INSERT INTO interaction_contents (interaction_id, request, response, expires_at_ms)
                VALUES (\(bind: content.interactionID), \(bind: content.request), \(bind: content.response), \(bind: content.expiresAt.millisecondsSince1970))
                """).run()
        }
    }

    /// A real committed write to the table records go to: tells whether a record can be made durable right now
    /// (disk full, database down, table gone all fail it). The probe row is deleted in the same transaction.
    public func probeWrite() async throws {
        let probe = InteractionRecord(
            id: "probe_" + InteractionRecord.newID(), tenant: TenantID(unchecked: "thiqa"), useCase: UseCaseID(unchecked: "probe"),
            apiKeyID: "", endpoint: "probe", outcome: .rejected, httpStatus: 0
        )
        try await database.transaction { db in
            try await Self.insert(probe, content: nil, on: db)
            try await db.raw("DELETE FROM interactions WHERE id = \(bind: probe.id)").run()
        }
    }

    public func find(id: String) async throws -> InteractionRecord? {
        try await database.read { db in
            try await db.raw("SELECT * FROM interactions WHERE id = \(bind: id)").first().map(Self.decode)
        }
    }

    public func recent(limit: Int) async throws -> [InteractionRecord] {
        try await database.read { db in
            try await db.raw("SELECT * FROM interactions ORDER BY created_at_ms DESC, id DESC LIMIT \(bind: Int64(limit))").all().map(Self.decode)
        }
    }

    public func content(interactionID: String) async throws -> InteractionContent? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM interaction_contents WHERE interaction_id = \(bind: interactionID)").first() else {
                return nil
            }
            return InteractionContent(
                interactionID: try row.decode(column: "interaction_id", as: String.self),
                request: try row.decode(column: "request", as: String.self),
                response: try row.decode(column: "response", as: String.self),
                expiresAt: Date(millisecondsSince1970: try row.decode(column: "expires_at_ms", as: Int64.self))
            )
        }
    }

    public func purgeExpiredContent(now: Date) async throws -> Int {
        try await database.transaction { db in
            let cutoff = now.millisecondsSince1970
            let count = try await db.raw("SELECT COUNT(*) AS n FROM interaction_contents WHERE expires_at_ms <= \(bind: cutoff)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if count > 0 {
                try await db.raw("DELETE FROM interaction_contents WHERE expires_at_ms <= \(bind: cutoff)").run()
            }
            return count
        }
    }

    static func decode(_ row: any SQLRow) throws -> InteractionRecord {
        let decisionsText = try row.decode(column: "decisions", as: String.self)
        let decisions = (try? JSONDecoder().decode([String].self, from: Data(decisionsText.utf8))) ?? []
        return InteractionRecord(
            id: try row.decode(column: "id", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at_ms", as: Int64.self)),
            tenant: TenantID(unchecked: try row.decode(column: "tenant", as: String.self)),
            useCase: UseCaseID(unchecked: try row.decode(column: "use_case", as: String.self)),
            apiKeyID: try row.decode(column: "api_key_id", as: String.self),
            endpoint: try row.decode(column: "endpoint", as: String.self),
            model: try row.decode(column: "model", as: String?.self),
            backend: try row.decode(column: "backend", as: String?.self),
            backendJurisdiction: try row.decode(column: "backend_jurisdiction", as: String?.self),
            outcome: InteractionRecord.Outcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .failed,
            httpStatus: Int(try row.decode(column: "http_status", as: Int64.self)),
            errorType: try row.decode(column: "error_type", as: String?.self),
            stream: try row.decode(column: "stream", as: Int64.self) != 0,
            latencyMs: try row.decode(column: "latency_ms", as: Double.self),
            upstreamLatencyMs: try row.decode(column: "upstream_latency_ms", as: Double?.self),
            promptTokens: try row.decode(column: "prompt_tokens", as: Int64?.self).map(Int.init),
            completionTokens: try row.decode(column: "completion_tokens", as: Int64?.self).map(Int.init),
            totalTokens: try row.decode(column: "total_tokens", as: Int64?.self).map(Int.init),
            decisions: decisions,
            requestSHA256: try row.decode(column: "request_sha256", as: String?.self),
            responseSHA256: try row.decode(column: "response_sha256", as: String?.self),
            logIndex: try row.decode(column: "log_index", as: Int64?.self).map(UInt64.init)
        )
    }
}

/// Sealed pseudonym mappings, one per conversation, until they expire. Only ciphertext is stored: the key is
/// derived from a master key kept outside the database.
public struct SQLPseudonymVaultRepository: Sendable {
    let database: ThiqaDatabase
    public init(database: ThiqaDatabase) { self.database = database }

    public func load(tenant: TenantID, useCase: UseCaseID, conversationID: String, now: Date) async throws -> Data? {
        try await database.read { db in
            guard let row = try await db.raw("""
                SELECT sealed FROM privacy_vault WHERE tenant = \(bind: tenant.rawValue) AND use_case = \(bind: useCase.rawValue)
                AND conversation_id = \(bind: conversationID) AND expires_at_ms > \(bind: now.millisecondsSince1970)
                """).first() else { return nil }
            return Data(base64Encoded: try row.decode(column: "sealed", as: String.self))
        }
    }

    public func save(tenant: TenantID, useCase: UseCaseID, conversationID: String, sealed: Data, expiresAt: Date) async throws {
        try await database.transaction { db in
            try await db.raw("""
                DELETE FROM privacy_vault WHERE tenant = \(bind: tenant.rawValue) AND use_case = \(bind: useCase.rawValue)
                AND conversation_id = \(bind: conversationID)
                """).run()
            try await db.raw("""
                INSERT INTO privacy_vault (tenant, use_case, conversation_id, sealed, expires_at_ms)
                VALUES (\(bind: tenant.rawValue), \(bind: useCase.rawValue), \(bind: conversationID), \(bind: sealed.base64EncodedString()),
                        \(bind: expiresAt.millisecondsSince1970))
                """).run()
        }
    }

    public func purgeExpired(now: Date) async throws -> Int {
        try await database.transaction { db in
            let cutoff = now.millisecondsSince1970
            let count = try await db.raw("SELECT COUNT(*) AS n FROM privacy_vault WHERE expires_at_ms <= \(bind: cutoff)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if count > 0 { try await db.raw("DELETE FROM privacy_vault WHERE expires_at_ms <= \(bind: cutoff)").run() }
            return count
        }
    }
}
