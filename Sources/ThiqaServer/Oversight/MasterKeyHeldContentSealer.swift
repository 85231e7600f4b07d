import Crypto
import FoundationEssentials
import ThiqaOversight

/// Seals held content with AES-GCM under a key derived (HKDF-SHA-256) from the vault's master key, the subject and
/// the record as associated data. Layout: one version byte (1), then AES-GCM's combined form.
struct MasterKeyHeldContentSealer: HeldContentSealer {
    let key: SymmetricKey

    init(masterKey: SymmetricKey) {
        self.key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: masterKey, salt: Array("thiqa/held-content/v1".utf8), info: [], outputByteCount: 32
        )
    }

    static func associatedData(subjectID: String?, recordID: String) -> [UInt8] {
        Array("subject:\(subjectID ?? "")\u{0}record:\(recordID)".utf8)
    }

    func seal(_ plaintext: [UInt8], subjectID: String?, recordID: String) throws -> [UInt8] {
        let box = try AES.GCM.seal(plaintext, using: self.key, authenticating: Self.associatedData(subjectID: subjectID, recordID: recordID))
        guard let combined = box.combined else { throw SealingFailure() }
        return [1] + Array(combined)
    }

    func open(_ sealed: [UInt8], subjectID: String?, recordID: String) throws -> [UInt8] {
        guard sealed.first == 1 else { throw SealingFailure() }
        let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
        return Array(try AES.GCM.open(box, using: self.key, authenticating: Self.associatedData(subjectID: subjectID, recordID: recordID)))
    }

    struct SealingFailure: Error, CustomStringConvertible {
        var description: String { "sealed held content has an unknown layout" }
    }
}
