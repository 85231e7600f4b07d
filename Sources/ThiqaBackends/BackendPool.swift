import AsyncHTTPClient
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ThiqaCore

/// The configured backends, their current health, and one HTTP client each (own timeouts, own pool).
public final class BackendPool: Sendable {
    public struct Member: Sendable {
        public let descriptor: BackendDescriptor
        let client: HTTPClient
    }

    public struct HealthState: Sendable, Equatable {
        public var healthy: Bool
        public var lastCheckedAt: ContinuousClock.Instant?
        public var lastError: String?
    }

    public let members: [Member]
    private let health: NIOLockedValueBox<[String: HealthState]>
    private let tickets = NIOLockedValueBox<UInt64>(0)

    public init(backends: [BackendDescriptor], eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup) {
        self.members = backends.map { descriptor in
            var configuration = HTTPClient.Configuration(
                timeout: .init(connect: .milliseconds(Int64(descriptor.connectTimeoutMs)), read: .milliseconds(Int64(descriptor.requestTimeoutMs)))
            )
            // Fail fast on a refused connection so the request can fail over instead of retrying until its deadline.
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 256
            configuration.decompression = .disabled
            let client = HTTPClient(eventLoopGroupProvider: .shared(eventLoopGroup), configuration: configuration)
            return Member(descriptor: descriptor, client: client)
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

    public func plan(model: String, allowed: Set<Jurisdiction>, requireEmbeddings: Bool = false) -> BackendSelection.Verdict {
        let states = health.withLockedValue { $0 }
        let candidates = members
            .filter { !requireEmbeddings || $0.descriptor.servesEmbeddings }
            .map { BackendSelection.Candidate(backend: $0.descriptor, healthy: states[$0.descriptor.id]?.healthy ?? false) }
        if requireEmbeddings, candidates.isEmpty {
            return members.contains(where: { $0.descriptor.serves(model: model) }) ? .noneEligible(reason: "no backend serving '\(model)' serves embeddings") : .unknownModel
        }
        let ticket = tickets.withLockedValue { value -> UInt64 in
            value &+= 1
            return value
        }
        return BackendSelection.plan(model: model, allowed: allowed, candidates: candidates, ticket: ticket)
    }

    func member(_ id: String) -> Member? { members.first { $0.descriptor.id == id } }

    public func shutdown() async throws {
        for member in members { try await member.client.shutdown() }
    }
}
