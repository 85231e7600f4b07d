/// Why a Merkle proof was rejected or could not be made, in plain words (see `description`).
public enum MerkleProofError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An inclusion proof needs `leafIndex < treeSize`.
    case indexOutOfRange(leafIndex: UInt64, treeSize: UInt64)
    /// A consistency proof needs `0 < size1 <= size2`.
    case invalidSizes(size1: UInt64, size2: UInt64)
    /// A hash that is not exactly 32 bytes.
    case wrongHashLength(field: String, byteCount: Int)
    /// The proof does not have the number of hashes this tree shape needs.
    case wrongProofSize(got: Int, want: Int)
    /// `size1 == size2` needs an empty proof.
    case nonEmptyProofForEqualSizes(count: Int)
    /// `size1 == size2` needs `root1 == root2`.
    case rootsDifferForEqualSizes
    /// The root computed from the leaf and the inclusion proof differs from the given root.
    case rootMismatch(computed: MerkleHash, expected: MerkleHash)
    /// The old root computed from the consistency proof differs from `root1`.
    case root1Mismatch(computed: MerkleHash, expected: MerkleHash)
    /// The new root computed from the consistency proof differs from `root2`.
    case root2Mismatch(computed: MerkleHash, expected: MerkleHash)
    /// Assembling a planned proof needs a stored node that was not supplied.
    case missingNode(NodeID)

    public var description: String {
        switch self {
        case .indexOutOfRange(let leafIndex, let treeSize):
            return "leaf index \(leafIndex) is not inside a tree of size \(treeSize)"
        case .invalidSizes(let size1, let size2):
            return "a consistency proof needs 0 < size1 <= size2, got size1 \(size1) and size2 \(size2)"
        case .wrongHashLength(let field, let byteCount):
            return "\(field) is \(byteCount) bytes long, a SHA-256 hash is 32"
        case .wrongProofSize(let got, let want):
            return "the proof has \(got) hashes, this tree shape needs \(want)"
        case .nonEmptyProofForEqualSizes(let count):
            return "the sizes are equal, so the proof must be empty, but it has \(count) hashes"
        case .rootsDifferForEqualSizes:
            return "the sizes are equal but the two roots differ"
        case .rootMismatch(let computed, let expected):
            return "the proof leads to root \(computed.hex), not to the expected root \(expected.hex)"
        case .root1Mismatch(let computed, let expected):
            return "the proof leads to old root \(computed.hex), not to root1 \(expected.hex)"
        case .root2Mismatch(let computed, let expected):
            return "the proof leads to new root \(computed.hex), not to root2 \(expected.hex)"
        case .missingNode(let node):
            return "stored node at level \(node.level), index \(node.index) was not supplied"
        }
    }
}
