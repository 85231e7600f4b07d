import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Rules shared by signers and verifiers of c2sp.org/signed-note.
enum NoteKeys {
    /// The signature type byte for Ed25519.
    static let ed25519: UInt8 = 0x01

    /// A key name is non-empty UTF-8 with no Unicode whitespace and no `+`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" }
    }

    /// The key ID: the first four bytes, big-endian, of SHA-256(name || 0x0A || type || public key).
    static func keyID(name: String, typeAndKey: [UInt8]) -> UInt32 {
        var hasher = SHA256()
        let prefix = Array(name.utf8) + [0x0a] + typeAndKey
        prefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = Array(hasher.finalize())
        return UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
    }

    static func parseKeyIDHex(_ text: Substring) -> UInt32? {
        guard text.utf8.count == 8, let bytes = Hex.decode(text, lowercaseOnly: false) else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// Signs notes with an Ed25519 key under a name (c2sp.org/signed-note).
public struct NoteSigner: Sendable {
    /// The key name, which verifiers look up together with ``keyID``.
    public let name: String
    /// The key ID: SHA-256(name || 0x0A || 0x01 || public key)[0..<4], big-endian.
    public let keyID: UInt32
    private let privateKey: Curve25519.Signing.PrivateKey

    /// A signer for `name`, which must be a valid key name (non-empty, no whitespace, no `+`).
    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws(NoteError) {
        guard NoteKeys.isValidName(name) else { throw .invalidName(name) }
        self.name = name
        self.privateKey = privateKey
        self.keyID = NoteKeys.keyID(name: name, typeAndKey: [NoteKeys.ed25519] + Array(privateKey.publicKey.rawRepresentation))
    }

    /// A signer for `name` with a new random Ed25519 key (keep its ``secretKey`` to sign again later).
    public static func generate(name: String) throws(NoteError) -> NoteSigner {
        try NoteSigner(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }

    /// A signer from a Go-style private key string `PRIVATE+KEY+name+keyid+base64(0x01 || 32-byte seed)`.
    public init(secretKey: String) throws(NoteError) {
        let prefix = "PRIVATE+KEY+"
        guard secretKey.hasPrefix(prefix) else { throw .malformedKey("a private key starts with PRIVATE+KEY+") }
        let parts = secretKey.dropFirst(prefix.count).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedKey("expected PRIVATE+KEY+name+keyid+key") }
        guard let keyID = NoteKeys.parseKeyIDHex(parts[1]) else { throw .malformedKey("the key ID is not 8 hexadecimal digits") }
        guard let raw = Base64.decode(parts[2]), raw.count == 33, raw[0] == NoteKeys.ed25519 else {
            throw .malformedKey("the key is not base64 of 0x01 and a 32-byte Ed25519 seed")
        }
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw[1...])
        } catch {
            throw .malformedKey("not an Ed25519 private key")
        }
        try self.init(name: String(parts[0]), privateKey: key)
        guard self.keyID == keyID else { throw .malformedKey("the key ID does not match the name and key") }
    }

    /// The verifier key string `name+keyid+base64(0x01 || public key)`, which ``NoteVerifier`` reads and
    /// `thiqa log public-key` prints.
    public var verifierKey: String {
        let key = Base64.encode([NoteKeys.ed25519] + Array(self.privateKey.publicKey.rawRepresentation))
        return "\(self.name)+\(NoteSignature.keyIDHex(self.keyID))+\(key)"
    }

    /// The private key string `PRIVATE+KEY+name+keyid+base64(0x01 || seed)`, to keep outside the database.
    public var secretKey: String {
        let key = Base64.encode([NoteKeys.ed25519] + Array(self.privateKey.rawRepresentation))
        return "PRIVATE+KEY+\(self.name)+\(NoteSignature.keyIDHex(self.keyID))+\(key)"
    }

    /// A verifier for this signer's public key.
    public var verifier: NoteVerifier {
        // The verifier key this signer prints always parses.
        NoteVerifier(name: self.name, keyID: self.keyID, publicKey: self.privateKey.publicKey)
    }

    /// The Ed25519 signature over `message` (deterministic, RFC 8032).
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        Array(try self.privateKey.signature(for: message))
    }

    /// The signature line for `text`, without the trailing newline: `— name base64(keyid || signature)`.
    public func signatureLine(_ text: String) throws -> String {
        let signature = try self.signature(for: Array(text.utf8))
        return "\u{2014} \(self.name) \(Base64.encode(Self.keyIDBytes(self.keyID) + signature))"
    }

    /// The signed note: `text`, a blank line and this signer's signature line.
    /// - Throws: ``NoteError/malformedText`` unless `text` ends with a newline and holds no control characters
    ///   other than newline.
    public func sign(_ text: String) throws -> String {
        guard SignedNote.isValidText(Array(text.utf8)) else { throw NoteError.malformedText }
        return text + "\n" + (try self.signatureLine(text)) + "\n"
    }

    static func keyIDBytes(_ keyID: UInt32) -> [UInt8] {
        [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xff), UInt8(keyID >> 8 & 0xff), UInt8(keyID & 0xff)]
    }
}

/// Verifies Ed25519 note signatures for one key name and key ID.
public struct NoteVerifier: Sendable {
    public let name: String
    public let keyID: UInt32
    public let publicKey: Curve25519.Signing.PublicKey

    init(name: String, keyID: UInt32, publicKey: Curve25519.Signing.PublicKey) {
        self.name = name
        self.keyID = keyID
        self.publicKey = publicKey
    }

    /// Parses a verifier key `name+keyid+base64(0x01 || 32-byte public key)`, checking that the key ID is the one
    /// computed from the name and key.
    public init(verifierKey: String) throws(NoteError) {
        let parts = verifierKey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedKey("expected name+keyid+key") }
        let name = String(parts[0])
        guard NoteKeys.isValidName(name) else { throw .invalidName(name) }
        guard let keyID = NoteKeys.parseKeyIDHex(parts[1]) else { throw .malformedKey("the key ID is not 8 hexadecimal digits") }
        guard let raw = Base64.decode(parts[2]), !raw.isEmpty else { throw .malformedKey("the key is not base64") }
        guard raw[0] == NoteKeys.ed25519 else { throw .malformedKey("unknown signature type \(raw[0])") }
        guard raw.count == 33 else { throw .malformedKey("an Ed25519 public key is 32 bytes") }
        guard NoteKeys.keyID(name: name, typeAndKey: raw) == keyID else {
            throw .malformedKey("the key ID does not match the name and key")
        }
        let publicKey: Curve25519.Signing.PublicKey
        do {
            publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: raw[1...])
        } catch {
            throw .malformedKey("not an Ed25519 public key")
        }
        self.init(name: name, keyID: keyID, publicKey: publicKey)
    }

    /// The 32-byte Ed25519 public key.
    public var publicKeyBytes: [UInt8] { Array(self.publicKey.rawRepresentation) }

    /// The verifier key string.
    public var verifierKey: String {
        "\(self.name)+\(NoteSignature.keyIDHex(self.keyID))+\(Base64.encode([NoteKeys.ed25519] + Array(self.publicKey.rawRepresentation)))"
    }

    /// Whether `signature` is this key's Ed25519 signature over `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        self.publicKey.isValidSignature(signature, for: message)
    }
}
