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

extension TenantAudit {
    /// One line of `thiqa log tenant-export`: `{"index":N,"record":{…},"salt":"<hex>"}` (RFC 8785).
    public static func exportLine(_ leaf: ExportedLeaf) throws -> String {
        String(decoding: try CanonicalJSON.encode([
            "index": .int(Int64(leaf.index)), "record": try CanonicalJSON.parse(leaf.record), "salt": .string(Hex.encode(leaf.salt)),
        ]), as: UTF8.self)
    }

    /// Reads an export line back; the error names the field.
    public static func parseExportLine(_ line: String) throws -> ExportedLeaf {
        guard case .object(let fields) = try CanonicalJSON.parse(Array(line.utf8)) else { throw LogAuditor.Failure(description: "the line is not a JSON object") }
        guard case .int(let index)? = fields["index"], index >= 0 else { throw LogAuditor.Failure(description: "\"index\" is not a non-negative integer") }
        guard case .object? = fields["record"], let record = fields["record"] else { throw LogAuditor.Failure(description: "\"record\" is not an object") }
        guard case .string(let saltHex)? = fields["salt"], let salt = Hex.decode(saltHex, lowercaseOnly: true), salt.count == PublicLeaf.saltByteCount else {
            throw LogAuditor.Failure(description: "\"salt\" is not 64 lowercase hexadecimal digits")
        }
        return ExportedLeaf(index: UInt64(index), record: try CanonicalJSON.encode(record), salt: salt)
    }

    /// The tenant's auditor, from outside: the signed checkpoint, every entry it covers, and the check above.
    public static func audit(auditor: LogAuditor, tenantKey: SymmetricKey, exported: [ExportedLeaf]) async throws -> (size: UInt64, problems: [String]) {
        let (status, noteBytes) = try await auditor.get("/log/v1/checkpoint")
        guard status == 200 else { throw LogAuditor.Failure(description: "GET /log/v1/checkpoint answered \(status)") }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint.open(noteBytes, log: auditor.verifier).checkpoint
        } catch {
            return (0, ["BAD SIGNATURE: the latest checkpoint is not validly signed by \(auditor.verifier.name)'s key (\(error))"])
        }
        var entries: [LogEntry] = []
        for index in 0..<checkpoint.size {
            let (status, body) = try await auditor.get("/log/v1/entries/\(index)")
            guard status == 200, case .object(let fields) = try CanonicalJSON.parse(body), let data = fields["data"],
                case .string(let hashText)? = fields["leaf_hash"], let hash = MerkleHash(hex: hashText)
            else { throw LogAuditor.Failure(description: "GET /log/v1/entries/\(index) answered \(status)") }
            let bytes: [UInt8]
            if case .string(let text) = data { bytes = Array(text.utf8) } else { bytes = try CanonicalJSON.encode(data) }
            entries.append(LogEntry(index: index, leafHash: hash, data: bytes))
        }
        // The entries themselves must make the signed tree, or the server could show the tenant another log.
        var range = CompactRange()
        for entry in entries { _ = range.append(RFC6962.leafHash(entry.data)) }
        var problems: [String] = []
        if range.rootHash() != checkpoint.rootHash {
            problems.append("FORK: the entries served do not hash to the signed root of size \(checkpoint.size)")
        }
        let covered = exported.filter { $0.index < checkpoint.size }
        problems += check(entries: entries, exported: covered, tenantKey: tenantKey)
        return (checkpoint.size, problems)
    }
}
