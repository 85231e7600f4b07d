import ThiqaCore
import ThiqaJSON
import ThiqaLedger

/// A write whose public leaf is already encoded and hashed. The recorder prepares each call's leaf on that call's
/// own task, before it joins a batch, so the encoding runs on both cores instead of inside the serial commit.
public struct LoggedRecordWrite: Sendable {
    public var write: SQLInteractionRepository.RecordWrite
    public var leaf: [UInt8]
    public var leafHash: MerkleHash

    public init(_ write: SQLInteractionRepository.RecordWrite, leaf: [UInt8]) {
        self.write = write
        self.leaf = leaf
        self.leafHash = RFC6962.leafHash(leaf)
    }
}

extension SQLInteractionRepository {
    /// Many records and their leaves in one durable commit (group commit), as ``recordBatch(_:log:leafOf:)``.
    ///
    /// On a SQLite file the whole batch is one job on the dedicated writer thread (``DedicatedSQLiteConnection``) with prepared
    /// statements; elsewhere (PostgreSQL, in-memory SQLite) it is the SQLKit transaction with multi-row inserts.
    @discardableResult
    public func recordBatch(logged writes: [LoggedRecordWrite], log: SQLTransparencyLog) async throws -> [InteractionRecord] {
        // Keys live in the key store, another database: content is sealed before the records' transaction.
        let sealed = try await self.seal(writes.map { logged in logged.write.content.map { ($0, logged.write.record.subjectID) } })
        if let result = try await database.writeOnDedicatedThread({ connection in
            try Self.recordBatch(writes, sealed: sealed, on: connection)
        }) {
            return result
        }
        return try await database.transaction { db in
            var records = writes.map(\.write.record)
            let indexes = try await log.append(leaves: writes.map(\.leaf), on: db)
            for position in records.indices {
                Self.assign(indexes[position], to: &records[position], kind: writes[position].write.kind)
            }
            try await Self.write(records, writes.map(\.write.kind), sealed, on: db)
            return records
        }
    }

    static func assign(_ index: UInt64, to record: inout InteractionRecord, kind: RecordWrite.Kind) {
        switch kind {
        case .new: record.logIndex = index
        case .completion: record.completionLogIndex = index
        }
    }

    /// The batch on the writer's connection, inside its transaction.
    static func recordBatch(_ writes: [LoggedRecordWrite], sealed: [KeptContent?], on connection: SQLiteDirectConnection) throws -> [InteractionRecord] {
        let indexes = try SQLTransparencyLog.append(writes.map { ($0.leaf, $0.leafHash) }, on: connection)
        var records: [InteractionRecord] = []
        records.reserveCapacity(writes.count)
        for (position, logged) in writes.enumerated() {
            var record = logged.write.record
            Self.assign(indexes[position], to: &record, kind: logged.write.kind)
            switch logged.write.kind {
            case .new: try Self.insert(record, on: connection)
            case .completion: try Self.complete(record, on: connection)
            }
            if let content = sealed[position] { try Self.insertContent(content, on: connection) }
            records.append(record)
        }
        return records
    }

    static func insert(_ r: InteractionRecord, on connection: SQLiteDirectConnection) throws {
        try connection.execute("""
            INSERT INTO interactions (id, created_at_ms, tenant, use_case, api_key_id, endpoint, model, backend, backend_jurisdiction,
                outcome, http_status, error_type, stream, latency_ms, upstream_latency_ms, prompt_tokens, completion_tokens, total_tokens, decisions,
                request_sha256, response_sha256, log_index, completion_log_index, commitment_salt, receipt_hash, receipt_key, subject_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) { b in
            b.bind(r.id)
            b.bind(r.createdAt.millisecondsSince1970)
            b.bind(r.tenant.rawValue)
            b.bind(r.useCase.rawValue)
            b.bind(r.apiKeyID)
            b.bind(r.endpoint)
            b.bind(r.model)
            b.bind(r.backend)
            b.bind(r.backendJurisdiction)
            b.bind(r.outcome.rawValue)
            b.bind(r.httpStatus)
            b.bind(r.errorType)
            b.bind(Int64(r.stream ? 1 : 0))
            b.bind(r.latencyMs)
            b.bind(r.upstreamLatencyMs)
            b.bind(r.promptTokens)
            b.bind(r.completionTokens)
            b.bind(r.totalTokens)
            b.bind(Self.decisionsJSON(r.decisions))
            b.bind(r.requestSHA256)
            b.bind(r.responseSHA256)
            b.bind(r.logIndex.map(Int64.init))
            b.bind(r.completionLogIndex.map(Int64.init))
            b.bind(r.commitmentSalt)
            b.bind(r.receiptHash)
            b.bind(r.receiptHash.flatMap(Self.receiptKey))
            b.bind(r.subjectID)
        }
    }

    static func complete(_ r: InteractionRecord, on connection: SQLiteDirectConnection) throws {
        try connection.execute("""
            UPDATE interactions SET outcome = ?, http_status = ?, error_type = ?, latency_ms = ?, prompt_tokens = ?,
                completion_tokens = ?, total_tokens = ?, response_sha256 = ?, completion_log_index = ?
            WHERE id = ?
            """) { b in
            b.bind(r.outcome.rawValue)
            b.bind(r.httpStatus)
            b.bind(r.errorType)
            b.bind(r.latencyMs)
            b.bind(r.promptTokens)
            b.bind(r.completionTokens)
            b.bind(r.totalTokens)
            b.bind(r.responseSHA256)
            b.bind(r.completionLogIndex.map(Int64.init))
            b.bind(r.id)
        }
    }

    static func insertContent(_ content: KeptContent, on connection: SQLiteDirectConnection) throws {
        try connection.execute(
            "INSERT INTO kept_contents (interaction_id, subject_id, key_id, sealed, expires_at_ms) VALUES (?, ?, ?, ?, ?)"
        ) { b in
            b.bind(content.interactionID)
            b.bind(content.subjectID)
            b.bind(content.keyID)
            b.bind(content.sealed)
            b.bind(content.expiresAt.millisecondsSince1970)
        }
    }

    /// The decisions column: a JSON array of strings, written directly instead of by Foundation's `JSONEncoder`
    /// (a coder, a container and a `Data` per record, for a handful of short strings).
    static func decisionsJSON(_ decisions: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(16 * decisions.count + 2)
        for (position, decision) in decisions.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(decision, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }
}

extension SQLTransparencyLog {
    /// Appends already hashed leaves on the writer's connection, inside its transaction: the same rows as
    /// ``append(leaves:on:)`` (state read, leaves, completed nodes, state update), each statement prepared once.
    static func append(_ leaves: [([UInt8], MerkleHash)], on connection: SQLiteDirectConnection) throws -> [UInt64] {
        guard !leaves.isEmpty else { return [] }
        var stored: (size: Int64, frontier: String)?
        try connection.query("SELECT size, frontier FROM log_state WHERE id = 1") { row in
            stored = (row.int64(0), row.text(1))
        }
        guard let stored else { throw TransparencyLogError.corrupt("the log_state row is missing") }
        var range = try Self.range(size: stored.size, frontier: stored.frontier)
        let first = range.size
        for (position, (leaf, hash)) in leaves.enumerated() {
            guard String(validating: leaf, as: UTF8.self) != nil else { throw TransparencyLogError.leafNotUTF8(position: position) }
            let index = range.size
            for (node, nodeHash) in range.append(hash) where node.level > 0 {
                try connection.execute("INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)") { b in
                    b.bind(Int64(node.level))
                    b.bind(Int64(node.index))
                    b.bind(nodeHash.hex)
                }
            }
            try connection.execute("INSERT INTO log_leaves (idx, leaf_key, leaf_hash, data) VALUES (?, ?, ?, ?)") { b in
                b.bind(Int64(index))
                b.bind(Self.key(hash))
                b.bind(hash.hex)
                b.bindText(leaf)
            }
        }
        let frontier = range.frontier.map(\.hex).joined(separator: ",")
        try connection.execute("UPDATE log_state SET size = ?, frontier = ? WHERE id = 1") { b in
            b.bind(Int64(range.size))
            b.bind(frontier)
        }
        return Array(first..<range.size)
    }
}
