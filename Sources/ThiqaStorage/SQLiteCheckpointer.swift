import Synchronization
import VaporCSQLite

/// WAL checkpoints on a connection and thread of their own, off the commit path.
///
/// SQLite checkpoints automatically inside the COMMIT that takes the WAL past 1,000 pages: the committing
/// connection copies the WAL back into the database file and fsyncs that file too. Under the gateway's load that
/// was the group commit's writer thread, stalling every call of that batch: `sqlite3WalDefaultHook` →
/// `sqlite3WalCheckpoint` was 2.9 % of a `perf` profile at C = 16, all of it inside commits (BENCHMARKS.md,
/// Gateway hot path). The writer's WAL hook now only asks this thread for a PASSIVE checkpoint, which runs beside
/// later commits (WAL writers and a checkpointer do not block each other); the answers' durability is the WAL's
/// fsync at COMMIT, unchanged.
final class SQLiteCheckpointer: Sendable {
    /// SQLite's own auto-checkpoint threshold.
    static let walPages: Int32 = 1000

    private let connection: DedicatedSQLiteConnection
    private let requested = Atomic<Bool>(false)
    private let completed = Atomic<Int>(0)

    /// Checkpoints run so far: tests see that the hook reached this thread.
    var checkpointsRun: Int { completed.load(ordering: .relaxed) }

    private init(connection: DedicatedSQLiteConnection) {
        self.connection = connection
    }

    static func open(path: String) async throws -> SQLiteCheckpointer {
        SQLiteCheckpointer(connection: try await DedicatedSQLiteConnection.openOnOwnThread(path: path, mode: .write))
    }

    /// Called by the writer's WAL hook after each commit, on the writer's thread: never blocks, at most one
    /// checkpoint waits at a time.
    func walGrew(to pages: Int32) {
        guard pages >= Self.walPages else { return }
        guard requested.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        connection.submit { connection in
            self.requested.store(false, ordering: .releasing)
            guard let connection else { return }
            // PASSIVE: copies what no reader still needs, waits for nobody; what is left goes at the next request.
            if (try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")) != nil {
                self.completed.add(1, ordering: .relaxed)
            }
        }
    }

    func close() async {
        await connection.close()
    }
}

extension SQLiteDirectConnection {
    /// Replaces SQLite's automatic checkpoint on this connection by a request to `checkpointer` (see there).
    func checkpoint(on checkpointer: SQLiteCheckpointer) {
        self.checkpointer = checkpointer
        let context = Unmanaged.passUnretained(checkpointer).toOpaque()
        sqlite_nio_sqlite3_wal_hook(handle, { context, _, _, pages in
            guard let context else { return SQLITE_OK }
            Unmanaged<SQLiteCheckpointer>.fromOpaque(context).takeUnretainedValue().walGrew(to: pages)
            return SQLITE_OK
        }, context)
    }
}
