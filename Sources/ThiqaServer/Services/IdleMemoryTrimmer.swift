#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// Counts the requests the server has begun, for `IdleMemoryTrimmer`: one relaxed atomic add per request.
final class RequestActivity: Sendable {
    private let started = Atomic<UInt64>(0)

    func note() { self.started.add(1, ordering: .relaxed) }

    var count: UInt64 { self.started.load(ordering: .relaxed) }
}

/// The first middleware: notes each request in `RequestActivity`.
struct RequestActivityMiddleware<Context: RequestContext>: RouterMiddleware {
    let activity: RequestActivity

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        self.activity.note()
        return try await next(request, context)
    }
}

/// Hands the heap memory freed after a burst of requests back to the system once the server has been idle for an
/// interval: glibc keeps freed chunks in its arenas, so the resident set stays at the peak of the last burst.
/// Issue 15 bounds idle RSS after a load at 64 MB; `malloc_trim(0)` on a server idle after 90,000 requests at C = 64
/// took it from 64.3 to 60.6 MiB (anonymous memory 19.9 → 16.2 MiB; BENCHMARKS.md, "Memory"). It runs only after a
/// whole interval without a request, and once per idle period, never under load, where it would take the
/// allocator's locks on a hot path.
struct IdleMemoryTrimmer: Service {
    let activity: RequestActivity
    let interval: Duration
    let logger: Logger
    /// What returns the memory: `malloc_trim(0)` on glibc (nothing elsewhere); a test counts the calls instead.
    let trim: @Sendable () -> Void

    init(activity: RequestActivity, interval: Duration = .seconds(10), logger: Logger, trim: @escaping @Sendable () -> Void = Self.mallocTrim) {
        self.activity = activity
        self.interval = interval
        self.logger = logger
        self.trim = trim
    }

    static let mallocTrim: @Sendable () -> Void = {
        if let trim = Self.glibcMallocTrim { _ = trim(0) }
    }

    /// glibc's `malloc_trim`, looked up once: the Glibc module does not export `<malloc.h>`, and a C target for one
    /// declaration is more than the call is worth. Nil on other C libraries (Musl has no such call).
    static let glibcMallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// When to trim, from the request count read at the end of each interval.
    struct Schedule {
        private var seen: UInt64
        /// The count at the last trim: an idle period is trimmed once, and a server that never served is not trimmed.
        private var trimmedAt: UInt64

        init(count: UInt64) {
            self.seen = count
            self.trimmedAt = count
        }

        /// Whether to trim now: no request during the interval that just ended, some since the last trim.
        mutating func intervalEnded(count: UInt64) -> Bool {
            defer { self.seen = count }
            guard count == self.seen, count != self.trimmedAt else { return false }
            self.trimmedAt = count
            return true
        }
    }

    func run() async throws {
        var schedule = Schedule(count: self.activity.count)
        while true {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            } catch {
                return
            }
            let count = self.activity.count
            if schedule.intervalEnded(count: count) {
                self.trim()
                self.logger.debug("returned idle heap memory to the system", metadata: ["thiqa.requests": "\(count)"])
            }
        }
    }
}
