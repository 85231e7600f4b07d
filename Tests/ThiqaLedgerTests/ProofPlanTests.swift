import Testing

@testable import ThiqaLedger

/// ProofPlanner and CompactRange against the reference definitions: every size up to 64 exhaustively, and random
/// sizes up to 10^7 over a synthetic leaf set whose perfect-subtree hashes are computed lazily.
@Suite("Proof planner and compact range")
struct ProofPlanTests {
    /// Every perfect-subtree node of the tree over `leaves`, as CompactRange emits them while appending.
    static func storedNodes(_ leaves: [MerkleHash]) -> [NodeID: MerkleHash] {
        var range = CompactRange()
        var nodes: [NodeID: MerkleHash] = [:]
        for leaf in leaves {
            for (id, hash) in range.append(leaf) where nodes.updateValue(hash, forKey: id) != nil {
                Issue.record("node \(id) emitted twice")
            }
        }
        return nodes
    }

    static func plannedRoot(leaves: [MerkleHash], size: UInt64) throws -> MerkleHash {
        let nodes = Self.storedNodes(Array(leaves.prefix(Int(size))))
        return try ProofPlanner.rootHash(treeSize: size).assemble(nodes)[0]
    }

    static func plannedInclusion(leaves: [MerkleHash], index: UInt64, size: UInt64) throws -> [MerkleHash] {
        let nodes = Self.storedNodes(Array(leaves.prefix(Int(size))))
        return try ProofPlanner.inclusion(leafIndex: index, treeSize: size).assemble(nodes)
    }

    static func plannedConsistency(leaves: [MerkleHash], size1: UInt64, size2: UInt64) throws -> [MerkleHash] {
        let nodes = Self.storedNodes(Array(leaves.prefix(Int(size2))))
        return try ProofPlanner.consistency(size1: size1, size2: size2).assemble(nodes)
    }

    @Test func everySizeUpTo64() throws {
        let all = (0..<64).map { TestVectors.syntheticLeaf(UInt64($0)) }
        var range = CompactRange()
        var nodes: [NodeID: MerkleHash] = [:]
        #expect(range.rootHash() == RFC6962.emptyRoot)
        #expect(try ProofPlanner.rootHash(treeSize: 0).assemble([:]) == [RFC6962.emptyRoot])
        for size in 1...UInt64(64) {
            let leaves = Array(all.prefix(Int(size)))
            let completed = range.append(leaves.last!)
            #expect(completed.first?.0 == NodeID(level: 0, index: size - 1))
            #expect(completed.count == (size - 1).trailingZeroBitCount(ofOnes: ()) + 1)
            for (id, hash) in completed {
                nodes[id] = hash
                // A stored node is the root of its perfect subtree.
                #expect(hash == RFC6962.rootHash(leafHashes: Array(leaves[Int(id.firstLeaf)..<Int(id.endLeaf)])))
            }
            let root = RFC6962.rootHash(leafHashes: leaves)
            #expect(range.size == size)
            #expect(range.rootHash() == root)
            #expect(range.frontier.count == size.nonzeroBitCount)
            #expect(range.frontier.map(Optional.some) == range.frontierNodeIDs.map { nodes[$0] })
            #expect(CompactRange(size: size, frontier: range.frontier) == range)
            let rootPlan = ProofPlanner.rootHash(treeSize: size)
            #expect(rootPlan.nodeIDs.count == size.nonzeroBitCount)
            #expect(try rootPlan.assemble(nodes) == [root])

            for index in 0..<size {
                let plan = try ProofPlanner.inclusion(leafIndex: index, treeSize: size)
                let proof = try plan.assemble(nodes)
                #expect(proof == (try RFC6962.inclusionProof(index: index, size: size, leafHashes: leaves)), "inclusion \(index) in \(size)")
                #expect(proof.count == MerkleVerifier.inclusionProofSize(leafIndex: index, treeSize: size))
                #expect(plan.nodeIDs.count <= 2 * 64)
                #expect(throws: Never.self) {
                    try MerkleVerifier.verifyInclusion(leafIndex: index, treeSize: size, leafHash: leaves[Int(index)], proof: proof, root: root)
                }
            }
            for size1 in 1...size {
                let plan = try ProofPlanner.consistency(size1: size1, size2: size)
                let proof = try plan.assemble(nodes)
                #expect(proof == (try RFC6962.consistencyProof(size1: size1, size2: size, leafHashes: leaves)), "consistency \(size1) to \(size)")
                #expect(proof.count == MerkleVerifier.consistencyProofSize(size1: size1, size2: size))
                let root1 = RFC6962.rootHash(leafHashes: Array(leaves.prefix(Int(size1))))
                #expect(throws: Never.self) {
                    try MerkleVerifier.verifyConsistency(size1: size1, size2: size, root1: root1, root2: root, proof: proof)
                }
            }
        }
    }

    @Test func plannerRejectsBadArguments() throws {
        #expect(throws: MerkleProofError.indexOutOfRange(leafIndex: 5, treeSize: 5)) { try ProofPlanner.inclusion(leafIndex: 5, treeSize: 5) }
        #expect(throws: MerkleProofError.indexOutOfRange(leafIndex: 0, treeSize: 0)) { try ProofPlanner.inclusion(leafIndex: 0, treeSize: 0) }
        #expect(throws: MerkleProofError.invalidSizes(size1: 0, size2: 5)) { try ProofPlanner.consistency(size1: 0, size2: 5) }
        #expect(throws: MerkleProofError.invalidSizes(size1: 6, size2: 5)) { try ProofPlanner.consistency(size1: 6, size2: 5) }
        #expect((try? ProofPlanner.consistency(size1: 5, size2: 5))?.nodeIDs == [])
        let plan = try ProofPlanner.inclusion(leafIndex: 2, treeSize: 7)
        #expect(throws: MerkleProofError.missingNode(plan.nodeIDs[0])) { try plan.assemble([:]) }
        #expect(CompactRange(size: 3, frontier: [RFC6962.emptyRoot]) == nil)
    }

    /// Hash-level check at sizes up to 10^7. Hashing all 10^7 synthetic leaves takes most of a minute in a debug
    /// build, so the tree is synthetic leaf i (8-byte BE i) inside windows around every index the case touches
    /// (each tested leaf, each size1 boundary, the right edge) and leaf i mod 1024 elsewhere, which makes every
    /// node outside the windows a function of its level alone. It is still a genuine Merkle tree over a definite
    /// leaf set, so planned proofs must equal the RFC reference and verify against the planned root.
    @Test(arguments: ProofPlanTests.largeSizes)
    func largeSize(_ size: UInt64) throws {
        var random = SplitMix64(state: size)
        var indices: [UInt64] = [0, size - 1, size / 2]
        for _ in 0..<6 { indices.append(UInt64.random(in: 0..<size, using: &random)) }
        var firstSizes: [UInt64] = [1, size, size - 1, 1 << UInt64(63 - size.leadingZeroBitCount)]
        for _ in 0..<6 { firstSizes.append(UInt64.random(in: 1...size, using: &random)) }
        let around: (UInt64) -> Range<UInt64> = { ($0 >= 128 ? $0 - 128 : 0)..<($0 + 128) }
        var oracle = SyntheticTree(windows: indices.map(around) + firstSizes.map(around) + [around(size), around(size + 32)])

        let root = try oracle.assemble(ProofPlanner.rootHash(treeSize: size))[0]
        #expect(root == oracle.referenceRoot(0, size), "root of \(size)")

        for index in indices {
            let plan = try ProofPlanner.inclusion(leafIndex: index, treeSize: size)
            #expect(plan.nodeIDs.count <= 2 * 64, "O(log n) nodes")
            let proof = try oracle.assemble(plan)
            #expect(proof == oracle.referencePath(index, 0, size), "inclusion \(index) in \(size)")
            #expect(throws: Never.self) {
                try MerkleVerifier.verifyInclusion(leafIndex: index, treeSize: size, leafHash: oracle.leaf(index), proof: proof, root: root)
            }
        }
        for size1 in firstSizes {
            let plan = try ProofPlanner.consistency(size1: size1, size2: size)
            let proof = try oracle.assemble(plan)
            let want = size1 == size ? [] : oracle.referenceSubproof(size1, 0, size, complete: true)
            #expect(proof == want, "consistency \(size1) to \(size)")
            let root1 = oracle.referenceRoot(0, size1)
            #expect(throws: Never.self) {
                try MerkleVerifier.verifyConsistency(size1: size1, size2: size, root1: root1, root2: root, proof: proof)
            }
        }

        // Resume a compact range at this size from stored nodes and keep appending.
        let frontier = CompactRange.frontierNodeIDs(size: size).map { oracle.node($0) }
        var range = try #require(CompactRange(size: size, frontier: frontier))
        #expect(range.rootHash() == root)
        for next in size..<(size + 32) {
            for (id, hash) in range.append(oracle.leaf(next)) {
                #expect(hash == oracle.node(id), "node \(id) after appending leaf \(next)")
            }
            #expect(range.rootHash() == oracle.referenceRoot(0, next + 1))
        }
    }

    /// Fully genuine synthetic leaves (leaf i = leafHash(i as 8-byte BE) everywhere) at random sizes up to 2^17.
    @Test func genuineSyntheticLeavesUpTo2To17() throws {
        var oracle = SyntheticTree(windows: [0..<UInt64.max])
        var random = SplitMix64(state: 17)
        for _ in 0..<6 {
            let size = UInt64.random(in: 65...(1 << 17), using: &random)
            let root = try oracle.assemble(ProofPlanner.rootHash(treeSize: size))[0]
            #expect(root == oracle.referenceRoot(0, size))
            for _ in 0..<5 {
                let index = UInt64.random(in: 0..<size, using: &random)
                let proof = try oracle.assemble(ProofPlanner.inclusion(leafIndex: index, treeSize: size))
                #expect(proof == oracle.referencePath(index, 0, size))
                #expect(throws: Never.self) {
                    try MerkleVerifier.verifyInclusion(
                        leafIndex: index,
                        treeSize: size,
                        leafHash: TestVectors.syntheticLeaf(index),
                        proof: proof,
                        root: root
                    )
                }
                let size1 = UInt64.random(in: 1...size, using: &random)
                let consistency = try oracle.assemble(ProofPlanner.consistency(size1: size1, size2: size))
                #expect(consistency == (size1 == size ? [] : oracle.referenceSubproof(size1, 0, size, complete: true)))
                #expect(throws: Never.self) {
                    try MerkleVerifier.verifyConsistency(
                        size1: size1,
                        size2: size,
                        root1: oracle.referenceRoot(0, size1),
                        root2: root,
                        proof: consistency
                    )
                }
            }
        }
    }

    /// Index arithmetic alone, at any size up to 2^63: each planned element must tile exactly the range the RFC
    /// recursion names, with perfect subtrees of strictly decreasing size (so that folding right to left gives
    /// that range's Merkle tree hash).
    @Test func planShapesAtHugeSizes() throws {
        var random = SplitMix64(state: 63)
        var sizes: [UInt64] = [1, 2, 3, 10_000_000, 1 << 62, (1 << 63) - 1, 1 << 63]
        for _ in 0..<200 { sizes.append(UInt64.random(in: 1...(1 << 63), using: &random) >> UInt64.random(in: 0..<63, using: &random) | 1) }
        for size in sizes {
            for _ in 0..<5 {
                let index = UInt64.random(in: 0..<size, using: &random)
                let plan = try ProofPlanner.inclusion(leafIndex: index, treeSize: size)
                let ranges = RangeReference.path(index, 0, size)
                #expect(plan.elements.count == ranges.count)
                #expect(plan.elements.count == MerkleVerifier.inclusionProofSize(leafIndex: index, treeSize: size))
                for (element, range) in zip(plan.elements, ranges) { RangeReference.expectTiles(element, range) }

                let size1 = UInt64.random(in: 1...size, using: &random)
                let consistency = try ProofPlanner.consistency(size1: size1, size2: size)
                let consistencyRanges = size1 == size ? [] : RangeReference.subproof(size1, 0, size, complete: true)
                #expect(consistency.elements.count == consistencyRanges.count)
                #expect(consistency.elements.count == MerkleVerifier.consistencyProofSize(size1: size1, size2: size))
                for (element, range) in zip(consistency.elements, consistencyRanges) { RangeReference.expectTiles(element, range) }
            }
            let root = ProofPlanner.rootHash(treeSize: size)
            RangeReference.expectTiles(root.elements[0], (0, size))
        }
    }

    /// Edge sizes and ten random sizes up to 10^7 (fixed seed).
    static let largeSizes: [UInt64] = {
        var random = SplitMix64(state: 0x7468_6971_61)
        let edges: [UInt64] = [10_000_000, 1 << 23, (1 << 23) + 1, (1 << 23) - 1, 9_999_999, 5_000_001, 1_048_577, 65]
        let randomSizes: [UInt64] = (0..<10).map { _ in UInt64.random(in: 65...10_000_000, using: &random) }
        return edges + randomSizes
    }()
}

/// RFC 9162 PATH and SUBPROOF over leaf ranges instead of hashes.
enum RangeReference {
    static func path(_ m: UInt64, _ lo: UInt64, _ hi: UInt64) -> [(UInt64, UInt64)] {
        let n = hi - lo
        if n <= 1 { return [] }
        let k = SyntheticTree.split(n)
        if m < k { return Self.path(m, lo, lo + k) + [(lo + k, hi)] }
        return Self.path(m - k, lo + k, hi) + [(lo, lo + k)]
    }

    static func subproof(_ m: UInt64, _ lo: UInt64, _ hi: UInt64, complete: Bool) -> [(UInt64, UInt64)] {
        let n = hi - lo
        if m == n { return complete ? [] : [(lo, hi)] }
        let k = SyntheticTree.split(n)
        if m <= k { return Self.subproof(m, lo, lo + k, complete: complete) + [(lo + k, hi)] }
        return Self.subproof(m - k, lo + k, hi, complete: false) + [(lo, lo + k)]
    }

    static func expectTiles(_ nodes: [NodeID], _ range: (UInt64, UInt64), sourceLocation: SourceLocation = #_sourceLocation) {
        var cursor = range.0
        var previousLevel = Int.max
        for node in nodes {
            #expect(Int(node.level) < previousLevel, "levels must strictly decrease", sourceLocation: sourceLocation)
            previousLevel = Int(node.level)
            #expect(node.firstLeaf == cursor, "nodes must be contiguous", sourceLocation: sourceLocation)
            cursor = node.endLeaf
        }
        #expect(cursor == range.1 && !nodes.isEmpty, "nodes must cover \(range)", sourceLocation: sourceLocation)
    }
}

extension UInt64 {
    /// The number of trailing one bits (the parents a new leaf at this index completes).
    fileprivate func trailingZeroBitCount(ofOnes: Void) -> Int { (~self).trailingZeroBitCount }
}

/// A Merkle tree over a synthetic leaf set, computed lazily: leaf i is leafHash(i as 8-byte BE) inside `windows`
/// and leafHash((i mod 1024) as 8-byte BE) elsewhere. A perfect node at level 10 or above that misses every window
/// therefore depends only on its level; other nodes are hashed from their children once and remembered.
struct SyntheticTree {
    static let periodLevel: UInt8 = 10
    let windows: [Range<UInt64>]
    private var memo: [NodeID: MerkleHash] = [:]
    private var periodic: [UInt8: MerkleHash] = [:]

    init(windows: [Range<UInt64>]) {
        self.windows = windows
    }

    func leaf(_ index: UInt64) -> MerkleHash {
        let inWindow = self.windows.contains { $0.contains(index) }
        return TestVectors.syntheticLeaf(inWindow ? index : index & 1023)
    }

    /// The tree over leaves syntheticLeaf(0..<1024), level by level: every node outside the windows is one of
    /// these (levels up to 10) or a function of its level alone (above 10).
    static let pattern: [[MerkleHash]] = {
        var levels = [(0..<UInt64(1024)).map { TestVectors.syntheticLeaf($0) }]
        while levels.last!.count > 1 {
            let below = levels.last!
            levels.append(stride(from: 0, to: below.count, by: 2).map { RFC6962.nodeHash(below[$0], below[$0 + 1]) })
        }
        return levels
    }()

    mutating func node(_ id: NodeID) -> MerkleHash {
        if id.level == 0 { return self.leaf(id.index) }
        let begin = id.firstLeaf
        let end = id.level >= 64 ? UInt64.max : id.endLeaf
        if !self.windows.contains(where: { $0.overlaps(begin..<end) }) {
            if id.level <= Self.periodLevel {
                let perBlock = UInt64(1) << UInt64(Self.periodLevel - id.level)
                return Self.pattern[Int(id.level)][Int(id.index % perBlock)]
            }
            if let known = self.periodic[id.level] { return known }
            let child = self.node(NodeID(level: id.level - 1, index: id.index * 2))
            let hash = RFC6962.nodeHash(child, child)
            self.periodic[id.level] = hash
            return hash
        }
        if let known = self.memo[id] { return known }
        let left = self.node(NodeID(level: id.level - 1, index: id.index * 2))
        let right = self.node(NodeID(level: id.level - 1, index: id.index * 2 + 1))
        let hash = RFC6962.nodeHash(left, right)
        self.memo[id] = hash
        return hash
    }

    mutating func assemble(_ plan: ProofPlan) throws -> [MerkleHash] {
        var fetched: [NodeID: MerkleHash] = [:]
        for id in plan.nodeIDs { fetched[id] = self.node(id) }
        return try plan.assemble(fetched)
    }

    /// MTH(D[lo:hi]) by the RFC's split at the largest power of two, using a node only for an aligned power-of-two range.
    mutating func referenceRoot(_ lo: UInt64, _ hi: UInt64) -> MerkleHash {
        let n = hi - lo
        if n == 0 { return RFC6962.emptyRoot }
        if n & (n - 1) == 0 && lo % n == 0 {
            return self.node(NodeID(level: UInt8(n.trailingZeroBitCount), index: lo / n))
        }
        let k = Self.split(n)
        return RFC6962.nodeHash(self.referenceRoot(lo, lo + k), self.referenceRoot(lo + k, hi))
    }

    /// PATH(m, D[lo:hi]) of RFC 9162.
    mutating func referencePath(_ m: UInt64, _ lo: UInt64, _ hi: UInt64) -> [MerkleHash] {
        let n = hi - lo
        if n <= 1 { return [] }
        let k = Self.split(n)
        if m < k { return self.referencePath(m, lo, lo + k) + [self.referenceRoot(lo + k, hi)] }
        return self.referencePath(m - k, lo + k, hi) + [self.referenceRoot(lo, lo + k)]
    }

    /// SUBPROOF(m, D[lo:hi], b) of RFC 9162.
    mutating func referenceSubproof(_ m: UInt64, _ lo: UInt64, _ hi: UInt64, complete: Bool) -> [MerkleHash] {
        let n = hi - lo
        if m == n { return complete ? [] : [self.referenceRoot(lo, hi)] }
        let k = Self.split(n)
        if m <= k { return self.referenceSubproof(m, lo, lo + k, complete: complete) + [self.referenceRoot(lo + k, hi)] }
        return self.referenceSubproof(m - k, lo + k, hi, complete: false) + [self.referenceRoot(lo, lo + k)]
    }

    static func split(_ n: UInt64) -> UInt64 {
        var k: UInt64 = 1
        while k * 2 < n { k *= 2 }
        return k
    }
}
