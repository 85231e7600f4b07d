/// One signature line of a signed note: `— name base64(keyid || signature)`.
public struct NoteSignature: Sendable, Equatable {
    /// The key name.
    public let name: String
    /// The key ID (first four decoded bytes, big-endian).
    public let keyID: UInt32
    /// The signature bytes after the key ID.
    public let signature: [UInt8]
    /// The base64 text as it appeared on the line.
    public let base64: String

    /// For a c2sp.org/tlog-cosignature `cosignature/v1` signature (8-byte big-endian timestamp then a 64-byte
    /// Ed25519 signature): the timestamp in seconds since the epoch; `nil` for other lengths.
    public var cosignatureTimestamp: UInt64? {
        guard self.signature.count == 72 else { return nil }
        return self.signature[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The line without the trailing newline.
    public var line: String { "\u{2014} \(self.name) \(self.base64)" }

    static func keyIDHex(_ keyID: UInt32) -> String {
        Hex.encode(NoteSigner.keyIDBytes(keyID))
    }
}

/// A note whose signatures have been checked: the ones from known keys verified, the others kept aside.
public struct OpenedNote: Sendable, Equatable {
    /// The signed text, ending with a newline.
    public let text: String
    /// Signatures that verified with a known key, duplicates removed.
    public let verified: [NoteSignature]
    /// Signatures from keys not among the verifiers, duplicates removed.
    public let unverified: [NoteSignature]
}

/// A c2sp.org/signed-note: text ending with a newline, a blank line, then one or more signature lines, each
/// `U+2014 EM DASH, space, key name, space, base64(4-byte key ID || signature)` and a newline.
public struct SignedNote: Sendable, Equatable {
    /// The most signatures read from one note, as in Go (C2SP requires accepting at least 16).
    public static let maxSignatures = 100

    /// The signed text, ending with a newline.
    public let text: String
    /// The signature lines in order.
    public let signatures: [NoteSignature]

    private static let signaturePrefix: [UInt8] = Array("\u{2014} ".utf8)

    /// Splits a note into text and signatures without verifying any.
    /// - Throws: ``NoteError/malformedNote``.
    public static func parse(_ note: some Collection<UInt8>) throws(NoteError) -> SignedNote {
        let bytes = Array(note)
        guard Self.isValidCharacters(bytes) else { throw .malformedNote }
        // The signature block follows the last blank line.
        var split: Int? = nil
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == 0x0a && bytes[index + 1] == 0x0a {
                split = index
                break
            }
            index -= 1
        }
        guard let split else { throw .malformedNote }
        let text = bytes[0...split]
        var block = bytes[(split + 2)...]
        guard let last = block.last, last == 0x0a else { throw .malformedNote }
        var signatures: [NoteSignature] = []
        while !block.isEmpty {
            let newline = block.firstIndex(of: 0x0a)!
            let line = block[block.startIndex..<newline]
            block = block[(newline + 1)...]
            guard line.starts(with: Self.signaturePrefix) else { throw .malformedNote }
            let rest = line.dropFirst(Self.signaturePrefix.count)
            guard let space = rest.firstIndex(of: 0x20) else { throw .malformedNote }
            let name = String(decoding: rest[rest.startIndex..<space], as: UTF8.self)
            let encoded = String(decoding: rest[(space + 1)...], as: UTF8.self)
            guard NoteKeys.isValidName(name), !encoded.isEmpty, let raw = Base64.decode(encoded), raw.count >= 5 else {
                throw .malformedNote
            }
            signatures.append(
                NoteSignature(
                    name: name,
                    keyID: raw[0..<4].reduce(0) { $0 << 8 | UInt32($1) },
                    signature: Array(raw[4...]),
                    base64: encoded
                )
            )
            guard signatures.count <= Self.maxSignatures else { throw .malformedNote }
        }
        return SignedNote(text: String(decoding: text, as: UTF8.self), signatures: signatures)
    }

    /// Parses a note and verifies its signatures with `verifiers`, as Go's `note.Open` does: a signature from a
    /// known key (same name and key ID) must verify; signatures from unknown keys are returned unverified; at least
    /// one must verify. Repeated signatures are dropped.
    /// - Throws: ``NoteError/malformedNote``, ``NoteError/invalidSignature(name:keyID:)`` or
    ///   ``NoteError/noVerifiableSignatures(unverified:)``.
    public static func open(_ note: some Collection<UInt8>, verifiers: [NoteVerifier]) throws(NoteError) -> OpenedNote {
        let parsed = try Self.parse(note)
        let message = Array(parsed.text.utf8)
        var verified: [NoteSignature] = []
        var unverified: [NoteSignature] = []
        for signature in parsed.signatures {
            guard let verifier = verifiers.first(where: { $0.name == signature.name && $0.keyID == signature.keyID }) else {
                if !unverified.contains(signature) { unverified.append(signature) }
                continue
            }
            if verified.contains(where: { $0.name == signature.name && $0.keyID == signature.keyID }) { continue }
            guard verifier.isValidSignature(signature.signature, for: message) else {
                throw .invalidSignature(name: signature.name, keyID: signature.keyID)
            }
            verified.append(signature)
        }
        guard !verified.isEmpty else { throw .noVerifiableSignatures(unverified: unverified) }
        return OpenedNote(text: parsed.text, verified: verified, unverified: unverified)
    }

    /// ``open(_:verifiers:)`` for a note held as a string.
    public static func open(_ note: String, verifiers: [NoteVerifier]) throws(NoteError) -> OpenedNote {
        try Self.open(Array(note.utf8), verifiers: verifiers)
    }

    /// Valid UTF-8 with no control characters other than newline.
    static func isValidCharacters(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value < 0x20 && scalar != "\n" { return false }
            case .emptyInput:
                return true
            case .error:
                return false
            }
        }
    }

    /// Text that can be signed: valid characters and a final newline.
    static func isValidText(_ bytes: [UInt8]) -> Bool {
        bytes.last == 0x0a && Self.isValidCharacters(bytes)
    }
}
