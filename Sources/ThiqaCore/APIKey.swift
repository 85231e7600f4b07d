import Crypto
import FoundationEssentials
import ThiqaJSON

/// A stored API key. Only the SHA-256 of the secret is kept; the key itself is shown once.
public struct APIKeyRecord: Sendable, Codable, Equatable {
    /// Public identifier, part of the key itself (`thq_<id>_<secret>`), used to look the key up.
    public var id: String
    public var secretHash: String
    public var tenant: TenantID
    public var useCase: UseCaseID
    public var label: String?
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, secretHash: String, tenant: TenantID, useCase: UseCaseID, label: String? = nil, createdAt: Date = Date(), revokedAt: Date? = nil) {
        self.id = id
        self.secretHash = secretHash
        self.tenant = tenant
        self.useCase = useCase
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// Issues and checks API keys of the form `thq_<12 chars id>_<32 chars secret>` (base62).
public enum APIKeyFormat {
    public static let prefix = "thq_"
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    public struct Issued: Sendable {
        public var key: String
        public var record: APIKeyRecord
    }

    public static func issue(tenant: TenantID, useCase: UseCaseID, label: String? = nil, now: Date = Date()) -> Issued {
        var generator = SystemRandomNumberGenerator()
        let id = randomString(count: 12, using: &generator)
        let secret = randomString(count: 32, using: &generator)
        let record = APIKeyRecord(id: id, secretHash: hash(secret: secret), tenant: tenant, useCase: useCase, label: label, createdAt: now)
        return Issued(key: "\(prefix)\(id)_\(secret)", record: record)
    }

    /// Splits a presented key into id and secret, or nil when it is not of the expected form.
    public static func parse(_ key: Substring) -> (id: Substring, secret: Substring)? {
        let utf8 = key.utf8
        guard utf8.count == prefix.utf8.count + 12 + 1 + 32, key.hasPrefix(prefix) else { return nil }
        let idStart = key.index(key.startIndex, offsetBy: prefix.count)
        let idEnd = key.index(idStart, offsetBy: 12)
        guard key[idEnd] == "_" else { return nil }
        let id = key[idStart..<idEnd]
        let secret = key[key.index(after: idEnd)...]
        guard id.utf8.allSatisfy(isBase62), secret.utf8.allSatisfy(isBase62) else { return nil }
        return (id, secret)
    }

    public static func hash(secret: some StringProtocol) -> String {
        SHA256.hash(data: Array(secret.utf8)).hexString
    }

    /// Constant-time comparison so a wrong secret takes as long as a nearly right one.
    public static func matches(secret: some StringProtocol, hash expected: String) -> Bool {
        let actual = Array(hash(secret: secret).utf8)
        let expectedBytes = Array(expected.utf8)
        guard actual.count == expectedBytes.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<actual.count { difference |= actual[i] ^ expectedBytes[i] }
        return difference == 0
    }

    static func isBase62(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Uniform base62 characters from 64-bit random words, eight characters' worth a word: the system generator
    /// is a `getrandom` call per `next()`, and one per character cost ~3 % of a gateway call (perf, make bench).
    public static func randomString(count: Int, using generator: inout some RandomNumberGenerator) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        while bytes.count < count {
            var word = generator.next()
            for _ in 0..<8 where bytes.count < count {
                let byte = UInt8(truncatingIfNeeded: word)
                word >>= 8
                // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
                if byte < 248 { bytes.append(alphabet[Int(byte % 62)]) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Sequence where Element == UInt8 {
    /// Lowercase hexadecimal.
    public var hexString: String { Hex.encode(self) }
}
