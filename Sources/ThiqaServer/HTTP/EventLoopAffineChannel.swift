import HummingbirdCore
import Logging
import NIOCore

/// Serves each connection on its own event loop: the connection's task, and every task it awaits in, prefer an
/// executor that runs jobs on the event loop that reads and writes the connection's socket.
///
/// Hummingbird starts one task per connection on the global executor; with tasks on NIO's threads (see `Serve`),
/// that is any of the event loops, so half the connections had their socket on one thread and their handler on
/// the other: every request part read, every response part written and every resumption crossed between them.
/// `perf stat` counted 8.1 context switches per request at C = 1 (BENCHMARKS.md, Gateway hot path). AsyncHTTPClient
/// prefers the event loop it is called from (`MultiThreadedEventLoopGroup.any()`), so the upstream call lands on
/// the same thread too.
struct EventLoopAffineChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value
    let inner: Inner

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop: value.channel.eventLoop)) {
            await inner.handle(value: value, logger: logger)
        }
    }
}

/// A task executor that runs jobs on one event loop.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// NIO's own entry for Swift jobs: its event loops queue them without the closure `execute` would allocate.
    func enqueue(_ job: consuming ExecutorJob) {
        eventLoop.enqueue(job)
    }
}
