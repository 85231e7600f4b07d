import Configuration
import ThiqaCore

/// The model backends Thiqa may route to.
///
/// Keys (scoped under `backends`; environment variables are the upper-cased keys with `_`, e.g. `BACKENDS_LOCAL_URL`):
/// - `ids`: the backend ids, a list (`BACKENDS_IDS=local,rabat-gpu`)
/// - `<id>.url`: base URL of the OpenAI-compatible API, with `/v1` (required)
/// - `<id>.models`: model names it serves (required, a list)
/// - `<id>.jurisdiction`: ISO 3166-1 alpha-2 code of where it is hosted (required; `MA` is sovereign)
/// - `<id>.hosting`: who operates it and where, for auditors
/// - `<id>.weight`: share of traffic among equal backends (default 1)
/// - `<id>.connectTimeoutMs`, `<id>.firstByteTimeoutMs`, `<id>.requestTimeoutMs`
/// - `<id>.apiKey`: bearer key sent upstream (secret)
/// - `<id>.embeddings`: whether it serves `/v1/embeddings` (default false)
/// - `<id>.maxConnections`: most open connections to it per event loop (default 64); more calls at once wait for one
/// - `healthCheckIntervalMs`: active health-check period (default 5000)
/// - `maxAttempts`: most backends one call tries, the first included (default 3)
/// - `maxCooldownMs`: the longest a 429's `Retry-After` may keep a backend out (default 60000)
/// - `breakerFailures`: consecutive failures that open a backend's breaker (default 5); `breakerOpenMs` (10000)
/// - `slowFirstByteMs`: a backend whose p99 time to first byte exceeds this keeps a quarter of its weight (2000)
public struct BackendsConfiguration: Sendable, Equatable {
    public var backends: [BackendDescriptor]
    public var healthCheckIntervalMs: Int
    public var maxAttempts: Int
    public var resilience: ResiliencePolicy

    public init(backends: [BackendDescriptor], healthCheckIntervalMs: Int = 5_000, maxAttempts: Int = 3, resilience: ResiliencePolicy = ResiliencePolicy()) {
        self.backends = backends
        self.healthCheckIntervalMs = healthCheckIntervalMs
        self.maxAttempts = maxAttempts
        self.resilience = resilience
    }

    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "backends")
        let ids = try reader.stringArray("ids", default: [])
        var seen = Set<String>()
        var backends: [BackendDescriptor] = []
        for id in ids {
            guard !id.isEmpty, id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                throw ConfigurationError(key: "backends.ids", expected: "backend ids made of lower-case letters, digits and '-'", got: id)
            }
            guard seen.insert(id).inserted else {
                throw ConfigurationError(key: "backends.ids", expected: "distinct ids", got: "'\(id)' twice")
            }
            let scoped = StrictConfigReader(config, prefix: "backends.\(id)")
            let url = try scoped.requiredString("url", expected: "an http(s) URL such as http://127.0.0.1:8081/v1")
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ConfigurationError(key: "backends.\(id).url", expected: "an http(s) URL such as http://127.0.0.1:8081/v1", got: url)
            }
            let models = try scoped.stringArray("models", default: [])
            guard !models.isEmpty else {
                throw ConfigurationError(key: "backends.\(id).models", expected: "a non-empty list of model names", got: "nothing")
            }
            let jurisdictionText = try scoped.requiredString("jurisdiction", expected: "an ISO 3166-1 alpha-2 code such as MA")
            let jurisdiction: Jurisdiction
            do {
                jurisdiction = try Jurisdiction(jurisdictionText)
            } catch {
                throw ConfigurationError(key: "backends.\(id).jurisdiction", expected: "an ISO 3166-1 alpha-2 code such as MA", got: jurisdictionText)
            }
            backends.append(
                BackendDescriptor(
                    id: id,
                    baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url,
                    models: models,
                    jurisdiction: jurisdiction,
                    hosting: try scoped.string("hosting", default: ""),
                    weight: try scoped.int("weight", default: 1, range: 1...1000),
                    connectTimeoutMs: try scoped.int("connectTimeoutMs", default: 2_000, range: 1...600_000),
                    firstByteTimeoutMs: try scoped.int("firstByteTimeoutMs", default: 60_000, range: 1...3_600_000),
                    requestTimeoutMs: try scoped.int("requestTimeoutMs", default: 600_000, range: 1...86_400_000),
                    apiKey: try scoped.optionalString("apiKey", isSecret: true),
                    servesEmbeddings: try scoped.bool("embeddings", default: false),
                    maxConnections: try scoped.int("maxConnections", default: 64, range: 1...10_000)
                )
            )
        }
        self.backends = backends
        self.healthCheckIntervalMs = try reader.int("healthCheckIntervalMs", default: 5_000, range: 50...3_600_000)
        self.maxAttempts = try reader.int("maxAttempts", default: 3, range: 1...20)
        var resilience = ResiliencePolicy()
        resilience.maxCooldown = .milliseconds(try reader.int("maxCooldownMs", default: 60_000, range: 1...3_600_000))
        resilience.breakerConsecutiveFailures = try reader.int("breakerFailures", default: 5, range: 1...1000)
        resilience.breakerOpenFor = .milliseconds(try reader.int("breakerOpenMs", default: 10_000, range: 1...3_600_000))
        resilience.slowFirstByte = .milliseconds(try reader.int("slowFirstByteMs", default: 2_000, range: 1...3_600_000))
        self.resilience = resilience
    }
}
