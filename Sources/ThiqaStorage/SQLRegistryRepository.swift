import Crypto
import FoundationEssentials
import SQLKit
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger

/// Everything the registry holds, read in one transaction: what a ``GovernanceSnapshot`` is built from.
public struct RegistryContents: Sendable {
    public var version: UInt64
    public var controllers: [TenantID: Controller]
    public var declarations: [Declaration]
    /// The newest revision of each use case's assessment.
    public var assessments: [UseCaseRef: ImpactAssessment]
}

/// One stored version of a declaration: the change as logged, the declaration it produced, and its log leaf.
public struct StoredDeclarationVersion: Sendable, Equatable {
    public var change: DeclarationChange
    public var declaration: Declaration
    public var logIndex: UInt64
    /// The exact bytes appended to the transparency log.
    public var leaf: [UInt8]
}

public enum RegistryStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Someone else changed the declaration since it was read: re-read, re-apply.
    case concurrentChange(UseCaseRef, expected: Int, found: Int)
    case corrupt(String)

    public var description: String {
        switch self {
        case .concurrentChange(let ref, let expected, let found):
            "the declaration of \(ref) changed meanwhile (expected version \(expected), found \(found)); read it again and retry"
        case .corrupt(let message): "the registry tables are inconsistent: \(message)"
        }
    }
}

/// The governance registry in SQL (SQLite or PostgreSQL). Every change runs in one transaction that also appends
/// its transparency-log leaf and bumps `registry_state.version`, so a change is either logged, versioned and
/// visible to polling replicas, or not made at all.
public struct SQLRegistryRepository: Sendable {
    let database: ThiqaDatabase
    let log: SQLTransparencyLog

    /// Kind of the leaf logged when a controller is created or changed: its tenant, legal name and a digest of its
    /// DPO contact (the contact itself is published by the public registry, not the log).
    public static let controllerLeafKind = "thiqa.registry.controller_change"

    public init(database: ThiqaDatabase) {
        self.database = database
        self.log = SQLTransparencyLog(database: database)
    }

    // MARK: - Version and whole contents

    /// The registry's version: one indexed read, cheap enough to poll every second.
    public func version() async throws -> UInt64 {
        try await self.database.read { db in try await Self.version(on: db) }
    }

    static func version(on db: any SQLDatabase) async throws -> UInt64 {
        guard let value = try await db.raw("SELECT version FROM registry_state WHERE id = 1").first(decodingColumn: "version", as: Int64.self) else {
            throw RegistryStoreError.corrupt("the registry_state row is missing")
        }
        return UInt64(value)
    }

    /// Increments the version inside the caller's transaction (on PostgreSQL the UPDATE locks the row until commit,
    /// which also serialises concurrent registry changes).
    static func bump(on db: any SQLDatabase) async throws -> UInt64 {
        try await db.raw("UPDATE registry_state SET version = version + 1 WHERE id = 1").run()
        return try await Self.version(on: db)
    }

    public func load() async throws -> RegistryContents {
        try await self.database.transaction { db in
            let version = try await Self.version(on: db)
            var controllers: [TenantID: Controller] = [:]
            for row in try await db.raw("SELECT document FROM registry_controllers").all() {
                let controller = try Self.decode(Controller.self, row)
                controllers[controller.id] = controller
            }
            let declarations = try await db.raw("SELECT document FROM declarations ORDER BY tenant, use_case").all().map {
                try Self.decode(Declaration.self, $0)
            }
            var assessments: [UseCaseRef: ImpactAssessment] = [:]
            for row in try await db.raw("SELECT document FROM impact_assessments ORDER BY tenant, use_case, revision").all() {
                let assessment = try Self.decode(ImpactAssessment.self, row)
                assessments[assessment.useCase] = assessment
            }
            return RegistryContents(version: version, controllers: controllers, declarations: declarations, assessments: assessments)
        }
    }

    // MARK: - Controllers

    public func controller(_ tenant: TenantID) async throws -> Controller? {
        try await self.database.read { db in
            try await db.raw("SELECT document FROM registry_controllers WHERE tenant = \(bind: tenant.rawValue)").first().map {
                try Self.decode(Controller.self, $0)
            }
        }
    }

    /// Creates or replaces a controller; returns nil when nothing changed (nothing is written or logged then).
    @discardableResult
    public func save(_ controller: Controller, by principal: PrincipalID, at now: Date) async throws -> UInt64? {
        let document = try Self.encode(controller)
        return try await self.database.transaction { db in
            let existing = try await db.raw("SELECT document FROM registry_controllers WHERE tenant = \(bind: controller.id.rawValue)").first()
            if let existing, try Self.decode(Controller.self, existing) == controller { return nil }
            let contact = SHA256.hash(data: Array("\(controller.dpo.name)\n\(controller.dpo.email)\n\(controller.dpo.phone ?? "")".utf8)).hexString
            let leaf = try CanonicalJSON.encode(
                .object([
                    "kind": .string(Self.controllerLeafKind), "format": .int(1), "tenant": .string(controller.id.rawValue),
                    "legal_name": .string(controller.legalName), "dpo_contact_sha256": .string(contact),
                    "principal": .string(principal.rawValue), "at": .string(Timestamp.format(now)),
                ])
            )
            let indexes = try await self.log.append(leaves: [leaf], on: db)
            if existing == nil {
                try await db.raw("""
                    INSERT INTO registry_controllers (tenant, document, updated_at_ms, updated_by)
                    VALUES (\(bind: controller.id.rawValue), \(bind: document), \(bind: now.millisecondsSince1970), \(bind: principal.rawValue))
                    """).run()
            } else {
                try await db.raw("""
                    UPDATE registry_controllers SET document = \(bind: document), updated_at_ms = \(bind: now.millisecondsSince1970),
                        updated_by = \(bind: principal.rawValue) WHERE tenant = \(bind: controller.id.rawValue)
                    """).run()
            }
            _ = try await Self.bump(on: db)
            return indexes[0]
        }
    }

    // MARK: - Declarations

    public func declaration(_ ref: UseCaseRef) async throws -> Declaration? {
        try await self.database.read { db in try await Self.current(ref, on: db)?.declaration }
    }

    /// The current declaration with its version number (for a compare-and-swap save).
    public func versioned(_ ref: UseCaseRef) async throws -> (declaration: Declaration, version: Int)? {
        try await self.database.read { db in try await Self.current(ref, on: db) }
    }

    static func current(_ ref: UseCaseRef, on db: any SQLDatabase) async throws -> (declaration: Declaration, version: Int)? {
        guard
            let row = try await db.raw(
                "SELECT version, document FROM declarations WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue)"
            ).first()
        else { return nil }
        return (try Self.decode(Declaration.self, row), Int(try row.decode(column: "version", as: Int64.self)))
    }

    /// Writes `declaration` as the next version of its use case, with its change logged in the same transaction.
    /// `expectedVersion` (the version the caller read; 0 for a new use case) makes the write compare-and-swap; nil
    /// writes over whatever is current. Returns nil when nothing differs from the current declaration.
    @discardableResult
    public func save(
        _ declaration: Declaration, reason: String, by principal: PrincipalID, at now: Date, expectedVersion: Int? = nil
    ) async throws -> StoredDeclarationVersion? {
        let document = try Self.encode(declaration)
        return try await self.database.transaction { db in
            // The bump first: on PostgreSQL it locks registry_state, so two writers of one use case cannot both read
            // the same current version.
            let registryVersion = try await Self.bump(on: db)
            _ = registryVersion
            let current = try await Self.current(declaration.ref, on: db)
            let currentVersion = current?.version ?? 0
            if let expectedVersion, expectedVersion != currentVersion {
                throw RegistryStoreError.concurrentChange(declaration.ref, expected: expectedVersion, found: currentVersion)
            }
            guard
                let change = DeclarationChange(
                    from: current?.declaration, to: declaration, version: currentVersion + 1, principal: principal, at: now, reason: reason
                )
            else {
                // Nothing to write: undo the bump by rolling back.
                throw NothingChanged()
            }
            let leaf = change.canonicalBytes
            let index = try await self.log.append(leaves: [leaf], on: db)[0]
            let ref = declaration.ref
            try await db.raw("""
                INSERT INTO declaration_versions (tenant, use_case, version, principal_id, at_ms, reason, change_document,
                    declaration_document, declaration_sha256, log_index)
                VALUES (\(bind: ref.tenant.rawValue), \(bind: ref.useCase.rawValue), \(bind: Int64(change.version)), \(bind: principal.rawValue),
                    \(bind: now.millisecondsSince1970), \(bind: reason), \(bind: String(decoding: leaf, as: UTF8.self)), \(bind: document),
                    \(bind: change.declarationSHA256), \(bind: Int64(index)))
                """).run()
            if current == nil {
                try await db.raw("""
                    INSERT INTO declarations (tenant, use_case, version, status, document, updated_at_ms)
                    VALUES (\(bind: ref.tenant.rawValue), \(bind: ref.useCase.rawValue), \(bind: Int64(change.version)),
                        \(bind: declaration.status.rawValue), \(bind: document), \(bind: now.millisecondsSince1970))
                    """).run()
            } else {
                try await db.raw("""
                    UPDATE declarations SET version = \(bind: Int64(change.version)), status = \(bind: declaration.status.rawValue),
                        document = \(bind: document), updated_at_ms = \(bind: now.millisecondsSince1970)
                    WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue)
                    """).run()
            }
            return StoredDeclarationVersion(change: change, declaration: declaration, logIndex: index, leaf: leaf)
        } catchNothingChanged: {
            nil
        }
    }

    /// Every version of a use case's declaration, oldest first.
    public func history(_ ref: UseCaseRef) async throws -> [StoredDeclarationVersion] {
        try await self.database.read { db in
            try await db.raw("""
                SELECT version, principal_id, at_ms, reason, change_document, declaration_document, log_index FROM declaration_versions
                WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue) ORDER BY version
                """).all().map { row in
                let declaration = try Self.decode(Declaration.self, row, column: "declaration_document")
                let leaf = Array(try row.decode(column: "change_document", as: String.self).utf8)
                let change = try Self.parseChange(leaf)
                return StoredDeclarationVersion(
                    change: change, declaration: declaration, logIndex: UInt64(try row.decode(column: "log_index", as: Int64.self)), leaf: leaf
                )
            }
        }
    }

    /// Reads a logged change back (the log leaf is the record of truth; the other columns index it).
    public static func parseChange(_ leaf: [UInt8]) throws -> DeclarationChange {
        guard case .object(let fields) = try CanonicalJSON.parse(leaf),
            case .string(let tenant)? = fields["tenant"], case .string(let useCase)? = fields["use_case"],
            case .int(let version)? = fields["version"], case .string(let principal)? = fields["principal"],
            case .string(let at)? = fields["at"], let instant = Timestamp.parse(at), case .string(let reason)? = fields["reason"],
            case .array(let changes)? = fields["changes"], case .string(let sha)? = fields["declaration_sha256"]
        else { throw RegistryStoreError.corrupt("a declaration change leaf does not have the expected fields") }
        var fieldChanges: [FieldChange] = []
        for change in changes {
            guard case .object(let parts) = change, case .string(let field)? = parts["field"] else {
                throw RegistryStoreError.corrupt("a field change has no field name")
            }
            func value(_ name: String) -> CanonicalJSON.JSONValue? { if case .null? = parts[name] { nil } else { parts[name] } }
            fieldChanges.append(FieldChange(field: field, old: value("old"), new: value("new")))
        }
        return DeclarationChange(
            logged: UseCaseRef(tenant: TenantID(unchecked: tenant), useCase: UseCaseID(unchecked: useCase)), version: Int(version),
            principal: PrincipalID(principal), at: instant, reason: reason, changes: fieldChanges, declarationSHA256: sha
        )
    }

    // MARK: - Impact assessments

    public func assessment(_ ref: UseCaseRef) async throws -> ImpactAssessment? {
        try await self.database.read { db in
            try await db.raw("""
                SELECT document FROM impact_assessments WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue)
                ORDER BY revision DESC LIMIT 1
                """).first().map { try Self.decode(ImpactAssessment.self, $0) }
        }
    }

    /// Stores an assessment's state (a submission, revision, approval or return), logged as a leaf of kind
    /// `thiqa.registry.assessment`. `expectedStatus` makes an approval or return compare-and-swap on the revision.
    @discardableResult
    public func save(_ assessment: ImpactAssessment, by principal: PrincipalID, at now: Date) async throws -> UInt64 {
        let document = try Self.encode(assessment)
        return try await self.database.transaction { db in
            _ = try await Self.bump(on: db)
            let ref = assessment.useCase
            let leaf = assessment.canonicalBytes
            let index = try await self.log.append(leaves: [leaf], on: db)[0]
            let exists =
                try await db.raw("""
                    SELECT revision FROM impact_assessments WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue)
                        AND revision = \(bind: Int64(assessment.revision))
                    """).first() != nil
            if exists {
                try await db.raw("""
                    UPDATE impact_assessments SET status = \(bind: assessment.status.rawValue), author = \(bind: assessment.author.rawValue),
                        document = \(bind: document), updated_at_ms = \(bind: now.millisecondsSince1970), updated_by = \(bind: principal.rawValue),
                        log_index = \(bind: Int64(index))
                    WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue) AND revision = \(bind: Int64(assessment.revision))
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO impact_assessments (tenant, use_case, revision, status, author, document, updated_at_ms, updated_by, log_index)
                    VALUES (\(bind: ref.tenant.rawValue), \(bind: ref.useCase.rawValue), \(bind: Int64(assessment.revision)),
                        \(bind: assessment.status.rawValue), \(bind: assessment.author.rawValue), \(bind: document),
                        \(bind: now.millisecondsSince1970), \(bind: principal.rawValue), \(bind: Int64(index)))
                    """).run()
            }
            return index
        }
    }

    // MARK: - Staff

    public func create(_ principal: StaffPrincipal, credential: StaffCredential) async throws {
        try await self.database.transaction { db in
            try await db.raw("""
                INSERT INTO staff_principals (id, name, roles, created_at_ms, disabled_at_ms)
                VALUES (\(bind: principal.id.rawValue), \(bind: principal.name), \(bind: principal.roles.map(\.rawValue).sorted().joined(separator: ",")),
                    \(bind: principal.createdAt.millisecondsSince1970), \(bind: principal.disabledAt?.millisecondsSince1970))
                """).run()
            try await Self.insert(credential, on: db)
        }
    }

    public func add(_ credential: StaffCredential) async throws {
        try await self.database.transaction { db in try await Self.insert(credential, on: db) }
    }

    static func insert(_ credential: StaffCredential, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO staff_credentials (id, principal_id, token_hash, label, created_at_ms, revoked_at_ms)
            VALUES (\(bind: credential.id), \(bind: credential.principal.rawValue), \(bind: credential.tokenHash), \(bind: credential.label),
                \(bind: credential.createdAt.millisecondsSince1970), \(bind: credential.revokedAt?.millisecondsSince1970))
            """).run()
    }

    /// Revokes a credential by its id, or every credential of a principal by the principal's id. False when neither exists.
    public func revoke(_ id: String, at now: Date) async throws -> Bool {
        try await self.database.transaction { db in
            let ms = now.millisecondsSince1970
            if try await db.raw("SELECT id FROM staff_credentials WHERE id = \(bind: id)").first() != nil {
                try await db.raw("UPDATE staff_credentials SET revoked_at_ms = \(bind: ms) WHERE id = \(bind: id) AND revoked_at_ms IS NULL").run()
                return true
            }
            if try await db.raw("SELECT id FROM staff_principals WHERE id = \(bind: id)").first() != nil {
                try await db.raw("UPDATE staff_credentials SET revoked_at_ms = \(bind: ms) WHERE principal_id = \(bind: id) AND revoked_at_ms IS NULL").run()
                try await db.raw("UPDATE staff_principals SET disabled_at_ms = \(bind: ms) WHERE id = \(bind: id) AND disabled_at_ms IS NULL").run()
                return true
            }
            return false
        }
    }

    public func principals() async throws -> [StaffPrincipal] {
        try await self.database.read { db in
            try await db.raw("SELECT * FROM staff_principals ORDER BY created_at_ms, id").all().map(Self.decodePrincipal)
        }
    }

    public func credentials() async throws -> [StaffCredential] {
        try await self.database.read { db in
            try await db.raw("SELECT * FROM staff_credentials ORDER BY created_at_ms, id").all().map(Self.decodeCredential)
        }
    }

    /// The active principal behind a presented staff token, or nil (unknown, revoked, disabled, malformed). One
    /// indexed read by the token's hash; the comparison itself is constant-time (``StaffDirectory``).
    public func authenticate(_ token: String) async throws -> StaffPrincipal? {
        guard StaffToken.isWellFormed(token) else { return nil }
        return try await self.database.read { db in
            guard
                let row = try await db.raw("SELECT * FROM staff_credentials WHERE token_hash = \(bind: StaffToken.hash(token))").first()
            else { return nil }
            let credential = try Self.decodeCredential(row)
            guard
                let principal = try await db.raw("SELECT * FROM staff_principals WHERE id = \(bind: credential.principal.rawValue)").first().map(
                    Self.decodePrincipal)
            else { return nil }
            return StaffDirectory(principals: [principal], credentials: [credential]).authenticate(token)
        }
    }

    static func decodePrincipal(_ row: any SQLRow) throws -> StaffPrincipal {
        let roles = try row.decode(column: "roles", as: String.self).split(separator: ",").map { part in
            guard let role = Role(rawValue: String(part)) else { throw RegistryStoreError.corrupt("unknown staff role '\(part)'") }
            return role
        }
        return StaffPrincipal(
            id: PrincipalID(try row.decode(column: "id", as: String.self)), name: try row.decode(column: "name", as: String.self),
            roles: Set(roles), createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at_ms", as: Int64.self)),
            disabledAt: try row.decode(column: "disabled_at_ms", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }

    static func decodeCredential(_ row: any SQLRow) throws -> StaffCredential {
        StaffCredential(
            id: try row.decode(column: "id", as: String.self), principal: PrincipalID(try row.decode(column: "principal_id", as: String.self)),
            tokenHash: try row.decode(column: "token_hash", as: String.self), label: try row.decode(column: "label", as: String?.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at_ms", as: Int64.self)),
            revokedAt: try row.decode(column: "revoked_at_ms", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }

    // MARK: - Documents

    static func encode(_ value: some Encodable) throws -> String {
        // Dates as Foundation's own seconds (a Double that round-trips exactly): milliseconds would round an
        // instant, and a lifecycle check could then find a date before the one it was set from.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ row: any SQLRow, column: String = "document") throws -> T {
        let decoder = JSONDecoder()
        return try decoder.decode(T.self, from: Data(try row.decode(column: column, as: String.self).utf8))
    }
}

/// Thrown inside a transaction to roll it back when a save turns out to change nothing.
struct NothingChanged: Error {}

extension ThiqaDatabase {
    /// Runs `body` in a transaction; a ``NothingChanged`` thrown from it rolls back and returns `fallback()`.
    func transaction<T: Sendable>(
        _ body: (any SQLDatabase) async throws -> T, catchNothingChanged fallback: () -> T
    ) async throws -> T {
        do { return try await self.transaction(body) } catch is NothingChanged { return fallback() }
    }
}
