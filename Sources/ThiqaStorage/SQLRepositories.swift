import FoundationEssentials
import SQLKit
import ThiqaCore
import ThiqaPrivacy
import ThiqaRights

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
                        privacy_policy = \(bind: policy), max_tokens = \(bind: Int64(useCase.maxTokens))
                    WHERE tenant = \(bind: useCase.tenant.rawValue) AND id = \(bind: useCase.id.rawValue)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO use_cases (tenant, id, name, content_retention_seconds, allowed_jurisdictions, rate_limit_per_minute, privacy_policy,
                        max_tokens, created_at_ms)
                    VALUES (\(bind: useCase.tenant.rawValue), \(bind: useCase.id.rawValue), \(bind: useCase.name),
                            \(bind: useCase.contentRetentionSeconds.map(Int64.init)), \(bind: jurisdictions),
                            \(bind: Int64(useCase.rateLimitPerMinute)), \(bind: policy), \(bind: Int64(useCase.maxTokens)),
                            \(bind: useCase.createdAt.millisecondsSince1970))
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
            maxTokens: Int(try row.decode(column: "max_tokens", as: Int64.self)),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at_ms", as: Int64.self))
        )
    }
}

public struct SQLInteractionRepository: InteractionRepository {
    let database: ThiqaDatabase
    /// Where the keys that seal kept content are; needed only to write or read content.
    public let keys: SubjectKeyStore?
    public init(database: ThiqaDatabase, keys: SubjectKeyStore? = nil) {
        self.database = database
        self.keys = keys
    }

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
        try await recordBatch(batch.map { RecordWrite(record: $0.0, content: $0.1, kind: .new) }, log: log, leafOf: { try leaf($0.record) })
    }

    /// One write of a batch: a new record, or the completion of a streamed one (whose decision was written first).
    public struct RecordWrite: Sendable {
        public enum Kind: Sendable { case new, completion }
        public var record: InteractionRecord
        public var content: InteractionContent?
        public var kind: Kind
        public init(record: InteractionRecord, content: InteractionContent?, kind: Kind) {
            self.record = record
            self.content = content
            self.kind = kind
        }
    }

    /// New records are inserted with their leaf index; completions update the record in place and carry the index
    /// of their own leaf in `completionLogIndex` (the log keeps both leaves, so the update rewrites no history).
    @discardableResult
    public func recordBatch(
        _ writes: [RecordWrite],
        log: (any TransparencyLogAppender)? = nil,
        leafOf: @Sendable (RecordWrite) throws -> [UInt8] = { _ in [] }
    ) async throws -> [InteractionRecord] {
        // Keys live in the key store, another database: content is sealed before the records' transaction.
        let contents = try await self.seal(writes.map { write in write.content.map { ($0, write.record.subjectID) } })
        return try await database.transaction { db in
            var records = writes.map(\.record)
            if let log {
                let indexes = try await log.append(leaves: try writes.map(leafOf), on: db)
                for position in records.indices {
                    switch writes[position].kind {
                    case .new: records[position].logIndex = indexes[position]
                    case .completion: records[position].completionLogIndex = indexes[position]
                    }
                }
            }
            try await Self.write(records, writes.map(\.kind), contents, on: db)
            return records
        }
    }

    /// Rows per multi-row INSERT of records: 27 binds a row stays under SQLite's 32766 and PostgreSQL's 65535.
    static let recordsPerInsert = 1000

    /// The records of a batch: new ones with one multi-row INSERT (and one for their sealed contents) instead of
    /// one statement per record — each statement is a round trip to the database's thread or server.
    static func write(_ records: [InteractionRecord], _ kinds: [RecordWrite.Kind], _ sealed: [KeptContent?], on db: any SQLDatabase) async throws {
        var new: [InteractionRecord] = []
        var contents: [KeptContent] = []
        for (position, record) in records.enumerated() {
            switch kinds[position] {
            case .new:
                new.append(record)
                if let content = sealed[position] { contents.append(content) }
            case .completion:
                try await Self.complete(record, content: sealed[position], on: db)
            }
        }
        var start = 0
        while start < new.count {
            let end = min(start + Self.recordsPerInsert, new.count)
            try await Self.insert(new[start..<end], on: db)
            start = end
        }
        start = 0
        while start < contents.count {
            let end = min(start + Self.recordsPerInsert, contents.count)
            var query: SQLQueryString = "INSERT INTO kept_contents (interaction_id, subject_id, key_id, sealed, expires_at_ms) VALUES "
            for (position, content) in contents[start..<end].enumerated() {
                if position > 0 { query += ", " }
                query += "(\(bind: content.interactionID), \(bind: content.subjectID), \(bind: content.keyID), \(bind: content.sealed), \(bind: content.expiresAt.millisecondsSince1970))"
            }
            try await db.raw(query).run()
            start = end
        }
    }

    /// The decisions stay as decided: the decision's leaf committed to them before the first byte was sent.
    static func complete(_ r: InteractionRecord, content: KeptContent?, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE interactions SET outcome = \(bind: r.outcome.rawValue), http_status = \(bind: Int64(r.httpStatus)),
                error_type = \(bind: r.errorType), latency_ms = \(bind: r.latencyMs), prompt_tokens = \(bind: r.promptTokens.map(Int64.init)),
                completion_tokens = \(bind: r.completionTokens.map(Int64.init)), total_tokens = \(bind: r.totalTokens.map(Int64.init)),
                response_sha256 = \(bind: r.responseSHA256),
                completion_log_index = \(bind: r.completionLogIndex.map(Int64.init))
            WHERE id = \(bind: r.id)
            """).run()
        if let content { try await Self.insertContent(content, on: db) }
    }

    /// Kept content as stored: sealed under its subject's key, or a key of its own, bound to its interaction id.
    struct KeptContent: Sendable {
        var interactionID: String
        var subjectID: String?
        var keyID: String
        var sealed: String
        var expiresAt: Date
    }

    static func contentAssociatedData(_ interactionID: String) -> [UInt8] {
        Sealing.associatedData(table: "kept_contents", rowID: interactionID, purpose: "content")
    }

    /// Seals a batch's contents: under their subject's key (found or created once per subject), or under keys of
    /// their own, created together in one transaction of the key store.
    func seal(_ items: [(content: InteractionContent, subject: String?)?]) async throws -> [KeptContent?] {
        guard items.contains(where: { $0 != nil }) else { return items.map { _ in nil } }
        guard let keys else { throw StorageError.unavailable("kept content needs the key store (rights.keyStore), which this repository was not given") }
        var subjectKeys: [String: SubjectKeyStore.Key] = [:]
        for subject in Set(items.compactMap { $0?.subject }) { subjectKeys[subject] = try await keys.subjectKey(subject) }
        var own = try await keys.createKeys(expiring: items.compactMap { $0?.subject == nil ? $0?.content.expiresAt : nil })[...]
        var sealed: [KeptContent?] = []
        for item in items {
            guard let (content, subject) = item else {
                sealed.append(nil)
                continue
            }
            let key: SubjectKeyStore.Key
            if let subject {
                guard let found = subjectKeys[subject] else { throw StorageError.unavailable("no key for subject \(subject)") }
                key = found
            } else {
                key = own.removeFirst()
            }
            let plaintext = try JSONEncoder().encode(["request": content.request, "response": content.response])
            let box = try Sealing.seal(Array(plaintext), key: key.key, associatedData: Self.contentAssociatedData(content.interactionID))
            sealed.append(
                KeptContent(
                    interactionID: content.interactionID, subjectID: subject, keyID: key.id, sealed: Data(box).base64EncodedString(),
                    expiresAt: content.expiresAt
                )
            )
        }
        return sealed
    }

    static func insertContent(_ content: KeptContent, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO kept_contents (interaction_id, subject_id, key_id, sealed, expires_at_ms)
            VALUES (\(bind: content.interactionID), \(bind: content.subjectID), \(bind: content.keyID), \(bind: content.sealed),
                    \(bind: content.expiresAt.millisecondsSince1970))
            """).run()
    }

    static func insert(_ r: InteractionRecord, content: KeptContent?, on db: any SQLDatabase) async throws {
        try await Self.insert([r][...], on: db)
        if let content { try await Self.insertContent(content, on: db) }
    }

    static func insert(_ records: ArraySlice<InteractionRecord>, on db: any SQLDatabase) async throws {
        guard !records.isEmpty else { return }
        var query: SQLQueryString = """
            INSERT INTO interactions (id, created_at_ms, tenant, use_case, api_key_id, endpoint, model, backend, backend_jurisdiction,
                outcome, http_status, error_type, stream, latency_ms, upstream_latency_ms, prompt_tokens, completion_tokens, total_tokens, decisions,
                request_sha256, response_sha256, log_index, completion_log_index, commitment_salt, receipt_hash, receipt_key, subject_id)
            VALUES
            """
        for (position, r) in records.enumerated() {
            query += position > 0 ? ", " : " "
            query += Self.values(r)
        }
        try await db.raw(query).run()
    }

    static func values(_ r: InteractionRecord) -> SQLQueryString {
        let decisions = Self.decisionsJSON(r.decisions)
        return """
            (\(bind: r.id), \(bind: r.createdAt.millisecondsSince1970), \(bind: r.tenant.rawValue), \(bind: r.useCase.rawValue),
                \(bind: r.apiKeyID), \(bind: r.endpoint), \(bind: r.model), \(bind: r.backend), \(bind: r.backendJurisdiction),
                \(bind: r.outcome.rawValue), \(bind: Int64(r.httpStatus)), \(bind: r.errorType), \(bind: Int64(r.stream ? 1 : 0)),
                \(bind: r.latencyMs), \(bind: r.upstreamLatencyMs), \(bind: r.promptTokens.map(Int64.init)),
                \(bind: r.completionTokens.map(Int64.init)), \(bind: r.totalTokens.map(Int64.init)), \(bind: decisions),
                \(bind: r.requestSHA256), \(bind: r.responseSHA256), \(bind: r.logIndex.map(Int64.init)),
                \(bind: r.completionLogIndex.map(Int64.init)), \(bind: r.commitmentSalt), \(bind: r.receiptHash),
                \(bind: r.receiptHash.flatMap(Self.receiptKey)), \(bind: r.subjectID))
            """
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

    /// The record a receipt was issued for (by the receipt's SHA-256: the receipt is never stored).
    public func find(receiptHash: String) async throws -> InteractionRecord? {
        guard let key = Self.receiptKey(receiptHash) else { return nil }
        return try await database.read { db in
            try await db.raw(
                "SELECT * FROM interactions WHERE receipt_key = \(bind: key) AND receipt_hash = \(bind: receiptHash)"
            ).first().map(Self.decode)
        }
    }

    /// The first 8 bytes of a hex SHA-256 as a signed integer: the indexed key of a receipt.
    static func receiptKey(_ hash: String) -> Int64? {
        guard hash.utf8.count == 64, let value = UInt64(hash.prefix(16), radix: 16) else { return nil }
        return Int64(bitPattern: value)
    }

    /// Every record of a tenant that has a log leaf, in log order (what `thiqa log tenant-export` hands its auditor).
    public func logged(tenant: TenantID) async throws -> [InteractionRecord] {
        try await database.read { db in
            try await db.raw("SELECT * FROM interactions WHERE tenant = \(bind: tenant.rawValue) AND log_index IS NOT NULL ORDER BY log_index")
                .all().map(Self.decode)
        }
    }

    public func recent(limit: Int) async throws -> [InteractionRecord] {
        try await database.read { db in
            try await db.raw("SELECT * FROM interactions ORDER BY created_at_ms DESC, id DESC LIMIT \(bind: Int64(limit))").all().map(Self.decode)
        }
    }

    /// The kept content of a call, opened; nil when there is none, or when its key is gone (expired, or erased
    /// with its subject): then it is unreadable by anyone.
    public func content(interactionID: String) async throws -> InteractionContent? {
        let row = try await database.read { db in
            try await db.raw("SELECT * FROM kept_contents WHERE interaction_id = \(bind: interactionID)").first()
        }
        guard let row else { return nil }
        guard let keys else { throw StorageError.unavailable("reading kept content needs the key store (rights.keyStore)") }
        let text: String
        do {
            text = try await keys.openText(
                try row.decode(column: "sealed", as: String.self), keyID: try row.decode(column: "key_id", as: String.self),
                associatedData: Self.contentAssociatedData(interactionID)
            )
        } catch SealingError.keyDestroyed {
            return nil
        }
        let fields = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        return InteractionContent(
            interactionID: interactionID, request: fields["request"] ?? "", response: fields["response"] ?? "",
            expiresAt: Date(millisecondsSince1970: try row.decode(column: "expires_at_ms", as: Int64.self))
        )
    }

    /// Deletes kept content whose retention has passed (its own key expires with it and is destroyed by the key
    /// store's purge, which makes copies of the row in old backups unreadable too).
    public func purgeExpiredContent(now: Date) async throws -> Int {
        try await database.transaction { db in
            let cutoff = now.millisecondsSince1970
            let count = try await db.raw("SELECT COUNT(*) AS n FROM kept_contents WHERE expires_at_ms <= \(bind: cutoff)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if count > 0 {
                try await db.raw("DELETE FROM kept_contents WHERE expires_at_ms <= \(bind: cutoff)").run()
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
            logIndex: try row.decode(column: "log_index", as: Int64?.self).map(UInt64.init),
            completionLogIndex: try row.decode(column: "completion_log_index", as: Int64?.self).map(UInt64.init),
            commitmentSalt: try row.decode(column: "commitment_salt", as: String?.self),
            receiptHash: try row.decode(column: "receipt_hash", as: String?.self),
            subjectID: try row.decode(column: "subject_id", as: String?.self)
        )
    }
}

/// Sealed pseudonym mappings, one per conversation and owner, until they expire. Only ciphertext is stored: the
/// key is derived from a master key kept outside the database. A mapping belongs to the API key that created it:
/// another key of the same use case that knows the conversation id finds nothing.
public struct SQLPseudonymVaultRepository: Sendable {
    let database: ThiqaDatabase
    public init(database: ThiqaDatabase) { self.database = database }

    /// The id a mapping is sealed for (associated data): the owner and the conversation, within the use case.
    public static func scopedID(tenant: String, useCase: String, owner: String, conversation: String) -> String {
        "\(tenant)/\(useCase)/\(owner)/\(conversation)"
    }

    /// The associated data of a mapping sealed in the key store (version 7 on).
    public static func associatedData(scopedID: String) -> [UInt8] {
        Sealing.associatedData(table: "conversation_vaults", rowID: scopedID, purpose: "pseudonym-mapping")
    }

    public struct Sealed: Sendable, Equatable {
        public var sealed: Data
        /// Incremented on every save: what a compare-and-swap update expects.
        public var version: Int64
        /// The key-store key it is sealed under; nil for a mapping sealed before version 7 (a derived key).
        public var keyID: String? = nil
    }

    public func load(tenant: TenantID, useCase: UseCaseID, owner: String, conversationID: String, now: Date) async throws -> Sealed? {
        try await database.read { db in
            guard let row = try await db.raw("""
                SELECT sealed, version, key_id FROM conversation_vaults WHERE tenant = \(bind: tenant.rawValue) AND use_case = \(bind: useCase.rawValue)
                AND owner = \(bind: owner) AND conversation_id = \(bind: conversationID) AND expires_at_ms > \(bind: now.millisecondsSince1970)
                """).first(), let sealed = Data(base64Encoded: try row.decode(column: "sealed", as: String.self)) else { return nil }
            return Sealed(
                sealed: sealed, version: try row.decode(column: "version", as: Int64.self), keyID: try row.decode(column: "key_id", as: String?.self)
            )
        }
    }

    /// Saves a mapping only if the stored one is still at `expectedVersion` (nil: there is none, or it expired).
    /// Returns false when another request of the conversation saved first: the caller reloads and tries again,
    /// so concurrent turns never lose each other's placeholders.
    public func save(
        tenant: TenantID, useCase: UseCaseID, owner: String, conversationID: String, sealed: Data, expectedVersion: Int64?, expiresAt: Date,
        now: Date = Date(), keyID: String? = nil, subjectID: String? = nil
    ) async throws -> Bool {
        let lock = database.dialect == .postgres ? " FOR UPDATE" : ""
        do {
            return try await database.transaction { db in
                let row = try await db.raw("""
                    SELECT version, expires_at_ms FROM conversation_vaults WHERE tenant = \(bind: tenant.rawValue)
                    AND use_case = \(bind: useCase.rawValue) AND owner = \(bind: owner) AND conversation_id = \(bind: conversationID)\(unsafeRaw: lock)
                    """).first()
                let stored = try row.map { try $0.decode(column: "version", as: Int64.self) }
                let live = try row.map { try $0.decode(column: "expires_at_ms", as: Int64.self) > now.millisecondsSince1970 } ?? false
                let current = live ? stored : nil
                guard current == expectedVersion else { return false }
                let sealedText = sealed.base64EncodedString()
                if let stored {
                    try await db.raw("""
                        UPDATE conversation_vaults SET sealed = \(bind: sealedText), version = \(bind: stored + 1),
                            expires_at_ms = \(bind: expiresAt.millisecondsSince1970), key_id = \(bind: keyID),
                            subject_id = COALESCE(\(bind: subjectID), subject_id)
                        WHERE tenant = \(bind: tenant.rawValue) AND use_case = \(bind: useCase.rawValue) AND owner = \(bind: owner)
                        AND conversation_id = \(bind: conversationID) AND version = \(bind: stored)
                        """).run()
                } else {
                    try await db.raw("""
                        INSERT INTO conversation_vaults (tenant, use_case, owner, conversation_id, version, sealed, expires_at_ms, key_id, subject_id)
                        VALUES (\(bind: tenant.rawValue), \(bind: useCase.rawValue), \(bind: owner), \(bind: conversationID), 1,
                                \(bind: sealedText), \(bind: expiresAt.millisecondsSince1970), \(bind: keyID), \(bind: subjectID))
                        """).run()
                }
                return true
            }
        } catch where expectedVersion == nil {
            // Two first turns raced to insert (PostgreSQL: unique violation): the later one reloads.
            if try await load(tenant: tenant, useCase: useCase, owner: owner, conversationID: conversationID, now: now) != nil { return false }
            throw error
        }
    }

    public func purgeExpired(now: Date) async throws -> Int {
        try await database.transaction { db in
            let cutoff = now.millisecondsSince1970
            let count = try await db.raw("SELECT COUNT(*) AS n FROM conversation_vaults WHERE expires_at_ms <= \(bind: cutoff)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if count > 0 { try await db.raw("DELETE FROM conversation_vaults WHERE expires_at_ms <= \(bind: cutoff)").run() }
            return count
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
