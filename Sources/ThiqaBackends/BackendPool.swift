import AsyncHTTPClient
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Metrics
import ThiqaCore

/// The configured backends, their current health, and one HTTP client each (own timeouts, own pool).
public final class BackendPool: Sendable {
    public struct Member: Sendable {
        public let descriptor: BackendDescriptor
        /// One client per event loop of the group, each with its own connections on that loop (issue 15). A call
        /// uses the client of the loop it runs on, so its upstream socket is read and written on the thread that
        /// serves its own connection: AsyncHTTPClient only *prefers* the caller's loop and, with one shared pool,
        /// often handed the call an idle connection on the other loop, two thread wake-ups per call.
        let clients: [(eventLoop: any EventLoop, client: HTTPClient)]
        /// Made once per backend: a handle per call is a factory lookup under its lock (issue 15).
        let timeToHead: Timer

        /// The client whose connections live on the calling thread's event loop; the first one elsewhere.
        var client: HTTPClient {
            for entry in clients where entry.eventLoop.inEventLoop { return entry.client }
            return clients[0].client
        }

        var allClients: [HTTPClient] { clients.map(\.client) }
    }

    public struct HealthState: Sendable, Equatable {
        public var healthy: Bool
        public var lastCheckedAt: ContinuousClock.Instant?
        public var lastError: String?
    }

    public let members: [Member]
    private let health: NIOLockedValueBox<[String: HealthState]>
    private let tickets = NIOLockedValueBox<UInt64>(0)
    /// Rate limits, breakers and latency per backend (see `BackendCondition`).
    private let conditions: NIOLockedValueBox<[String: BackendCondition]>
    public let resilience: ResiliencePolicy
    /// Most backends one call tries before it gives up (the first included).
    public let maxAttempts: Int

    public init(
        backends: [BackendDescriptor], eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup,
        resilience: ResiliencePolicy = ResiliencePolicy(), maxAttempts: Int = 3
    ) {
        self.resilience = resilience
        self.maxAttempts = max(1, maxAttempts)
        self.conditions = NIOLockedValueBox(Dictionary(uniqueKeysWithValues: backends.map { ($0.id, BackendCondition()) }))
        self.members = backends.map { descriptor in
            var configuration = HTTPClient.Configuration(
                timeout: .init(connect: .milliseconds(Int64(descriptor.connectTimeoutMs)), read: .milliseconds(Int64(descriptor.requestTimeoutMs)))
            )
            // Fail fast on a refused connection so the request can fail over instead of retrying until its deadline.
            configuration.connectionPool.retryConnectionEstablishment = false
            // Bounded to what the backend serves at once (issue 15, idle RSS after load 74 MiB against ≤ 64 MB: the
            // former 256 per host let a burst open and keep that many connections with their buffers).
            // Idle connections are closed after 4 s, before the upstream closes them: llama.cpp's Python server and
            // vLLM run on uvicorn, which drops a keep-alive connection after 5 s idle, and a call handed such a
            // connection as the upstream closed it failed with `remoteConnectionClosed` (seen once in the suite: the
            // start-up health probe's connection, reused ~5 s later by the first call, a 502 with one backend).
            // Closed from this side, the pool never hands it out; a call after a pause opens a new connection.
            // The bound is per loop: calls made off the loops (tests, tools) all use the first client, and halving
            // its bound left a call waiting for a connection another call held (seen as read timeouts in the suite).
            let loops = Array(eventLoopGroup.makeIterator())
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = descriptor.maxConnections
            configuration.connectionPool.idleTimeout = .seconds(4)
            configuration.decompression = .disabled
            let clients = loops.map { loop in (eventLoop: loop, client: HTTPClient(eventLoopGroupProvider: .shared(loop), configuration: configuration)) }
            let timeToHead = Timer(label: "thiqa_upstream_time_to_head_seconds", dimensions: [("backend", descriptor.id)])
            return Member(descriptor: descriptor, clients: clients, timeToHead: timeToHead)
        }
        // Optimistic until the first check: a fresh start can serve before the first probe answers.
        self.health = NIOLockedValueBox(Dictionary(uniqueKeysWithValues: backends.map { ($0.id, HealthState(healthy: true)) }))
    }

    public var descriptors: [BackendDescriptor] { members.map(\.descriptor) }

    public func healthState(of id: String) -> HealthState? {
        health.withLockedValue { $0[id] }
    }

    public func setHealth(_ id: String, healthy: Bool, error: String? = nil) {
        health.withLockedValue { $0[id] = HealthState(healthy: healthy, lastCheckedAt: .now, lastError: error) }
    }

    public var anyHealthy: Bool {
        health.withLockedValue { $0.values.contains(where: \.healthy) }
    }

    /// Every model some backend serves, in configuration order.
    public var models: [(model: String, backend: BackendDescriptor)] {
        var seen = Set<String>()
        var out: [(String, BackendDescriptor)] = []
        for member in members {
            for model in member.descriptor.models where seen.insert(model).inserted {
                out.append((model, member.descriptor))
            }
        }
        return out
    }

    public func condition(of id: String) -> BackendCondition? {
        conditions.withLockedValue { $0[id] }
    }

    /// A 429, or a 503 with `Retry-After`: the backend cools down; returns for how long.
    @discardableResult
    public func rateLimited(_ id: String, retryAfter: Duration?, overload: Bool = false, now: ContinuousClock.Instant = .now) -> Duration {
        let cooldown = conditions.withLockedValue {
            $0[id, default: BackendCondition()].rateLimited(retryAfter: retryAfter, overload: overload, at: now, policy: resilience)
        }
        Counter(label: "thiqa_backend_rate_limited_total", dimensions: [("backend", id)]).increment()
        return cooldown
    }

    /// A 5xx, a refused or reset connection, a timeout, or a stream that broke: counts towards the breaker.
    public func failed(_ id: String, now: ContinuousClock.Instant = .now) {
        let opened = conditions.withLockedValue { conditions -> Bool in
            let wasOpen = conditions[id]?.breakerOpenUntil != nil
            conditions[id, default: BackendCondition()].failed(at: now, policy: resilience)
            return !wasOpen && conditions[id]?.breakerOpenUntil != nil
        }
        if opened { Counter(label: "thiqa_backend_breaker_opened_total", dimensions: [("backend", id)]).increment() }
    }

    public func succeeded(_ id: String, firstByte: Duration) {
        conditions.withLockedValue { $0[id, default: BackendCondition()].succeeded(firstByte: firstByte, policy: resilience) }
    }

    /// Marks a half-open backend's one trial call as taken, so concurrent calls do not pile onto it.
    public func beginAttempt(_ id: String, now: ContinuousClock.Instant = .now) {
        conditions.withLockedValue { conditions in
            if conditions[id]?.availability(at: now) == .halfOpen { conditions[id]?.startTrial() }
        }
    }

    /// The soonest a backend among `ids` takes calls again, in whole seconds (at least 1).
    public func retryAfterSeconds(_ ids: [String], now: ContinuousClock.Instant = .now) -> Int {
        let soonest = conditions.withLockedValue { conditions in
            ids.compactMap { id -> Duration? in
                switch conditions[id]?.availability(at: now) {
                case .coolingDown(let until)?, .breakerOpen(let until)?: return until - now
                default: return .zero
                }
            }.min()
        } ?? .seconds(1)
        let (seconds, attoseconds) = soonest.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }

    /// Every backend's state for `/metrics` and `thiqa backends`: closed, half_open, cooling_down or open.
    public func states(now: ContinuousClock.Instant = .now) -> [(backend: String, state: String, p99FirstByteMs: Double?, weightFactor: Double)] {
        conditions.withLockedValue { conditions in
            members.map { member in
                let condition = conditions[member.descriptor.id] ?? BackendCondition()
                return (member.descriptor.id, condition.state(at: now), condition.p99FirstByteMs, condition.weightFactor(policy: resilience))
            }
        }
    }

    public func plan(model: String, allowed: Set<Jurisdiction>, requireEmbeddings: Bool = false) -> BackendSelection.Verdict {
        let states = health.withLockedValue { $0 }
        let now = ContinuousClock.now
        let current = conditions.withLockedValue { $0 }
        // Weights are scaled so a slow backend keeps a fraction of its share even at weight 1.
        let eligible = members.filter { !requireEmbeddings || $0.descriptor.servesEmbeddings }
        var held: [String] = []
        var heldByRateLimit = true
        var candidates: [BackendSelection.Candidate] = []
        for member in eligible {
            var descriptor = member.descriptor
            let condition = current[descriptor.id] ?? BackendCondition()
            let healthy = states[descriptor.id]?.healthy ?? false
            var usable = healthy
            switch condition.availability(at: now) {
            case .available, .halfOpen:
                break
            case .coolingDown:
                if healthy, descriptor.serves(model: model), allowed.contains(descriptor.jurisdiction) {
                    held.append(descriptor.id)
                    if condition.cooledForOverload { heldByRateLimit = false }
                }
                usable = false
            case .breakerOpen:
                if healthy, descriptor.serves(model: model), allowed.contains(descriptor.jurisdiction) {
                    held.append(descriptor.id)
                    heldByRateLimit = false
                }
                usable = false
            }
            descriptor.weight = max(1, Int((Double(descriptor.weight) * 4 * condition.weightFactor(policy: resilience)).rounded()))
            candidates.append(BackendSelection.Candidate(backend: descriptor, healthy: usable))
        }
        if requireEmbeddings, candidates.isEmpty {
            return members.contains(where: { $0.descriptor.serves(model: model) }) ? .noneEligible(reason: "no backend serving '\(model)' serves embeddings") : .unknownModel
        }
        let ticket = tickets.withLockedValue { value -> UInt64 in
            value &+= 1
            return value
        }
        let verdict = BackendSelection.plan(model: model, allowed: allowed, candidates: candidates, ticket: ticket)
        if case .noneEligible = verdict, !held.isEmpty {
            return .saturated(retryAfterSeconds: retryAfterSeconds(held, now: now), rateLimited: heldByRateLimit)
        }
        return verdict
    }

    func member(_ id: String) -> Member? { members.first { $0.descriptor.id == id } }

    public func shutdown() async throws {
        for member in members { for client in member.allClients { try await client.shutdown() } }
    }
}
