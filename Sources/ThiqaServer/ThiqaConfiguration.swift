import Configuration
import Foundation
import Logging
import SystemPackage
import ThiqaBackends
import ThiqaCore
import ThiqaStorage

/// Everything `thiqa serve` needs, validated at start-up: a bad value stops the start with a message that
/// names the key and the expected form.
///
/// Keys (JSON file nesting, or environment variables: `http.port` → `HTTP_PORT`):
/// - `http.host` (127.0.0.1), `http.port` (8080)
/// - `http.idleTimeoutMs` (60000): a connection with no traffic either way is closed after this long
/// - `http.headTimeoutMs` (10000): a request's head must arrive within this long of the connection opening or of
///   the previous response (slow-header clients are cut)
/// - `http.bodyTimeoutMs` (30000): a request's body must arrive within this long of its head
/// - `http.maxConnections` (1024): connections beyond this wait to be accepted
/// - `storage.driver`: `sqlite` (default) or `postgres`; `storage.sqlite.path` (data/thiqa.sqlite); `storage.postgres.url` (secret)
/// - `limits.maxBodyBytes` (1 MiB), `limits.maxMessages` (256), `limits.maxCompletionTokens` (4096), `limits.maxPromptTokens` (32768)
/// - `auth.cacheTtlMs`: how long a verified key is trusted before it is read again (1000; 0 reads every time)
/// - `shutdown.gracePeriodMs`: how long in-flight streams may run on after SIGTERM (30000)
/// - `retention.purgeIntervalMs`: how often expired content is deleted (60000)
/// - `log.level`: trace, debug, info, notice, warning, error, critical (info)
/// - `log.keyPath`, `log.origin`, `log.checkpointIntervalMs`: the transparency log, see `TransparencyConfiguration`
/// - `backends.*`: see `BackendsConfiguration`
/// - `registry.legacyGraceUntil`, `registry.pollIntervalMs`, `registry.publicBaseURL`: see `RegistryConfiguration`
/// - `rights.*`: subjects, the key store, contestation deadlines: see `RightsConfiguration`
/// - `oversight.*`: see `OversightConfiguration`
/// - `assistant.*`: the citizen assistant and its web chat, see `AssistantConfiguration`
public struct ThiqaConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var connections: ConnectionLimits
    public var storage: StorageConfiguration
    public var limits: RequestLimits
    public var authCacheTTLMs: Int
    public var shutdownGracePeriodMs: Int
    public var purgeIntervalMs: Int
    public var logLevel: Logger.Level
    public var backends: BackendsConfiguration
    public var privacy: PrivacyConfiguration
    public var transparency: TransparencyConfiguration
    public var registry = RegistryConfiguration()
    public var rights = RightsConfiguration()
    public var oversight = OversightConfiguration()
    public var assistant = AssistantConfiguration()

    public init(
        host: String = "127.0.0.1", port: Int = 8080, connections: ConnectionLimits = ConnectionLimits(), storage: StorageConfiguration = .sqlite(path: "data/thiqa.sqlite"),
        limits: RequestLimits = RequestLimits(), authCacheTTLMs: Int = 1000, shutdownGracePeriodMs: Int = 30_000,
        purgeIntervalMs: Int = 60_000, logLevel: Logger.Level = .info, backends: BackendsConfiguration = BackendsConfiguration(backends: []),
        privacy: PrivacyConfiguration = PrivacyConfiguration(), transparency: TransparencyConfiguration = TransparencyConfiguration()
    ) {
        self.privacy = privacy
        self.host = host
        self.port = port
        self.connections = connections
        self.storage = storage
        self.limits = limits
        self.authCacheTTLMs = authCacheTTLMs
        self.shutdownGracePeriodMs = shutdownGracePeriodMs
        self.purgeIntervalMs = purgeIntervalMs
        self.logLevel = logLevel
        self.backends = backends
        self.transparency = transparency
    }

    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "")
        self.host = try reader.string("http.host", default: "127.0.0.1")
        self.port = try reader.int("http.port", default: 8080, range: 0...65535)
        self.connections = ConnectionLimits(
            idleTimeoutMs: try reader.int("http.idleTimeoutMs", default: 60_000, range: 100...86_400_000),
            headTimeoutMs: try reader.int("http.headTimeoutMs", default: 10_000, range: 100...3_600_000),
            bodyTimeoutMs: try reader.int("http.bodyTimeoutMs", default: 30_000, range: 100...3_600_000),
            maxConnections: try reader.int("http.maxConnections", default: 1024, range: 1...1_000_000)
        )
        let driver = try reader.string("storage.driver", default: "sqlite")
        switch driver {
        case "sqlite":
            self.storage = .sqlite(path: try reader.string("storage.sqlite.path", default: "data/thiqa.sqlite"))
        case "postgres":
            self.storage = .postgres(url: try reader.requiredString("storage.postgres.url", expected: "postgres://user:password@host:port/database"))
        default:
            throw ConfigurationError(key: "storage.driver", expected: "sqlite or postgres", got: "'\(driver)'")
        }
        self.limits = RequestLimits(
            maxBodyBytes: try reader.int("limits.maxBodyBytes", default: 1 << 20, range: 1024...(64 << 20)),
            maxMessages: try reader.int("limits.maxMessages", default: 256, range: 1...100_000),
            maxCompletionTokens: try reader.int("limits.maxCompletionTokens", default: 4096, range: 1...1_000_000),
            maxPromptTokens: try reader.int("limits.maxPromptTokens", default: 32768, range: 1...10_000_000)
        )
        self.authCacheTTLMs = try reader.int("auth.cacheTtlMs", default: 1000, range: 0...3_600_000)
        self.shutdownGracePeriodMs = try reader.int("shutdown.gracePeriodMs", default: 30_000, range: 0...3_600_000)
        self.purgeIntervalMs = try reader.int("retention.purgeIntervalMs", default: 60_000, range: 10...86_400_000)
        let level = try reader.string("log.level", default: "info")
        guard let logLevel = Logger.Level(rawValue: level) else {
            throw ConfigurationError(key: "log.level", expected: "one of trace, debug, info, notice, warning, error, critical", got: "'\(level)'")
        }
        self.logLevel = logLevel
        self.backends = try BackendsConfiguration(config: config)
        self.privacy = try PrivacyConfiguration(config: config)
        self.transparency = try TransparencyConfiguration(config: config)
        self.registry = try RegistryConfiguration(config: config)
        self.rights = try RightsConfiguration(config: config)
        self.oversight = try OversightConfiguration(config: config)
        self.assistant = try AssistantConfiguration(config: config)
    }

    /// Environment first, then the JSON file (if any), then built-in defaults.
    public static func load(file: String?) async throws -> ThiqaConfiguration {
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider()]
        if let file {
            guard FileManager.default.fileExists(atPath: file) else {
                throw ConfigurationError(key: "--config", expected: "a readable JSON file", got: "'\(file)' (no such file)")
            }
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
            } catch {
                throw ConfigurationError(key: "--config", expected: "a JSON object of configuration keys", got: "'\(file)': \(error)")
            }
        }
        return try ThiqaConfiguration(config: ConfigReader(providers: providers))
    }
}

/// How long a client may take and how many may connect: what keeps slow or idle clients from holding the server.
public struct ConnectionLimits: Sendable, Equatable {
    public var idleTimeoutMs: Int
    public var headTimeoutMs: Int
    public var bodyTimeoutMs: Int
    public var maxConnections: Int

    public init(idleTimeoutMs: Int = 60_000, headTimeoutMs: Int = 10_000, bodyTimeoutMs: Int = 30_000, maxConnections: Int = 1024) {
        self.idleTimeoutMs = idleTimeoutMs
        self.headTimeoutMs = headTimeoutMs
        self.bodyTimeoutMs = bodyTimeoutMs
        self.maxConnections = maxConnections
    }
}
