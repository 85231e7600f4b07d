import Crypto
import Foundation
import Logging
import SQLKit
import ThiqaRights

/// The keys that seal personal data at rest, kept apart from the main database: a separate SQLite file, or a
/// separate PostgreSQL database, whose rows hold each key wrapped (AES-GCM) under a master key that lives in a
/// file outside both. A subject has one random 256-bit key; content kept for a call that named no subject, and
/// each conversation's pseudonym mapping, have one of their own, with the expiry of what they seal.
///
/// Erasure is destroying a key: its row is deleted (SQLite with `secure_delete`, then a WAL checkpoint; PostgreSQL
/// rewrites the table), and everything sealed under it — in the live database and in every copy or backup of the
/// main database ever taken — is unreadable from then on. Backups of this store are what could bring a destroyed
/// key back: README ("Your rights") gives their short retention.
public final class SubjectKeyStore: Sendable {
    public let database: ThiqaDatabase
    let master: SymmetricKey

    public init(database: ThiqaDatabase, master: SymmetricKey) {
        self.database = database
        self.master = master
    }

    /// The key store's own schema (it is a separate database: its own `thiqa_migrations`).
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "wrapped keys") { _ in
            [
                """
                CREATE TABLE thiqa_keys (
                    key_id TEXT PRIMARY KEY,
                    subject_id TEXT UNIQUE,
                    wrapped TEXT NOT NULL,
                    created_at_ms BIGINT NOT NULL,
                    expires_at_ms BIGINT
                )
                """,
                "CREATE INDEX thiqa_keys_expiry ON thiqa_keys (expires_at_ms)",
            ]
        }
    ]

    /// Opens (and migrates) the key store. It must not be the main database: erasing a key must not depend on
    /// erasing rows from the database whose copies it protects.
    public static func open(
        _ configuration: StorageConfiguration, master: SymmetricKey, main: StorageConfiguration, logger: Logger
    ) async throws -> SubjectKeyStore {
        if configuration == main {
            throw StorageOpenError(message: "rights.keyStore: the key store must be a database of its own, not the main database")
        }
        let database = try await ThiqaDatabase.open(configuration, logger: logger)
        let store = SubjectKeyStore(database: database, master: master)
        return store
    }

    public func migrate() async throws {
        try await Migrations.run(on: database, migrations: Self.migrations)
    }

    /// Whether the store answers a read of its keys table (for readiness): calls that name a person, kept content
    /// and held answers cannot be sealed or opened without it, so a replica without it must not take traffic.
    public func probe() async -> Bool {
        do {
            _ = try await database.read { db in try await db.raw("SELECT key_id FROM thiqa_keys LIMIT 1").all() }
            return true
        } catch {
            return false
        }
    }

    /// A key and its id.
    public struct Key: Sendable {
        public var id: String
        public var key: SymmetricKey
        public init(id: String, key: SymmetricKey) {
            self.id = id
            self.key = key
        }
    }

    static func newKeyID() -> String { RightsToken.make(prefix: "key_", count: 24) }

    // MARK: - Create, find, destroy

    /// The subject's key, created on first use (two processes creating it at once agree on the first one stored).
    public func subjectKey(_ subject: String) async throws -> Key {
        if let found = try await findSubjectKey(subject) { return found }
        let key = Sealing.makeKey()
        let id = Self.newKeyID()
        let wrapped = Data(try Sealing.wrap(key, keyID: id, master: master)).base64EncodedString()
        do {
            try await database.transaction { db in
                try await db.raw("""
                    INSERT INTO thiqa_keys (key_id, subject_id, wrapped, created_at_ms, expires_at_ms)
                    VALUES (\(bind: id), \(bind: subject), \(bind: wrapped), \(bind: Date().millisecondsSince1970), NULL)
                    """).run()
            }
        } catch {
            // The unique subject_id: another call created it first.
            if let found = try await findSubjectKey(subject) { return found }
            throw error
        }
        return Key(id: id, key: key)
    }

    /// The subject's key if it exists (nil: never created, or destroyed by an erasure).
    public func findSubjectKey(_ subject: String) async throws -> Key? {
        let row = try await database.read { db in
            try await db.raw("SELECT key_id, wrapped FROM thiqa_keys WHERE subject_id = \(bind: subject)").first()
        }
        guard let row else { return nil }
        let id = try row.decode(column: "key_id", as: String.self)
        return Key(id: id, key: try self.unwrap(try row.decode(column: "wrapped", as: String.self), id: id))
    }

    /// A key of its own for one record or one conversation, destroyed when it expires.
    public func createKey(expiresAt: Date) async throws -> Key {
        let key = Sealing.makeKey()
        let id = Self.newKeyID()
        let wrapped = Data(try Sealing.wrap(key, keyID: id, master: master)).base64EncodedString()
        try await database.transaction { db in
            try await db.raw("""
                INSERT INTO thiqa_keys (key_id, subject_id, wrapped, created_at_ms, expires_at_ms)
                VALUES (\(bind: id), NULL, \(bind: wrapped), \(bind: Date().millisecondsSince1970), \(bind: expiresAt.millisecondsSince1970))
                """).run()
        }
        return Key(id: id, key: key)
    }

    /// Keys of their own for many records, in one transaction of the key store: a batch of records costs one
    /// durable commit there as in the main database.
    public func createKeys(expiring dates: [Date]) async throws -> [Key] {
        guard !dates.isEmpty else { return [] }
        let now = Date().millisecondsSince1970
        var made: [(key: Key, wrapped: String, expiresAt: Date)] = []
        for date in dates {
            let key = Key(id: Self.newKeyID(), key: Sealing.makeKey())
            made.append((key, Data(try Sealing.wrap(key.key, keyID: key.id, master: master)).base64EncodedString(), date))
        }
        let rows = made
        try await database.transaction { db in
            for row in rows {
                try await db.raw("""
                    INSERT INTO thiqa_keys (key_id, subject_id, wrapped, created_at_ms, expires_at_ms)
                    VALUES (\(bind: row.key.id), NULL, \(bind: row.wrapped), \(bind: now), \(bind: row.expiresAt.millisecondsSince1970))
                    """).run()
            }
        }
        return made.map(\.key)
    }

    /// Moves a record or conversation key's expiry (a conversation lives on with each turn).
    public func extend(keyID: String, expiresAt: Date) async throws {
        try await database.transaction { db in
            try await db.raw(
                "UPDATE thiqa_keys SET expires_at_ms = \(bind: expiresAt.millisecondsSince1970) WHERE key_id = \(bind: keyID) AND subject_id IS NULL"
            ).run()
        }
    }

    /// The key with this id (nil when it was destroyed or has expired).
    public func key(id: String, now: Date = Date()) async throws -> SymmetricKey? {
        let row = try await database.read { db in
            try await db.raw("""
                SELECT wrapped FROM thiqa_keys WHERE key_id = \(bind: id)
                AND (expires_at_ms IS NULL OR expires_at_ms > \(bind: now.millisecondsSince1970))
                """).first()
        }
        guard let row else { return nil }
        return try self.unwrap(try row.decode(column: "wrapped", as: String.self), id: id)
    }

    /// Destroys a subject's key (crypto-shredding), then compacts the store so no copy of the key stays in its
    /// files. Returns false when the subject had no key.
    @discardableResult
    public func destroySubjectKey(_ subject: String) async throws -> Bool {
        let deleted = try await database.transaction { db in
            let exists = try await db.raw("SELECT key_id FROM thiqa_keys WHERE subject_id = \(bind: subject)").first() != nil
            if exists { try await db.raw("DELETE FROM thiqa_keys WHERE subject_id = \(bind: subject)").run() }
            return exists
        }
        if deleted { try await database.compactAfterErasure(rewriting: ["thiqa_keys"]) }
        return deleted
    }

    /// Destroys the keys whose time has passed (the retention limit of what they sealed); returns how many.
    public func destroyExpired(now: Date) async throws -> Int {
        let count = try await database.transaction { db in
            let cutoff = now.millisecondsSince1970
            let count = try await db.raw("SELECT COUNT(*) AS n FROM thiqa_keys WHERE expires_at_ms <= \(bind: cutoff)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if count > 0 { try await db.raw("DELETE FROM thiqa_keys WHERE expires_at_ms <= \(bind: cutoff)").run() }
            return count
        }
        if count > 0 { try await database.compactAfterErasure(rewriting: ["thiqa_keys"]) }
        return count
    }

    // MARK: - Seal and open

    /// Seals under the key `keyID`; throws ``SealingError/keyDestroyed(keyID:)`` when it is gone.
    public func seal(_ plaintext: [UInt8], keyID: String, associatedData: [UInt8]) async throws -> [UInt8] {
        guard let key = try await key(id: keyID) else { throw SealingError.keyDestroyed(keyID: keyID) }
        return try Sealing.seal(plaintext, key: key, associatedData: associatedData)
    }

    /// Opens what was sealed under `keyID`; throws ``SealingError/keyDestroyed(keyID:)`` after an erasure or
    /// expiry, ``SealingError/cannotOpen`` when the value was moved to another row.
    public func open(_ sealed: [UInt8], keyID: String, associatedData: [UInt8]) async throws -> [UInt8] {
        guard let key = try await key(id: keyID) else { throw SealingError.keyDestroyed(keyID: keyID) }
        return try Sealing.open(sealed, key: key, associatedData: associatedData)
    }

    /// Seals text for a row and returns it as stored (base64), with its key: the subject's when there is one,
    /// else a new key of the row's own that expires with it.
    public func sealText(_ text: String, subject: String?, expiresAt: Date?, associatedData: [UInt8]) async throws -> (keyID: String, sealed: String) {
        let key: Key
        if let subject {
            key = try await subjectKey(subject)
        } else {
            key = try await createKey(expiresAt: expiresAt ?? Date().addingTimeInterval(365 * 86_400))
        }
        let sealed = try Sealing.seal(Array(text.utf8), key: key.key, associatedData: associatedData)
        return (key.id, Data(sealed).base64EncodedString())
    }

    public func openText(_ sealed: String, keyID: String, associatedData: [UInt8]) async throws -> String {
        guard let bytes = Data(base64Encoded: sealed) else { throw SealingError.format }
        return String(decoding: try await open(Array(bytes), keyID: keyID, associatedData: associatedData), as: UTF8.self)
    }

    func unwrap(_ text: String, id: String) throws -> SymmetricKey {
        guard let bytes = Data(base64Encoded: text) else { throw SealingError.format }
        return try Sealing.unwrap(Array(bytes), keyID: id, master: master)
    }
}
