import NIOConcurrencyHelpers

/// Opened once the server's start-up work (migrations, the key store's schema, the first snapshots) is done.
///
/// The service group starts background services at the same time as the server, whose `beforeServerStarts` runs
/// the migrations: a service that reads the database at once would race them on a fresh data directory (the
/// purger logged "no such table: thiqa_keys"). Services that touch the database wait here before their first pass.
final class StartGate: Sendable {
    private struct State {
        var open = false
        var next = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }
    private let state = NIOLockedValueBox(State())

    func open() {
        let waiting = self.state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in waiting { continuation.resume() }
    }

    var isOpen: Bool { self.state.withLockedValue { $0.open } }

    /// Returns when the gate is open, or when the waiting task is cancelled (wrap it in `cancelWhenGracefulShutdown`
    /// so that a shutdown during start-up ends the wait; check `isOpen` after it).
    func wait() async {
        let id = self.state.withLockedValue { state -> Int in
            state.next += 1
            return state.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = self.state.withLockedValue { state -> Bool in
                    if state.open || Task.isCancelled { return true }
                    state.waiting[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.state.withLockedValue { $0.waiting.removeValue(forKey: id) }?.resume()
        }
    }
}
