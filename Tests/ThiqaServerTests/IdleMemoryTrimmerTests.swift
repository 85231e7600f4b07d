import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import ThiqaServer

/// The idle trimmer gives memory back once per idle period, never while requests keep coming, and never on a server
/// that has served nothing. The libc call itself is replaced by a counter in the service test: what it frees cannot
/// be observed from a test (BENCHMARKS.md measures the resident set).
@Suite struct IdleMemoryTrimmerTests {
    @Test("The schedule: once per idle interval after activity, never during it, never before any request")
    func schedule() {
        var schedule = IdleMemoryTrimmer.Schedule(count: 0)
        // The request count read at the end of each interval, and whether the schedule trims then.
        let intervals: [(count: UInt64, trims: Bool)] = [
            (0, false),  // nothing served yet
            (7, false), (19, false),  // requests during the interval
            (19, true),  // a whole interval idle: trim
            (19, false), (19, false),  // still idle: already trimmed
            (20, false),  // one more request
            (20, true),  // idle again: trim again
        ]
        let decided = intervals.map { schedule.intervalEnded(count: $0.count) }
        #expect(decided == intervals.map(\.trims))
    }

    final class Calls: Sendable {
        let count = Atomic<Int>(0)
    }

    @Test("The service trims after an idle interval that follows a request, and stops when cancelled")
    func serviceTrims() async throws {
        let activity = RequestActivity()
        let calls = Calls()
        let trimmer = IdleMemoryTrimmer(activity: activity, interval: .milliseconds(20), logger: Logger(label: "test")) {
            calls.count.add(1, ordering: .relaxed)
        }
        let task = Task { try await trimmer.run() }
        try await Task.sleep(for: .milliseconds(100))
        #expect(calls.count.load(ordering: .relaxed) == 0)
        activity.note()
        for _ in 0..<100 where calls.count.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(calls.count.load(ordering: .relaxed) == 1)
        task.cancel()
        try await task.value
    }

    #if canImport(Glibc)
    @Test("glibc's malloc_trim is found, so the service gives memory back on this platform")
    func mallocTrimIsFound() {
        #expect(IdleMemoryTrimmer.glibcMallocTrim != nil)
        IdleMemoryTrimmer.mallocTrim()
    }
    #endif

    @Test("The middleware counts each request that reaches the router, answered or not")
    func middlewareCountsRequests() async throws {
        let activity = RequestActivity()
        let router = Router()
        router.add(middleware: RequestActivityMiddleware(activity: activity))
        router.get("ok") { _, _ in "ok" }
        let app = Application(router: router)
        try await app.test(.router) { client in
            for _ in 0..<3 { try await client.execute(uri: "/ok", method: .get) { response in #expect(response.status == .ok) } }
            try await client.execute(uri: "/missing", method: .get) { response in #expect(response.status == .notFound) }
        }
        #expect(activity.count == 4)
    }
}
