import Logging
import Testing
import ThiqaLedger
import ThiqaTesting

@testable import ThiqaStorage

/// The dedicated SQLite readers that serve proofs: they read what was committed, and cannot write.
@Suite struct DedicatedReaderTests {
    static func leaf(_ index: Int) -> [UInt8] { Array(#"{"i":\#(index),"kind":"reader-test"}"#.utf8) }

    @Test func readersSeeEveryCommittedAppendAndCannotWrite() async throws {
        try await TestStores.withDatabase(.sqlite) { database in
            let log = SQLTransparencyLog(database: database)
            for round in 1...3 {
                try await log.append(leaves: (0..<5).map { Self.leaf(round * 10 + $0) })
                // Both readers, in turn: each starts a new snapshot, so neither serves an older tree.
                for _ in 0..<2 {
                    let size = try #require(try await database.readOnDedicatedThread { try SQLTransparencyLog.size(on: $0) })
                    #expect(size == UInt64(round * 5))
                }
            }
            let before = database.operationCount.reads
            await #expect(throws: SQLiteDirectError.self) {
                try await database.readOnDedicatedThread { connection in try connection.execute("UPDATE log_state SET size = 0 WHERE id = 1") }
            }
            #expect(database.operationCount.reads == before + 1, "a dedicated read is counted as a read")
            #expect(try await log.size() == 15, "the refused write changed nothing")
            let proof = try await log.inclusionProof(leafIndex: 7, treeSize: 15)
            try MerkleVerifier.verifyInclusion(leafIndex: 7, treeSize: 15, leafHash: proof.leafHash, proof: proof.proof, root: proof.rootHash)
        }
    }

    @Test func anInMemoryDatabaseHasNoDedicatedReader() async throws {
        try await ThiqaDatabase.with(.sqlite(path: ":memory:"), logger: Logger(label: "test")) { database in
            try await Migrations.run(on: database)
            #expect(try await database.readOnDedicatedThread { _ in 1 } == nil)
            let log = SQLTransparencyLog(database: database)
            try await log.append(leaves: [Self.leaf(1), Self.leaf(2), Self.leaf(3)])
            let proof = try await log.consistencyProof(size1: 1, size2: 3)
            try MerkleVerifier.verifyConsistency(size1: 1, size2: 3, root1: proof.root1, root2: proof.root2, proof: proof.proof)
        }
    }
}
