import Configuration
import Crypto
import Foundation
import ThiqaBackends
import ThiqaRights
import ThiqaStorage

/// The rights of law 09-08: subjects, the key store, contestation deadlines.
///
/// Keys:
/// - `rights.subjectKeyPath`: the deployment key under which subject identifiers are hashed (HMAC, one derived key
///   per tenant), so that no CIN is ever stored (default data/keys/subject.key; created 0600 on first start)
/// - `rights.keyStore.path`: the key store, a SQLite file of its own (default data/keys/subject-keys.sqlite)
/// - `rights.keyStore.url`: or a PostgreSQL database of its own (`postgres://…`; never the main database)
/// - `rights.keyStore.masterKeyPath`: the master key that wraps every key of the key store, outside both databases
///   (default data/keys/key-store-master.key; created 0600 on first start)
/// - `rights.contestationDeadlineDays`: how long the deployment gives itself to decide a contestation (30)
/// - `rights.identityProofs`: the proofs of identity a DPO may accept before releasing a subject's file
///   (default all: cnie_in_person, cnie_electronic, passport_in_person, legalised_signature, representative)
public struct RightsConfiguration: Sendable, Equatable {
    public var subjectKeyPath: String
    public var keyStore: StorageConfiguration
    public var keyStoreMasterKeyPath: String
    public var contestationDeadlineDays: Int
    public var identityProofs: [IdentityProof]

    public init(
        subjectKeyPath: String = "data/keys/subject.key", keyStore: StorageConfiguration = .sqlite(path: "data/keys/subject-keys.sqlite"),
        keyStoreMasterKeyPath: String = "data/keys/key-store-master.key", contestationDeadlineDays: Int = 30,
        identityProofs: [IdentityProof] = IdentityProof.allCases
    ) {
        self.identityProofs = identityProofs
        self.subjectKeyPath = subjectKeyPath
        self.keyStore = keyStore
        self.keyStoreMasterKeyPath = keyStoreMasterKeyPath
        self.contestationDeadlineDays = contestationDeadlineDays
    }

    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "rights")
        self.subjectKeyPath = try reader.string("subjectKeyPath", default: "data/keys/subject.key")
        if let url = try reader.optionalString("keyStore.url", isSecret: true) {
            self.keyStore = .postgres(url: url)
        } else {
            self.keyStore = .sqlite(path: try reader.string("keyStore.path", default: "data/keys/subject-keys.sqlite"))
        }
        self.keyStoreMasterKeyPath = try reader.string("keyStore.masterKeyPath", default: "data/keys/key-store-master.key")
        self.contestationDeadlineDays = try reader.int("contestationDeadlineDays", default: 30, range: 1...365)
        self.identityProofs = try reader.stringArray("identityProofs", default: IdentityProof.allCases.map(\.rawValue)).map { text in
            guard let proof = IdentityProof(rawValue: text) else {
                throw ConfigurationError(key: "rights.identityProofs", expected: "a list of \(IdentityProof.accepted)", got: "'\(text)'")
            }
            return proof
        }
        guard !identityProofs.isEmpty else {
            throw ConfigurationError(key: "rights.identityProofs", expected: "at least one of \(IdentityProof.accepted)", got: "an empty list")
        }
    }

    public func loadSubjectKey() throws -> SymmetricKey {
        try KeyFile.symmetricKey(path: subjectKeyPath, field: "rights.subjectKeyPath", what: "the subject key")
    }

    public func loadMasterKey() throws -> SymmetricKey {
        try KeyFile.symmetricKey(path: keyStoreMasterKeyPath, field: "rights.keyStore.masterKeyPath", what: "the key store's master key")
    }
}
