import Configuration
import ThiqaBackends

/// The transparency log's signing key and checkpoint publication.
///
/// Keys:
/// - `log.keyPath`: the Ed25519 signing key file, created on first start, kept outside the database
///   (data/keys/log-signing.key; mode 0600 in a 0700 directory)
/// - `log.origin`: the log's name, first line of every checkpoint and name of its key (thiqa.local/log)
/// - `log.checkpointIntervalMs`: how often a new checkpoint is signed when the log grew (1000)
public struct TransparencyConfiguration: Sendable, Equatable {
    public var keyPath: String
    public var origin: String
    public var checkpointIntervalMs: Int

    public init(keyPath: String = "data/keys/log-signing.key", origin: String = "thiqa.local/log", checkpointIntervalMs: Int = 1000) {
        self.keyPath = keyPath
        self.origin = origin
        self.checkpointIntervalMs = checkpointIntervalMs
    }

    /// Reads the keys above from an unscoped reader (they share the `log.` prefix with `log.level`).
    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "log")
        self.keyPath = try reader.string("keyPath", default: "data/keys/log-signing.key")
        self.origin = try reader.string("origin", default: "thiqa.local/log")
        guard !self.origin.isEmpty, !self.origin.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "+" }) else {
            throw ConfigurationError(key: "log.origin", expected: "a name without spaces or '+', such as thiqa.example.ma/log", got: "'\(self.origin)'")
        }
        self.checkpointIntervalMs = try reader.int("checkpointIntervalMs", default: 1000, range: 10...3_600_000)
    }
}
