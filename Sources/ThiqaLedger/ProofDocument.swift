/// The outcome of checking a proof document.
public enum ProofDocumentVerdict: Sendable, Equatable {
    /// The proof holds.
    case valid
    /// The document is well formed but the proof does not hold; the reason is in plain words.
    case invalid(String)
    /// The document is not one of the two accepted shapes; the reason names the field.
    case malformed(String)
}

/// A proof as a JSON document, for `thiqa log verify-proof FILE`. Exactly these shapes, hashes as 64 lowercase
/// hexadecimal digits, no other members:
///
///     {"kind":"inclusion","leafIndex":3,"treeSize":8,"leafHash":"…","rootHash":"…","proof":["…"]}
///     {"kind":"consistency","size1":3,"size2":8,"root1":"…","root2":"…","proof":["…"]}
public enum ProofDocument {
    /// Checks a proof document.
    public static func verify(_ data: [UInt8]) -> ProofDocumentVerdict {
        let value: CanonicalJSON.JSONValue
        do {
            value = try CanonicalJSON.parse(data)
        } catch {
            return .malformed("not JSON: \(error)")
        }
        guard case .object(let fields) = value else { return .malformed("the document is not a JSON object") }
        guard let kindValue = fields["kind"] else { return .malformed("missing field \"kind\"") }
        guard case .string(let kind) = kindValue else { return .malformed("field \"kind\" is not a string") }
        do {
            switch kind {
            case "inclusion":
                try Self.requireExactly(["kind", "leafIndex", "treeSize", "leafHash", "rootHash", "proof"], in: fields)
                let leafIndex = try Self.integer("leafIndex", in: fields)
                let treeSize = try Self.integer("treeSize", in: fields)
                let leafHash = try Self.hash("leafHash", in: fields)
                let rootHash = try Self.hash("rootHash", in: fields)
                let proof = try Self.proof(in: fields)
                return Self.verdict { () throws(MerkleProofError) in
                    try MerkleVerifier.verifyInclusion(
                        leafIndex: leafIndex,
                        treeSize: treeSize,
                        leafHash: leafHash,
                        proof: proof,
                        root: rootHash
                    )
                }
            case "consistency":
                try Self.requireExactly(["kind", "size1", "size2", "root1", "root2", "proof"], in: fields)
                let size1 = try Self.integer("size1", in: fields)
                let size2 = try Self.integer("size2", in: fields)
                let root1 = try Self.hash("root1", in: fields)
                let root2 = try Self.hash("root2", in: fields)
                let proof = try Self.proof(in: fields)
                return Self.verdict { () throws(MerkleProofError) in
                    try MerkleVerifier.verifyConsistency(size1: size1, size2: size2, root1: root1, root2: root2, proof: proof)
                }
            case "receipt":
                return try Self.verifyReceipt(fields)
            default:
                return .malformed("field \"kind\" must be \"inclusion\", \"consistency\" or \"receipt\", not \(kind.debugDescription)")
            }
        } catch {
            return .malformed(error.reason)
        }
    }

    /// A receipt document: what a person gets back for their receipt. For each of the call's leaves, the full
    /// record, its salt, the public leaf and an inclusion proof. Valid when every leaf commits to its record and
    /// salt, and is included in the tree whose root the proof names (compare that root with a signed checkpoint:
    /// `thiqa log verify-proof --url` does).
    ///
    ///     {"kind":"receipt","interaction_id":"int_…","entries":[{"record":{…},"salt":"<hex>","leaf":{…},"inclusion":{…}}]}
    private static func verifyReceipt(_ fields: [String: CanonicalJSON.JSONValue]) throws(Malformed) -> ProofDocumentVerdict {
        try Self.requireExactly(["kind", "interaction_id", "entries"], in: fields)
        guard case .string(let interactionID) = fields["interaction_id"] else { throw Malformed(reason: "field \"interaction_id\" is not a string") }
        guard case .array(let entries) = fields["entries"], !entries.isEmpty else { throw Malformed(reason: "field \"entries\" is not a non-empty array") }
        for (position, entry) in entries.enumerated() {
            let path = "entries[\(position)]"
            guard case .object(let members) = entry else { throw Malformed(reason: "\(path) is not an object") }
            try Self.requireExactly(["record", "salt", "leaf", "inclusion"], in: members)
            guard case .object(let record)? = members["record"], case .string(let saltHex)? = members["salt"],
                let salt = Hex.decode(saltHex, lowercaseOnly: true), case .object(let leaf)? = members["leaf"],
                case .object(let inclusion)? = members["inclusion"]
            else { throw Malformed(reason: "\(path) must hold a record object, a hex salt, a leaf object and an inclusion object") }
            guard record["interaction_id"] == .string(interactionID) else {
                return .invalid("\(path).record is not the record of \(interactionID)")
            }
            let recordBytes: [UInt8]
            let leafBytes: [UInt8]
            do {
                recordBytes = try CanonicalJSON.encode(.object(record))
                leafBytes = try CanonicalJSON.encode(.object(leaf))
            } catch {
                throw Malformed(reason: "\(path) cannot be written as canonical JSON: \(error)")
            }
            guard PublicLeaf.commits(leaf: leafBytes, to: recordBytes, salt: salt) else {
                return .invalid("\(path).leaf does not commit to this record and salt")
            }
            try Self.requireExactly(["kind", "leafIndex", "treeSize", "leafHash", "rootHash", "proof"], in: inclusion)
            let leafHash = try Self.hash("leafHash", in: inclusion)
            guard RFC6962.leafHash(leafBytes) == leafHash else {
                return .invalid("\(path).inclusion is the proof of another leaf")
            }
            let leafIndex = try Self.integer("leafIndex", in: inclusion)
            let treeSize = try Self.integer("treeSize", in: inclusion)
            let rootHash = try Self.hash("rootHash", in: inclusion)
            let proof = try Self.proof(in: inclusion)
            let verdict = Self.verdict { () throws(MerkleProofError) in
                try MerkleVerifier.verifyInclusion(leafIndex: leafIndex, treeSize: treeSize, leafHash: leafHash, proof: proof, root: rootHash)
            }
            if verdict != .valid { return verdict }
        }
        return .valid
    }

    /// The inclusion document for a proof, with hashes in lowercase hex (canonical JSON).
    public static func inclusion(leafIndex: UInt64, treeSize: UInt64, leafHash: MerkleHash, rootHash: MerkleHash, proof: [MerkleHash]) -> [UInt8] {
        // Only strings and integers below 2^63: encoding cannot fail.
        (try? CanonicalJSON.encode([
            "kind": "inclusion", "leafIndex": .int(Int64(leafIndex)), "treeSize": .int(Int64(treeSize)),
            "leafHash": .string(leafHash.hex), "rootHash": .string(rootHash.hex), "proof": .array(proof.map { .string($0.hex) }),
        ])) ?? []
    }

    /// The consistency document for a proof, with hashes in lowercase hex (canonical JSON).
    public static func consistency(size1: UInt64, size2: UInt64, root1: MerkleHash, root2: MerkleHash, proof: [MerkleHash]) -> [UInt8] {
        (try? CanonicalJSON.encode([
            "kind": "consistency", "size1": .int(Int64(size1)), "size2": .int(Int64(size2)),
            "root1": .string(root1.hex), "root2": .string(root2.hex), "proof": .array(proof.map { .string($0.hex) }),
        ])) ?? []
    }

    private struct Malformed: Error {
        let reason: String
    }

    private static func verdict(_ check: () throws(MerkleProofError) -> Void) -> ProofDocumentVerdict {
        do {
            try check()
            return .valid
        } catch {
            return .invalid(error.description)
        }
    }

    private static func requireExactly(_ names: [String], in fields: [String: CanonicalJSON.JSONValue]) throws(Malformed) {
        for name in names where fields[name] == nil {
            throw Malformed(reason: "missing field \(name.debugDescription)")
        }
        let extra = fields.keys.filter { !names.contains($0) }.sorted()
        if let first = extra.first {
            throw Malformed(reason: "unknown field \(first.debugDescription)")
        }
    }

    private static func integer(_ name: String, in fields: [String: CanonicalJSON.JSONValue]) throws(Malformed) -> UInt64 {
        guard case .int(let value) = fields[name], value >= 0 else {
            throw Malformed(reason: "field \(name.debugDescription) is not a non-negative integer")
        }
        return UInt64(value)
    }

    private static func hash(_ name: String, in fields: [String: CanonicalJSON.JSONValue]) throws(Malformed) -> MerkleHash {
        guard case .string(let text) = fields[name] else { throw Malformed(reason: "field \(name.debugDescription) is not a string") }
        return try Self.parseHash(text, field: name)
    }

    private static func parseHash(_ text: String, field: String) throws(Malformed) -> MerkleHash {
        guard text.utf8.count == 64, let bytes = Hex.decode(text, lowercaseOnly: true), let hash = MerkleHash(bytes: bytes) else {
            throw Malformed(reason: "field \(field.debugDescription) is not 64 lowercase hexadecimal digits (a 32-byte SHA-256 hash)")
        }
        return hash
    }

    private static func proof(in fields: [String: CanonicalJSON.JSONValue]) throws(Malformed) -> [MerkleHash] {
        guard case .array(let elements) = fields["proof"] else { throw Malformed(reason: "field \"proof\" is not an array") }
        var out: [MerkleHash] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else { throw Malformed(reason: "field \"proof[\(index)]\" is not a string") }
            out.append(try Self.parseHash(text, field: "proof[\(index)]"))
        }
        return out
    }
}
