/// A c2sp.org/tlog-checkpoint body: origin line, decimal tree size, base64 root hash, then optional extension lines,
/// each line ending with a newline.
public struct Checkpoint: Sendable, Equatable {
    /// The log's origin, a unique name such as `thiqa.example.ma/log`.
    public var origin: String
    public var size: UInt64
    public var rootHash: MerkleHash
    /// Extension lines, without their newlines; each non-empty.
    public var extensionLines: [String]

    public init(origin: String, size: UInt64, rootHash: MerkleHash, extensionLines: [String] = []) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// The body, `origin\nsize\nbase64(root)\n` and each extension line with its newline: the text to sign.
    public func body() -> String {
        var text = "\(self.origin)\n\(self.size)\n\(Base64.encode(self.rootHash.bytes))\n"
        for line in self.extensionLines { text += line + "\n" }
        return text
    }

    /// Parses a checkpoint body (the text of a signed note).
    /// - Throws: ``NoteError/malformedCheckpoint(_:)`` naming what is wrong.
    public static func parse(_ body: String) throws(NoteError) -> Checkpoint {
        guard body.hasSuffix("\n") else { throw .malformedCheckpoint("the body must end with a newline") }
        let lines = body.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else { throw .malformedCheckpoint("expected origin, tree size and root hash lines") }
        let origin = String(lines[0])
        guard !origin.isEmpty else { throw .malformedCheckpoint("the origin line is empty") }
        let sizeText = lines[1]
        guard !sizeText.isEmpty, sizeText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            sizeText == "0" || !sizeText.hasPrefix("0"), let size = UInt64(sizeText)
        else {
            throw .malformedCheckpoint("the tree size is not a decimal number without leading zeros")
        }
        guard let raw = Base64.decode(lines[2]), let root = MerkleHash(bytes: raw) else {
            throw .malformedCheckpoint("the root hash is not base64 of 32 bytes")
        }
        let extensions = lines.dropFirst(3).map(String.init)
        guard extensions.allSatisfy({ !$0.isEmpty }) else { throw .malformedCheckpoint("an extension line is empty") }
        return Checkpoint(origin: origin, size: size, rootHash: root, extensionLines: extensions)
    }

    /// Opens a signed checkpoint note and requires a valid signature by `log` (other signatures, such as witness
    /// cosignatures, may be present and are returned in the opened note).
    /// - Throws: ``NoteError`` when the note does not verify, is not signed by `log`, or its text is not a checkpoint.
    public static func open(_ note: some Collection<UInt8>, log: NoteVerifier) throws(NoteError) -> (checkpoint: Checkpoint, note: OpenedNote) {
        let opened = try SignedNote.open(note, verifiers: [log])
        guard opened.verified.contains(where: { $0.name == log.name && $0.keyID == log.keyID }) else {
            throw .notSignedBy(log.name)
        }
        return (try Self.parse(opened.text), opened)
    }
}
