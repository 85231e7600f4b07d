import Crypto
import ThiqaCore
import ThiqaLedger
import ThiqaStorage

/// What a tenant's auditor checks with the tenant's tag key (`thiqa log tenant-key`) and the tenant's export of
/// records and salts (`thiqa log tenant-export`): every exported record is committed by the leaf at its index and
/// tagged for the tenant, and every leaf of the log that carries the tenant's tag is in the export — so no record
/// of the tenant was left out of the log, and none of the tenant's leaves is hidden from the tenant.
public enum TenantAudit {
    /// One leaf of the tenant as the export gives it: where it is, the full record it commits to, its salt.
    public struct ExportedLeaf: Sendable, Equatable {
        public var index: UInt64
        public var record: [UInt8]
        public var salt: [UInt8]
        public init(index: UInt64, record: [UInt8], salt: [UInt8]) {
            self.index = index
            self.record = record
            self.salt = salt
        }
    }

    /// The export of a tenant's records: each record's leaves (its decision, and a stream's completion).
    public static func export(_ records: [InteractionRecord]) throws -> [ExportedLeaf] {
        var out: [ExportedLeaf] = []
        for record in records {
            guard let saltHex = record.commitmentSalt, let salt = Hex.decode(saltHex), let index = record.logIndex else { continue }
            out.append(ExportedLeaf(index: index, record: try InteractionLeaf.committedRecord(record.asDecided, kind: .new), salt: salt))
            if let completion = record.completionLogIndex {
                out.append(ExportedLeaf(index: completion, record: try InteractionLeaf.committedRecord(record, kind: .completion), salt: salt))
            }
        }
        return out.sorted { $0.index < $1.index }
    }

    /// Problems found, in words; empty when the log and the export agree.
    public static func check(entries: [LogEntry], exported: [ExportedLeaf], tenantKey: SymmetricKey) -> [String] {
        var problems: [String] = []
        let byIndex = Dictionary(entries.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        var exportedIndexes = Set<UInt64>()
        for leaf in exported {
            exportedIndexes.insert(leaf.index)
            guard let entry = byIndex[leaf.index] else {
                problems.append("MISSING: the export names leaf \(leaf.index), which the log does not have")
                continue
            }
            if RFC6962.leafHash(entry.data) != entry.leafHash {
                problems.append("REWRITE: leaf \(leaf.index) does not hash to its leaf hash")
            }
            if !PublicLeaf.commits(leaf: entry.data, to: leaf.record, salt: leaf.salt) {
                problems.append("MISMATCH: leaf \(leaf.index) does not commit to the exported record")
            }
            if !PublicLeaf.belongs(leaf: entry.data, tenantKey: tenantKey) {
                problems.append("FOREIGN: leaf \(leaf.index) does not carry this tenant's tag")
            }
        }
        for entry in entries where PublicLeaf.belongs(leaf: entry.data, tenantKey: tenantKey) && !exportedIndexes.contains(entry.index) {
            problems.append("HIDDEN: leaf \(entry.index) carries this tenant's tag but is not in the export")
        }
        return problems
    }
}
