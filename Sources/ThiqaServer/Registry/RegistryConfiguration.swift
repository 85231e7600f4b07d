import Configuration
import FoundationEssentials
import ThiqaBackends
import ThiqaGovernance

/// The governance registry's settings.
///
/// Keys:
/// - `registry.legacyGraceUntil`: until when use cases that existed before the registry keep working as undeclared
///   drafts, an ISO date (`2027-03-31`) or instant (`2027-03-31T00:00:00Z`); default ``defaultLegacyGraceUntil``
/// - `registry.pollIntervalMs`: how often the registry's version is read, so a change made by another replica
///   (a suspension) applies here within this long (1000)
/// - `registry.publicBaseURL`: base of the public registry's links in AI disclosures, without a trailing slash
///   (`http://127.0.0.1:8080/registry`)
public struct RegistryConfiguration: Sendable, Equatable {
    public var legacyGraceUntil: Date
    public var pollIntervalMs: Int
    public var publicBaseURL: String

    /// 2027-03-31T00:00:00Z: four months from the registry's arrival for the DPOs to declare what already runs.
    public static let defaultLegacyGraceUntil = Timestamp.parse("2027-03-31")!

    public init(legacyGraceUntil: Date = Self.defaultLegacyGraceUntil, pollIntervalMs: Int = 1000, publicBaseURL: String = "http://127.0.0.1:8080/registry") {
        self.legacyGraceUntil = legacyGraceUntil
        self.pollIntervalMs = pollIntervalMs
        self.publicBaseURL = publicBaseURL
    }

    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "registry")
        if let text = try reader.optionalString("legacyGraceUntil") {
            guard let date = Timestamp.parse(text) else {
                throw ConfigurationError(key: "registry.legacyGraceUntil", expected: "an ISO date such as 2027-03-31", got: "'\(text)'")
            }
            self.legacyGraceUntil = date
        } else {
            self.legacyGraceUntil = Self.defaultLegacyGraceUntil
        }
        self.pollIntervalMs = try reader.int("pollIntervalMs", default: 1000, range: 10...3_600_000)
        var base = try reader.string("publicBaseURL", default: "http://127.0.0.1:8080/registry")
        while base.hasSuffix("/") { base.removeLast() }
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw ConfigurationError(key: "registry.publicBaseURL", expected: "an http(s) URL such as https://thiqa.example.ma/registry", got: "'\(base)'")
        }
        self.publicBaseURL = base
    }
}
