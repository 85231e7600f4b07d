import Configuration
import Foundation
import ThiqaBackends

/// Keys:
/// - `privacy.vaultKeyPath`: the master key that seals pseudonym mappings, kept outside the database
///   (default data/keys/vault.key; created with mode 0600 on first start)
/// - `privacy.conversationTtlMs`: how long a conversation's mapping is kept after its last request (24 h)
public struct PrivacyConfiguration: Sendable {
    public var vaultKeyPath: String
    public var conversationTTLMs: Int

    public init(vaultKeyPath: String = "data/keys/vault.key", conversationTTLMs: Int = 86_400_000) {
        self.vaultKeyPath = vaultKeyPath
        self.conversationTTLMs = conversationTTLMs
    }

    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "privacy")
        self.vaultKeyPath = try reader.string("vaultKeyPath", default: "data/keys/vault.key")
        self.conversationTTLMs = try reader.int("conversationTtlMs", default: 86_400_000, range: 1000...(365 * 86_400_000))
    }
}
