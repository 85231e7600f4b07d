import Foundation
import SQLKit
import Testing
import ThiqaCore
import ThiqaLedger
import ThiqaStorage
import ThiqaTesting

/// Group-commit batches of records and their leaves: on a SQLite file they run on the dedicated writer thread
/// with prepared statements, on PostgreSQL through SQLKit. Both must store the same rows and the same tree.
@Suite struct RecordBatchTests {
    static func record(_ n: Int, outcome: InteractionRecord.Outcome = .completed, stream: Bool = false) throws -> InteractionRecord {
        var record = InteractionRecord(
            createdAt: Date(millisecondsSince1970: 1_764_000_000_000 + Int64(n)), tenant: try TenantID("t\(n % 3)"), useCase: try UseCaseID("u"), apiKeyID: "k\(n)", endpoint: "/v1/chat/completions",
            model: "m", backend: n % 2 == 0 ? "b" : nil, backendJurisdiction: "MA", outcome: outcome, httpStatus: 200, stream: stream,
            latencyMs: Double(n) + 0.5, upstreamLatencyMs: n % 2 == 0 ? 1.25 : nil, promptTokens: n, completionTokens: n % 2 == 0 ? 2 * n : nil,
            totalTokens: 3 * n, decisions: ["privacy:CIN:mask", "route:\"quoted\"\\slash", "ar:بطاقة"]
        )
        record.requestSHA256 = String(repeating: "a", count: 64)
        record.commitmentSalt = String(repeating: "0\(n % 10)", count: 32)
        record.receiptHash = String(format: "%064x", n + 1)
        // A named subject on some records: the writer's own INSERT must carry the column too.
        if n % 2 == 1 { record.subjectID = "sub_\(n)" }
        return record
    }

    static func leaf(_ record: InteractionRecord) -> [UInt8] { Array(#"{"id":"\#(record.id)"}"#.utf8) }

    @Test(arguments: TestStores.Kind.allCases)
    func batchesStoreEveryFieldAndTheirLeavesInOrder(_ kind: TestStores.Kind) async throws {
        // Kept content is sealed in the key store apart (rights): the batch seals it before its transaction.
        try await RightsStoreTests.withStores(kind) { stores in
            let database = stores.main
            let repository = stores.interactions
            let log = SQLTransparencyLog(database: database)
            let now = Date()
            let records = try (0..<5).map { try Self.record($0) }
            let writes = records.enumerated().map { position, record in
                LoggedRecordWrite(
                    .init(
                        record: record,
                        content: position == 1 ? InteractionContent(interactionID: record.id, request: "{\"q\":\"سلام\"}", response: "ok", expiresAt: now.addingTimeInterval(60)) : nil,
                        kind: .new
                    ),
                    leaf: Self.leaf(record)
                )
            }
            let stored = try await repository.recordBatch(logged: writes, log: log)
            #expect(stored.map(\.logIndex) == [0, 1, 2, 3, 4])
            for (record, written) in zip(records, stored) {
                var expected = record
                expected.logIndex = written.logIndex
                let found = try #require(try await repository.find(id: record.id))
                #expect(found == expected)
                #expect(try await repository.find(receiptHash: try #require(record.receiptHash))?.id == record.id)
            }
            #expect(try await repository.content(interactionID: records[1].id)?.request == "{\"q\":\"سلام\"}")
            #expect(try await repository.content(interactionID: records[0].id) == nil)

            // A stream's completion updates its record in place and gets a leaf of its own.
            var streamed = try Self.record(9, outcome: .streaming, stream: true)
            streamed.responseSHA256 = nil
            let decided = try await repository.recordBatch(logged: [LoggedRecordWrite(.init(record: streamed, content: nil, kind: .new), leaf: Self.leaf(streamed))], log: log)
            var completed = try #require(decided.first)
            completed.outcome = .completed
            completed.responseSHA256 = String(repeating: "b", count: 64)
            completed.completionTokens = 77
            let done = try await repository.recordBatch(
                logged: [LoggedRecordWrite(.init(record: completed, content: nil, kind: .completion), leaf: Array(#"{"done":1}"#.utf8))], log: log
            )
            #expect(done.first?.completionLogIndex == 6)
            let found = try #require(try await repository.find(id: streamed.id))
            #expect(found.logIndex == 5)
            #expect(found.completionLogIndex == 6)
            #expect(found.outcome == .completed)
            #expect(found.completionTokens == 77)
            #expect(found.decisions == streamed.decisions, "a completion leaves the decisions as decided")

            let leaves = records.map(Self.leaf) + [Self.leaf(streamed), Array(#"{"done":1}"#.utf8)]
            #expect(try await log.size() == UInt64(leaves.count))
            #expect(try await log.rootHash(treeSize: UInt64(leaves.count)) == RFC6962.rootHash(leafHashes: leaves.map { RFC6962.leafHash($0) }))
            #expect(try await log.entries(from: 0, to: 10).map(\.data) == leaves)
        }
    }

    /// Batches on the dedicated writer and SQLKit transactions appending to the same log (the registry logs its
    /// changes that way) run in turn: no leaf lost or duplicated, and the tree is the one of the leaves in order.
    @Test(arguments: TestStores.Kind.allCases)
    func concurrentBatchesAndTransactionsKeepOneTree(_ kind: TestStores.Kind) async throws {
        // Kept content is sealed in the key store apart (rights): the batch seals it before its transaction.
        try await RightsStoreTests.withStores(kind) { stores in
            let database = stores.main
            let repository = stores.interactions
            let log = SQLTransparencyLog(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for round in 0..<6 {
                            if (worker + round) % 3 == 0 {
                                _ = try await database.transaction { db in
                                    try await log.append(leaves: [Array(#"{"registry":\#(worker * 100 + round)}"#.utf8)], on: db)
                                }
                            } else {
                                let records = try (0..<3).map { try Self.record(worker * 100 + round * 10 + $0) }
                                _ = try await repository.recordBatch(logged: records.map { LoggedRecordWrite(.init(record: $0, content: nil, kind: .new), leaf: Self.leaf($0)) }, log: log)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let size = try await log.size()
            let entries = try await log.entries(from: 0, to: size)
            #expect(entries.map(\.index) == Array(0..<size))
            #expect(Set(entries.map(\.data)).count == entries.count, "every leaf once")
            let recordLeaves = entries.filter { $0.data.starts(with: Array(#"{"id""#.utf8)) }.count
            let registryLeaves = entries.count - recordLeaves
            #expect(registryLeaves == (0..<8).reduce(0) { total, worker in total + (0..<6).filter { (worker + $0) % 3 == 0 }.count })
            #expect(recordLeaves == 3 * (48 - registryLeaves))
            #expect(try await log.rootHash(treeSize: size) == RFC6962.rootHash(leafHashes: entries.map(\.leafHash)))
            #expect(try await log.verifyIntegrity(chunk: 17).isIntact)
            let logged = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM interactions WHERE log_index IS NOT NULL").first(decodingColumn: "n", as: Int.self)
            }
            #expect(logged == recordLeaves)
        }
    }
}
