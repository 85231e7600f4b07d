import Crypto
import FoundationEssentials
import ThiqaOversight
import ThiqaRights
import ThiqaStorage

/// Seals held content with AES-GCM under a key derived (HKDF-SHA-256) from the vault's master key, the subject and
/// the record as associated data. Layout: one version byte (1), then AES-GCM's combined form.
struct MasterKeyHeldContentSealer {
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

/// Held content of a named subject is sealed under that subject's own key in the key store, so erasing the subject
/// (destroying the key) leaves their held answers unreadable in the database and in its backups; content of a call
/// that named nobody falls back to the master-key sealer (layout 1). Layout 3: one version byte, then
/// ``Sealing``'s form under the subject's key, with the subject and record as associated data.
struct SubjectKeyHeldContentSealer: HeldContentSealer {
    let keys: SubjectKeyStore
    let fallback: MasterKeyHeldContentSealer
    static let subjectLayout: UInt8 = 3

    func seal(_ plaintext: [UInt8], subjectID: String?, recordID: String) async throws -> [UInt8] {
        guard let subjectID else { return try fallback.seal(plaintext, subjectID: nil, recordID: recordID) }
        let key = try await keys.subjectKey(subjectID)
        let associated = MasterKeyHeldContentSealer.associatedData(subjectID: subjectID, recordID: recordID)
        return [Self.subjectLayout] + (try Sealing.seal(plaintext, key: key.key, associatedData: associated))
    }

    func open(_ sealed: [UInt8], subjectID: String?, recordID: String) async throws -> [UInt8] {
        guard sealed.first == Self.subjectLayout else { return try fallback.open(sealed, subjectID: subjectID, recordID: recordID) }
        guard let subjectID, let key = try await keys.findSubjectKey(subjectID) else {
            throw SealingError.keyDestroyed(keyID: subjectID ?? "none")
        }
        let associated = MasterKeyHeldContentSealer.associatedData(subjectID: subjectID, recordID: recordID)
        return try Sealing.open(Array(sealed.dropFirst()), key: key.key, associatedData: associated)
    }
}
