import Crypto
import Foundation
import ThiqaCore
import ThiqaPrivacy

/// Where the pseudonym mapping of a conversation is kept between its requests: sealed with AES-GCM under a key
/// derived from a master key held outside the database.
struct ConversationVault: Sendable {
    let masterKey: SymmetricKey
    let ttl: TimeInterval

    /// Loads the master key, creating it (mode 0600) on first start.
    static func loadMasterKey(path: String) throws -> SymmetricKey {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path) {
            guard let decoded = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                decoded.count == 32
            else {
                throw ConfigurationFileError(message: "privacy.vaultKeyPath: '\(path)' does not hold a base64 256-bit key")
            }
            return SymmetricKey(data: decoded)
        }
        let key = PseudonymVault.makeKey()
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        do {
            // Another process created it first: use that one, so every process seals with the same key.
            guard try KeyFile.create(at: path, contents: text, what: "the vault key") else { return try loadMasterKey(path: path) }
        } catch let error as KeyFile.Failure {
            throw ConfigurationFileError(message: "privacy.vaultKeyPath: \(error.description)")
        }
        return key
    }

}

struct ConfigurationFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
