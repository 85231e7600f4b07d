import SQLKit
import ThiqaLedger

/// What `thiqa log verify` found.
public struct LogIntegrityReport: Sendable {
    /// The log size checked (the size when the check started; later appends are not looked at).
    public var size: UInt64 = 0
    public var leavesChecked: UInt64 = 0
    public var nodesChecked: UInt64 = 0
    public var checkpointsChecked = 0
    /// Everything that does not hold, in plain words; empty when the log is intact.
    public var problems: [String] = []

    public var isIntact: Bool { self.problems.isEmpty }
}

extension SQLTransparencyLog {
    /// Recomputes the tree from the stored leaves and checks that every leaf hash matches its data, every stored
    /// interior node and the stored frontier match the recomputed ones, and every stored checkpoint (note and
    /// columns) commits to the root recomputed for its size. With `verifier`, each checkpoint's signature is
    /// checked too.
    ///
    /// Reads in chunks of `chunk` leaves; memory stays O(chunk).
    public func verifyIntegrity(verifier: NoteVerifier? = nil, chunk: UInt64 = 50_000, maxProblems: Int = 50) async throws -> LogIntegrityReport {
        var report = LogIntegrityReport()
        func problem(_ text: String) {
            if report.problems.count < maxProblems { report.problems.append(text) }
        }
        let stored = try await self.database.read { db in try await self.state(on: db, forUpdate: false) }
        let checkpoints = try await self.checkpoints()
        let size = stored.size
        report.size = size
        var pending = checkpoints.filter { $0.size <= size }
        var range = CompactRange()
        // Roots of size 0 are known without leaves.
        func checkCheckpointsAt(_ treeSize: UInt64, root: MerkleHash) {
            while let next = pending.first, next.size == treeSize {
                pending.removeFirst()
                report.checkpointsChecked += 1
                self.check(next, root: root, verifier: verifier, problem: problem)
            }
        }
        checkCheckpointsAt(0, root: RFC6962.emptyRoot)

        var start: UInt64 = 0
        while start < size {
            let end = min(start + chunk, size)
            let leaves = try await self.entries(from: start, to: end)
            let storedNodes = try await self.database.read { db in try await Self.interiorNodes(completedIn: start, end, on: db) }
            var expectedIndex = start
            for leaf in leaves {
                if leaf.index != expectedIndex {
                    problem("leaves \(expectedIndex) to \(leaf.index - 1) are missing")
                    break
                }
                let hash = RFC6962.leafHash(leaf.data)
                if hash != leaf.leafHash {
                    problem("entry \(leaf.index) was altered: its data hashes to \(hash.hex), but its stored leaf hash is \(leaf.leafHash.hex)")
                }
                for (node, nodeHash) in range.append(leaf.leafHash) where node.level > 0 {
                    report.nodesChecked += 1
                    switch storedNodes[node] {
                    case nil: problem("the stored tree is missing node \(node)")
                    case let found? where found != nodeHash:
                        problem("stored node \(node) does not match the leaves under it (entries \(node.firstLeaf) to \(node.endLeaf - 1))")
                    default: break
                    }
                }
                report.leavesChecked += 1
                expectedIndex += 1
                if let next = pending.first, next.size == range.size {
                    checkCheckpointsAt(range.size, root: range.rootHash())
                }
            }
            if expectedIndex != end {
                problem("leaves \(expectedIndex) to \(end - 1) are missing")
                return report
            }
            start = end
        }
        if range.frontier != stored.frontier {
            problem("the stored frontier of the tree does not match the leaves")
        }
        return report
    }

    private func check(_ checkpoint: StoredCheckpoint, root: MerkleHash, verifier: NoteVerifier?, problem: (String) -> Void) {
        if checkpoint.rootHash != root {
            problem("the checkpoint of size \(checkpoint.size) has root \(checkpoint.rootHash.hex), but the stored leaves give \(root.hex): the log was rewritten after it was published")
        }
        let parsed: Checkpoint
        do {
            if let verifier {
                parsed = try Checkpoint.open(Array(checkpoint.note.utf8), log: verifier).checkpoint
            } else {
                parsed = try Checkpoint.parse(try SignedNote.parse(Array(checkpoint.note.utf8)).text)
            }
        } catch {
            problem("the signed checkpoint of size \(checkpoint.size) does not verify: \(error)")
            return
        }
        if parsed.size != checkpoint.size || parsed.rootHash != root {
            problem("the signed note of the checkpoint of size \(checkpoint.size) commits to size \(parsed.size) and root \(parsed.rootHash.hex), not to the stored leaves (root \(root.hex))")
        }
    }

    /// The stored interior nodes completed by appending leaves `[start, end)`: for each level, the nodes whose last
    /// leaf falls in the range.
    static func interiorNodes(completedIn start: UInt64, _ end: UInt64, on db: any SQLDatabase) async throws -> [NodeID: MerkleHash] {
        var out: [NodeID: MerkleHash] = [:]
        var level: UInt64 = 1
        while level < 64, (end >> level) > (start >> level) {
            let rows = try await db.raw("""
                SELECT idx, hash FROM log_nodes WHERE level = \(bind: Int64(level))
                AND idx >= \(bind: Int64(start >> level)) AND idx < \(bind: Int64(end >> level))
                """).all()
            for row in rows {
                let id = NodeID(level: UInt8(level), index: UInt64(try row.decode(column: "idx", as: Int64.self)))
                guard let hash = MerkleHash(hex: try row.decode(column: "hash", as: String.self)) else {
                    throw TransparencyLogError.corrupt("node \(id) has a malformed hash")
                }
                out[id] = hash
            }
            level += 1
        }
        return out
    }
}
