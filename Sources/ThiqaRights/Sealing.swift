import Crypto
import Foundation
import ThiqaCore
import ThiqaJSON

/// Personal data at rest, sealed with AES-256-GCM under a key of its own (a subject's, or one record's), with
/// associated data that binds the ciphertext to the row it belongs to: a sealed value copied into another row,
/// another table or another subject's file does not open.
///
/// Layout, base64 in the database: one version byte (2), then AES-GCM's combined form (12-byte nonce, ciphertext,
/// 16-byte tag). Version 1 is the pseudonym vault's older format (a key derived from the vault master key), read
/// only by the migration that replaces it.
public enum Sealing {
    public static let version: UInt8 = 2

    /// The associated data of a value: its purpose, its table and its row's id, each NUL-terminated.
    public static func associatedData(table: String, rowID: String, purpose: String) -> [UInt8] {
        Array("thiqa/sealed/v2".utf8) + [0] + Array(purpose.utf8) + [0] + Array(table.utf8) + [0] + Array(rowID.utf8)
    }

    public static func seal(_ plaintext: [UInt8], key: SymmetricKey, associatedData: [UInt8]) throws -> [UInt8] {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: associatedData)
        guard let combined = box.combined else { throw SealingError.format }
        return [Self.version] + Array(combined)
    }

    public static func open(_ sealed: [UInt8], key: SymmetricKey, associatedData: [UInt8]) throws(SealingError) -> [UInt8] {
        guard sealed.count > 1 + 12 + 16, sealed.first == Self.version else { throw .format }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            return Array(try AES.GCM.open(box, using: key, authenticating: associatedData))
        } catch {
            throw .cannotOpen
        }
    }

    /// A subject's or a record's key, wrapped under the key store's master key; the key id is associated data,
    /// so a wrapped key moved to another id does not unwrap.
    public static func wrap(_ key: SymmetricKey, keyID: String, master: SymmetricKey) throws -> [UInt8] {
        let bytes = key.withUnsafeBytes { Array($0) }
        return try Self.seal(bytes, key: master, associatedData: Array("thiqa/key-wrap/v1".utf8) + [0] + Array(keyID.utf8))
    }

    public static func unwrap(_ wrapped: [UInt8], keyID: String, master: SymmetricKey) throws(SealingError) -> SymmetricKey {
        let bytes = try Self.open(wrapped, key: master, associatedData: Array("thiqa/key-wrap/v1".utf8) + [0] + Array(keyID.utf8))
        guard bytes.count == 32 else { throw .format }
        return SymmetricKey(data: bytes)
    }

    /// A fresh random 256-bit key.
    public static func makeKey() -> SymmetricKey { SymmetricKey(size: .bits256) }
}

public enum SealingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a sealed value of this version.
    case format
    /// Wrong key, wrong row, or altered: AES-GCM refused it.
    case cannotOpen
    /// The key is gone: erased (crypto-shredded) or expired.
    case keyDestroyed(keyID: String)

    public var description: String {
        switch self {
        case .format: "not a sealed value (version 2)"
        case .cannotOpen: "the sealed value does not open with this key and row"
        case .keyDestroyed(let keyID): "key \(keyID) has been destroyed: the data it sealed is unreadable"
        }
    }
}

/// Unguessable tokens: case references given to the person, request ids, key ids.
public enum RightsToken {
    /// `prefix` + `count` base62 characters (32 characters: about 190 bits).
    public static func make(prefix: String, count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + APIKeyFormat.randomString(count: count, using: &generator)
    }

    /// SHA-256 (hex) of a token: what is stored, so a copy of the database hands out nobody's case.
    public static func hash(_ token: String) -> String { Hex.encode(SHA256.hash(data: Array(token.utf8))) }

    /// Whether `token` has the form `prefix` + 32 base62 characters.
    public static func isWellFormed(_ token: String, prefix: String) -> Bool {
        token.hasPrefix(prefix) && token.utf8.count == prefix.utf8.count + 32
            && token.utf8.dropFirst(prefix.utf8.count).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }
}
