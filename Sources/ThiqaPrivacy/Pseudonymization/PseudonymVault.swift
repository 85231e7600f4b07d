import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Seals a conversation's pseudonym mapping with AES-GCM under a per-conversation key.
///
/// Layout: one version byte (1), then AES-GCM's combined form (12-byte nonce, ciphertext, 16-byte tag). The
/// conversation ID is authenticated data, so a sealed mapping cannot be replayed into another conversation.
public struct PseudonymVault: Sendable {
    static let version: UInt8 = 1

    public static func seal(_ mapping: PseudonymMapping, key: SymmetricKey, conversationID: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let plaintext = try encoder.encode(mapping)
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: Data(conversationID.utf8))
        guard let combined = box.combined else { throw PrivacyError.vaultFormat }
        var out = Data([Self.version])
        out.append(combined)
        return out
    }

    public static func open(_ sealed: Data, key: SymmetricKey, conversationID: String) throws -> PseudonymMapping {
        guard sealed.count > 1 + 12 + 16, sealed.first == Self.version else { throw PrivacyError.vaultFormat }
        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            plaintext = try AES.GCM.open(box, using: key, authenticating: Data(conversationID.utf8))
        } catch {
            throw PrivacyError.vaultOpenFailed
        }
        do {
            return try JSONDecoder().decode(PseudonymMapping.self, from: plaintext)
        } catch {
            throw PrivacyError.vaultFormat
        }
    }

    /// A fresh random 256-bit conversation key.
    public static func makeKey() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// Derives a conversation key from a gateway master key (HKDF-SHA256), so keys need not be stored.
    public static func conversationKey(master: SymmetricKey, conversationID: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master,
            salt: Data("thiqa.pseudonym-vault.v1".utf8),
            info: Data(conversationID.utf8),
            outputByteCount: 32
        )
    }
}
