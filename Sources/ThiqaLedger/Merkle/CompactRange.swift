/// The right edge of an append-only Merkle tree: the roots of the perfect subtrees that cover leaves `[0, size)`,
/// one per set bit of `size`, largest (leftmost) first.
///
/// Appending a leaf returns every node it completes, which is what a log stores so that later proofs need only
/// O(log n) reads. The root of the current tree is the frontier folded from right to left.
public struct CompactRange: Sendable, Equatable {
    /// The number of leaves appended.
    public private(set) var size: UInt64
    /// The hashes of ``frontierNodeIDs``, left to right.
    public private(set) var frontier: [MerkleHash]

    /// An empty tree.
    public init() {
        self.size = 0
        self.frontier = []
    }

    /// Resumes a tree of `size` leaves from the hashes of its frontier nodes (``frontierNodeIDs(size:)``, left to
    /// right); `nil` when the count does not match `size`.
    public init?(size: UInt64, frontier: [MerkleHash]) {
        guard frontier.count == size.nonzeroBitCount else { return nil }
        self.size = size
        self.frontier = frontier
    }

    /// The perfect-subtree nodes whose hashes make up the frontier of a tree of `size` leaves, left to right.
    public static func frontierNodeIDs(size: UInt64) -> [NodeID] {
        NodeID.perfectSubtrees(begin: 0, end: size)
    }

    /// The nodes of the current frontier, left to right.
    public var frontierNodeIDs: [NodeID] { Self.frontierNodeIDs(size: self.size) }

    /// Appends a leaf hash and returns every perfect-subtree node completed by it: the leaf itself at level 0, then
    /// each parent it completes, from the bottom up.
    @discardableResult
    public mutating func append(_ leaf: MerkleHash) -> [(NodeID, MerkleHash)] {
        var completed: [(NodeID, MerkleHash)] = [(NodeID(level: 0, index: self.size), leaf)]
        var hash = leaf
        var level: UInt8 = 0
        var index = self.size
        while index & 1 == 1 {
            let left = self.frontier.removeLast()
            hash = RFC6962.nodeHash(left, hash)
            level += 1
            index >>= 1
            completed.append((NodeID(level: level, index: index), hash))
        }
        self.frontier.append(hash)
        self.size += 1
        return completed
    }

    /// The Merkle tree hash of the leaves appended so far (``RFC6962/emptyRoot`` when none).
    public func rootHash() -> MerkleHash {
        guard var hash = self.frontier.last else { return RFC6962.emptyRoot }
        for left in self.frontier.dropLast().reversed() {
            hash = RFC6962.nodeHash(left, hash)
        }
        return hash
    }
}
