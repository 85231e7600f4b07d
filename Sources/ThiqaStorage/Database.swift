import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresKit
import SQLKit
import SQLiteKit
import ServiceLifecycle

/// The seam under every repository: run a closure with an `SQLDatabase`, plain or in a transaction.
/// Repositories are written once against it; the dialect differences stay here and in migrations.
public final class ThiqaDatabase: Sendable {
    public enum Dialect: Sendable { case sqlite, postgres }

    public let dialect: Dialect
    private let backend: Backend
    private let logger: Logger
    private let operations = NIOLockedValueBox(Operations())

    /// How many reads and transactions this database has run: tests count what a call costs.
    public struct Operations: Sendable, Equatable {
        public var reads = 0
        public var transactions = 0
    }

    public var operationCount: Operations { self.operations.withLockedValue { $0 } }

    private enum Backend: Sendable {
        case sqlite(
            writer: SQLiteConnection, dedicated: DedicatedSQLiteConnection?, writerThread: NIOThreadPool, readers: [SQLiteConnection],
            directReaders: [DedicatedSQLiteConnection], checkpointer: SQLiteCheckpointer?, writeLock: WriterTurns, counter: NIOLockedValueBox<Int>
        )
        case postgres(PostgresClient)
    }

    private init(dialect: Dialect, backend: Backend, logger: Logger) {
        self.dialect = dialect
        self.backend = backend
        self.logger = logger
    }

    /// Opens the store. For PostgreSQL the returned database must be run (`run()`, a `Service`) while in use.
    public static func open(_ configuration: StorageConfiguration, logger: Logger) async throws -> ThiqaDatabase {
        switch configuration {
        case .sqlite(let path):
            if path != ":memory:" { try SQLiteFiles.prepare(path: path, logger: logger) }
            let threadPool = NIOThreadPool.singleton
            let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
            let storage: SQLiteConnection.Storage = path == ":memory:" ? .memory : .file(path: path)
            // Every write of the process runs on one thread of its own (issue 15: see DedicatedSQLiteConnection), so a batch
            // never waits behind reads in the shared pool and the writer's page cache stays on one core.
            let writerThread = NIOThreadPool(numberOfThreads: 1)
            writerThread.start()
            let writer: SQLiteConnection
            do {
                writer = try await SQLiteConnection.open(storage: storage, threadPool: writerThread, logger: logger, on: eventLoop)
            } catch {
                try? await writerThread.shutdownGracefully()
                throw StorageOpenError(message: "cannot open SQLite database at '\(path)': \(error)")
            }
            // WAL lets readers proceed during a write; FULL makes every commit durable before it returns;
            // secure_delete zeroes what a delete frees, so an erased key or row leaves no copy in free pages.
            for pragma in [
                "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000", "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON",
            ] {
                _ = try await writer.query(pragma)
            }
            var readers: [SQLiteConnection] = []
            var directReaders: [DedicatedSQLiteConnection] = []
            var dedicated: DedicatedSQLiteConnection?
            var checkpointer: SQLiteCheckpointer?
            if path != ":memory:" {
                // An in-memory database lives in one connection only: it keeps the SQLKit path for everything.
                let writer = try await DedicatedSQLiteConnection.open(path: path, thread: writerThread)
                let walCheckpointer = try await SQLiteCheckpointer.open(path: path)
                try await writer.run { connection in connection.checkpoint(on: walCheckpointer) }
                dedicated = writer
                checkpointer = walCheckpointer
                for _ in 0..<2 {
                    let reader = try await SQLiteConnection.open(storage: storage, threadPool: threadPool, logger: logger, on: eventLoop)
                    _ = try await reader.query("PRAGMA busy_timeout=10000")
                    readers.append(reader)
                    // Proofs and roots (see DedicatedSQLiteConnection): one reader per core, each on its own thread.
                    directReaders.append(try await DedicatedSQLiteConnection.openReader(path: path))
                }
            }
            return ThiqaDatabase(
                dialect: .sqlite,
                backend: .sqlite(
                    writer: writer, dedicated: dedicated, writerThread: writerThread, readers: readers, directReaders: directReaders,
                    checkpointer: checkpointer, writeLock: WriterTurns(), counter: NIOLockedValueBox(0)
                ),
                logger: logger
            )
        case .postgres(let text):
            let url = try PostgresURL.parse(text)
            var clientConfig = PostgresClient.Configuration(
                host: url.host, port: url.port, username: url.username, password: url.password,
                database: url.database, tls: try url.clientTLS()
            )
            clientConfig.options.maximumConnections = 16
            clientConfig.options.connectTimeout = .seconds(5)
            try await Self.checkConnection(url, logger: logger)
            let client = PostgresClient(configuration: clientConfig, backgroundLogger: logger)
            return ThiqaDatabase(dialect: .postgres, backend: .postgres(client), logger: logger)
        }
    }

    /// One direct connection before the pool takes over. The pool retries a failing connection for a minute and
    /// then reports only that it gave up, so a wrong address, `sslmode` or certificate would surface late and vague.
    private static func checkConnection(_ url: PostgresURL, logger: Logger) async throws {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database,
            tls: try url.connectionTLS()
        )
        configuration.options.connectTimeout = .seconds(5)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch {
            throw StorageOpenError(message: "cannot connect to PostgreSQL at \(url.endpointDescription): \(Self.reason(error, url: url))")
        }
        try? await connection.close()
    }

    /// PSQLError hides its details from `description` on purpose; the operator needs them (they hold no password).
    private static func reason(_ error: any Error, url: PostgresURL) -> String {
        guard let psql = error as? PSQLError else { return String(describing: error) }
        var parts: [String] = []
        switch psql.code {
        case .sslUnsupported: parts.append("the server does not accept TLS connections")
        case .server: parts.append("the server refused")
        case .connectionError: parts.append("no connection")
        default: parts.append("\(psql.code)")
        }
        if let message = psql.serverInfo?[.message] { parts.append(message) }
        if let underlying = psql.underlying {
            if underlying is NIOSSLExtraError {
                parts.append("TLS: the server's certificate does not name '\(url.host)' (\(underlying))")
            } else if underlying is NIOSSLError {
                let roots = url.sslRootCertificate.map { "sslrootcert '\($0)'" } ?? "the system's trusted roots (no sslrootcert given)"
                parts.append("TLS handshake failed; is the server's certificate signed by \(roots)? (\(underlying))")
            } else {
                parts.append(String(describing: underlying))
            }
        }
        return parts.joined(separator: ": ")
    }

    /// Runs reads. On SQLite they go to a reader connection so they never wait for the writer.
    public func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        self.operations.withLockedValue { $0.reads += 1 }
        switch backend {
        case .sqlite(let writer, _, _, let readers, _, _, _, let counter):
            if readers.isEmpty { return try await body(writer.sql()) }
            let index = counter.withLockedValue { value -> Int in
                value &+= 1
                return value
            }
            return try await body(readers[index % readers.count].sql())
        case .postgres(let client):
            return try await client.withConnection { try await body($0.sql()) }
        }
    }

    /// Runs a transaction: committed if `body` returns, rolled back if it throws.
    public func transaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        self.operations.withLockedValue { $0.transactions += 1 }
        switch backend {
        case .sqlite(let writer, _, _, _, _, _, let lock, _):
            return try await lock.withLock {
                let db = writer.sql()
                try await db.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(db)
                    try await db.raw("COMMIT").run()
                    return result
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        case .postgres(let client):
            return try await client.withConnection { connection in
                let db = connection.sql()
                try await db.raw("BEGIN").run()
                do {
                    let result = try await body(db)
                    try await db.raw("COMMIT").run()
                    return result
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    /// After an erasure, removes what the storage engine still keeps of deleted rows. SQLite: the WAL is copied
    /// back into the database file (whose freed pages `secure_delete` zeroed) and truncated. PostgreSQL: the given
    /// tables are rewritten (`VACUUM FULL`), so dead row versions holding erased values are gone from the files.
    public func compactAfterErasure(rewriting tables: [String] = []) async throws {
        switch backend {
        case .sqlite(let writer, _, _, _, _, _, let lock, _):
            try await lock.withLock {
                _ = try await writer.query("PRAGMA wal_checkpoint(TRUNCATE)")
            }
        case .postgres(let client):
            try await client.withConnection { connection in
                for table in tables {
                    // VACUUM cannot be given a bound parameter; the names come from code, never from input.
                    try await connection.sql().raw("VACUUM FULL \(unsafeRaw: table)").run()
                }
            }
        }
    }

    /// Runs `body` as one transaction on the dedicated SQLite writer thread, in turn with ``transaction(_:)``;
    /// nil (and `body` not run) where there is none (PostgreSQL, an in-memory SQLite): the caller uses SQLKit.
    func writeOnDedicatedThread<T: Sendable>(_ body: @escaping @Sendable (SQLiteDirectConnection) throws -> T) async throws -> T? {
        guard case .sqlite(_, let dedicated?, _, _, _, _, let lock, _) = backend else { return nil }
        self.operations.withLockedValue { $0.transactions += 1 }
        return try await lock.withLock { try await dedicated.transaction(body) }
    }

    /// The dedicated writer and its turns, where there is one (a SQLite file): for ``SQLiteGroupCommit``.
    var dedicatedWriter: (DedicatedSQLiteConnection, WriterTurns)? {
        guard case .sqlite(_, let dedicated?, _, _, _, _, let lock, _) = backend else { return nil }
        return (dedicated, lock)
    }

    /// WAL checkpoints run on their own thread so far (nil without a dedicated writer): for tests.
    var checkpointsRun: Int? {
        guard case .sqlite(_, _, _, _, _, let checkpointer?, _, _) = backend else { return nil }
        return checkpointer.checkpointsRun
    }

    /// Counts a transaction run outside ``transaction(_:)`` (the group commit's batches).
    func countTransaction() {
        self.operations.withLockedValue { $0.transactions += 1 }
    }

    /// Runs `body` in one read snapshot on a dedicated SQLite reader thread (prepared statements, no SQLKit); nil
    /// (and `body` not run) where there is none (PostgreSQL, an in-memory SQLite): the caller uses ``read(_:)``.
    func readOnDedicatedThread<T: Sendable>(_ body: @escaping @Sendable (SQLiteDirectConnection) throws -> T) async throws -> T? {
        guard case .sqlite(_, _, _, _, let directReaders, _, _, let counter) = backend, !directReaders.isEmpty else { return nil }
        self.operations.withLockedValue { $0.reads += 1 }
        let index = counter.withLockedValue { value -> Int in
            value &+= 1
            return value
        }
        return try await directReaders[index % directReaders.count].transaction(body)
    }

    /// True when a trivial query answers: used by `/readyz`.
    public func ping() async -> Bool {
        do {
            return try await read { db in
                try await db.raw("SELECT 1 AS one").first(decodingColumn: "one", as: Int.self) == 1
            }
        } catch {
            return false
        }
    }

    public func close() async {
        switch backend {
        case .sqlite(let writer, let dedicated, let writerThread, let readers, let directReaders, let checkpointer, _, _):
            await dedicated?.close()
            await checkpointer?.close()
            for reader in directReaders { await reader.close() }
            for connection in [writer] + readers { try? await connection.close() }
            try? await writerThread.shutdownGracefully()
        case .postgres:
            break
        }
    }
}

extension ThiqaDatabase: Service {
    /// PostgreSQL's client pool needs its run loop; SQLite has nothing to run and waits for shutdown.
    public func run() async throws {
        switch backend {
        case .postgres(let client):
            await client.run()
        case .sqlite:
            try? await gracefulShutdown()
            // An unstructured task: when shutdown is forced at its deadline this task is cancelled, and the
            // connections must still be closed (sqlite-nio refuses to drop an open connection).
            await Task { await self.close() }.value
        }
    }

    /// Runs `body` with the database open and (for PostgreSQL) its pool running: for CLI commands.
    public static func with<T: Sendable>(
        _ configuration: StorageConfiguration, logger: Logger, _ body: (ThiqaDatabase) async throws -> T
    ) async throws -> T {
        let database = try await open(configuration, logger: logger)
        switch database.backend {
        case .sqlite:
            defer { Task { await database.close() } }
            return try await body(database)
        case .postgres(let client):
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                return try await body(database)
            }
        }
    }
}

public struct StorageOpenError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
