/// Verification of RFC 9162 inclusion and consistency proofs (sections 2.1.3.2 and 2.1.4.2).
///
/// Conventions, as in transparency-dev/merkle: inclusion needs `leafIndex < treeSize`; consistency needs
/// `0 < size1 <= size2`, and when `size1 == size2` the proof must be empty and the roots equal.
///
/// Strict length rule: every hash (leaf hash, roots, proof elements) must be exactly 32 bytes. The ``MerkleHash``
/// overloads get this from the type; the `[UInt8]` overloads, for input that has not been checked yet, reject any
/// other length with ``MerkleProofError/wrongHashLength(field:byteCount:)``. So two equal 12-byte "roots" with
/// `size1 == size2` are rejected, where Go's verifier, which only compares bytes, accepts them.
///
/// A proof must also have exactly the number of hashes its tree shape needs; a longer or shorter one is rejected
/// before any hashing.
public enum MerkleVerifier {
    /// Succeeds when `proof` shows that `leafHash` is leaf `leafIndex` of the tree of `treeSize` leaves with `root`.
    public static func verifyInclusion(
        leafIndex: UInt64,
        treeSize: UInt64,
        leafHash: MerkleHash,
        proof: [MerkleHash],
        root: MerkleHash
    ) throws(MerkleProofError) {
        let computed = try Self.rootFromInclusionProof(leafIndex: leafIndex, treeSize: treeSize, leafHash: leafHash, proof: proof)
        guard computed == root else { throw .rootMismatch(computed: computed, expected: root) }
    }

    /// ``verifyInclusion(leafIndex:treeSize:leafHash:proof:root:)`` for unchecked bytes, with the strict 32-byte rule.
    public static func verifyInclusion(
        leafIndex: UInt64,
        treeSize: UInt64,
        leafHash: [UInt8],
        proof: [[UInt8]],
        root: [UInt8]
    ) throws(MerkleProofError) {
        let leaf = try Self.hash(leafHash, field: "leaf hash")
        let rootHash = try Self.hash(root, field: "root")
        let path = try Self.hashes(proof)
        try Self.verifyInclusion(leafIndex: leafIndex, treeSize: treeSize, leafHash: leaf, proof: path, root: rootHash)
    }

    /// The root that an inclusion proof leads to (RFC 9162 section 2.1.3.2 without the final comparison).
    public static func rootFromInclusionProof(
        leafIndex: UInt64,
        treeSize: UInt64,
        leafHash: MerkleHash,
        proof: [MerkleHash]
    ) throws(MerkleProofError) -> MerkleHash {
        guard leafIndex < treeSize else { throw .indexOutOfRange(leafIndex: leafIndex, treeSize: treeSize) }
        let want = Self.inclusionProofSize(leafIndex: leafIndex, treeSize: treeSize)
        guard proof.count == want else { throw .wrongProofSize(got: proof.count, want: want) }
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else { throw .wrongProofSize(got: proof.count, want: want) }
            if fn & 1 == 1 || fn == sn {
                r = RFC6962.nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = RFC6962.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .wrongProofSize(got: proof.count, want: want) }
        return r
    }

    /// Succeeds when `proof` shows that the tree of `size1` leaves with `root1` is a prefix of the tree of `size2`
    /// leaves with `root2`.
    public static func verifyConsistency(
        size1: UInt64,
        size2: UInt64,
        root1: MerkleHash,
        root2: MerkleHash,
        proof: [MerkleHash]
    ) throws(MerkleProofError) {
        guard size1 > 0, size1 <= size2 else { throw .invalidSizes(size1: size1, size2: size2) }
        if size1 == size2 {
            guard proof.isEmpty else { throw .nonEmptyProofForEqualSizes(count: proof.count) }
            guard root1 == root2 else { throw .rootsDifferForEqualSizes }
            return
        }
        let want = Self.consistencyProofSize(size1: size1, size2: size2)
        guard proof.count == want else { throw .wrongProofSize(got: proof.count, want: want) }

        // RFC 9162 section 2.1.4.2.
        var path = proof
        if size1 & (size1 - 1) == 0 { path.insert(root1, at: 0) }
        var fn = size1 - 1
        var sn = size2 - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else { throw .wrongProofSize(got: proof.count, want: want) }
            if fn & 1 == 1 || fn == sn {
                fr = RFC6962.nodeHash(c, fr)
                sr = RFC6962.nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = RFC6962.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .wrongProofSize(got: proof.count, want: want) }
        guard fr == root1 else { throw .root1Mismatch(computed: fr, expected: root1) }
        guard sr == root2 else { throw .root2Mismatch(computed: sr, expected: root2) }
    }

    /// ``verifyConsistency(size1:size2:root1:root2:proof:)`` for unchecked bytes, with the strict 32-byte rule.
    public static func verifyConsistency(
        size1: UInt64,
        size2: UInt64,
        root1: [UInt8],
        root2: [UInt8],
        proof: [[UInt8]]
    ) throws(MerkleProofError) {
        let first = try Self.hash(root1, field: "root1")
        let second = try Self.hash(root2, field: "root2")
        let path = try Self.hashes(proof)
        try Self.verifyConsistency(size1: size1, size2: size2, root1: first, root2: second, proof: path)
    }

    /// The number of hashes in the inclusion proof for `leafIndex < treeSize`.
    public static func inclusionProofSize(leafIndex: UInt64, treeSize: UInt64) -> Int {
        precondition(leafIndex < treeSize)
        let inner = UInt64.bitWidth - (leafIndex ^ (treeSize - 1)).leadingZeroBitCount
        let border = inner >= UInt64.bitWidth ? 0 : (leafIndex >> UInt64(inner)).nonzeroBitCount
        return inner + border
    }

    /// The number of hashes in the consistency proof for `0 < size1 <= size2`.
    public static func consistencyProofSize(size1: UInt64, size2: UInt64) -> Int {
        precondition(size1 > 0 && size1 <= size2)
        if size1 == size2 { return 0 }
        let index = size1 - 1
        let inner = UInt64.bitWidth - (index ^ (size2 - 1)).leadingZeroBitCount
        let border = (index >> UInt64(inner)).nonzeroBitCount
        let shift = size1.trailingZeroBitCount
        let start = size1 == 1 << UInt64(shift) ? 0 : 1
        return start + inner - shift + border
    }

    private static func hash(_ bytes: [UInt8], field: String) throws(MerkleProofError) -> MerkleHash {
        guard let hash = MerkleHash(bytes: bytes) else { throw .wrongHashLength(field: field, byteCount: bytes.count) }
        return hash
    }

    private static func hashes(_ proof: [[UInt8]]) throws(MerkleProofError) -> [MerkleHash] {
        var out: [MerkleHash] = []
        out.reserveCapacity(proof.count)
        for (index, element) in proof.enumerated() {
            out.append(try Self.hash(element, field: "proof[\(index)]"))
        }
        return out
    }
}
