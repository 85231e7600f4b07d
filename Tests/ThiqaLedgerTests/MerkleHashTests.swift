import Foundation
import Testing

@testable import ThiqaLedger

@Suite("Merkle hash values and verifier edges")
struct MerkleHashTests {
    @Test func hexAndBytes() throws {
        let hex = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
        let hash = try #require(MerkleHash(hex: hex))
        #expect(hash.hex == hex)
        #expect(hash == RFC6962.leafHash([]))
        #expect(MerkleHash(hex: hex.uppercased()) == hash)
        #expect(MerkleHash(bytes: hash.bytes) == hash)
        #expect(MerkleHash(hex: String(hex.dropLast())) == nil)
        #expect(MerkleHash(hex: hex + "00") == nil)
        #expect(MerkleHash(hex: "g" + hex.dropFirst()) == nil)
        #expect(MerkleHash(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(Set([hash, hash, RFC6962.emptyRoot]).count == 2)
        #expect(RFC6962.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Every byte position matters for equality.
        for index in 0..<32 {
            var bytes = hash.bytes
            bytes[index] ^= 0x80
            #expect(MerkleHash(bytes: bytes) != hash)
        }
    }

    @Test func codableAsHexString() throws {
        struct Box: Codable, Equatable {
            var root: MerkleHash
            var node: NodeID
        }
        let box = Box(root: RFC6962.emptyRoot, node: NodeID(level: 3, index: 7))
        let data = try JSONEncoder().encode(box)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\""))
        #expect(try JSONDecoder().decode(Box.self, from: data) == box)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Box.self, from: Data(#"{"root":"abcd","node":{"level":0,"index":0}}"#.utf8))
        }
    }

    @Test func leafHashOfNonContiguousSequence() {
        let data: [UInt8] = [1, 2, 3, 4]
        #expect(RFC6962.leafHash(data.lazy.map { $0 }) == RFC6962.leafHash(data))
        #expect(RFC6962.leafHash(data[1...]) == RFC6962.leafHash([2, 3, 4]))
    }

    @Test func strictLengthRuleOnRawBytes() throws {
        let leaves = (0..<5).map { TestVectors.syntheticLeaf(UInt64($0)) }
        let root = RFC6962.rootHash(leafHashes: leaves)
        let proof = try RFC6962.inclusionProof(index: 1, size: 5, leafHashes: leaves)
        #expect(throws: Never.self) {
            try MerkleVerifier.verifyInclusion(leafIndex: 1, treeSize: 5, leafHash: leaves[1].bytes, proof: proof.map(\.bytes), root: root.bytes)
        }
        var short = proof.map(\.bytes)
        short[1].removeLast()
        #expect(throws: MerkleProofError.wrongHashLength(field: "proof[1]", byteCount: 31)) {
            try MerkleVerifier.verifyInclusion(leafIndex: 1, treeSize: 5, leafHash: leaves[1].bytes, proof: short, root: root.bytes)
        }
        #expect(throws: MerkleProofError.wrongHashLength(field: "root2", byteCount: 12)) {
            try MerkleVerifier.verifyConsistency(
                size1: 1,
                size2: 1,
                root1: Array(repeating: 1, count: 32),
                root2: Array(repeating: 1, count: 12),
                proof: []
            )
        }
        #expect(throws: MerkleProofError.wrongHashLength(field: "leaf hash", byteCount: 0)) {
            try MerkleVerifier.verifyInclusion(leafIndex: 0, treeSize: 1, leafHash: [], proof: [], root: root.bytes)
        }
    }

    @Test func errorsSayWhatIsWrong() throws {
        let leaves = (0..<6).map { TestVectors.syntheticLeaf(UInt64($0)) }
        let root = RFC6962.rootHash(leafHashes: leaves)
        let proof = try RFC6962.inclusionProof(index: 2, size: 6, leafHashes: leaves)
        #expect(throws: MerkleProofError.wrongProofSize(got: proof.count + 1, want: proof.count)) {
            try MerkleVerifier.verifyInclusion(leafIndex: 2, treeSize: 6, leafHash: leaves[2], proof: proof + [root], root: root)
        }
        do {
            try MerkleVerifier.verifyInclusion(leafIndex: 2, treeSize: 6, leafHash: leaves[3], proof: proof, root: root)
            Issue.record("a wrong leaf verified")
        } catch {
            #expect(error.description.contains("not to the expected root \(root.hex)"))
        }
        #expect(
            MerkleProofError.invalidSizes(size1: 0, size2: 3).description == "a consistency proof needs 0 < size1 <= size2, got size1 0 and size2 3"
        )
        #expect(throws: MerkleProofError.rootsDifferForEqualSizes) {
            try MerkleVerifier.verifyConsistency(size1: 6, size2: 6, root1: root, root2: leaves[0], proof: [])
        }
        #expect(throws: MerkleProofError.nonEmptyProofForEqualSizes(count: 1)) {
            try MerkleVerifier.verifyConsistency(size1: 6, size2: 6, root1: root, root2: root, proof: [root])
        }
        #expect(try MerkleVerifier.rootFromInclusionProof(leafIndex: 2, treeSize: 6, leafHash: leaves[2], proof: proof) == root)
    }
}
