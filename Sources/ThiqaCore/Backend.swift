/// A model server Thiqa may route to: where it is, what it serves, under which jurisdiction.
public struct BackendDescriptor: Sendable, Equatable, Codable {
    public var id: String
    /// Base URL of an OpenAI-compatible API, including `/v1` (for example `http://127.0.0.1:8081/v1`).
    public var baseURL: String
    public var models: [String]
    public var jurisdiction: Jurisdiction
    /// Free text for operators and auditors: "Rabat DC1, operated by …".
    public var hosting: String
    public var weight: Int
    public var connectTimeoutMs: Int
    /// Longest wait for the response head; past it the request fails over.
    public var firstByteTimeoutMs: Int
    /// Longest whole request, streaming included.
    public var requestTimeoutMs: Int
    public var apiKey: String?
    public var servesEmbeddings: Bool
    /// Most open connections to this backend; calls beyond wait for one. Each idle keep-alive connection holds
    /// buffers, so the pool is sized to what the backend serves at once, not to the gateway's own concurrency.
    public var maxConnections: Int

    public init(
        id: String, baseURL: String, models: [String], jurisdiction: Jurisdiction, hosting: String = "", weight: Int = 1,
        connectTimeoutMs: Int = 2_000, firstByteTimeoutMs: Int = 30_000, requestTimeoutMs: Int = 300_000,
        apiKey: String? = nil, servesEmbeddings: Bool = false, maxConnections: Int = 64
    ) {
        self.id = id
        self.baseURL = baseURL
        self.models = models
        self.jurisdiction = jurisdiction
        self.hosting = hosting
        self.weight = weight
        self.connectTimeoutMs = connectTimeoutMs
        self.firstByteTimeoutMs = firstByteTimeoutMs
        self.requestTimeoutMs = requestTimeoutMs
        self.apiKey = apiKey
        self.servesEmbeddings = servesEmbeddings
        self.maxConnections = maxConnections
    }

    public func serves(model: String) -> Bool { models.contains(model) }
}

/// Chooses among healthy backends: eligibility by model and jurisdiction, then smooth weighted round-robin.
/// Pure: the health state and the rotation counter are passed in.
public enum BackendSelection {
    public struct Candidate: Sendable, Equatable {
        public var backend: BackendDescriptor
        public var healthy: Bool
        public init(backend: BackendDescriptor, healthy: Bool) {
            self.backend = backend
            self.healthy = healthy
        }
    }

    public enum Verdict: Sendable, Equatable {
        /// Backends to try, in order: the first is the weighted pick, the rest are failover targets.
        case route([BackendDescriptor])
        case unknownModel
        case noneEligible(reason: String)
        /// Every backend that could take it is cooling down after a 429 or kept out by an open breaker: try again
        /// after `retryAfterSeconds` (the soonest of them). `rateLimited` when they all asked to slow down.
        case saturated(retryAfterSeconds: Int, rateLimited: Bool)
    }

    /// - Parameter ticket: a monotonically increasing number; equal weights then alternate evenly.
    public static func plan(model: String, allowed: Set<Jurisdiction>, candidates: [Candidate], ticket: UInt64) -> Verdict {
        let serving = candidates.filter { $0.backend.serves(model: model) }
        if serving.isEmpty { return .unknownModel }
        let allowedServing = serving.filter { allowed.contains($0.backend.jurisdiction) }
        if allowedServing.isEmpty {
            let places = Set(serving.map(\.backend.jurisdiction.code)).sorted().joined(separator: ", ")
            let permitted = allowed.map(\.code).sorted().joined(separator: ", ")
            return .noneEligible(reason: "model '\(model)' is served only in jurisdictions [\(places)], and this request may go only to [\(permitted)]")
        }
        let healthy = allowedServing.filter(\.healthy)
        if healthy.isEmpty {
            let ids = allowedServing.map(\.backend.id).joined(separator: ", ")
            return .noneEligible(reason: "no healthy backend for model '\(model)' in an allowed jurisdiction (unhealthy: \(ids))")
        }
        let ordered = weightedOrder(healthy.map(\.backend), ticket: ticket)
        return .route(ordered)
    }

    /// Deterministic weighted order: the ticket picks a slot in the total weight; the rest follow by weight.
    static func weightedOrder(_ backends: [BackendDescriptor], ticket: UInt64) -> [BackendDescriptor] {
        let total = backends.reduce(0) { $0 + max(1, $1.weight) }
        var slot = Int(ticket % UInt64(total))
        var firstIndex = 0
        for (index, backend) in backends.enumerated() {
            let weight = max(1, backend.weight)
            if slot < weight {
                firstIndex = index
                break
            }
            slot -= weight
        }
        var rest = backends
        let first = rest.remove(at: firstIndex)
        rest.sort { $0.weight > $1.weight }
        return [first] + rest
    }
}
