import Crypto
import Foundation
import ThiqaCore
import ThiqaPrivacy

/// The pseudonym vault's settings: how long a conversation's mapping lives, and the master key that sealed mappings
/// before migration 7 (under keys derived from it), read until the start-up migration has sealed them again in the
/// key store.
struct ConversationVault: Sendable {
    let masterKey: SymmetricKey
    let ttl: TimeInterval

    /// Loads the master key, creating it (mode 0600) on first start.
    static func loadMasterKey(path: String) throws -> SymmetricKey {
        try KeyFile.symmetricKey(path: path, field: "privacy.vaultKeyPath", what: "the vault key")
    }
}

struct ConfigurationFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
