import Foundation
import SQLKit
import Synchronization
import Testing
import ThiqaCore
import ThiqaLedger
import ThiqaStorage
import ThiqaTesting

/// The group commit run by the SQLite writer thread: every caller gets its own durable record and log index,
/// while SQLKit transactions on the same thread take their turns between batches.
@Suite struct GroupCommitTests {
    static func write(_ n: Int) throws -> LoggedRecordWrite {
        let record = try RecordBatchTests.record(n)
        return LoggedRecordWrite(.init(record: record, content: nil, kind: .new), leaf: RecordBatchTests.leaf(record))
    }

    @Test func concurrentCallersAndTransactionsKeepOneTree() async throws {
        try await TestStores.withDatabase(.sqlite) { database in
            let repository = SQLInteractionRepository(database: database)
            let log = SQLTransparencyLog(database: database)
            let sizes = Mutex<[Int]>([])
            let commit = try #require(SQLiteGroupCommit(repository: repository, maxBatch: 16) { count, error in
                #expect(error == nil)
                sizes.withLock { $0.append(count) }
            })
            let writes = try (0..<200).map(Self.write)
            let stored = try await withThrowingTaskGroup(of: InteractionRecord?.self) { group in
                for write in writes { group.addTask { try await commit.commit(write) } }
                // SQLKit transactions (the registry's, the keys') interleave with the batches on the same thread.
                for n in 0..<20 {
                    group.addTask {
                        try await database.transaction { db in
                            try await db.raw("INSERT INTO log_checkpoints (size, root, note, created_at_ms) VALUES (\(bind: 1_000 + n), \(bind: String(repeating: "ab", count: 32)), 'n', 0)").run()
                        }
                        return nil
                    }
                }
                return try await group.reduce(into: [InteractionRecord]()) { all, record in if let record { all.append(record) } }
            }
            let indexes = stored.compactMap(\.logIndex).sorted()
            #expect(indexes == Array(0..<200), "every record has its own leaf, none twice")
            #expect(sizes.withLock { $0.reduce(0, +) } == 200)
            #expect(sizes.withLock { $0.allSatisfy { $0 <= 16 } }, "no batch is larger than maxBatch")
            #expect(try await log.size() == 200)
            for record in stored {
                let found = try #require(try await repository.find(id: record.id))
                #expect(found.logIndex == record.logIndex)
                let index = try #require(record.logIndex)
                let entry = try #require(try await log.entry(at: index))
                #expect(entry.data == RecordBatchTests.leaf(record), "the record's index holds its own leaf")
            }
            let root = try await log.rootHash(treeSize: 200)
            let proof = try await log.inclusionProof(leafIndex: 199, treeSize: 200)
            #expect(proof.rootHash == root)
            #expect(try await log.checkpoints().count == 20)
        }
    }

    @Test func closingCommitsWhatIsQueuedAndRefusesTheRest() async throws {
        try await TestStores.withDatabase(.sqlite) { database in
            let repository = SQLInteractionRepository(database: database)
            let commit = try #require(SQLiteGroupCommit(repository: repository))
            async let first = commit.commit(try Self.write(1))
            async let second = commit.commit(try Self.write(2))
            let done = try await [first, second]
            await commit.close()
            #expect(done.compactMap(\.logIndex).sorted() == [0, 1])
            await #expect(throws: StorageError.self) { try await commit.commit(try Self.write(3)) }
            #expect(try await SQLTransparencyLog(database: database).size() == 2, "nothing was written after close")
        }
    }

    @Test func keptContentIsRefusedAndNothingIsWritten() async throws {
        try await TestStores.withDatabase(.sqlite) { database in
            let repository = SQLInteractionRepository(database: database)
            let commit = try #require(SQLiteGroupCommit(repository: repository))
            let record = try RecordBatchTests.record(7)
            let content = InteractionContent(interactionID: record.id, request: "q", response: "a", expiresAt: Date().addingTimeInterval(60))
            await #expect(throws: StorageError.self) {
                try await commit.commit(LoggedRecordWrite(.init(record: record, content: content, kind: .new), leaf: RecordBatchTests.leaf(record)))
            }
            #expect(try await repository.find(id: record.id) == nil)
        }
    }

    @Test func thereIsNoGroupCommitWithoutADedicatedWriter() async throws {
        try await TestStores.withDatabase(.postgres) { database in
            #expect(SQLiteGroupCommit(repository: SQLInteractionRepository(database: database)) == nil)
        }
    }
}
