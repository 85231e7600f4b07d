/// Why a signed note, a key or a checkpoint was rejected. The descriptions follow golang.org/x/mod/sumdb/note.
public enum NoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The note is not a text followed by a blank line and signature lines (or has more than 100 signatures,
    /// invalid UTF-8, or control characters other than newline).
    case malformedNote
    /// No signature is from a known key (the signatures from unknown keys are attached).
    case noVerifiableSignatures(unverified: [NoteSignature])
    /// A signature from a known key does not verify.
    case invalidSignature(name: String, keyID: UInt32)
    /// A verifier or signer key string that cannot be used, with the reason.
    case malformedKey(String)
    /// A key name that is empty, contains whitespace or `+`, or is not valid UTF-8.
    case invalidName(String)
    /// Text to sign must end with a newline and contain no control characters other than newline.
    case malformedText
    /// A checkpoint body that does not follow c2sp.org/tlog-checkpoint, with the reason.
    case malformedCheckpoint(String)
    /// The note verified, but not with the expected key.
    case notSignedBy(String)

    public var description: String {
        switch self {
        case .malformedNote: return "malformed note"
        case .noVerifiableSignatures: return "note has no verifiable signatures"
        case .invalidSignature(let name, let keyID): return "invalid signature for key \(name)+\(NoteSignature.keyIDHex(keyID))"
        case .malformedKey(let reason): return "malformed key: \(reason)"
        case .invalidName(let name): return "invalid key name \(name.debugDescription)"
        case .malformedText: return "malformed note text: it must end with a newline and hold no other control characters"
        case .malformedCheckpoint(let reason): return "malformed checkpoint: \(reason)"
        case .notSignedBy(let name): return "checkpoint is not signed by \(name)"
        }
    }
}
