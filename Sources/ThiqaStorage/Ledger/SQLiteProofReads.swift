import ThiqaLedger

extension SQLTransparencyLog {
    /// The nodes of plans over the tree of `treeSize` leaves on a dedicated reader (inside its read snapshot): one
    /// prepared point lookup per node, in key order so neighbouring lookups share B-tree pages. As in the SQLKit
    /// path, the state row is read only to say why nodes are missing.
    static func nodes(_ ids: [NodeID], treeSize: UInt64, on connection: SQLiteDirectConnection) throws -> [NodeID: MerkleHash] {
        let wanted = Set(ids).sorted { ($0.level, $0.index) < ($1.level, $1.index) }
        var out: [NodeID: MerkleHash] = [:]
        out.reserveCapacity(wanted.count)
        for id in wanted {
            var text: String?
            // Clamped: an index beyond Int64 is simply not stored, and the size check below says why.
            let index = Int64(clamping: id.index)
            if id.level == 0 {
                try connection.query("SELECT leaf_hash FROM log_leaves WHERE idx = ?", bind: { $0.bind(index) }) { row in text = row.text(0) }
            } else {
                try connection.query(
                    "SELECT hash FROM log_nodes WHERE level = ? AND idx = ?", bind: { b in b.bind(Int64(id.level)); b.bind(index) }
                ) { row in text = row.text(0) }
            }
            guard let text else { continue }
            guard let hash = MerkleHash(hex: text) else { throw TransparencyLogError.corrupt("node \(id) has a malformed hash") }
            out[id] = hash
        }
        if out.count < wanted.count {
            let current = try Self.size(on: connection)
            guard treeSize <= current else { throw TransparencyLogError.treeSizeTooLarge(requested: treeSize, size: current) }
        }
        return out
    }

    static func size(on connection: SQLiteDirectConnection) throws -> UInt64 {
        var size: Int64?
        try connection.query("SELECT size FROM log_state WHERE id = 1") { row in size = row.int64(0) }
        guard let size else { throw TransparencyLogError.corrupt("the log_state row is missing") }
        return UInt64(size)
    }
}
