/// A SHA-256 hash in a Merkle tree: exactly 32 bytes.
///
/// It is stored inline (no heap allocation), compares and hashes fast, and is `Codable` as a lowercase hexadecimal string.
public struct MerkleHash: Hashable, Sendable {
    /// The number of bytes in a hash.
    public static let byteCount = 32

    // The 32 bytes in memory order.
    private var storage: (UInt64, UInt64, UInt64, UInt64)

    /// A hash from exactly 32 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &self.storage) { raw in
            for (offset, byte) in bytes.enumerated() { raw[offset] = byte }
        }
    }

    /// A hash from 64 hexadecimal digits (either case); `nil` for anything else.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == Self.byteCount * 2, let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// Copies the first 32 bytes of `raw`, which must hold at least 32.
    init(copying raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= Self.byteCount)
        self.storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &self.storage) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<Self.byteCount]))
        }
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        self.withUnsafeBytes { Array($0) }
    }

    /// Lowercase hexadecimal, 64 characters.
    public var hex: String {
        self.withUnsafeBytes { Hex.encode($0) }
    }

    /// Calls `body` with the 32 bytes.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: self.storage, body)
    }

    public static func == (lhs: MerkleHash, rhs: MerkleHash) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1 && lhs.storage.2 == rhs.storage.2
            && lhs.storage.3 == rhs.storage.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.storage.0)
        hasher.combine(self.storage.1)
        hasher.combine(self.storage.2)
        hasher.combine(self.storage.3)
    }
}

extension MerkleHash: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = MerkleHash(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected 64 hexadecimal digits (a 32-byte SHA-256 hash)"
            )
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.hex)
    }
}

extension MerkleHash: CustomStringConvertible {
    public var description: String { self.hex }
}
