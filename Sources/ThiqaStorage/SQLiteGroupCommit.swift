import Synchronization
import ThiqaCore

/// Group commit run by the SQLite writer thread itself: a call's record joins a queue, and the thread takes every
/// record waiting, commits them in one durable transaction and resumes their callers directly.
///
/// Before this, a record went call → recorder task (an `AsyncStream` wake-up) → writer thread → recorder task →
/// call: four thread wake-ups per batch, and at C = 1 `perf stat` counted 8.1 context switches per request, with
/// `finish_task_switch` and the scheduler's unlocks the top of the profile (BENCHMARKS.md, Gateway hot path).
/// Here it is call → writer thread → call. The promise is the same: a caller resumes only after COMMIT returned,
/// and COMMIT returns after the fsync (`synchronous=FULL`).
///
/// Only writes without kept content come here: sealing content takes keys from the key store (async, another
/// database), so those batches stay on ``SQLInteractionRepository/recordBatch(logged:log:)``. Both take turns on
/// the writer thread with every other write (``WriterTurns``).
public final class SQLiteGroupCommit: Sendable {
    private struct Pending {
        var write: LoggedRecordWrite
        var continuation: CheckedContinuation<InteractionRecord, any Error>
    }

    private struct State: ~Copyable {
        var items: [Pending] = []
        /// A drain is scheduled or running: the next record only joins the queue.
        var draining = false
        var closed = false
        var idleWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let database: ThiqaDatabase
    private let writer: DedicatedSQLiteConnection
    private let turns: WriterTurns
    private let maxBatch: Int
    private let onBatch: @Sendable (_ count: Int, _ error: (any Error)?) -> Void

    /// Nil where the database has no dedicated writer (PostgreSQL, an in-memory SQLite). `onBatch` is told every
    /// batch's size and failure, on the writer thread (metrics, health, logs); it must not block.
    public init?(
        repository: SQLInteractionRepository, maxBatch: Int = 512,
        onBatch: @escaping @Sendable (_ count: Int, _ error: (any Error)?) -> Void = { _, _ in }
    ) {
        guard let (writer, turns) = repository.database.dedicatedWriter else { return nil }
        self.database = repository.database
        self.writer = writer
        self.turns = turns
        self.maxBatch = max(1, maxBatch)
        self.onBatch = onBatch
    }

    /// Returns once the record and its leaf are committed, with its log index (`logIndex`, or `completionLogIndex`
    /// for a completion). Throws when the batch could not be committed, or after ``close()``.
    public func commit(_ write: LoggedRecordWrite) async throws -> InteractionRecord {
        guard write.write.content == nil else {
            throw StorageError.unavailable("kept content is sealed before its batch: record it with recordBatch(logged:log:)")
        }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<InteractionRecord, any Error>) in
            let start = state.withLock { state -> Bool? in
                guard !state.closed else { return nil }
                state.items.append(Pending(write: write, continuation: continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            switch start {
            case nil: continuation.resume(throwing: StorageError.unavailable("the record queue is closed"))
            case true?: self.scheduleDrain()
            case false?: break
            }
        }
    }

    /// Refuses new records and returns once every record already queued is committed (or failed).
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state -> Bool in
                state.closed = true
                if !state.draining { return true }
                state.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    private func scheduleDrain() {
        turns.whenFree { [self] in
            writer.submit { connection in self.drain(connection) }
        }
    }

    /// On the writer thread, holding the turn: batches until the queue is empty or someone else waits for the turn.
    private func drain(_ connection: SQLiteDirectConnection?) {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let count = min(state.items.count, maxBatch)
                defer { state.items.removeFirst(count) }
                return Array(state.items.prefix(count))
            }
            if !batch.isEmpty { commit(batch, on: connection) }
            let more = state.withLock { state -> Bool in
                if !state.items.isEmpty { return true }
                state.draining = false
                return false
            }
            if !more {
                turns.unlock()
                // Resumed after the turn is given back, so a closing caller finds the writer free.
                for waiter in state.withLock({ state in defer { state.idleWaiters = [] }; return state.idleWaiters }) { waiter.resume() }
                return
            }
            if turns.isWaitedFor {
                // A transaction waits (registry, keys): hand it the turn and queue behind it.
                turns.unlock()
                scheduleDrain()
                return
            }
        }
    }

    private func commit(_ batch: [Pending], on connection: SQLiteDirectConnection?) {
        database.countTransaction()
        let result = Result { () throws -> [InteractionRecord] in
            guard let connection else { throw StorageError.unavailable("the SQLite writer thread has stopped") }
            return try connection.transaction(.write) { connection in
                try SQLInteractionRepository.recordBatch(batch.map(\.write), sealed: batch.map { _ in nil }, on: connection)
            }
        }
        switch result {
        case .success(let records):
            onBatch(batch.count, nil)
            for (pending, record) in zip(batch, records) { pending.continuation.resume(returning: record) }
        case .failure(let error):
            onBatch(batch.count, error)
            for pending in batch { pending.continuation.resume(throwing: error) }
        }
    }
}
