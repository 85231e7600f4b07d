import Logging
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Testing
import ThiqaCore
import ThiqaLedger
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// The transparency log through the running gateway: every call lands in the log, checkpoints are signed, proofs
/// verify, and an audit from outside notices an entry altered in the database behind the server's back.
@Suite(.serialized) struct TransparencyTests {
    /// Runs a gateway over a scripted upstream with its own log key; passes the store configuration and key too.
    static func withGateway(
        _ body: @Sendable (any TestClientProtocol, GatewayFixture, StorageConfiguration, TransparencyConfiguration) async throws -> Void
    ) async throws {
        let upstream = ScriptedUpstream(.answer)
        let transparency = TransparencyConfiguration(
            keyPath: try TestStores.temporaryDirectory().appendingPathComponent("keys/log-signing.key").path, origin: "test.thiqa/log",
            checkpointIntervalMs: 20
        )
        let storage = NIOLockedValueBox<StorageConfiguration?>(nil)
        try await upstream.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "local")],
                configure: { configuration in
                    configuration.transparency = transparency
                    storage.withLockedValue { $0 = configuration.storage }
                }
            ) { client, fixture in
                try await body(client, fixture, try #require(storage.withLockedValue { $0 }), transparency)
            }
        }
    }

    /// Makes `count` chat calls and returns their records once they are durable, with their log indexes.
    static func chat(_ count: Int, client: any TestClientProtocol, fixture: GatewayFixture) async throws -> [InteractionRecord] {
        var records: [InteractionRecord] = []
        for _ in 0..<count {
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted"))
            #expect(response.status == .ok)
            let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            records.append(try #require(try await Gateway.record(id, in: fixture.interactions)))
        }
        return records
    }

    /// The latest checkpoint once it covers at least `size` entries, with its signature checked.
    static func checkpoint(atLeast size: UInt64, client: any TestClientProtocol, verifier: NoteVerifier) async throws -> Checkpoint {
        for _ in 0..<200 {
            let response = try await client.execute(uri: "/log/v1/checkpoint", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let checkpoint = try Checkpoint.open(Array(response.body.readableBytesView), log: verifier).checkpoint
            if checkpoint.size >= size { return checkpoint }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("no checkpoint of size \(size) was published")
        throw CancellationError()
    }

    static func json(_ response: TestResponse) throws -> [String: CanonicalJSON.JSONValue] {
        guard case .object(let fields) = try CanonicalJSON.parse(Array(response.body.readableBytesView)) else { throw CancellationError() }
        return fields
    }

    @Test func everyCallIsLoggedAndProvable() async throws {
        try await Self.withGateway { client, fixture, _, transparency in
            let verifier = try #require(try LogSigningKey.load(transparency)).verifier
            let records = try await Self.chat(5, client: client, fixture: fixture)
            let indexes = records.compactMap(\.logIndex)
            #expect(indexes.count == 5, "every record has a log index")
            #expect(Set(indexes).count == 5)
            // The registry logged the legacy draft of the use case at start: the calls are not the first leaves.
            let checkpoint = try await Self.checkpoint(atLeast: (indexes.max() ?? 4) + 1, client: client, verifier: verifier)
            #expect(checkpoint.origin == "test.thiqa/log")

            for record in records {
                let index = try #require(record.logIndex)
                // The entry is the record's public leaf: a commitment to the record, nothing readable.
                let entry = try await client.execute(uri: "/log/v1/entries/\(index)", method: .get)
                #expect(entry.status == .ok)
                let fields = try Self.json(entry)
                let data = try #require(fields["data"])
                guard case .object(let leaf) = data else { throw CancellationError() }
                #expect(Set(leaf.keys) == PublicLeaf.members)
                let salt = try #require(record.commitmentSalt.flatMap { Hex.decode($0) })
                #expect(PublicLeaf.commits(leaf: try CanonicalJSON.encode(data), to: try InteractionLeaf.committedRecord(record, kind: .new), salt: salt))
                let leafHash = RFC6962.leafHash(try CanonicalJSON.encode(data))
                #expect(fields["leaf_hash"] == .string(leafHash.hex))

                // Inclusion by index and by leaf hash: documents that `thiqa log verify-proof` accepts.
                for query in ["index=\(index)", "leaf_hash=\(leafHash.hex)"] {
                    let response = try await client.execute(uri: "/log/v1/proof/inclusion?\(query)&tree_size=\(checkpoint.size)", method: .get)
                    #expect(response.status == .ok)
                    let body = Array(response.body.readableBytesView)
                    #expect(ProofDocument.verify(body) == .valid)
                    let proof = try Self.json(response)
                    #expect(proof["rootHash"] == .string(checkpoint.rootHash.hex))
                    #expect(proof["leafIndex"] == .int(Int64(index)))
                    guard case .array(let path)? = proof["proof"] else { throw CancellationError() }
                    let hashes = try path.map { element -> MerkleHash in
                        guard case .string(let hex) = element, let hash = MerkleHash(hex: hex) else { throw CancellationError() }
                        return hash
                    }
                    try MerkleVerifier.verifyInclusion(leafIndex: index, treeSize: checkpoint.size, leafHash: leafHash, proof: hashes, root: checkpoint.rootHash)
                }
            }

            // Consistency from every earlier size to the checkpoint.
            for first in 1...checkpoint.size {
                let response = try await client.execute(uri: "/log/v1/proof/consistency?first=\(first)&second=\(checkpoint.size)", method: .get)
                #expect(response.status == .ok)
                #expect(ProofDocument.verify(Array(response.body.readableBytesView)) == .valid)
                #expect(try Self.json(response)["root2"] == .string(checkpoint.rootHash.hex))
            }
            // The checkpoint of a given size is kept.
            let bySize = try await client.execute(uri: "/log/v1/checkpoints/\(checkpoint.size)", method: .get)
            #expect(bySize.status == .ok)
            #expect(try Checkpoint.open(Array(bySize.body.readableBytesView), log: verifier).checkpoint == checkpoint)
        }
    }

    @Test func badParametersNameTheParameter() async throws {
        try await Self.withGateway { client, fixture, _, transparency in
            _ = try await Self.chat(2, client: client, fixture: fixture)
            let verifier = try #require(try LogSigningKey.load(transparency)).verifier
            _ = try await Self.checkpoint(atLeast: 2, client: client, verifier: verifier)
            let cases: [(String, String)] = [
                ("/log/v1/proof/inclusion?index=abc&tree_size=2", "index"),
                ("/log/v1/proof/inclusion?index=-1&tree_size=2", "index"),
                ("/log/v1/proof/inclusion?index=2&tree_size=2", "index"),
                ("/log/v1/proof/inclusion?index=0&tree_size=99", "tree_size"),
                ("/log/v1/proof/inclusion?index=0&tree_size=x", "tree_size"),
                ("/log/v1/proof/inclusion?tree_size=2", "index"),
                ("/log/v1/proof/inclusion?leaf_hash=zz&tree_size=2", "leaf_hash"),
                ("/log/v1/proof/consistency?first=0&second=2", "first"),
                ("/log/v1/proof/consistency?second=2", "first"),
                ("/log/v1/proof/consistency?first=3&second=2", "first"),
                ("/log/v1/proof/consistency?first=1&second=50", "second"),
                ("/log/v1/entries/x", "index"),
            ]
            for (uri, param) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                let error = try OpenAIError.decode(response)
                #expect(error.param == param, "\(uri): \(error.message)")
                #expect(error.type == "invalid_request_error")
            }
            #expect(try await client.execute(uri: "/log/v1/entries/999", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/log/v1/checkpoints/999", method: .get).status == .notFound)
            let unknown = String(repeating: "ab", count: 32)
            #expect(try await client.execute(uri: "/log/v1/proof/inclusion?leaf_hash=\(unknown)&tree_size=2", method: .get).status == .notFound)
        }
    }

    @Test func auditFindsAnEntryRewrittenBehindTheServersBack() async throws {
        try await Self.withGateway { client, fixture, storage, transparency in
            let verifier = try #require(try LogSigningKey.load(transparency)).verifier
            let records = try await Self.chat(6, client: client, fixture: fixture)
            let first = try await Self.checkpoint(atLeast: 3, client: client, verifier: verifier)
            let baseURL = "http://localhost:\(try #require(client.port))"
            let auditor = LogAuditor(baseURL: baseURL, verifier: verifier)

            // A first audit trusts the current checkpoint; a later one checks consistency with it.
            var report = try await auditor.audit(previous: nil, samples: 100)
            #expect(report.isSound, "\(report.problems)")
            var state = try #require(report.newState)
            _ = try await Self.chat(2, client: client, fixture: fixture)
            _ = try await Self.checkpoint(atLeast: state.size + 2, client: client, verifier: verifier)
            report = try await auditor.audit(previous: state, samples: 100)
            #expect(report.isSound, "\(report.problems)")
            #expect(report.previousSize == state.size)
            state = try #require(report.newState)
            #expect(state.size >= first.size + 2)

            // Someone with database access rewrites an entry: a different outcome, same hash column.
            let target = try #require(records[2].logIndex)
            try await ThiqaDatabase.with(storage, logger: .init(label: "attacker")) { database in
                try await database.transaction { db in
                    let data = try #require(try await db.raw("SELECT data FROM log_leaves WHERE idx = \(bind: Int64(target))").first(decodingColumn: "data", as: String.self))
                    // Flip one digit of the commitment: the leaf now commits to another record.
                    let marker = try #require(data.range(of: #""commitment":""#))
                    let digit = data[marker.upperBound]
                    let forged = data.replacingCharacters(in: marker.upperBound...marker.upperBound, with: digit == "0" ? "1" : "0")
                    #expect(forged != data)
                    try await db.raw("UPDATE log_leaves SET data = \(bind: forged) WHERE idx = \(bind: Int64(target))").run()
                }
            }
            report = try await auditor.audit(previous: state, samples: 100)
            #expect(!report.isSound)
            #expect(report.newState == nil, "a failed audit keeps the last trusted checkpoint")
            #expect(report.problems.contains { $0.contains("REWRITE") && $0.contains("entry \(target)") }, "\(report.problems)")

            // A more careful attacker also fixes the leaf hash: the inclusion proof against the signed root fails.
            try await ThiqaDatabase.with(storage, logger: .init(label: "attacker")) { database in
                try await database.transaction { db in
                    let data = try #require(try await db.raw("SELECT data FROM log_leaves WHERE idx = \(bind: Int64(target))").first(decodingColumn: "data", as: String.self))
                    try await db.raw("UPDATE log_leaves SET leaf_hash = \(bind: RFC6962.leafHash(Array(data.utf8)).hex) WHERE idx = \(bind: Int64(target))").run()
                }
            }
            report = try await auditor.audit(previous: state, samples: 100)
            #expect(report.problems.contains { $0.contains("REWRITE") && $0.contains("entry \(target)") && $0.contains("signed tree") }, "\(report.problems)")
            #expect(!report.problems.contains { $0.contains("does not hash to its leaf hash") })
        }
    }

    @Test func auditReportsABadSignatureAndARollback() async throws {
        try await Self.withGateway { client, fixture, _, transparency in
            let verifier = try #require(try LogSigningKey.load(transparency)).verifier
            _ = try await Self.chat(3, client: client, fixture: fixture)
            let checkpoint = try await Self.checkpoint(atLeast: 3, client: client, verifier: verifier)
            let baseURL = "http://localhost:\(try #require(client.port))"

            let impostor = try NoteSigner.generate(name: "test.thiqa/log").verifier
            let forged = try await LogAuditor(baseURL: baseURL, verifier: impostor).audit(previous: nil, samples: 4)
            #expect(forged.problems.contains { $0.contains("BAD SIGNATURE") }, "\(forged.problems)")

            // The auditor remembers a larger tree than the log now shows.
            let remembered = LogAuditor.State(origin: checkpoint.origin, size: checkpoint.size + 10, rootHash: checkpoint.rootHash.hex, note: "")
            let rolledBack = try await LogAuditor(baseURL: baseURL, verifier: verifier).audit(previous: remembered, samples: 1)
            #expect(rolledBack.problems.contains { $0.contains("ROLLBACK") }, "\(rolledBack.problems)")

            // Same size, another root: a fork.
            let other = LogAuditor.State(origin: checkpoint.origin, size: checkpoint.size, rootHash: RFC6962.emptyRoot.hex, note: "")
            let forked = try await LogAuditor(baseURL: baseURL, verifier: verifier).audit(previous: other, samples: 1)
            #expect(forked.problems.contains { $0.contains("FORK") }, "\(forked.problems)")
        }
    }

    @Test func leafTimeIsRFC3339UTCMilliseconds() {
        #expect(InteractionLeaf.rfc3339Milliseconds(0) == "1970-01-01T00:00:00.000Z")
        #expect(InteractionLeaf.rfc3339Milliseconds(1_700_000_000_123) == "2023-11-14T22:13:20.123Z")
        #expect(InteractionLeaf.rfc3339Milliseconds(951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(InteractionLeaf.rfc3339Milliseconds(-1) == "1969-12-31T23:59:59.999Z")
    }

    @Test func signingKeyIsCreatedOnceWithPrivateModes() throws {
        let directory = try TestStores.temporaryDirectory().appendingPathComponent("keys")
        let configuration = TransparencyConfiguration(keyPath: directory.appendingPathComponent("log.key").path, origin: "thiqa.test/log")
        let first = try LogSigningKey.loadOrCreate(configuration)
        let again = try LogSigningKey.loadOrCreate(configuration)
        #expect(first.verifierKey == again.verifierKey)
        #expect(first.name == "thiqa.test/log")
        let fileMode = try FileManager.default.attributesOfItem(atPath: configuration.keyPath)[.posixPermissions] as? Int
        let directoryMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
        var renamed = configuration
        renamed.origin = "other/log"
        #expect(throws: LogSigningKey.Failure.self) { try LogSigningKey.loadOrCreate(renamed) }
    }
}
