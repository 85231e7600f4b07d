import Foundation
import Hummingbird
import ThiqaCore
import ThiqaLedger
import ThiqaStorage

/// The public read API of the transparency log, for auditors (no API key: the log holds no personal data).
///
/// - `GET /log/v1/checkpoint`: the latest signed checkpoint (text/plain, C2SP signed note)
/// - `GET /log/v1/checkpoints/{size}`: the checkpoint published for that size
/// - `GET /log/v1/entries/{index}`: `{"index","leaf_hash","data"}`, `data` the leaf's canonical JSON object
/// - `GET /log/v1/proof/inclusion?index=I&tree_size=N` or `?leaf_hash=H&tree_size=N`
/// - `GET /log/v1/proof/consistency?first=A&second=B`
///
/// Proofs are answered as the JSON documents `thiqa log verify-proof` checks. `tree_size` and `second` default to
/// the size of the latest checkpoint.
public struct TransparencyController: Sendable {
    let log: SQLTransparencyLog
    let publisher: CheckpointPublisher

    public init(log: SQLTransparencyLog, publisher: CheckpointPublisher) {
        self.log = log
        self.publisher = publisher
    }

    public func addRoutes(to router: Router<ThiqaRequestContext>) {
        let group = router.group("log/v1")
        group.get("checkpoint", use: self.latestCheckpoint)
        group.get("checkpoints/:size", use: self.checkpointBySize)
        group.get("entries/:index", use: self.entry)
        group.get("proof/inclusion", use: self.inclusion)
        group.get("proof/consistency", use: self.consistency)
    }

    @Sendable func latestCheckpoint(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        let checkpoint = try await self.latest()
        return Self.note(checkpoint.note)
    }

    @Sendable func checkpointBySize(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        let size = try Self.number(context.parameters.get("size"), param: "size")
        guard let checkpoint = try await self.log.checkpoint(size: size) else {
            throw GatewayError.notFound(message: "No checkpoint was published for tree size \(size).")
        }
        return Self.note(checkpoint.note)
    }

    @Sendable func entry(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        let index = try Self.number(context.parameters.get("index"), param: "index")
        guard let entry = try await self.log.entry(at: index) else {
            throw GatewayError.notFound(message: "The log has no entry \(index).")
        }
        return Self.json(try CanonicalJSON.encode([
            "index": .int(Int64(entry.index)), "leaf_hash": .string(entry.leafHash.hex), "data": Self.dataValue(entry.data),
        ]))
    }

    @Sendable func inclusion(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let treeSize = try await self.sizeParameter(query.get("tree_size"), param: "tree_size")
        let index = try query.get("index").map { try Self.number($0, param: "index") }
        let leafHash = try query.get("leaf_hash").map { text -> MerkleHash in
            guard let hash = MerkleHash(hex: text) else {
                throw GatewayError.invalidRequest(message: "leaf_hash must be 64 hexadecimal digits (a SHA-256 leaf hash).", param: "leaf_hash")
            }
            return hash
        }
        let proof: LogInclusionProof
        do {
            switch (index, leafHash) {
            case (let index?, nil):
                guard index < treeSize else {
                    throw GatewayError.invalidRequest(message: "index \(index) is not in the tree of size \(treeSize).", param: "index")
                }
                proof = try await self.log.inclusionProof(leafIndex: index, treeSize: treeSize)
            case (nil, let hash?):
                proof = try await self.log.inclusionProof(leafHash: hash, treeSize: treeSize)
            default:
                throw GatewayError.invalidRequest(message: "Give exactly one of index and leaf_hash.", param: "index")
            }
        } catch let error as TransparencyLogError {
            throw Self.gatewayError(error, sizeParam: "tree_size")
        }
        return Self.json(proof.document)
    }

    @Sendable func consistency(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let firstText = query.get("first") else {
            throw GatewayError.invalidRequest(message: "first (the smaller tree size) is required.", param: "first")
        }
        let first = try Self.number(firstText, param: "first")
        let second = try await self.sizeParameter(query.get("second"), param: "second")
        guard first > 0, first <= second else {
            throw GatewayError.invalidRequest(message: "first must be at least 1 and at most second (\(second)).", param: "first")
        }
        do {
            return Self.json(try await self.log.consistencyProof(size1: first, size2: second).document)
        } catch let error as TransparencyLogError {
            throw Self.gatewayError(error, sizeParam: "second")
        }
    }

    /// The latest stored checkpoint; the first one is published on demand if the publisher has not run yet.
    func latest() async throws -> StoredCheckpoint {
        if let checkpoint = try await self.log.latestCheckpoint() { return checkpoint }
        return try await self.publisher.publishIfGrown()
    }

    /// A tree size parameter, by default the latest checkpoint's size.
    func sizeParameter(_ text: String?, param: String) async throws -> UInt64 {
        guard let text else { return try await self.latest().size }
        return try Self.number(text, param: param)
    }

    static func number(_ text: String?, param: String) throws -> UInt64 {
        guard let text, !text.isEmpty, text.utf8.count <= 19, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = UInt64(text), value <= UInt64(Int64.max)
        else {
            throw GatewayError.invalidRequest(message: "\(param) must be a non-negative decimal integer.", param: param)
        }
        return value
    }

    static func gatewayError(_ error: TransparencyLogError, sizeParam: String) -> any Error {
        switch error {
        case .treeSizeTooLarge:
            return GatewayError.invalidRequest(message: "\(error.description.prefix(1).uppercased())\(error.description.dropFirst()).", param: sizeParam)
        case .indexOutOfRange:
            return GatewayError.invalidRequest(message: "\(error).", param: "index")
        case .invalidSizes:
            return GatewayError.invalidRequest(message: "\(error).", param: "first")
        case .leafHashNotFound:
            return GatewayError.notFound(message: "There is \(error).")
        case .leafNotUTF8, .corrupt:
            return error
        }
    }

    /// Canonical JSON leaf data as an object (so `CanonicalJSON.encode(data)` gives back the leaf bytes), anything
    /// else as a string.
    static func dataValue(_ data: [UInt8]) -> CanonicalJSON.JSONValue {
        if let value = try? CanonicalJSON.parse(data), (try? CanonicalJSON.encode(value)) == data { return value }
        return .string(String(decoding: data, as: UTF8.self))
    }

    static func json(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func note(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
