import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ThiqaLedger

/// The core of `thiqa log audit`: checks a running Thiqa's transparency log from the outside, with nothing but its
/// public key and what this auditor saw before.
///
/// 1. Fetches the latest checkpoint and verifies its signature with the log's public key.
/// 2. Checks that it extends the checkpoint seen last time (same root at the same size, a valid consistency
///    proof to a larger size); a smaller size or a failed proof means entries were deleted, rewritten or forked.
/// 3. Samples entries and checks that each one's data hashes to its leaf hash and that the leaf is in the
///    signed tree (inclusion proof against the checkpoint's root).
///
/// Problems are reported in plain words; the state to remember is returned only when there are none.
public struct LogAuditor: Sendable {
    /// What an auditor remembers between runs: the last checkpoint it verified.
    public struct State: Codable, Sendable, Equatable {
        public var origin: String
        public var size: UInt64
        public var rootHash: String
        public var note: String
        public var checkedAt: String?

        public init(origin: String, size: UInt64, rootHash: String, note: String, checkedAt: String? = nil) {
            self.origin = origin
            self.size = size
            self.rootHash = rootHash
            self.note = note
            self.checkedAt = checkedAt
        }
    }

    public struct Report: Sendable {
        /// The checkpoint fetched, when it verified.
        public var checkpoint: Checkpoint?
        /// The size of the checkpoint seen before, if any.
        public var previousSize: UInt64?
        public var entriesChecked: [UInt64] = []
        /// Everything that does not hold; empty when the log is sound.
        public var problems: [String] = []
        /// The state to save for next time (nil when there are problems: keep trusting the old one).
        public var newState: State?

        public var isSound: Bool { self.problems.isEmpty }
    }

    /// The audit could not be carried out (network, unexpected answers); says why.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let baseURL: String
    public let verifier: NoteVerifier
    let client: HTTPClient

    /// - Parameter baseURL: the server's address, such as `http://127.0.0.1:8080` (the `/log/v1` paths are added).
    public init(baseURL: String, verifier: NoteVerifier, client: HTTPClient = .shared) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.verifier = verifier
        self.client = client
    }

    public func audit(previous: State?, samples: Int) async throws -> Report {
        var report = Report()
        report.previousSize = previous?.size

        // 1. The latest checkpoint, signed by the log's key.
        let (status, noteBytes) = try await self.get("/log/v1/checkpoint")
        guard status == 200 else { throw Failure(description: "GET /log/v1/checkpoint answered \(status): \(Self.text(noteBytes))") }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint.open(noteBytes, log: self.verifier).checkpoint
        } catch {
            report.problems.append("BAD SIGNATURE: the latest checkpoint is not validly signed by \(self.verifier.name)'s key (\(error)); it must not be trusted")
            return report
        }
        report.checkpoint = checkpoint
        if checkpoint.origin != self.verifier.name {
            report.problems.append("the checkpoint names the log '\(checkpoint.origin)', but the key is for '\(self.verifier.name)'")
        }

        // 2. Consistency with what was seen before.
        if let previous {
            self.checkConsistency(from: previous, to: checkpoint, into: &report)
            if previous.size < checkpoint.size, previous.size > 0, let root1 = MerkleHash(hex: previous.rootHash) {
                try await self.fetchAndVerifyConsistency(size1: previous.size, root1: root1, to: checkpoint, into: &report)
            }
        }

        // 3. Sampled entries: data matches leaf hash, leaf is in the signed tree.
        for index in Self.sample(size: checkpoint.size, count: samples) {
            try await self.checkEntry(index, in: checkpoint, into: &report)
            report.entriesChecked.append(index)
        }

        if report.problems.isEmpty {
            report.newState = State(
                origin: checkpoint.origin, size: checkpoint.size, rootHash: checkpoint.rootHash.hex, note: Self.text(noteBytes),
                checkedAt: ISO8601DateFormatter().string(from: Date())
            )
        }
        return report
    }

    func checkConsistency(from previous: State, to checkpoint: Checkpoint, into report: inout Report) {
        if previous.origin != checkpoint.origin {
            report.problems.append("the log now calls itself '\(checkpoint.origin)', but it was '\(previous.origin)' when last audited")
        }
        if checkpoint.size < previous.size {
            report.problems.append(
                "ROLLBACK: the log now has \(checkpoint.size) entries, but it had \(previous.size) when last audited; entries were deleted or the log was forked"
            )
        } else if checkpoint.size == previous.size, checkpoint.rootHash.hex != previous.rootHash {
            report.problems.append(
                "FORK: the log has the same size (\(checkpoint.size)) as when last audited but a different root (\(checkpoint.rootHash.hex), was \(previous.rootHash)); its history was rewritten"
            )
        }
    }

    func fetchAndVerifyConsistency(size1: UInt64, root1: MerkleHash, to checkpoint: Checkpoint, into report: inout Report) async throws {
        let (status, body) = try await self.get("/log/v1/proof/consistency?first=\(size1)&second=\(checkpoint.size)")
        guard status == 200 else {
            report.problems.append(
                "FORK OR REWRITE: the log cannot prove that its tree of \(checkpoint.size) entries extends the one of \(size1) entries seen before (it answered \(status): \(Self.text(body)))"
            )
            return
        }
        do {
            let proof = try Self.hashes(in: body, field: "proof")
            try MerkleVerifier.verifyConsistency(size1: size1, size2: checkpoint.size, root1: root1, root2: checkpoint.rootHash, proof: proof)
        } catch {
            report.problems.append(
                "FORK OR REWRITE: the signed tree of \(checkpoint.size) entries is not an extension of the tree of \(size1) entries seen before (\(error)); entries that were published have been changed"
            )
        }
    }

    func checkEntry(_ index: UInt64, in checkpoint: Checkpoint, into report: inout Report) async throws {
        let (status, body) = try await self.get("/log/v1/entries/\(index)")
        guard status == 200 else {
            report.problems.append("MISSING ENTRY: entry \(index) of the signed tree of \(checkpoint.size) entries cannot be read (\(status): \(Self.text(body)))")
            return
        }
        let data: [UInt8]
        let claimedHash: MerkleHash?
        do {
            guard case .object(let fields) = try CanonicalJSON.parse(body) else { throw Failure(description: "not an object") }
            switch fields["data"] {
            case .string(let text)?: data = Array(text.utf8)
            case let value?: data = try CanonicalJSON.encode(value)
            case nil: throw Failure(description: "no data")
            }
            if case .string(let hex)? = fields["leaf_hash"] { claimedHash = MerkleHash(hex: hex) } else { claimedHash = nil }
        } catch {
            throw Failure(description: "GET /log/v1/entries/\(index) did not answer an entry: \(error)")
        }
        let leafHash = RFC6962.leafHash(data)
        if claimedHash != leafHash {
            report.problems.append("REWRITE: entry \(index)'s data does not hash to its leaf hash; the entry was altered after it was logged")
        }
        let (proofStatus, proofBody) = try await self.get("/log/v1/proof/inclusion?index=\(index)&tree_size=\(checkpoint.size)")
        guard proofStatus == 200 else {
            report.problems.append("the log cannot prove that entry \(index) is in its signed tree of \(checkpoint.size) entries (\(proofStatus): \(Self.text(proofBody)))")
            return
        }
        do {
            let proof = try Self.hashes(in: proofBody, field: "proof")
            try MerkleVerifier.verifyInclusion(leafIndex: index, treeSize: checkpoint.size, leafHash: leafHash, proof: proof, root: checkpoint.rootHash)
        } catch {
            report.problems.append("REWRITE: entry \(index) as served now is not the entry in the signed tree of \(checkpoint.size) entries (\(error)); it was altered after it was logged")
        }
    }

    /// Up to `count` distinct indexes below `size`: all of them when `count >= size`, else the first, the last and
    /// random others.
    static func sample(size: UInt64, count: Int) -> [UInt64] {
        guard size > 0, count > 0 else { return [] }
        if UInt64(count) >= size { return Array(0..<size) }
        var chosen: Set<UInt64> = [size - 1]
        if count > 1 { chosen.insert(0) }
        while chosen.count < count { chosen.insert(UInt64.random(in: 0..<size)) }
        return chosen.sorted()
    }

    static func hashes(in body: [UInt8], field: String) throws -> [MerkleHash] {
        guard case .object(let fields) = try CanonicalJSON.parse(body), case .array(let elements)? = fields[field] else {
            throw Failure(description: "the answer has no \(field) array")
        }
        return try elements.map { element in
            guard case .string(let hex) = element, let hash = MerkleHash(hex: hex) else { throw Failure(description: "a proof element is not a hash") }
            return hash
        }
    }

    func get(_ path: String) async throws -> (Int, [UInt8]) {
        let request = HTTPClientRequest(url: self.baseURL + path)
        do {
            let response = try await self.client.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 16 << 20)
            return (Int(response.status.code), Array(buffer: body))
        } catch {
            throw Failure(description: "cannot reach \(self.baseURL)\(path): \(error)")
        }
    }

    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - State file

    /// `~/.thiqa-audit/<origin with / and : replaced>.json`.
    public static func defaultStatePath(origin: String) -> String {
        let safe = String(origin.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" })
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".thiqa-audit/\(safe).json").path
    }

    public static func loadState(path: String) throws -> State? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(State.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Failure(description: "the audit state file \(path) cannot be read: \(error)")
        }
    }

    public static func saveState(_ state: State, path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(state).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
