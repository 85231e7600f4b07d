/// A node of the Merkle tree that is the root of a complete (perfect) subtree: the hash over the `2^level` leaves
/// `[index << level, (index + 1) << level)`. Level 0 nodes are the leaf hashes.
///
/// Every such node, once its last leaf is appended, never changes, so a log stores them and answers any proof or
/// root from O(log n) of them (see ``ProofPlanner``).
public struct NodeID: Hashable, Sendable, Codable, CustomStringConvertible {
    public var level: UInt8
    public var index: UInt64

    public init(level: UInt8, index: UInt64) {
        self.level = level
        self.index = index
    }

    /// The first leaf this node covers.
    public var firstLeaf: UInt64 { self.index << UInt64(self.level) }

    /// One past the last leaf this node covers.
    public var endLeaf: UInt64 { (self.index + 1) << UInt64(self.level) }

    public var description: String { "(\(self.level), \(self.index))" }

    /// The perfect subtrees that cover `[begin, end)`, left to right, each as large as alignment allows.
    ///
    /// For the ranges a Merkle tree of any size is made of (a perfect subtree, or a range that ends at the tree size
    /// and starts at a multiple of a power of two at least as large as itself), the Merkle tree hash of the range is
    /// these nodes' hashes folded from right to left.
    public static func perfectSubtrees(begin: UInt64, end: UInt64) -> [NodeID] {
        precondition(begin <= end)
        var nodes: [NodeID] = []
        var start = begin
        while start < end {
            var level = start == 0 ? 63 : start.trailingZeroBitCount
            let remaining = end - start
            let fit = UInt64.bitWidth - 1 - remaining.leadingZeroBitCount
            level = min(level, fit)
            nodes.append(NodeID(level: UInt8(level), index: start >> UInt64(level)))
            start += 1 << UInt64(level)
        }
        return nodes
    }
}
