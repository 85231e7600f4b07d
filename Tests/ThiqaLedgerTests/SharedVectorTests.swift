import Foundation
import Testing

@testable import ThiqaLedger

/// The public vectors in Vectors/shared (transparency-dev/merkle probes, RFC 6962 reference tree).
@Suite("Shared RFC 6962 vectors")
struct SharedVectorTests {
    struct TreeHashes: Decodable {
        struct Hasher: Decodable {
            var desc: String
            var op: String
            var inputHex: String?
            var leftHex: String?
            var rightHex: String?
            var want: String
        }
        struct ReferenceTree: Decodable {
            struct Root: Decodable {
                var size: Int
                var root: String
            }
            var leavesHex: [String]
            var nodeHashesByLevel: [[String]]
            var rootsBySize: [Root]
        }
        var hasher: [Hasher]
        var referenceTree: ReferenceTree
    }

    struct InclusionVector: Decodable {
        var id: String?
        var leafIndex: UInt64
        var treeSize: UInt64
        var leafHash: String
        var root: String
        var proof: [String]
        var valid: Bool
        var strictValid: Bool?
    }

    struct ConsistencyVector: Decodable {
        var id: String?
        var size1: UInt64
        var size2: UInt64
        var root1: String
        var root2: String
        var proof: [String]
        var valid: Bool
        var strictValid: Bool?
    }

    struct Wrapped<V: Decodable>: Decodable {
        var count: Int
        var vectors: [V]
    }

    struct Derived: Decodable {
        var inclusion: [InclusionVector]
        var consistency: [ConsistencyVector]
    }

    @Test func hasherVectors() throws {
        let tree = try TestVectors.decode(TreeHashes.self, from: TestVectors.shared("tree-hashes.json"))
        #expect(tree.hasher.count >= 4)
        for vector in tree.hasher {
            let got: String
            switch vector.op {
            case "empty_root":
                got = RFC6962.emptyRoot.hex
            case "leaf":
                got = RFC6962.leafHash(try TestVectors.bytes(try #require(vector.inputHex))).hex
            case "node":
                // The vector's children are short byte strings, so hash the raw concatenation as RFC 6962 defines.
                let left = try TestVectors.bytes(try #require(vector.leftHex))
                let right = try TestVectors.bytes(try #require(vector.rightHex))
                got = RFC6962.nodeHash(bytes: left, right).hex
            default:
                Issue.record("unknown op \(vector.op)")
                continue
            }
            #expect(got == vector.want, "\(vector.desc)")
        }
    }

    @Test func referenceTreeNodesAndRoots() throws {
        let tree = try TestVectors.decode(TreeHashes.self, from: TestVectors.shared("tree-hashes.json")).referenceTree
        let leaves = try tree.leavesHex.map { RFC6962.leafHash(try TestVectors.bytes($0)) }
        #expect(leaves.count == 8)
        for root in tree.rootsBySize {
            #expect(RFC6962.rootHash(leafHashes: Array(leaves.prefix(root.size))).hex == root.root, "size \(root.size)")
            #expect(try ProofPlanTests.plannedRoot(leaves: leaves, size: UInt64(root.size)).hex == root.root, "planned root, size \(root.size)")
        }
        // Every stored node the compact range emits equals the published node hash.
        var range = CompactRange()
        var emitted: [NodeID: MerkleHash] = [:]
        for leaf in leaves {
            for (id, hash) in range.append(leaf) { emitted[id] = hash }
        }
        for (level, hashes) in tree.nodeHashesByLevel.enumerated() {
            for (index, hex) in hashes.enumerated() {
                #expect(emitted[NodeID(level: UInt8(level), index: UInt64(index))]?.hex == hex, "node \(level),\(index)")
            }
        }
        #expect(emitted.count == tree.nodeHashesByLevel.reduce(0) { $0 + $1.count })
    }

    @Test func upstreamInclusionProbes() throws {
        let file = try TestVectors.decode(Wrapped<InclusionVector>.self, from: TestVectors.shared("inclusion.json"))
        #expect(file.vectors.count == file.count && file.count == 98)
        for vector in file.vectors {
            let result = Result { () throws(MerkleProofError) in
                try MerkleVerifier.verifyInclusion(
                    leafIndex: vector.leafIndex,
                    treeSize: vector.treeSize,
                    leafHash: TestVectors.bytesOrEmpty(vector.leafHash),
                    proof: vector.proof.map(TestVectors.bytesOrEmpty),
                    root: TestVectors.bytesOrEmpty(vector.root)
                )
            }
            let want = vector.strictValid ?? vector.valid
            #expect(result.isSuccess == want, "\(vector.id ?? "?"): \(result)")
        }
    }

    @Test func upstreamConsistencyProbes() throws {
        let file = try TestVectors.decode(Wrapped<ConsistencyVector>.self, from: TestVectors.shared("consistency.json"))
        #expect(file.vectors.count == file.count && file.count == 98)
        var strictDifferences = 0
        for vector in file.vectors {
            let result = Result { () throws(MerkleProofError) in
                try MerkleVerifier.verifyConsistency(
                    size1: vector.size1,
                    size2: vector.size2,
                    root1: TestVectors.bytesOrEmpty(vector.root1),
                    root2: TestVectors.bytesOrEmpty(vector.root2),
                    proof: vector.proof.map(TestVectors.bytesOrEmpty)
                )
            }
            // Our rule is the strict one: every hash exactly 32 bytes (see MerkleVerifier).
            let want = vector.strictValid ?? vector.valid
            if want != vector.valid { strictDifferences += 1 }
            #expect(result.isSuccess == want, "\(vector.id ?? "?"): \(result)")
        }
        #expect(strictDifferences == 1)
    }

    /// transparency-dev/merkle's own files, byte for byte as upstream ships them (base64, `wantErr`), walked as its
    /// `proof/verify_test.go` walks them: the converted inclusion.json and consistency.json must say the same.
    struct UpstreamProbe: Decodable {
        var leafIdx: UInt64?
        var treeSize: UInt64?
        var leafHash: String?
        var root: String?
        var size1: UInt64?
        var size2: UInt64?
        var root1: String?
        var root2: String?
        var proof: [String]?
        var wantErr: Bool
    }

    @Test func verbatimUpstreamFilesAgreeWithTheConvertedOnes() throws {
        let base = try #require(
            Bundle.module.url(forResource: "upstream/transparency-dev-merkle", withExtension: nil, subdirectory: "Vectors/shared")
        )
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("LICENSE").path))
        func bytes(_ base64: String?) throws -> [UInt8] {
            [UInt8](try #require(Data(base64Encoded: base64 ?? ""), "not base64: \(base64 ?? "nil")"))
        }
        var counts = (inclusion: 0, consistency: 0, strictDifferences: 0)
        for kind in ["inclusion", "consistency"] {
            let directory = base.appendingPathComponent(kind)
            let files = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
            for file in files {
                let probe = try JSONDecoder().decode(UpstreamProbe.self, from: Data(contentsOf: directory.appendingPathComponent(file)))
                let proof = try (probe.proof ?? []).map(bytes)
                let result: Result<Void, MerkleProofError>
                if kind == "inclusion" {
                    counts.inclusion += 1
                    let (leafIndex, treeSize) = (try #require(probe.leafIdx), try #require(probe.treeSize))
                    let (leafHash, root) = (try bytes(probe.leafHash), try bytes(probe.root))
                    result = Result { () throws(MerkleProofError) in
                        try MerkleVerifier.verifyInclusion(
                            leafIndex: leafIndex,
                            treeSize: treeSize,
                            leafHash: leafHash,
                            proof: proof,
                            root: root
                        )
                    }
                } else {
                    counts.consistency += 1
                    let (size1, size2) = (try #require(probe.size1), try #require(probe.size2))
                    let (root1, root2) = (try bytes(probe.root1), try bytes(probe.root2))
                    result = Result { () throws(MerkleProofError) in
                        try MerkleVerifier.verifyConsistency(size1: size1, size2: size2, root1: root1, root2: root2, proof: proof)
                    }
                }
                // Upstream compares bytes only; we also require 32-byte hashes, the one documented difference.
                if result.isSuccess != !probe.wantErr {
                    counts.strictDifferences += 1
                    #expect(file == "additional/sizes-are-equal-one-and-proof-is-empty.json", "\(kind)/\(file): \(result)")
                }
            }
        }
        #expect(counts.inclusion == 98 && counts.consistency == 98 && counts.strictDifferences == 1)
    }

    @Test func derivedReferenceTreeProofs() throws {
        let derived = try TestVectors.decode(Derived.self, from: TestVectors.shared("derived-reference-tree-proofs.json"))
        let tree = try TestVectors.decode(TreeHashes.self, from: TestVectors.shared("tree-hashes.json")).referenceTree
        let leaves = try tree.leavesHex.map { RFC6962.leafHash(try TestVectors.bytes($0)) }
        #expect(derived.inclusion.count == 36 && derived.consistency.count == 36)
        for vector in derived.inclusion {
            let proof = try vector.proof.map { try TestVectors.hash($0) }
            #expect(throws: Never.self) {
                try MerkleVerifier.verifyInclusion(
                    leafIndex: vector.leafIndex,
                    treeSize: vector.treeSize,
                    leafHash: try TestVectors.hash(vector.leafHash),
                    proof: proof,
                    root: try TestVectors.hash(vector.root)
                )
            }
            #expect(try RFC6962.inclusionProof(index: vector.leafIndex, size: vector.treeSize, leafHashes: leaves) == proof)
            #expect(try ProofPlanTests.plannedInclusion(leaves: leaves, index: vector.leafIndex, size: vector.treeSize) == proof)
        }
        for vector in derived.consistency {
            let proof = try vector.proof.map { try TestVectors.hash($0) }
            #expect(throws: Never.self) {
                try MerkleVerifier.verifyConsistency(
                    size1: vector.size1,
                    size2: vector.size2,
                    root1: try TestVectors.hash(vector.root1),
                    root2: try TestVectors.hash(vector.root2),
                    proof: proof
                )
            }
            #expect(try RFC6962.consistencyProof(size1: vector.size1, size2: vector.size2, leafHashes: leaves) == proof)
            #expect(try ProofPlanTests.plannedConsistency(leaves: leaves, size1: vector.size1, size2: vector.size2) == proof)
        }
    }
}

extension TestVectors {
    /// Bytes of a hex value that may be deliberately empty or short.
    static func bytesOrEmpty(_ hex: String) -> [UInt8] {
        Hex.decode(hex) ?? Array(repeating: 0xEE, count: 1)
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
