import Crypto

/// RFC 6962 / RFC 9162 section 2.1 Merkle tree hashing with SHA-256.
///
/// The proof functions here are the reference definitions (`PATH` and `PROOF` of RFC 9162), linear in the number of
/// leaves: use them for tests and small trees. A large log answers proofs from stored perfect-subtree nodes through
/// ``ProofPlanner`` instead.
public enum RFC6962 {
    private static let leafPrefix: [UInt8] = [0x00]
    private static let nodePrefix: [UInt8] = [0x01]

    /// The leaf hash `SHA-256(0x00 || data)`.
    public static func leafHash(_ data: some Sequence<UInt8>) -> MerkleHash {
        var hasher = SHA256()
        Self.leafPrefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let contiguous: Void? = data.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if contiguous == nil {
            Array(data).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return MerkleHash(digest: hasher.finalize())
    }

    /// The interior node hash `SHA-256(0x01 || left || right)`.
    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        var hasher = SHA256()
        Self.nodePrefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        left.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        right.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return MerkleHash(digest: hasher.finalize())
    }

    /// `SHA-256(0x01 || left || right)` over raw bytes of any length, for test vectors whose children are not hashes.
    static func nodeHash(bytes left: [UInt8], _ right: [UInt8]) -> MerkleHash {
        var hasher = SHA256()
        (Self.nodePrefix + left + right).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return MerkleHash(digest: hasher.finalize())
    }

    /// The root of the empty tree, `SHA-256("")` (`e3b0c442…b855`), which is not the hash of an empty leaf.
    public static let emptyRoot: MerkleHash = MerkleHash(digest: SHA256().finalize())

    /// `MTH(D[n])` over leaf hashes, O(n).
    public static func rootHash(leafHashes: [MerkleHash]) -> MerkleHash {
        leafHashes.withUnsafeBufferPointer { Self.mth($0[...]) }
    }

    /// `PATH(m, D[n])` of RFC 9162 section 2.1.3.1 over leaf hashes, O(n).
    /// - Throws: ``MerkleProofError/indexOutOfRange(leafIndex:treeSize:)`` unless `index < size <= leafHashes.count`.
    public static func inclusionProof(index: UInt64, size: UInt64, leafHashes: [MerkleHash]) throws(MerkleProofError) -> [MerkleHash] {
        guard index < size, size <= UInt64(leafHashes.count) else {
            throw .indexOutOfRange(leafIndex: index, treeSize: size)
        }
        return leafHashes.withUnsafeBufferPointer { Self.path(Int(index), $0[0..<Int(size)]) }
    }

    /// `PROOF(m, D[n])` of RFC 9162 section 2.1.4.1 over leaf hashes, O(n); empty when `size1 == size2`.
    /// - Throws: ``MerkleProofError/invalidSizes(size1:size2:)`` unless `0 < size1 <= size2 <= leafHashes.count`.
    public static func consistencyProof(size1: UInt64, size2: UInt64, leafHashes: [MerkleHash]) throws(MerkleProofError) -> [MerkleHash] {
        guard size1 > 0, size1 <= size2, size2 <= UInt64(leafHashes.count) else {
            throw .invalidSizes(size1: size1, size2: size2)
        }
        if size1 == size2 { return [] }
        return leafHashes.withUnsafeBufferPointer { Self.subproof(Int(size1), $0[0..<Int(size2)], complete: true) }
    }

    /// The largest power of two strictly smaller than `n` (`n > 1`).
    static func splitPoint(_ n: Int) -> Int {
        precondition(n > 1)
        return 1 << (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }

    private static func mth(_ leaves: Slice<UnsafeBufferPointer<MerkleHash>>) -> MerkleHash {
        switch leaves.count {
        case 0: return Self.emptyRoot
        case 1: return leaves[leaves.startIndex]
        default:
            let k = Self.splitPoint(leaves.count) + leaves.startIndex
            return Self.nodeHash(Self.mth(leaves[leaves.startIndex..<k]), Self.mth(leaves[k...]))
        }
    }

    private static func path(_ m: Int, _ leaves: Slice<UnsafeBufferPointer<MerkleHash>>) -> [MerkleHash] {
        let n = leaves.count
        if n <= 1 { return [] }
        let k = Self.splitPoint(n)
        let split = leaves.startIndex + k
        if m < k {
            return Self.path(m, leaves[leaves.startIndex..<split]) + [Self.mth(leaves[split...])]
        }
        return Self.path(m - k, leaves[split...]) + [Self.mth(leaves[leaves.startIndex..<split])]
    }

    private static func subproof(_ m: Int, _ leaves: Slice<UnsafeBufferPointer<MerkleHash>>, complete: Bool) -> [MerkleHash] {
        let n = leaves.count
        if m == n { return complete ? [] : [Self.mth(leaves)] }
        let k = Self.splitPoint(n)
        let split = leaves.startIndex + k
        if m <= k {
            return Self.subproof(m, leaves[leaves.startIndex..<split], complete: complete) + [Self.mth(leaves[split...])]
        }
        return Self.subproof(m - k, leaves[split...], complete: false) + [Self.mth(leaves[leaves.startIndex..<split])]
    }
}

extension MerkleHash {
    init(digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { MerkleHash(copying: $0) }
    }
}
