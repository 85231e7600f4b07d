import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing
import ThiqaCore
import ThiqaLedger
import ThiqaPrivacy
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// The public log reveals nothing about the people in it, checked without trusting field names: the keys of a
/// public leaf equal an allowlist; no digest an outsider can compute from the request, the answer, the tenant or
/// the use case appears in it; two identical calls give different leaves; and yet the person (with the receipt)
/// and the tenant's auditor (with the tenant key) verify the full record against the leaf.
@Suite(.serialized) struct PublicLogPrivacyTests {
    static let sensitive = "Ana mrid b diabète w 3andi rendez-vous f sbitar, wach n9der nakhod congé maladie?"

    static func withGateway(_ body: @Sendable (any TestClientProtocol, GatewayFixture, ScriptedUpstream, TransparencyConfiguration) async throws -> Void) async throws {
        let upstream = ScriptedUpstream(.echo)
        let transparency = TransparencyConfiguration(
            keyPath: try TestStores.temporaryDirectory().appendingPathComponent("keys/log.key").path, origin: "test.thiqa/log", checkpointIntervalMs: 20
        )
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")], configure: { $0.transparency = transparency }) { client, fixture in
                try await body(client, fixture, upstream, transparency)
            }
        }
    }

    static func call(_ client: any TestClientProtocol, _ fixture: GatewayFixture, text: String) async throws -> (TestResponse, InteractionRecord) {
        let body = ByteBuffer(string: #"{"model":"scripted","messages":[{"role":"user","content":"\#(text)"}],"max_tokens":8}"#)
        let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body)
        #expect(response.status == .ok)
        let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
        return (response, try #require(try await Gateway.record(id, in: fixture.interactions)))
    }

    static func leaf(_ client: any TestClientProtocol, index: UInt64) async throws -> (text: String, bytes: [UInt8], members: Set<String>) {
        let response = try await client.execute(uri: "/log/v1/entries/\(index)", method: .get)
        guard case .object(let fields) = try CanonicalJSON.parse(Array(response.body.readableBytesView)), let data = fields["data"],
            case .object(let members) = data
        else { throw CancellationError() }
        let bytes = try CanonicalJSON.encode(data)
        return (String(decoding: bytes, as: UTF8.self), bytes, Set(members.keys))
    }

    /// Every digest an outsider could compute from what they know or guess of a call.
    static func guessableDigests(of values: [String]) -> [String] {
        values.flatMap { value -> [String] in
            let bytes = Array(value.utf8)
            return [Array(SHA256.hash(data: bytes)).hexString, Array(Insecure.SHA1.hash(data: bytes)).hexString, Array(Insecure.MD5.hash(data: bytes)).hexString,
                    Data(SHA256.hash(data: bytes)).base64EncodedString()]
        }
    }

    @Test func aPublicLeafRevealsNeitherTheCategoryNorADigestAnOutsiderCanMatch() async throws {
        try await Self.withGateway { client, fixture, upstream, _ in
            let (response, record) = try await Self.call(client, fixture, text: Self.sensitive)
            #expect(record.decisions.contains { $0.hasPrefix("sensitive:") }, "the call was sensitive: the record says so")
            let leaf = try await Self.leaf(client, index: try #require(record.logIndex))
            #expect(leaf.members == PublicLeaf.members, "a public leaf has exactly the allowlisted members")
            let known = [
                Self.sensitive, String(buffer: response.body), "test", "gateway", "test/gateway", record.id,
                upstream.receivedBodies.withLockedValue { $0 }.last ?? "",
            ] + record.decisions + SensitiveCategory.allCases.map(\.rawValue)
            for value in known where !value.isEmpty {
                #expect(!leaf.text.contains(value), "the public leaf shows \(value)")
            }
            for digest in Self.guessableDigests(of: known) + [try #require(record.requestSHA256), try #require(record.responseSHA256)] {
                #expect(!leaf.text.contains(digest), "the public leaf carries a digest an outsider can compute")
            }
        }
    }

    @Test func twoIdenticalCallsGiveUnlinkableLeaves() async throws {
        try await Self.withGateway { client, fixture, _, _ in
            let (_, first) = try await Self.call(client, fixture, text: "Horaires du bureau d'état civil?")
            let (_, second) = try await Self.call(client, fixture, text: "Horaires du bureau d'état civil?")
            #expect(first.requestSHA256 == second.requestSHA256, "the calls were identical")
            let a = try await Self.leaf(client, index: try #require(first.logIndex))
            let b = try await Self.leaf(client, index: try #require(second.logIndex))
            #expect(a.bytes != b.bytes)
            let pa = try #require(PublicLeaf.parse(a.bytes))
            let pb = try #require(PublicLeaf.parse(b.bytes))
            #expect(pa.commitment != pb.commitment)
            #expect(pa.tag != pb.tag, "tags do not link a tenant's leaves for the public")
        }
    }

    @Test func thePersonVerifiesTheirRecordWithTheReceipt() async throws {
        try await Self.withGateway { client, fixture, _, transparency in
            let (response, record) = try await Self.call(client, fixture, text: Self.sensitive)
            let receipt = try #require(response.headers[HTTPField.Name("X-Thiqa-Receipt")!])
            let lookup = try await client.execute(
                uri: "/receipts/v1/lookup", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"receipt":"\#(receipt)"}"#)
            )
            #expect(lookup.status == .ok)
            guard case .object(let answer) = try CanonicalJSON.parse(Array(lookup.body.readableBytesView)), let document = answer["receipt"],
                case .string(let note)? = answer["checkpoint"]
            else { throw CancellationError() }
            let documentBytes = try CanonicalJSON.encode(document)
            #expect(ProofDocument.verify(documentBytes) == .valid)
            // The root the proof reaches is the one the log signed.
            let verifier = try #require(try LogSigningKey.load(transparency)).verifier
            let checkpoint = try Checkpoint.open(Array(note.utf8), log: verifier).checkpoint
            #expect(String(decoding: documentBytes, as: UTF8.self).contains(checkpoint.rootHash.hex))
            #expect(String(decoding: documentBytes, as: UTF8.self).contains(record.id))
            // A changed record no longer verifies.
            let tampered = String(decoding: documentBytes, as: UTF8.self).replacingOccurrences(of: "\"outcome\":\"completed\"", with: "\"outcome\":\"rejected\"")
            #expect(ProofDocument.verify(Array(tampered.utf8)) != .valid)
            // Another receipt finds nothing; a malformed one names the field.
            let unknown = try await client.execute(
                uri: "/receipts/v1/lookup", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"receipt":"\#(Receipt.issue().token)"}"#)
            )
            #expect(unknown.status == .notFound)
            let malformed = try await client.execute(
                uri: "/receipts/v1/lookup", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"receipt":"abc"}"#)
            )
            #expect(malformed.status == .badRequest)
            #expect(try OpenAIError.decode(malformed).param == "receipt")
        }
    }

    @Test func theTenantsAuditorFindsEveryLeafOfTheTenantAndNoOther() async throws {
        try await Self.withGateway { client, fixture, _, transparency in
            var records: [InteractionRecord] = []
            for text in ["Salam", Self.sensitive, "Bonjour"] { records.append(try await Self.call(client, fixture, text: text).1) }
            let signer = try #require(try LogSigningKey.load(transparency))
            let tags = TenantTags(signerSecretKey: signer.secretKey)
            let log = try await fixture.transparencyEntries()
            let exported = try TenantAudit.export(records)
            #expect(TenantAudit.check(entries: log, exported: exported, tenantKey: tags.key(for: try TenantID("test"))).isEmpty)
            // Another tenant's key recognises none of these leaves.
            #expect(log.allSatisfy { !PublicLeaf.belongs(leaf: $0.data, tenantKey: tags.key(for: try! TenantID("other"))) })
            // A record left out of the export is found: its leaf carries the tenant's tag.
            let partial = Array(exported.dropLast())
            let problems = TenantAudit.check(entries: log, exported: partial, tenantKey: tags.key(for: try TenantID("test")))
            #expect(problems.contains { $0.hasPrefix("HIDDEN") })
            // An exported record that was changed no longer matches its leaf.
            var changed = exported
            changed[0].record = Array(String(decoding: changed[0].record, as: UTF8.self).replacingOccurrences(of: "completed", with: "rejected").utf8)
            #expect(TenantAudit.check(entries: log, exported: changed, tenantKey: tags.key(for: try TenantID("test"))).contains { $0.hasPrefix("MISMATCH") })
        }
    }
}

extension GatewayFixture {
    /// Every leaf of the gateway's log, read from its store.
    func transparencyEntries() async throws -> [LogEntry] {
        let log = SQLTransparencyLog(database: database)
        return try await log.entries(from: 0, to: try await log.size())
    }
}
