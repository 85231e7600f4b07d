import Synchronization

/// Turns on the SQLite writer thread, first come first served. SQLKit transactions cross the thread several times
/// (BEGIN, statements, COMMIT, each a job) on SQLiteNIO's write connection, and the writer's own jobs use another
/// connection on the same thread: were they to interleave, a `BEGIN IMMEDIATE` on one would wait for the other's
/// lock while the other needs the thread. An actor alone does not serialise work across its suspension points.
///
/// Async code takes a turn with ``withLock(_:)``; the group commit, which runs on the writer thread and never
/// suspends, asks with ``whenFree(_:)`` and is called back once the turn is its own (see ``SQLiteGroupCommit``).
final class WriterTurns: Sendable {
    private enum Waiter {
        case task(CheckedContinuation<Void, Never>)
        case callback(@Sendable () -> Void)
    }

    private struct State: ~Copyable {
        var held = false
        var waiters: [Waiter] = []
    }

    private let state = Mutex(State())

    /// True when someone waits for the turn: a holder that could go on should hand it over instead.
    var isWaitedFor: Bool { state.withLock { !$0.waiters.isEmpty } }

    /// Takes the turn if it is free (true), else queues `waiter` to be handed it (false).
    private func take(orQueue waiter: Waiter) -> Bool {
        state.withLock { state -> Bool in
            if !state.held {
                state.held = true
                return true
            }
            state.waiters.append(waiter)
            return false
        }
    }

    func lock() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            if self.take(orQueue: .task(continuation)) { continuation.resume() }
        }
    }

    /// Calls `body` with the turn held, now (on the caller's thread) if it is free, else when it is handed over.
    /// `body` must end the turn with ``unlock()``.
    func whenFree(_ body: @escaping @Sendable () -> Void) {
        if self.take(orQueue: .callback(body)) { body() }
    }

    /// Ends the holder's turn: the next waiter, if any, gets it without the lock ever being free in between.
    func unlock() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        switch next {
        case .task(let continuation): continuation.resume()
        case .callback(let body): body()
        case nil: break
        }
    }

    func withLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await lock()
        defer { unlock() }
        return try await body()
    }
}
