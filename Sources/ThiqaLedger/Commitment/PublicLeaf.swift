import Crypto

/// The public leaf of the transparency log, version 2: an opaque commitment to a full record the log does not
/// publish, and a tag that only the record's tenant can recognise.
///
///     {"commitment":"<64 hex>","tag":"<32 hex>","v":2}
///
/// - `commitment` = SHA-256("thiqa/leaf-commitment/v2" ‖ 0x00 ‖ salt ‖ record), where `record` is the RFC 8785 bytes
///   of the full record and `salt` 32 random bytes kept with it. Whoever holds the record and its salt (the person
///   through their receipt, the tenant's auditor) can check the leaf; nobody else can confirm a guess about it,
///   because the salt is never published, and two identical calls give unrelated leaves. This is how CONIKS and
///   Key Transparency commit to values they do not show.
/// - `tag` = HMAC-SHA-256(tenant key, commitment), first 16 bytes. The tenant key is derived from the log's tag
///   secret and the tenant's id, and handed to that tenant's auditor, who recognises every leaf of the tenant by
///   recomputing tags while a member of the public sees random bytes that link nothing.
///
/// The leaf has no time, kind, tenant, use case, category or digest of content: what the public learns is that
/// some record was appended at that position of the log before the checkpoint that covers it.
public enum PublicLeaf {
    public static let version: Int64 = 2
    /// Every member a public leaf has: tests compare leaves against this allowlist, not against field names.
    public static let members: Set<String> = ["v", "commitment", "tag"]
    public static let saltByteCount = 32
    static let tagByteCount = 16
    static let domain = Array("thiqa/leaf-commitment/v2".utf8) + [0]

    /// 32 fresh random bytes for one record.
    public static func makeSalt() -> [UInt8] {
        // Four 64-bit words, not 32 bytes one by one: each `next()` of the system generator is a system call.
        var generator = SystemRandomNumberGenerator()
        var salt = [UInt8]()
        salt.reserveCapacity(Self.saltByteCount)
        for _ in 0..<(Self.saltByteCount / 8) {
            var word = generator.next()
            for _ in 0..<8 {
                salt.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return salt
    }

    public static func commitment(record: [UInt8], salt: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Self.domain)
        hasher.update(data: salt)
        hasher.update(data: record)
        return Array(hasher.finalize())
    }

    /// The key a tenant's auditor holds: HKDF-SHA-256 of the log's tag secret with the tenant's id as info.
    public static func tenantKey(secret: SymmetricKey, tenant: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: secret, salt: Array("thiqa/tenant-tag/v1".utf8), info: Array(tenant.utf8), outputByteCount: 32
        )
    }

    public static func tag(commitment: [UInt8], tenantKey: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: commitment, using: tenantKey).prefix(Self.tagByteCount))
    }

    /// The leaf bytes (RFC 8785) for a record.
    public static func encode(record: [UInt8], salt: [UInt8], tenantKey: SymmetricKey) throws -> [UInt8] {
        let commitment = Self.commitment(record: record, salt: salt)
        return try CanonicalJSON.encode([
            "v": .int(Self.version),
            "commitment": .string(Hex.encode(commitment)),
            "tag": .string(Hex.encode(Self.tag(commitment: commitment, tenantKey: tenantKey))),
        ])
    }

    public struct Parsed: Sendable, Equatable {
        public var commitment: [UInt8]
        public var tag: [UInt8]
    }

    /// The commitment and tag of a version-2 leaf; nil for any other leaf (version-1 leaves stay as they were).
    public static func parse(_ leaf: [UInt8]) -> Parsed? {
        guard case .object(let members)? = try? CanonicalJSON.parse(leaf), Set(members.keys) == Self.members,
            members["v"] == .int(Self.version), case .string(let commitmentHex)? = members["commitment"],
            case .string(let tagHex)? = members["tag"], let commitment = Hex.decode(commitmentHex, lowercaseOnly: true),
            let tag = Hex.decode(tagHex, lowercaseOnly: true), commitment.count == 32, tag.count == Self.tagByteCount
        else { return nil }
        return Parsed(commitment: commitment, tag: tag)
    }

    /// Whether `leaf` commits to exactly this record and salt.
    public static func commits(leaf: [UInt8], to record: [UInt8], salt: [UInt8]) -> Bool {
        guard let parsed = Self.parse(leaf) else { return false }
        return Self.constantTimeEqual(parsed.commitment, Self.commitment(record: record, salt: salt))
    }

    /// Whether `leaf` carries the tag of the tenant whose key this is.
    public static func belongs(leaf: [UInt8], tenantKey: SymmetricKey) -> Bool {
        guard let parsed = Self.parse(leaf) else { return false }
        return Self.constantTimeEqual(parsed.tag, Self.tag(commitment: parsed.commitment, tenantKey: tenantKey))
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
