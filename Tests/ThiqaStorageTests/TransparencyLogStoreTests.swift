import Foundation
import SQLKit
import Testing
import ThiqaLedger
import ThiqaStorage
import ThiqaTesting

/// The transparency log in SQL, on SQLite and on a real PostgreSQL server.
@Suite struct TransparencyLogStoreTests {
    static func leaf(_ index: Int) -> [UInt8] { Array(#"{"i":\#(index),"kind":"test"}"#.utf8) }

    @Test(arguments: TestStores.Kind.allCases)
    func batchesGiveTheRFC6962TreeAndEveryProofVerifies(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { database in
            let log = SQLTransparencyLog(database: database)
            #expect(try await log.size() == 0)
            #expect(try await log.rootHash(treeSize: 0) == RFC6962.emptyRoot)
            let data = (0..<37).map(Self.leaf)
            let hashes = data.map { RFC6962.leafHash($0) }
            var appended = 0
            for batch in [1, 2, 5, 8, 1, 13, 7] {
                let indexes = try await log.append(leaves: Array(data[appended..<appended + batch]))
                #expect(indexes == (UInt64(appended)..<UInt64(appended + batch)).map { $0 })
                appended += batch
                #expect(try await log.size() == UInt64(appended))
            }
            for size in 0...data.count {
                #expect(try await log.rootHash(treeSize: UInt64(size)) == RFC6962.rootHash(leafHashes: Array(hashes[0..<size])), "root of size \(size)")
            }
            for size in 1...data.count {
                let root = RFC6962.rootHash(leafHashes: Array(hashes[0..<size]))
                for index in 0..<size {
                    let proof = try await log.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size))
                    #expect(proof.leafHash == hashes[index])
                    #expect(proof.rootHash == root)
                    #expect(proof.proof == (try RFC6962.inclusionProof(index: UInt64(index), size: UInt64(size), leafHashes: hashes)))
                    try MerkleVerifier.verifyInclusion(leafIndex: UInt64(index), treeSize: UInt64(size), leafHash: hashes[index], proof: proof.proof, root: root)
                    #expect(ProofDocument.verify(proof.document) == .valid)
                }
                for size2 in size...data.count {
                    let proof = try await log.consistencyProof(size1: UInt64(size), size2: UInt64(size2))
                    #expect(proof.root1 == root)
                    #expect(proof.proof == (try RFC6962.consistencyProof(size1: UInt64(size), size2: UInt64(size2), leafHashes: hashes)))
                    #expect(ProofDocument.verify(proof.document) == .valid)
                }
            }
            let entry = try #require(try await log.entry(at: 5))
            #expect(entry.data == data[5])
            #expect(entry.leafHash == hashes[5])
            #expect(try await log.entry(at: 37) == nil)
            #expect(try await log.entries(from: 30, to: 100).map(\.index) == Array(30..<37))
            #expect(try await log.verifyIntegrity(chunk: 10).isIntact)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func lookupsByLeafHashAndBadRequests(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { database in
            let log = SQLTransparencyLog(database: database)
            // The same data twice is allowed: the first index answers.
            try await log.append(leaves: [Self.leaf(0), Self.leaf(1), Self.leaf(0), Self.leaf(3)])
            let hash = RFC6962.leafHash(Self.leaf(0))
            #expect(try await log.index(ofLeafHash: hash, treeSize: 4) == 0)
            #expect(try await log.index(ofLeafHash: RFC6962.leafHash(Self.leaf(3)), treeSize: 3) == nil)
            let proof = try await log.inclusionProof(leafHash: RFC6962.leafHash(Self.leaf(3)), treeSize: 4)
            #expect(proof.leafIndex == 3)
            await #expect(throws: TransparencyLogError.leafHashNotFound(RFC6962.leafHash(Self.leaf(9)), treeSize: 4)) {
                try await log.inclusionProof(leafHash: RFC6962.leafHash(Self.leaf(9)), treeSize: 4)
            }
            await #expect(throws: TransparencyLogError.treeSizeTooLarge(requested: 5, size: 4)) {
                try await log.inclusionProof(leafIndex: 0, treeSize: 5)
            }
            // Node indexes of a tree this large do not fit a SQL integer: missing, not a crash.
            await #expect(throws: TransparencyLogError.treeSizeTooLarge(requested: .max, size: 4)) {
                try await log.inclusionProof(leafIndex: 0, treeSize: .max)
            }
            await #expect(throws: TransparencyLogError.treeSizeTooLarge(requested: .max, size: 4)) {
                try await log.rootHash(treeSize: .max)
            }
            await #expect(throws: TransparencyLogError.indexOutOfRange(index: 4, treeSize: 4)) {
                try await log.inclusionProof(leafIndex: 4, treeSize: 4)
            }
            await #expect(throws: TransparencyLogError.invalidSizes(size1: 0, size2: 4)) {
                try await log.consistencyProof(size1: 0, size2: 4)
            }
            await #expect(throws: TransparencyLogError.treeSizeTooLarge(requested: 9, size: 4)) {
                try await log.consistencyProof(size1: 2, size2: 9)
            }
            await #expect(throws: TransparencyLogError.leafNotUTF8(position: 1)) {
                try await log.append(leaves: [Self.leaf(5), [0xff, 0xfe]])
            }
            #expect(try await log.size() == 4, "a failed append leaves nothing behind")
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func checkpointsAreStoredOncePerSize(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { database in
            let log = SQLTransparencyLog(database: database)
            let signer = try NoteSigner.generate(name: "test.thiqa/log")
            #expect(try await log.latestCheckpoint() == nil)
            func publish() async throws -> StoredCheckpoint {
                let size = try await log.size()
                let root = try await log.rootHash(treeSize: size)
                let note = try signer.sign(Checkpoint(origin: signer.name, size: size, rootHash: root).body())
                let checkpoint = StoredCheckpoint(size: size, rootHash: root, note: note, createdAtMs: 1_700_000_000_000 + Int64(size))
                try await log.store(checkpoint)
                return checkpoint
            }
            let empty = try await publish()
            try await log.append(leaves: (0..<10).map(Self.leaf))
            let ten = try await publish()
            var duplicate = ten
            duplicate.note = "other"
            try await log.store(duplicate)
            #expect(try await log.checkpoint(size: 10) == ten, "the first checkpoint of a size stays")
            #expect(try await log.latestCheckpoint() == ten)
            #expect(try await log.checkpoint(size: 0) == empty)
            #expect(try await log.checkpoint(size: 3) == nil)
            #expect(try await log.checkpoints().map(\.size) == [0, 10])
            let opened = try Checkpoint.open(Array(ten.note.utf8), log: signer.verifier).checkpoint
            #expect(opened.size == 10)
            #expect(opened.rootHash == RFC6962.rootHash(leafHashes: (0..<10).map { RFC6962.leafHash(Self.leaf($0)) }))
            let report = try await log.verifyIntegrity(verifier: signer.verifier)
            #expect(report.isIntact, "\(report.problems)")
            #expect(report.checkpointsChecked == 2)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func concurrentBatchesSerialise(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { database in
            let log = SQLTransparencyLog(database: database)
            let writers = 8
            let perWriter = 5
            let results = try await withThrowingTaskGroup(of: [(UInt64, [UInt8])].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var out: [(UInt64, [UInt8])] = []
                        for round in 0..<perWriter {
                            let leaves = (0..<3).map { Self.leaf(writer * 1000 + round * 10 + $0) }
                            let indexes = try await log.append(leaves: leaves)
                            out.append(contentsOf: zip(indexes, leaves).map { ($0, $1) })
                        }
                        return out
                    }
                }
                return try await group.reduce(into: []) { $0.append(contentsOf: $1) }
            }
            let total = writers * perWriter * 3
            #expect(Set(results.map(\.0)) == Set((0..<UInt64(total)).map { $0 }), "every index assigned exactly once")
            #expect(try await log.size() == UInt64(total))
            for (index, data) in results {
                #expect(try await log.entry(at: index)?.data == data)
            }
            let byIndex = Dictionary(uniqueKeysWithValues: results.map { ($0.0, RFC6962.leafHash($0.1)) })
            let hashes = (0..<UInt64(total)).map { byIndex[$0]! }
            #expect(try await log.rootHash(treeSize: UInt64(total)) == RFC6962.rootHash(leafHashes: hashes))
            #expect(try await log.verifyIntegrity().isIntact)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func integrityCheckFindsAlteredLeavesNodesAndCheckpoints(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { database in
            let log = SQLTransparencyLog(database: database)
            let signer = try NoteSigner.generate(name: "test.thiqa/log")
            try await log.append(leaves: (0..<16).map(Self.leaf))
            let root = try await log.rootHash(treeSize: 16)
            try await log.store(
                StoredCheckpoint(size: 16, rootHash: root, note: try signer.sign(Checkpoint(origin: signer.name, size: 16, rootHash: root).body()), createdAtMs: 0)
            )
            #expect(try await log.verifyIntegrity(verifier: signer.verifier).isIntact)

            // Data changed behind the log's back.
            try await database.transaction { db in
                try await db.raw(#"UPDATE log_leaves SET data = '{"i":99,"kind":"test"}' WHERE idx = 3"#).run()
            }
            var report = try await log.verifyIntegrity(verifier: signer.verifier)
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.contains("entry 3 was altered") == true)

            // Data and leaf hash changed together: the stored nodes and the signed checkpoint no longer agree.
            let forged = RFC6962.leafHash(Array(#"{"i":99,"kind":"test"}"#.utf8)).hex
            try await database.transaction { db in
                try await db.raw("UPDATE log_leaves SET leaf_hash = \(bind: forged) WHERE idx = 3").run()
            }
            report = try await log.verifyIntegrity(verifier: signer.verifier)
            #expect(report.problems.contains { $0.contains("node (1, 1)") })
            #expect(report.problems.contains { $0.contains("checkpoint of size 16") })
        }
    }
}
