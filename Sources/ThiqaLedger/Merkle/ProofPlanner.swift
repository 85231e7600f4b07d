/// Which stored perfect-subtree nodes a proof or root needs, and how to put the proof together from them.
///
/// Each proof element is the Merkle tree hash of a range of leaves. A range inside the tree is a perfect subtree,
/// one stored node; a range at the right edge of a tree whose size is not a power of two is "ephemeral" and is
/// folded from right to left from the perfect subtrees that cover it. This follows transparency-dev/merkle's
/// `proof.Nodes` with its ephemeral nodes rehashed.
public struct ProofPlan: Sendable, Equatable {
    /// The distinct nodes the storage must fetch.
    public let nodeIDs: [NodeID]
    /// The proof elements in order, each as the nodes whose hashes, folded right to left, give it.
    public let elements: [[NodeID]]

    init(elements: [[NodeID]]) {
        self.elements = elements
        var seen = Set<NodeID>()
        var ids: [NodeID] = []
        for element in elements {
            for node in element where seen.insert(node).inserted {
                ids.append(node)
            }
        }
        self.nodeIDs = ids
    }

    /// The proof (or, for ``ProofPlanner/rootHash(treeSize:)``, the one-element root) from the fetched nodes.
    /// - Throws: ``MerkleProofError/missingNode(_:)`` when a needed node is not in `fetched`.
    public func assemble(_ fetched: [NodeID: MerkleHash]) throws(MerkleProofError) -> [MerkleHash] {
        try self.assemble { fetched[$0] }
    }

    /// The proof from a lookup function, for storage that keeps fetched nodes in another shape.
    public func assemble(_ lookup: (NodeID) -> MerkleHash?) throws(MerkleProofError) -> [MerkleHash] {
        var out: [MerkleHash] = []
        out.reserveCapacity(self.elements.count)
        for element in self.elements {
            guard let last = element.last else {
                out.append(RFC6962.emptyRoot)
                continue
            }
            guard var hash = lookup(last) else { throw .missingNode(last) }
            for node in element.dropLast().reversed() {
                guard let left = lookup(node) else { throw .missingNode(node) }
                hash = RFC6962.nodeHash(left, hash)
            }
            out.append(hash)
        }
        return out
    }
}

/// Plans proofs and roots for a tree of any size from stored perfect-subtree nodes, O(log n) nodes each.
public enum ProofPlanner {
    /// The inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves (RFC 9162 `PATH`).
    public static func inclusion(leafIndex: UInt64, treeSize: UInt64) throws(MerkleProofError) -> ProofPlan {
        guard leafIndex < treeSize else { throw .indexOutOfRange(leafIndex: leafIndex, treeSize: treeSize) }
        // Walk PATH(m, D[lo:hi]) top-down; elements come out root-first, the proof lists them leaf-first.
        var ranges: [(UInt64, UInt64)] = []
        var lo: UInt64 = 0
        var hi = treeSize
        var m = leafIndex
        while hi - lo > 1 {
            let k = Self.splitPoint(hi - lo)
            if m < k {
                ranges.append((lo + k, hi))
                hi = lo + k
            } else {
                ranges.append((lo, lo + k))
                lo += k
                m -= k
            }
        }
        return ProofPlan(elements: ranges.reversed().map { NodeID.perfectSubtrees(begin: $0.0, end: $0.1) })
    }

    /// The consistency proof from the tree of `size1` leaves to the tree of `size2` leaves (RFC 9162 `PROOF`);
    /// empty when the sizes are equal.
    public static func consistency(size1: UInt64, size2: UInt64) throws(MerkleProofError) -> ProofPlan {
        guard size1 > 0, size1 <= size2 else { throw .invalidSizes(size1: size1, size2: size2) }
        var ranges: [(UInt64, UInt64)] = []
        var lo: UInt64 = 0
        var hi = size2
        var m = size1
        var complete = true
        // SUBPROOF(m, D[lo:hi], complete), walked top-down.
        while m != hi - lo {
            let k = Self.splitPoint(hi - lo)
            if m <= k {
                ranges.append((lo + k, hi))
                hi = lo + k
            } else {
                ranges.append((lo, lo + k))
                lo += k
                m -= k
                complete = false
            }
        }
        if !complete { ranges.append((lo, hi)) }
        return ProofPlan(elements: ranges.reversed().map { NodeID.perfectSubtrees(begin: $0.0, end: $0.1) })
    }

    /// The root of the tree of `treeSize` leaves as a one-element plan (``RFC6962/emptyRoot`` for size 0).
    public static func rootHash(treeSize: UInt64) -> ProofPlan {
        ProofPlan(elements: [NodeID.perfectSubtrees(begin: 0, end: treeSize)])
    }

    /// The largest power of two strictly smaller than `n` (`n > 1`).
    private static func splitPoint(_ n: UInt64) -> UInt64 {
        1 << UInt64(UInt64.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }
}
