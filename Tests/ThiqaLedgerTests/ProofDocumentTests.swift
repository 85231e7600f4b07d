import Testing

@testable import ThiqaLedger

/// The documents `thiqa log verify-proof FILE` reads.
@Suite("Proof documents")
struct ProofDocumentTests {
    static let leaves = (0..<8).map { TestVectors.syntheticLeaf(UInt64($0)) }
    static let root8 = RFC6962.rootHash(leafHashes: leaves)
    static let root3 = RFC6962.rootHash(leafHashes: Array(leaves.prefix(3)))

    static func inclusionDocument() throws -> [UInt8] {
        let proof = try RFC6962.inclusionProof(index: 3, size: 8, leafHashes: Self.leaves)
        return ProofDocument.inclusion(leafIndex: 3, treeSize: 8, leafHash: Self.leaves[3], rootHash: Self.root8, proof: proof)
    }

    static func consistencyDocument() throws -> [UInt8] {
        let proof = try RFC6962.consistencyProof(size1: 3, size2: 8, leafHashes: Self.leaves)
        return ProofDocument.consistency(size1: 3, size2: 8, root1: Self.root3, root2: Self.root8, proof: proof)
    }

    /// Edits one field of a valid document.
    static func edit(_ document: [UInt8], _ change: (inout [String: CanonicalJSON.JSONValue]) -> Void) throws -> [UInt8] {
        guard case .object(var fields) = try CanonicalJSON.parse(document) else { throw CanonicalJSON.EncodingError.nonFiniteNumber }
        change(&fields)
        return try CanonicalJSON.encode(.object(fields))
    }

    @Test func validDocuments() throws {
        let inclusion = try Self.inclusionDocument()
        #expect(String(decoding: inclusion, as: UTF8.self).hasPrefix(#"{"kind":"inclusion","leafHash":""#))
        #expect(ProofDocument.verify(inclusion) == .valid)
        #expect(ProofDocument.verify(try Self.consistencyDocument()) == .valid)
        // Whitespace and member order do not matter.
        let text = """
            { "proof": [], "root2": "\(Self.root8.hex)", "root1": "\(Self.root8.hex)",
              "size2": 8, "size1": 8, "kind": "consistency" }
            """
        #expect(ProofDocument.verify(Array(text.utf8)) == .valid)
    }

    @Test func invalidProofs() throws {
        let inclusion = try Self.inclusionDocument()
        let consistency = try Self.consistencyDocument()
        let cases: [([UInt8], String)] = [
            (try Self.edit(inclusion) { $0["leafIndex"] = 4 }, "root"),
            (try Self.edit(inclusion) { $0["leafIndex"] = 8 }, "not inside"),
            (try Self.edit(inclusion) { $0["treeSize"] = 9 }, ""),
            (try Self.edit(inclusion) { $0["rootHash"] = .string(Self.root3.hex) }, "root"),
            (try Self.edit(inclusion) { $0["proof"] = [] }, "hashes"),
            (try Self.edit(consistency) { $0["size1"] = 0 }, "0 < size1"),
            (try Self.edit(consistency) { $0["size1"] = 9 }, "size1"),
            (try Self.edit(consistency) { $0["root1"] = .string(Self.root8.hex) }, "root1"),
            (try Self.edit(consistency) { $0["proof"] = .array([.string(Self.root8.hex)]) }, "hashes"),
        ]
        for (document, reason) in cases {
            let verdict = ProofDocument.verify(document)
            guard case .invalid(let why) = verdict else {
                Issue.record("want invalid, got \(verdict) for \(String(decoding: document, as: UTF8.self))")
                continue
            }
            #expect(reason.isEmpty || why.contains(reason), "\(why)")
        }
    }

    @Test func malformedDocuments() throws {
        let inclusion = try Self.inclusionDocument()
        let consistency = try Self.consistencyDocument()
        let upper = Self.root8.hex.uppercased()
        let cases: [([UInt8], String)] = [
            (Array("not json".utf8), "not JSON"),
            (Array("[]".utf8), "not a JSON object"),
            (try Self.edit(inclusion) { $0["kind"] = nil }, "\"kind\""),
            (try Self.edit(inclusion) { $0["kind"] = "exclusion" }, "\"kind\""),
            (try Self.edit(inclusion) { $0["kind"] = 1 }, "\"kind\""),
            (try Self.edit(inclusion) { $0["leafIndex"] = nil }, "\"leafIndex\""),
            (try Self.edit(inclusion) { $0["leafIndex"] = "3" }, "\"leafIndex\""),
            (try Self.edit(inclusion) { $0["leafIndex"] = -1 }, "\"leafIndex\""),
            (try Self.edit(inclusion) { $0["treeSize"] = 8.5 }, "\"treeSize\""),
            (try Self.edit(inclusion) { $0["leafHash"] = "zz" }, "\"leafHash\""),
            (try Self.edit(inclusion) { $0["rootHash"] = .string(upper) }, "\"rootHash\""),
            (try Self.edit(inclusion) { $0["rootHash"] = .string(String(Self.root8.hex.dropLast(2))) }, "\"rootHash\""),
            (try Self.edit(inclusion) { $0["proof"] = "abc" }, "\"proof\""),
            (try Self.edit(inclusion) { $0["proof"] = [1] }, "\"proof[0]\""),
            (try Self.edit(inclusion) { $0["proof"] = .array([.string(Self.root8.hex), "00"]) }, "\"proof[1]\""),
            (try Self.edit(inclusion) { $0["extra"] = 1 }, "\"extra\""),
            (try Self.edit(inclusion) { $0["size1"] = 1 }, "\"size1\""),
            (try Self.edit(consistency) { $0["root2"] = nil }, "\"root2\""),
            (try Self.edit(consistency) { $0["size2"] = .null }, "\"size2\""),
            (Array(#"{"kind":"inclusion","kind":"inclusion"}"#.utf8), "duplicate"),
        ]
        for (document, field) in cases {
            let verdict = ProofDocument.verify(document)
            guard case .malformed(let why) = verdict else {
                Issue.record("want malformed, got \(verdict) for \(String(decoding: document, as: UTF8.self))")
                continue
            }
            #expect(why.contains(field), "\(why) should name \(field)")
        }
    }
}
