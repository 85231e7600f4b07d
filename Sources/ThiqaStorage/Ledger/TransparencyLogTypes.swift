import ThiqaLedger

/// One leaf of the transparency log as stored.
public struct LogEntry: Sendable, Equatable {
    public var index: UInt64
    public var leafHash: MerkleHash
    /// The leaf data (canonical JSON for interaction leaves).
    public var data: [UInt8]

    public init(index: UInt64, leafHash: MerkleHash, data: [UInt8]) {
        self.index = index
        self.leafHash = leafHash
        self.data = data
    }
}

/// An inclusion proof with everything needed to check it against a checkpoint.
public struct LogInclusionProof: Sendable, Equatable {
    public var leafIndex: UInt64
    public var treeSize: UInt64
    public var leafHash: MerkleHash
    public var rootHash: MerkleHash
    public var proof: [MerkleHash]

    /// The proof as the JSON document `thiqa log verify-proof` accepts (`"kind":"inclusion"`).
    public var document: [UInt8] {
        ProofDocument.inclusion(leafIndex: self.leafIndex, treeSize: self.treeSize, leafHash: self.leafHash, rootHash: self.rootHash, proof: self.proof)
    }
}

/// A consistency proof between two tree sizes, with both roots.
public struct LogConsistencyProof: Sendable, Equatable {
    public var size1: UInt64
    public var size2: UInt64
    public var root1: MerkleHash
    public var root2: MerkleHash
    public var proof: [MerkleHash]

    /// The proof as the JSON document `thiqa log verify-proof` accepts (`"kind":"consistency"`).
    public var document: [UInt8] {
        ProofDocument.consistency(size1: self.size1, size2: self.size2, root1: self.root1, root2: self.root2, proof: self.proof)
    }
}

/// A signed checkpoint as stored: the C2SP signed note and the size and root it commits to.
public struct StoredCheckpoint: Sendable, Equatable {
    public var size: UInt64
    public var rootHash: MerkleHash
    /// The signed note (c2sp.org/signed-note around a c2sp.org/tlog-checkpoint body).
    public var note: String
    public var createdAtMs: Int64

    public init(size: UInt64, rootHash: MerkleHash, note: String, createdAtMs: Int64) {
        self.size = size
        self.rootHash = rootHash
        self.note = note
        self.createdAtMs = createdAtMs
    }
}

/// Why the log cannot answer, in words an auditor or operator can act on.
public enum TransparencyLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A tree size beyond the current log was asked for.
    case treeSizeTooLarge(requested: UInt64, size: UInt64)
    /// A leaf index at or beyond the tree size.
    case indexOutOfRange(index: UInt64, treeSize: UInt64)
    /// Consistency needs `0 < size1 <= size2`.
    case invalidSizes(size1: UInt64, size2: UInt64)
    /// No leaf with this hash in the tree of the given size.
    case leafHashNotFound(MerkleHash, treeSize: UInt64)
    /// A leaf that the database cannot hold as text.
    case leafNotUTF8(position: Int)
    /// The stored log is not what the writer left (missing state row, bad frontier, missing node).
    case corrupt(String)

    public var description: String {
        switch self {
        case .treeSizeTooLarge(let requested, let size):
            return "tree size \(requested) is larger than the log (\(size) entries)"
        case .indexOutOfRange(let index, let treeSize):
            return "leaf index \(index) is not in the tree of size \(treeSize)"
        case .invalidSizes(let size1, let size2):
            return "a consistency proof needs 0 < first <= second, got first \(size1) and second \(size2)"
        case .leafHashNotFound(let hash, let treeSize):
            return "no leaf with hash \(hash.hex) in the tree of size \(treeSize)"
        case .leafNotUTF8(let position):
            return "leaf \(position) of the batch is not UTF-8 text"
        case .corrupt(let reason):
            return "the stored transparency log is damaged: \(reason)"
        }
    }
}
