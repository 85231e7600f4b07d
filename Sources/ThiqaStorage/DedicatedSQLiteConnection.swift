import NIOPosix
import Synchronization
// The SQLite library SQLiteNIO is built with (its C target). The writer must use this same copy: two copies of
// SQLite in one process do not see each other's POSIX locks, and closing a file in one drops the other's locks.
import VaporCSQLite

/// A SQLite connection owned by one thread of its own: the process's one writer, and the readers that serve proofs.
///
/// Writer: through SQLKit, a one-record batch crossed task → event loop → thread pool → event loop → task for each
/// of its 8+ statements, each parsed again and its binds encoded through `Encodable` (BENCHMARKS.md, Gateway: ~20 %
/// of a `perf` profile under wrk in kernel context switches; the ledger section: a fifth of append time in SQLKit
/// and SQLiteNIO binding and serialising). Here a whole batch — BEGIN, state read, leaves, nodes, records, COMMIT —
/// is one job on this thread, with statements prepared once and reused (`sqlite3_reset`), values bound directly.
/// Commits are as durable as before: WAL with `synchronous=FULL`, so COMMIT returns after the fsync.
///
/// Readers: a proof on a 10-million-entry log is ~30 point lookups. Through SQLKit it was one `UNION ALL` query
/// whose text changes with every proof (parsed each time, ~13 % of a proof) on SQLiteNIO's shared pool, and its p99
/// stayed at 1.0–1.5 ms (BENCHMARKS.md, Transparency log); here each lookup is a prepared statement on a
/// connection whose thread does nothing else.
final class DedicatedSQLiteConnection: Sendable {
    enum Mode: Sendable {
        /// The write connection: every Thiqa write pragma, `BEGIN IMMEDIATE` transactions.
        case write
        /// A read connection: `query_only`, so a bug cannot write through it; read snapshots with `BEGIN`.
        case read
    }

    private let thread: NIOThreadPool
    /// Touched only by jobs on `thread`; the lock is never contended and keeps the compiler's proof simple.
    private let connection = Mutex<SQLiteDirectConnection?>(nil)
    private let mode: Mode
    /// Readers own their thread; the writer's thread is shared with SQLiteNIO's write connection and closed by the database.
    private let ownsThread: Bool

    /// The thread, for SQLiteNIO's own write connection too: every write of the process runs on the writer's thread.
    var threadPool: NIOThreadPool { thread }

    private init(thread: NIOThreadPool, mode: Mode, ownsThread: Bool) {
        self.thread = thread
        self.mode = mode
        self.ownsThread = ownsThread
    }

    /// Opens the file read-write on `thread` with the pragmas every Thiqa write connection has.
    static func open(path: String, thread: NIOThreadPool) async throws -> DedicatedSQLiteConnection {
        try await open(path: path, thread: thread, mode: .write, ownsThread: false)
    }

    /// Opens a read connection on a thread of its own (closed with the connection).
    static func openReader(path: String) async throws -> DedicatedSQLiteConnection {
        try await openOnOwnThread(path: path, mode: .read)
    }

    /// Opens a connection on a thread of its own (closed with the connection).
    static func openOnOwnThread(path: String, mode: Mode) async throws -> DedicatedSQLiteConnection {
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        do {
            return try await open(path: path, thread: thread, mode: mode, ownsThread: true)
        } catch {
            try? await thread.shutdownGracefully()
            throw error
        }
    }

    private static func open(path: String, thread: NIOThreadPool, mode: Mode, ownsThread: Bool) async throws -> DedicatedSQLiteConnection {
        let dedicated = DedicatedSQLiteConnection(thread: thread, mode: mode, ownsThread: ownsThread)
        try await thread.runIfActive {
            try dedicated.connection.withLock { connection throws in connection = try SQLiteDirectConnection(path: path, mode: mode) }
        }
        return dedicated
    }

    /// Runs `body` on the connection's thread; nothing else uses the connection meanwhile.
    func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteDirectConnection) throws -> T) async throws -> T {
        try await thread.runIfActive {
            try self.connection.withLock { connection throws -> T in
                guard let open = connection else { throw SQLiteDirectError(code: SQLITE_MISUSE, message: "the connection is closed", sql: nil) }
                return try body(open)
            }
        }
    }

    /// Runs `body` in one transaction: on the writer IMMEDIATE, committed (and fsynced) if it returns, rolled back
    /// if it throws; on a reader one snapshot of the database for all of `body`'s statements.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (SQLiteDirectConnection) throws -> T) async throws -> T {
        let mode = self.mode
        return try await run { connection in try connection.transaction(mode, body) }
    }

    /// Runs `body` on the connection's thread without waiting for it (nil when the thread no longer runs jobs):
    /// for work that starts on the thread and finishes there, like the group commit, which resumes its callers.
    func submit(_ body: @escaping @Sendable (SQLiteDirectConnection?) -> Void) {
        thread.submit { state in
            guard case .active = state else { return body(nil) }
            self.connection.withLock { connection in body(connection) }
        }
    }

    func close() async {
        _ = try? await thread.runIfActive {
            self.connection.withLock { $0 = nil }
        }
        if ownsThread { try? await thread.shutdownGracefully() }
    }
}

public struct SQLiteDirectError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var sql: String?
    public var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(80)))" } ?? "")
    }
}

/// A connection with its prepared statements, used through SQLite's C API by the one thread that owns it.
final class SQLiteDirectConnection {
    let handle: OpaquePointer
    /// Set when this connection's checkpoints run elsewhere: its WAL hook points at it, so it lives as long.
    var checkpointer: SQLiteCheckpointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, mode: DedicatedSQLiteConnection.Mode) throws {
        var handle: OpaquePointer?
        // NOMUTEX: one thread owns the connection, SQLite's own mutex would be pure cost. Readers open read-write
        // and set query_only: a read-only open of a WAL file fails when it has to create the -shm file.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw SQLiteDirectError(code: code, message: "cannot open '\(path)': \(message)", sql: nil)
        }
        self.handle = handle
        let pragmas: [String]
        switch mode {
        case .write:
            // The same pragmas as every Thiqa write connection: FULL makes each commit durable before it returns;
            // secure_delete zeroes what a delete frees (crypto-shredding leaves no copy of an erased row in free pages).
            pragmas = [
                "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000", "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON",
            ]
        case .read:
            pragmas = ["PRAGMA busy_timeout=10000", "PRAGMA query_only=ON"]
        }
        for pragma in pragmas {
            try self.query(pragma) { _ in }
        }
    }

    deinit {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        sqlite_nio_sqlite3_close(handle)
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        statements[sql] = statement
        return statement
    }

    private func error(_ code: Int32, sql: String?) -> SQLiteDirectError {
        SQLiteDirectError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs `body` in one transaction (IMMEDIATE on the writer, a read snapshot on a reader): committed if it
    /// returns, rolled back if it throws.
    func transaction<T>(_ mode: DedicatedSQLiteConnection.Mode, _ body: (SQLiteDirectConnection) throws -> T) throws -> T {
        try execute(mode == .write ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs a statement that returns no rows.
    func execute(_ sql: String, bind: (inout SQLiteBinder) throws -> Void = { _ in }) throws {
        try query(sql, bind: bind) { _ in }
    }

    /// Runs a statement, handing each row to `row` while it is current.
    func query(
        _ sql: String, bind: (inout SQLiteBinder) throws -> Void = { _ in }, row: (SQLiteRowReader) throws -> Void
    ) throws {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        var binder = SQLiteBinder(statement: statement)
        try bind(&binder)
        if let failed = binder.failure { throw error(failed, sql: sql) }
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, sql: sql) }
            try row(SQLiteRowReader(statement: statement))
        }
    }
}

/// Binds a statement's parameters in order.
struct SQLiteBinder {
    fileprivate let statement: OpaquePointer
    private var index: Int32 = 1
    fileprivate var failure: Int32?

    fileprivate init(statement: OpaquePointer) { self.statement = statement }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK, failure == nil { failure = code }
        index += 1
    }

    mutating func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        check(sqlite_nio_sqlite3_bind_int64(statement, index, value))
    }

    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    mutating func bind(_ value: Double?) {
        guard let value else { return bindNull() }
        check(sqlite_nio_sqlite3_bind_double(statement, index, value))
    }

    mutating func bind(_ value: String?) {
        guard var value else { return bindNull() }
        let code = value.withUTF8 { text in
            sqlite_nio_sqlite3_bind_text64(statement, index, text.baseAddress, UInt64(text.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
        }
        check(code)
    }

    /// Text from bytes already known to be UTF-8 (canonical JSON leaves).
    mutating func bindText(_ bytes: [UInt8]) {
        let code = bytes.withUnsafeBufferPointer { text in
            sqlite_nio_sqlite3_bind_text64(statement, index, text.baseAddress, UInt64(text.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
        }
        check(code)
    }

    mutating func bindNull() {
        check(sqlite_nio_sqlite3_bind_null(statement, index))
    }
}

/// The current row of a statement.
struct SQLiteRowReader {
    fileprivate let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(statement, column) }
    func text(_ column: Int32) -> String {
        guard let pointer = sqlite_nio_sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}

/// SQLite copies bound values before the call returns (the C macro is not imported into Swift).
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
