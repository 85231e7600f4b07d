import FoundationEssentials
import SQLKit
import ThiqaLedger

/// The append-only RFC 6962 transparency log in SQL (SQLite or PostgreSQL).
///
/// Appends run inside the caller's transaction (``TransparencyLogAppender``): the state row is read (and, on
/// PostgreSQL, locked with `SELECT … FOR UPDATE`, so several Thiqa instances serialise), the frontier is extended
/// with a ``CompactRange``, and the leaves, the perfect-subtree nodes they complete and the new state are written
/// with multi-row inserts. Nothing is cached in memory, so any number of writers stay correct.
///
/// Reads plan the nodes they need with ``ProofPlanner`` and fetch them in one query: O(log n) rows for any root
/// or proof, whatever the log size.
public struct SQLTransparencyLog: TransparencyLogAppender {
    public let database: ThiqaDatabase

    /// Rows per multi-row INSERT: up to 4 binds a row stays under PostgreSQL's 65535 and SQLite's 32766 bind limits.
    static let rowsPerInsert = 8000

    public init(database: ThiqaDatabase) {
        self.database = database
    }

    // MARK: - Append

    public func append(leaves: [[UInt8]], on db: any SQLDatabase) async throws -> [UInt64] {
        guard !leaves.isEmpty else { return [] }
        var range = try await self.state(on: db, forUpdate: true)
        let first = range.size
        var leafRows: [any Encodable & Sendable] = []
        leafRows.reserveCapacity(leaves.count * 4)
        var nodeRows: [any Encodable & Sendable] = []
        nodeRows.reserveCapacity(leaves.count * 3)
        for (position, leaf) in leaves.enumerated() {
            guard let text = String(validating: leaf, as: UTF8.self) else { throw TransparencyLogError.leafNotUTF8(position: position) }
            let hash = RFC6962.leafHash(leaf)
            let index = range.size
            for (node, nodeHash) in range.append(hash) where node.level > 0 {
                nodeRows.append(Int64(node.level))
                nodeRows.append(Int64(node.index))
                nodeRows.append(nodeHash.hex)
            }
            leafRows.append(Int64(index))
            leafRows.append(Self.key(hash))
            leafRows.append(hash.hex)
            leafRows.append(text)
        }
        try await Self.insertRows(into: "log_leaves (idx, leaf_key, leaf_hash, data)", columns: 4, values: leafRows, on: db)
        try await Self.insertRows(into: "log_nodes (level, idx, hash)", columns: 3, values: nodeRows, on: db)
        let frontier = range.frontier.map(\.hex).joined(separator: ",")
        try await db.raw("UPDATE log_state SET size = \(bind: Int64(range.size)), frontier = \(bind: frontier) WHERE id = 1").run()
        return Array(first..<range.size)
    }

    /// Appends in a transaction of its own (tools, tests and benchmarks; the gateway appends in the recorder's). On
    /// a SQLite file this is one job on the dedicated writer thread with prepared statements (see ``DedicatedSQLiteConnection``).
    @discardableResult
    public func append(leaves: [[UInt8]]) async throws -> [UInt64] {
        let hashed = leaves.map { ($0, RFC6962.leafHash($0)) }
        if let indexes = try await self.database.writeOnDedicatedThread({ connection in try Self.append(hashed, on: connection) }) {
            return indexes
        }
        return try await self.database.transaction { db in try await self.append(leaves: leaves, on: db) }
    }

    /// The state row as a compact range; locked for the rest of the transaction on PostgreSQL when `forUpdate`.
    func state(on db: any SQLDatabase, forUpdate: Bool) async throws -> CompactRange {
        let lock = forUpdate && self.database.dialect == .postgres ? " FOR UPDATE" : ""
        guard let row = try await db.raw("SELECT size, frontier FROM log_state WHERE id = 1\(unsafeRaw: lock)").first() else {
            throw TransparencyLogError.corrupt("the log_state row is missing")
        }
        return try Self.range(size: try row.decode(column: "size", as: Int64.self), frontier: try row.decode(column: "frontier", as: String.self))
    }

    /// The stored state (size and comma-separated frontier hashes) as a compact range.
    static func range(size: Int64, frontier text: String) throws -> CompactRange {
        var frontier: [MerkleHash] = []
        for part in text.split(separator: ",") {
            guard let hash = MerkleHash(hex: part) else { throw TransparencyLogError.corrupt("the stored frontier is not hexadecimal hashes") }
            frontier.append(hash)
        }
        guard size >= 0, let range = CompactRange(size: UInt64(size), frontier: frontier) else {
            throw TransparencyLogError.corrupt("the stored frontier does not match the stored size \(size)")
        }
        return range
    }

    static func insertRows(into table: String, columns: Int, values: [any Encodable & Sendable], on db: any SQLDatabase) async throws {
        let stride = Self.rowsPerInsert * columns
        var start = 0
        while start < values.count {
            let end = min(start + stride, values.count)
            var query: SQLQueryString = "INSERT INTO \(unsafeRaw: table) VALUES "
            var position = start
            while position < end {
                if position > start { query += ", " }
                query += "(\(binds: Array(values[position..<position + columns])))"
                position += columns
            }
            try await db.raw(query).run()
            start = end
        }
    }

    // MARK: - Reads

    /// The number of leaves appended.
    public func size() async throws -> UInt64 {
        try await self.database.read { db in try await Self.size(on: db) }
    }

    static func size(on db: any SQLDatabase) async throws -> UInt64 {
        guard let size = try await db.raw("SELECT size FROM log_state WHERE id = 1").first(decodingColumn: "size", as: Int64.self) else {
            throw TransparencyLogError.corrupt("the log_state row is missing")
        }
        return UInt64(size)
    }

    /// The indexed lookup key of a leaf hash: its first 8 bytes, big-endian, as a signed integer.
    static func key(_ hash: MerkleHash) -> Int64 {
        hash.withUnsafeBytes { raw in Int64(bitPattern: raw.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }) }
    }

    /// The leaf at `index`, or nil beyond the log.
    public func entry(at index: UInt64) async throws -> LogEntry? {
        guard index <= UInt64(Int64.max) else { return nil }
        return try await self.database.read { db in
            guard let row = try await db.raw("SELECT idx, leaf_hash, data FROM log_leaves WHERE idx = \(bind: Int64(index))").first() else {
                return nil
            }
            return try Self.decodeEntry(row)
        }
    }

    /// The leaves `[start, end)` in order (fewer when the log is shorter).
    public func entries(from start: UInt64, to end: UInt64) async throws -> [LogEntry] {
        guard start < end else { return [] }
        return try await self.database.read { db in
            try await db.raw(
                "SELECT idx, leaf_hash, data FROM log_leaves WHERE idx >= \(bind: Int64(start)) AND idx < \(bind: Int64(end)) ORDER BY idx"
            ).all().map(Self.decodeEntry)
        }
    }

    static func decodeEntry(_ row: any SQLRow) throws -> LogEntry {
        let index = try row.decode(column: "idx", as: Int64.self)
        let hashText = try row.decode(column: "leaf_hash", as: String.self)
        guard let hash = MerkleHash(hex: hashText) else { throw TransparencyLogError.corrupt("leaf \(index) has a malformed hash") }
        return LogEntry(index: UInt64(index), leafHash: hash, data: Array(try row.decode(column: "data", as: String.self).utf8))
    }

    /// The first index of a leaf with this hash in the tree of `treeSize` leaves, or nil.
    public func index(ofLeafHash hash: MerkleHash, treeSize: UInt64) async throws -> UInt64? {
        try await self.database.read { db in
            try await db.raw(
                """
                SELECT idx FROM log_leaves WHERE leaf_key = \(bind: Self.key(hash)) AND leaf_hash = \(bind: hash.hex)
                AND idx < \(bind: Int64(clamping: treeSize)) ORDER BY idx LIMIT 1
                """
            ).first(decodingColumn: "idx", as: Int64.self).map(UInt64.init)
        }
    }

    /// The root of the tree of `treeSize` leaves, for any size up to the current one.
    public func rootHash(treeSize: UInt64) async throws -> MerkleHash {
        let plan = ProofPlanner.rootHash(treeSize: treeSize)
        return try Self.assemble(plan, try await self.fetch(plan.nodeIDs, treeSize: treeSize))[0]
    }

    /// The inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves, with the leaf hash and root.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) async throws -> LogInclusionProof {
        guard leafIndex < treeSize else { throw TransparencyLogError.indexOutOfRange(index: leafIndex, treeSize: treeSize) }
        let plan = try ProofPlanner.inclusion(leafIndex: leafIndex, treeSize: treeSize)
        let root = ProofPlanner.rootHash(treeSize: treeSize)
        let leaf = NodeID(level: 0, index: leafIndex)
        let nodes = try await self.fetch(plan.nodeIDs + root.nodeIDs + [leaf], treeSize: treeSize)
        guard let leafHash = nodes[leaf] else { throw TransparencyLogError.corrupt("leaf \(leafIndex) is missing") }
        return LogInclusionProof(
            leafIndex: leafIndex, treeSize: treeSize, leafHash: leafHash,
            rootHash: try Self.assemble(root, nodes)[0], proof: try Self.assemble(plan, nodes)
        )
    }

    /// The inclusion proof of the first leaf with this hash in the tree of `treeSize` leaves.
    public func inclusionProof(leafHash: MerkleHash, treeSize: UInt64) async throws -> LogInclusionProof {
        let current = try await self.size()
        guard treeSize <= current else { throw TransparencyLogError.treeSizeTooLarge(requested: treeSize, size: current) }
        guard let index = try await self.index(ofLeafHash: leafHash, treeSize: treeSize) else {
            throw TransparencyLogError.leafHashNotFound(leafHash, treeSize: treeSize)
        }
        return try await self.inclusionProof(leafIndex: index, treeSize: treeSize)
    }

    /// The consistency proof from the tree of `size1` leaves to the tree of `size2` leaves, with both roots.
    public func consistencyProof(size1: UInt64, size2: UInt64) async throws -> LogConsistencyProof {
        guard size1 > 0, size1 <= size2 else { throw TransparencyLogError.invalidSizes(size1: size1, size2: size2) }
        let plan = try ProofPlanner.consistency(size1: size1, size2: size2)
        let root1 = ProofPlanner.rootHash(treeSize: size1)
        let root2 = ProofPlanner.rootHash(treeSize: size2)
        let nodes = try await self.fetch(plan.nodeIDs + root1.nodeIDs + root2.nodeIDs, treeSize: size2)
        return LogConsistencyProof(
            size1: size1, size2: size2, root1: try Self.assemble(root1, nodes)[0], root2: try Self.assemble(root2, nodes)[0],
            proof: try Self.assemble(plan, nodes)
        )
    }

    /// The stored nodes of plans over the tree of `treeSize` leaves, in one read snapshot: on a SQLite file point
    /// lookups with prepared statements on a dedicated reader thread, elsewhere one SQLKit query.
    func fetch(_ ids: [NodeID], treeSize: UInt64) async throws -> [NodeID: MerkleHash] {
        if let nodes = try await self.database.readOnDedicatedThread({ connection in try Self.nodes(ids, treeSize: treeSize, on: connection) }) {
            return nodes
        }
        return try await self.database.read { db in try await Self.nodes(ids, treeSize: treeSize, on: db) }
    }

    /// The nodes of plans over the tree of `treeSize` leaves, which always include the root's nodes: the last of
    /// those ends at leaf `treeSize - 1`, so it is stored exactly when the log has at least `treeSize` leaves (a
    /// leaf and the nodes it completes are written in one transaction). One query when the size is valid; the
    /// state row is read only to say why nodes are missing.
    static func nodes(_ ids: [NodeID], treeSize: UInt64, on db: any SQLDatabase) async throws -> [NodeID: MerkleHash] {
        let nodes = try await Self.nodes(ids, on: db)
        if nodes.count < Set(ids).count {
            let current = try await Self.size(on: db)
            guard treeSize <= current else { throw TransparencyLogError.treeSizeTooLarge(requested: treeSize, size: current) }
        }
        return nodes
    }

    static func assemble(_ plan: ProofPlan, _ nodes: [NodeID: MerkleHash]) throws -> [MerkleHash] {
        do {
            return try plan.assemble(nodes)
        } catch {
            throw TransparencyLogError.corrupt("\(error)")
        }
    }

    /// Fetches stored nodes in one query: level 0 from `log_leaves`, the others from `log_nodes`, one
    /// `level = ? AND idx IN (…)` term per level. Indexes beyond Int64 are clamped: not stored, so reported missing.
    static func nodes(_ ids: [NodeID], on db: any SQLDatabase) async throws -> [NodeID: MerkleHash] {
        var byLevel: [UInt8: Set<UInt64>] = [:]
        for id in ids { byLevel[id.level, default: []].insert(id.index) }
        var parts: [SQLQueryString] = []
        let interior = byLevel.filter { $0.key > 0 }.sorted { $0.key < $1.key }
        if !interior.isEmpty {
            var query: SQLQueryString = "SELECT level, idx, hash FROM log_nodes WHERE "
            for (position, (level, indexes)) in interior.enumerated() {
                if position > 0 { query += " OR " }
                let binds: [any Encodable & Sendable] = indexes.sorted().map { Int64(clamping: $0) }
                query += "(level = \(bind: Int64(level)) AND idx IN (\(binds: binds)))"
            }
            parts.append(query)
        }
        if let leaves = byLevel[0] {
            let binds: [any Encodable & Sendable] = leaves.sorted().map { Int64(clamping: $0) }
            parts.append("SELECT CAST(0 AS BIGINT) AS level, idx, leaf_hash AS hash FROM log_leaves WHERE idx IN (\(binds: binds))")
        }
        guard !parts.isEmpty else { return [:] }
        let rows = try await db.raw(parts.joined(separator: " UNION ALL ")).all()
        var out: [NodeID: MerkleHash] = [:]
        out.reserveCapacity(rows.count)
        for row in rows {
            let level = try row.decode(column: "level", as: Int64.self)
            let index = try row.decode(column: "idx", as: Int64.self)
            let id = NodeID(level: UInt8(clamping: level), index: UInt64(index))
            guard let hash = MerkleHash(hex: try row.decode(column: "hash", as: String.self)) else {
                throw TransparencyLogError.corrupt("node \(id) has a malformed hash")
            }
            out[id] = hash
        }
        return out
    }

    // MARK: - Checkpoints

    /// Stores a signed checkpoint; a second one for the same size is ignored (the first stays).
    public func store(_ checkpoint: StoredCheckpoint) async throws {
        try await self.database.transaction { db in
            try await db.raw("""
                INSERT INTO log_checkpoints (size, root, note, created_at_ms)
                VALUES (\(bind: Int64(checkpoint.size)), \(bind: checkpoint.rootHash.hex), \(bind: checkpoint.note), \(bind: checkpoint.createdAtMs))
                ON CONFLICT (size) DO NOTHING
                """).run()
        }
    }

    /// The checkpoint of the largest size published, or nil before the first.
    public func latestCheckpoint() async throws -> StoredCheckpoint? {
        try await self.database.read { db in
            try await db.raw("SELECT size, root, note, created_at_ms FROM log_checkpoints ORDER BY size DESC LIMIT 1").first().map(Self.decodeCheckpoint)
        }
    }

    /// The checkpoint published for exactly this size, or nil.
    public func checkpoint(size: UInt64) async throws -> StoredCheckpoint? {
        guard size <= UInt64(Int64.max) else { return nil }
        return try await self.database.read { db in
            try await db.raw("SELECT size, root, note, created_at_ms FROM log_checkpoints WHERE size = \(bind: Int64(size))")
                .first().map(Self.decodeCheckpoint)
        }
    }

    /// Every checkpoint published, smallest size first.
    public func checkpoints() async throws -> [StoredCheckpoint] {
        try await self.database.read { db in
            try await db.raw("SELECT size, root, note, created_at_ms FROM log_checkpoints ORDER BY size").all().map(Self.decodeCheckpoint)
        }
    }

    static func decodeCheckpoint(_ row: any SQLRow) throws -> StoredCheckpoint {
        let size = try row.decode(column: "size", as: Int64.self)
        guard let root = MerkleHash(hex: try row.decode(column: "root", as: String.self)) else {
            throw TransparencyLogError.corrupt("the checkpoint of size \(size) has a malformed root")
        }
        return StoredCheckpoint(
            size: UInt64(size), rootHash: root, note: try row.decode(column: "note", as: String.self),
            createdAtMs: try row.decode(column: "created_at_ms", as: Int64.self)
        )
    }
}
