import Crypto
import Foundation
import Logging
import SQLKit
import ThiqaCore
import ThiqaPrivacy
import ThiqaRights

/// The data half of migration 7, which SQL alone cannot do: sealing needs the key store.
///
/// 1. Content kept before version 7 sat in clear in `interaction_contents`: each row is sealed under a key of its
///    own (those rows name no subject) that expires with the content, moved to `kept_contents`, and deleted.
/// 2. Pseudonym mappings sealed before version 7 under a key derived from the vault master key (HKDF, format 1)
///    are opened and sealed again under a random key of the conversation's own in the key store (format 2),
///    which expires with the mapping: a derived key cannot be destroyed without destroying every conversation's.
///
/// It runs at every start after the schema migrations and does nothing once both are done (rows are moved in
/// batches, each batch in one transaction, so a stop half-way loses nothing and the next start goes on). With
/// `secure_delete` on, the deleted clear rows are zeroed in the SQLite file and the WAL is truncated at the end;
/// copies of the database taken before this migration still hold them, as they held them before.
public enum RightsDataMigration {
    public struct Report: Sendable, Equatable {
        public var contents = 0
        public var conversations = 0
        public init(contents: Int = 0, conversations: Int = 0) {
            self.contents = contents
            self.conversations = conversations
        }
    }

    static let batchSize = 200

    @discardableResult
    public static func run(database: ThiqaDatabase, keys: SubjectKeyStore, vaultMasterKey: SymmetricKey?, logger: Logger) async throws -> Report {
        var report = Report()
        report.contents = try await sealKeptContent(database: database, keys: keys)
        if let vaultMasterKey {
            report.conversations = try await resealConversations(database: database, keys: keys, master: vaultMasterKey, logger: logger)
        }
        if report.contents > 0 || report.conversations > 0 {
            try await database.compactAfterErasure()
            logger.info(
                "sealed data kept before migration 7",
                metadata: ["thiqa.contents": "\(report.contents)", "thiqa.conversations": "\(report.conversations)"]
            )
        }
        return report
    }

    static func sealKeptContent(database: ThiqaDatabase, keys: SubjectKeyStore) async throws -> Int {
        var moved = 0
        while true {
            let rows = try await database.read { db in
                try await db.raw("""
                    SELECT c.interaction_id AS interaction_id, c.request AS request, c.response AS response, c.expires_at_ms AS expires_at_ms,
                        i.subject_id AS subject_id
                    FROM interaction_contents c LEFT JOIN interactions i ON i.id = c.interaction_id
                    ORDER BY c.interaction_id LIMIT \(bind: Int64(Self.batchSize))
                    """).all()
            }
            if rows.isEmpty { return moved }
            let repository = SQLInteractionRepository(database: database, keys: keys)
            let contents: [(content: InteractionContent, subject: String?)?] = try rows.map { row in
                let content = InteractionContent(
                    interactionID: try row.decode(column: "interaction_id", as: String.self), request: try row.decode(column: "request", as: String.self),
                    response: try row.decode(column: "response", as: String.self),
                    expiresAt: Date(millisecondsSince1970: try row.decode(column: "expires_at_ms", as: Int64.self))
                )
                return (content, try row.decode(column: "subject_id", as: String?.self))
            }
            let sealed = try await repository.seal(contents).compactMap { $0 }
            try await database.transaction { db in
                for item in sealed {
                    try await SQLInteractionRepository.insertContent(item, on: db)
                    try await db.raw("DELETE FROM interaction_contents WHERE interaction_id = \(bind: item.interactionID)").run()
                }
            }
            moved += sealed.count
        }
    }

    static func resealConversations(database: ThiqaDatabase, keys: SubjectKeyStore, master: SymmetricKey, logger: Logger) async throws -> Int {
        var moved = 0
        var unreadable = 0
        while true {
            let rows = try await database.read { db in
                try await db.raw("""
                    SELECT tenant, use_case, owner, conversation_id, version, sealed, expires_at_ms, subject_id FROM conversation_vaults
                    WHERE key_id IS NULL ORDER BY tenant, use_case, owner, conversation_id LIMIT \(bind: Int64(Self.batchSize))
                    """).all()
            }
            if rows.isEmpty { break }
            var updates: [(tenant: String, useCase: String, owner: String, conversation: String, version: Int64, sealed: String?, keyID: String?)] = []
            for row in rows {
                let tenant = try row.decode(column: "tenant", as: String.self)
                let useCase = try row.decode(column: "use_case", as: String.self)
                let owner = try row.decode(column: "owner", as: String.self)
                let conversation = try row.decode(column: "conversation_id", as: String.self)
                let version = try row.decode(column: "version", as: Int64.self)
                let expiresAt = Date(millisecondsSince1970: try row.decode(column: "expires_at_ms", as: Int64.self))
                let scoped = SQLPseudonymVaultRepository.scopedID(tenant: tenant, useCase: useCase, owner: owner, conversation: conversation)
                guard let data = Data(base64Encoded: try row.decode(column: "sealed", as: String.self)),
                    let mapping = try? PseudonymVault.open(data, key: PseudonymVault.conversationKey(master: master, conversationID: scoped), conversationID: scoped)
                else {
                    // Sealed under another vault key: nobody can read it; it is deleted rather than left forever.
                    unreadable += 1
                    updates.append((tenant, useCase, owner, conversation, version, nil, nil))
                    continue
                }
                let key = try await keys.createKey(expiresAt: expiresAt)
                let plaintext = try JSONEncoder.sorted.encode(mapping)
                let sealed = try Sealing.seal(Array(plaintext), key: key.key, associatedData: SQLPseudonymVaultRepository.associatedData(scopedID: scoped))
                updates.append((tenant, useCase, owner, conversation, version, Data(sealed).base64EncodedString(), key.id))
            }
            let batch = updates
            try await database.transaction { db in
                for update in batch {
                    let match: SQLQueryString = """
                        tenant = \(bind: update.tenant) AND use_case = \(bind: update.useCase) AND owner = \(bind: update.owner)
                        AND conversation_id = \(bind: update.conversation) AND version = \(bind: update.version) AND key_id IS NULL
                        """
                    if let sealed = update.sealed, let keyID = update.keyID {
                        try await db.raw("UPDATE conversation_vaults SET sealed = \(bind: sealed), key_id = \(bind: keyID) WHERE \(match)").run()
                    } else {
                        try await db.raw("DELETE FROM conversation_vaults WHERE \(match)").run()
                    }
                }
            }
            moved += updates.count
        }
        if unreadable > 0 {
            logger.warning("deleted pseudonym mappings the vault key does not open", metadata: ["thiqa.conversations": "\(unreadable)"])
        }
        return moved
    }
}
