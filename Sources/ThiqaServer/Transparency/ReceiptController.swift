import Hummingbird
import NIOCore
import ThiqaCore
import ThiqaLedger
import ThiqaStorage

/// The person's side of the log: with the receipt an answer carried, fetch one's own record, its salt, the public
/// leaf and its inclusion proof, and check them against the public log (`thiqa log verify-proof`). No API key:
/// the receipt is the credential, and it proves one call, nothing more.
///
/// `POST /receipts/v1/lookup` with `{"receipt":"rcp_…"}` (a body, not a path, so the receipt stays out of access
/// logs) answers the receipt document `ProofDocument.verify` checks, with the signed checkpoint it was proved
/// against.
struct ReceiptController: Sendable {
    let interactions: SQLInteractionRepository
    let log: SQLTransparencyLog
    let publisher: CheckpointPublisher
    let tags: TenantTags

    var endpoints: RouteCollection<ThiqaRequestContext> {
        let routes = RouteCollection(context: ThiqaRequestContext.self)
        routes.post("lookup", use: lookup)
        return routes
    }

    @Sendable func lookup(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        let (_, receipt) = try await Self.receiptBody(request)
        guard let record = try await interactions.find(receiptHash: receipt.hash), let saltHex = record.commitmentSalt,
            let logIndex = record.logIndex
        else {
            throw GatewayError.notFound(message: "No record answers this receipt.")
        }
        var writes: [(SQLInteractionRepository.RecordWrite.Kind, UInt64)] = [(.new, logIndex)]
        if let completion = record.completionLogIndex { writes.append((.completion, completion)) }
        let checkpoint = try await publisher.checkpoint(covering: writes.map(\.1).max() ?? 0, what: "record")
        var entries: [CanonicalJSON.JSONValue] = []
        for (kind, index) in writes {
            guard let entry = try await log.entry(at: index) else { throw TransparencyLogError.corrupt("leaf \(index) of \(record.id) is missing") }
            // A completed stream's row holds its end; its decision leaf committed to the record as decided.
            let committed = try InteractionLeaf.committedRecord(kind == .new ? record.asDecided : record, kind: kind)
            let proof = try await log.inclusionProof(leafIndex: index, treeSize: checkpoint.size)
            entries.append([
                "record": try CanonicalJSON.parse(committed), "salt": .string(saltHex), "leaf": try CanonicalJSON.parse(entry.data),
                "inclusion": try CanonicalJSON.parse(proof.document),
            ])
        }
        let document = try CanonicalJSON.encode(["kind": "receipt", "interaction_id": .string(record.id), "entries": .array(entries)])
        let answer = try CanonicalJSON.encode(["receipt": try CanonicalJSON.parse(document), "checkpoint": .string(checkpoint.note)])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }
}

extension ReceiptController {
    /// The body of every lookup by receipt (`{"receipt":"rcp_…", …}`, at most 4 KiB): the parsed object, for its
    /// other fields, and the receipt, or a 400 naming the field.
    static func receiptBody(_ request: Request) async throws -> (json: JSONValue, receipt: Receipt) {
        let body = try await GatewayController.collectBody(request, limit: 4096)
        guard let json = try? JSONValue.parse(body.readableBytesView), case .string(let text)? = json["receipt"] else {
            throw GatewayError.invalidRequest(message: "The body must be {\"receipt\":\"rcp_…\"}.", param: "receipt", code: "invalid_type")
        }
        guard let receipt = Receipt(token: text) else {
            throw GatewayError.invalidRequest(message: "'receipt' is not a Thiqa receipt (rcp_ followed by 32 letters and digits).", param: "receipt", code: "invalid_value")
        }
        return (json, receipt)
    }
}
