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
            default:
                return .malformed("field \"kind\" must be \"inclusion\" or \"consistency\", not \(kind.debugDescription)")
            }
        } catch {
            return .malformed(error.reason)
        }
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
