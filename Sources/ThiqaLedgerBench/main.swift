// ledger-bench: appends per second (batched, durable) on SQLite and PostgreSQL, then inclusion and consistency
// proof times on a log of many entries (10 million by default), reads from the database included.
//
//   ledger-bench [--entries N] [--db PATH] [--queries N] [--skip-append] [--skip-postgres] [--skip-proofs]
//
// SQLite runs as Thiqa does (WAL, synchronous=FULL: every commit is fsynced). PostgreSQL is the server of
// THIQA_TEST_POSTGRES_URL (or scripts/test-postgres), with its defaults (fsync on, synchronous_commit on).
// The big log is kept at --db (default bench/results/ledger/log-N.sqlite) and reused when it is complete.
import Foundation
import Logging
import SQLKit
import ThiqaLedger
import ThiqaStorage
import ThiqaTesting

struct Options {
    var entries: UInt64 = 10_000_000
    var db: String?
    var queries = 1000
    var skipAppend = false
    var skipPostgres = false
    var skipProofs = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--entries": self.entries = UInt64(iterator.next() ?? "") ?? self.entries
            case "--db": self.db = iterator.next()
            case "--queries": self.queries = Int(iterator.next() ?? "") ?? self.queries
            case "--skip-append": self.skipAppend = true
            case "--skip-postgres": self.skipPostgres = true
            case "--skip-proofs": self.skipProofs = true
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// A leaf shaped like an interaction leaf (canonical JSON, two SHA-256 digests), about 390 bytes.
func leaf(_ index: UInt64) -> [UInt8] {
    let digest = RFC6962.leafHash(Array("request \(index)".utf8)).hex
    let answer = RFC6962.leafHash(Array("answer \(index)".utf8)).hex
    let id = String(index, radix: 36).padding(toLength: 24, withPad: "0", startingAt: 0)
    return Array(
        (#"{"backend":"local","decisions":["privacy:cin:mask"],"http_status":200,"interaction_id":"int_\#(id)","jurisdiction":"MA","#
            + #""kind":"interaction","model":"qwen2.5-0.5b-instruct","outcome":"completed","request_sha256":"\#(digest)","#
            + #""response_sha256":"\#(answer)","tenant":"ministere","time":"2025-06-01T10:00:00.000Z","use_case":"etat-civil","v":1}"#).utf8
    )
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
}

func format(_ value: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", value) }

/// Appends `total` leaves in batches of `batch`, one transaction (one durable commit) per batch. The leaves are
/// made before the clock starts: this measures the log, not the leaf encoding.
func appendRate(_ log: SQLTransparencyLog, batch: Int, total: Int) async throws -> Double {
    let first = try await log.size()
    let batches = (0..<total / batch).map { number in (0..<UInt64(batch)).map { leaf(first + UInt64(number * batch) + $0) } }
    let start = now()
    for leaves in batches {
        try await log.append(leaves: leaves)
    }
    return Double(batches.count * batch) / (Double(now() - start) / 1e9)
}

/// Sets the SQLite writer's page cache (the writer is the connection transactions run on); 0 keeps SQLite's default.
func setCache(_ database: ThiqaDatabase, megabytes: Int) async throws {
    guard database.dialect == .sqlite, megabytes > 0 else { return }
    try await database.transaction { db in try await db.raw("PRAGMA cache_size=\(unsafeRaw: String(-megabytes * 1024))").run() }
}

func appendBenchmark(kind: TestStores.Kind, cacheMegabytes: Int, logger: Logger) async throws {
    let configuration = try await TestStores.configuration(kind)
    try await ThiqaDatabase.with(configuration, logger: logger) { database in
        try await Migrations.run(on: database)
        try await setCache(database, megabytes: cacheMegabytes)
        let log = SQLTransparencyLog(database: database)
        let cache = kind == .sqlite ? (cacheMegabytes > 0 ? ", page cache \(cacheMegabytes) MB" : ", default page cache (2 MB)") : ""
        print("## Appends on \(kind) (durable, one commit per batch\(cache))")
        print("| batch | leaves | appends/s |")
        print("|---:|---:|---:|")
        for (batch, total) in [(1, 500), (64, 64 * 100), (512, 512 * 60), (4096, 4096 * 25)] {
            let rate = try await appendRate(log, batch: batch, total: total)
            print("| \(batch) | \(total) | \(format(rate)) |")
        }
        print("")
    }
}

/// Builds (or reuses) a SQLite log of `entries` leaves, in transactions of 100,000 leaves.
func buildBigLog(path: String, entries: UInt64, logger: Logger) async throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try await ThiqaDatabase.with(.sqlite(path: path), logger: logger) { database in
        try await Migrations.run(on: database)
        try await setCache(database, megabytes: 256)
        let log = SQLTransparencyLog(database: database)
        var size = try await log.size()
        if size >= entries {
            print("reusing the log of \(size) entries at \(path)")
            return
        }
        print("building a log of \(entries) entries at \(path) (from \(size)), transactions of 100,000 leaves, page cache 256 MB")
        let start = now()
        let initial = size
        let chunk: UInt64 = 100_000
        while size < entries {
            let count = min(chunk, entries - size)
            let first = size
            try await log.append(leaves: (0..<count).map { leaf(first + $0) })
            size += count
            if size % 1_000_000 == 0 || size == entries {
                let seconds = Double(now() - start) / 1e9
                print("  \(size) entries, \(format(seconds, 1)) s, \(format(Double(size - initial) / seconds)) appends/s")
            }
        }
        let seconds = Double(now() - start) / 1e9
        print("built in \(format(seconds, 1)) s: \(format(Double(entries - initial) / seconds)) appends/s in transactions of \(chunk)")
    }
}

func proofBenchmark(path: String, queries: Int, logger: Logger) async throws {
    try await ThiqaDatabase.with(.sqlite(path: path), logger: logger) { database in
        let log = SQLTransparencyLog(database: database)
        let size = try await log.size()
        var generator = SystemRandomNumberGenerator()
        let root = try await log.rootHash(treeSize: size)
        // Warm-up (page cache, statement paths).
        for _ in 0..<50 { _ = try await log.inclusionProof(leafIndex: UInt64.random(in: 0..<size, using: &generator), treeSize: size) }

        var inclusion: [Double] = []
        var inclusionHistoric: [Double] = []
        var consistency: [Double] = []
        var byHash: [Double] = []
        for _ in 0..<queries {
            let index = UInt64.random(in: 0..<size, using: &generator)
            var start = now()
            let proof = try await log.inclusionProof(leafIndex: index, treeSize: size)
            inclusion.append(Double(now() - start) / 1e6)
            try MerkleVerifier.verifyInclusion(leafIndex: index, treeSize: size, leafHash: proof.leafHash, proof: proof.proof, root: root)

            let treeSize = UInt64.random(in: (index + 1)...size, using: &generator)
            start = now()
            let historic = try await log.inclusionProof(leafIndex: index, treeSize: treeSize)
            inclusionHistoric.append(Double(now() - start) / 1e6)
            try MerkleVerifier.verifyInclusion(leafIndex: index, treeSize: treeSize, leafHash: historic.leafHash, proof: historic.proof, root: historic.rootHash)

            let size1 = UInt64.random(in: 1...size, using: &generator)
            let size2 = UInt64.random(in: size1...size, using: &generator)
            start = now()
            let consistent = try await log.consistencyProof(size1: size1, size2: size2)
            consistency.append(Double(now() - start) / 1e6)
            try MerkleVerifier.verifyConsistency(size1: size1, size2: size2, root1: consistent.root1, root2: consistent.root2, proof: consistent.proof)

            start = now()
            _ = try await log.inclusionProof(leafHash: proof.leafHash, treeSize: size)
            byHash.append(Double(now() - start) / 1e6)
        }
        print("## Proofs on a SQLite log of \(size) entries (\(queries) random queries each, database reads included, every proof verified)")
        print("| query | p50 ms | p99 ms | mean ms |")
        print("|---|---:|---:|---:|")
        for (name, samples) in [
            ("inclusion, tree = whole log", inclusion), ("inclusion, random earlier tree size", inclusionHistoric),
            ("consistency, random sizes", consistency), ("inclusion by leaf hash (index lookup + proof)", byHash),
        ] {
            let sorted = samples.sorted()
            let mean = samples.reduce(0, +) / Double(samples.count)
            print("| \(name) | \(format(percentile(sorted, 0.5), 3)) | \(format(percentile(sorted, 0.99), 3)) | \(format(mean, 3)) |")
        }
        print("")
    }
}

let options = Options(CommandLine.arguments)
var logger = Logger(label: "ledger-bench")
logger.logLevel = .warning
print("leaf size: \(leaf(0).count) bytes of canonical JSON\n")
if !options.skipAppend {
    try await appendBenchmark(kind: .sqlite, cacheMegabytes: 0, logger: logger)
    try await appendBenchmark(kind: .sqlite, cacheMegabytes: 64, logger: logger)
    if !options.skipPostgres { try await appendBenchmark(kind: .postgres, cacheMegabytes: 0, logger: logger) }
}
if !options.skipProofs {
    let path = options.db ?? TestStores.repositoryRoot.appendingPathComponent("bench/results/ledger/log-\(options.entries).sqlite").path
    try await buildBigLog(path: path, entries: options.entries, logger: logger)
    try await proofBenchmark(path: path, queries: options.queries, logger: logger)
}
