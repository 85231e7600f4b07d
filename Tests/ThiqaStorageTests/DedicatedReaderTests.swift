import Foundation
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

    /// The writer's commits no longer checkpoint: its WAL hook hands that to the checkpointer's thread (which keeps
    /// the WAL from growing without bound: SQLite reuses a checkpointed WAL from its start).
    @Test func checkpointsRunOnTheirOwnThreadAndBoundTheWAL() async throws {
        let directory = try TestStores.temporaryDirectory()
        let path = directory.appendingPathComponent("wal.sqlite").path
        try await ThiqaDatabase.with(.sqlite(path: path), logger: Logger(label: "test")) { database in
            try await Migrations.run(on: database)
            #expect(database.checkpointsRun == 0)
            let log = SQLTransparencyLog(database: database)
            // ~470 bytes a leaf, 4 KiB pages: batches of 200 leaves write well over 1,000 WAL pages in 40 batches.
            let padding = String(repeating: "x", count: 400)
            for batch in 0..<40 {
                try await log.append(leaves: (0..<200).map { Array(#"{"i":\#(batch * 200 + $0),"p":"\#(padding)"}"#.utf8) })
            }
            var waited = 0
            while database.checkpointsRun == 0, waited < 100 {
                try await Task.sleep(for: .milliseconds(20))
                waited += 1
            }
            #expect((database.checkpointsRun ?? 0) > 0, "the WAL passed 1,000 pages and a checkpoint ran on its thread")
            #expect(try await log.size() == 8000)
            let proof = try await log.inclusionProof(leafIndex: 4321, treeSize: 8000)
            try MerkleVerifier.verifyInclusion(leafIndex: 4321, treeSize: 8000, leafHash: proof.leafHash, proof: proof.proof, root: proof.rootHash)
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
