import Crypto
import FoundationEssentials
import ThiqaCore

/// A staff credential as stored: only the SHA-256 of the token, and the principal it authenticates.
public struct StaffCredential: Sendable, Codable, Hashable {
    public var id: String
    public var principal: PrincipalID
    /// Lower-case hex SHA-256 of the whole token.
    public var tokenHash: String
    public var label: String?
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, principal: PrincipalID, tokenHash: String, label: String? = nil, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.principal = principal
        self.tokenHash = tokenHash
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { self.revokedAt != nil }
}

/// Staff tokens: `thq_staff_` + 32 random bytes in unpadded base64url (43 characters). Shown once, stored hashed.
public enum StaffToken {
    public static let prefix = "thq_staff_"
    static let encodedLength = 43

    public struct Issued: Sendable {
        /// The token to hand to the staff member once; it is not stored.
        public var token: String
        public var credential: StaffCredential
    }

    public static func issue(for principal: PrincipalID, label: String? = nil, now: Date) -> Issued {
        var generator = SystemRandomNumberGenerator()
        return Self.issue(for: principal, label: label, now: now, using: &generator)
    }

    public static func issue(for principal: PrincipalID, label: String? = nil, now: Date, using generator: inout some RandomNumberGenerator) -> Issued
    {
        var secret = [UInt8](repeating: 0, count: 32)
        for index in secret.indices { secret[index] = UInt8.random(in: 0...255, using: &generator) }
        let token = Self.prefix + Base64URL.encode(secret)
        var idBytes = [UInt8](repeating: 0, count: 9)
        for index in idBytes.indices { idBytes[index] = UInt8.random(in: 0...255, using: &generator) }
        let credential = StaffCredential(
            id: "stc_" + Base64URL.encode(idBytes),
            principal: principal,
            tokenHash: Self.hash(token),
            label: label,
            createdAt: now
        )
        return Issued(token: token, credential: credential)
    }

    /// Whether `token` has the form of a staff token (prefix, 43 base64url characters), before any lookup.
    public static func isWellFormed(_ token: some StringProtocol) -> Bool {
        guard token.hasPrefix(Self.prefix) else { return false }
        let body = token.utf8.dropFirst(Self.prefix.utf8.count)
        return body.count == Self.encodedLength && body.allSatisfy(Base64URL.isAlphabet)
    }

    public static func hash(_ token: some StringProtocol) -> String {
        SHA256.hash(data: Array(token.utf8)).hexString
    }

    /// Constant-time comparison of the presented token's hash with a stored one.
    public static func matches(_ token: some StringProtocol, hash expected: String) -> Bool {
        let actual = Array(Self.hash(token).utf8)
        let stored = Array(expected.utf8)
        guard actual.count == stored.count else { return false }
        var difference: UInt8 = 0
        for index in actual.indices { difference |= actual[index] ^ stored[index] }
        return difference == 0
    }
}

/// Staff principals and their credentials, as the registry holds them: turns a presented token into the principal
/// behind it. Pure over the values it is given; storage keeps them.
public struct StaffDirectory: Sendable {
    public private(set) var principals: [PrincipalID: StaffPrincipal]
    private var credentialsByHash: [String: StaffCredential]

    public init(principals: [StaffPrincipal], credentials: [StaffCredential]) {
        self.principals = Dictionary(principals.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.credentialsByHash = Dictionary(credentials.map { ($0.tokenHash, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The active principal a token authenticates, or nil (malformed, unknown, revoked, or principal disabled).
    public func authenticate(_ token: some StringProtocol) -> StaffPrincipal? {
        guard StaffToken.isWellFormed(token) else { return nil }
        guard let credential = self.credentialsByHash[StaffToken.hash(token)], StaffToken.matches(token, hash: credential.tokenHash),
            !credential.isRevoked, let principal = self.principals[credential.principal], principal.isActive
        else { return nil }
        return principal
    }
}

enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index + 3 <= bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            index += 3
        }
        switch bytes.count - index {
        case 1:
            let n = UInt32(bytes[index]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
        case 2:
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)]]
        default: break
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isAlphabet(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
    }
}
