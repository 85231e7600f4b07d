import Crypto
import Foundation
import SQLKit
import ThiqaCore
import ThiqaJSON
import ThiqaLedger
import ThiqaRights

/// Objections, contestation cases, access requests, rectifications and erasures, in SQL. Every right exercised
/// is a row of `rights_events` and a leaf of the transparency log, written in the same transaction as the change
/// it records; the leaf is a salted commitment (``PublicLeaf``) tagged for the tenant, so the public log says
/// nothing about whom. Messages, reasons and corrections are sealed under the subject's key in the key store.
public struct SQLRightsRepository: Sendable {
    public let database: ThiqaDatabase
    public let keys: SubjectKeyStore
    let log: SQLTransparencyLog
    let tenantKey: @Sendable (String) -> SymmetricKey

    public init(database: ThiqaDatabase, keys: SubjectKeyStore, tenantKey: @escaping @Sendable (String) -> SymmetricKey) {
        self.database = database
        self.keys = keys
        self.log = SQLTransparencyLog(database: database)
        self.tenantKey = tenantKey
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable { case notFound = "not_found", forbidden, invalid = "invalid_request", conflict }
        public var kind: Kind
        public var message: String
        public var description: String { message }
        public init(_ kind: Kind, _ message: String) {
            self.kind = kind
            self.message = message
        }
    }

    // MARK: - Events

    /// Records an event and appends its leaf, on the caller's transaction. Returns the leaf's index.
    @discardableResult
    func record(_ event: RightsEvent, on db: any SQLDatabase) async throws -> UInt64 {
        let salt = PublicLeaf.makeSalt()
        let leaf = try PublicLeaf.encode(record: event.committedRecord, salt: salt, tenantKey: tenantKey(event.tenant))
        let index = try await log.append(leaves: [leaf], on: db)[0]
        let detail = String(decoding: try JSONEncoder.sorted.encode(event.detail), as: UTF8.self)
        try await db.raw("""
            INSERT INTO rights_events (id, tenant, subject_id, kind, target, actor, detail, at_ms, commitment_salt, log_index)
            VALUES (\(bind: event.id), \(bind: event.tenant), \(bind: event.subjectID), \(bind: event.kind.rawValue), \(bind: event.target),
                    \(bind: event.actor), \(bind: detail), \(bind: event.at.millisecondsSince1970), \(bind: Hex.encode(salt)), \(bind: Int64(index)))
            """).run()
        return index
    }

    public struct StoredEvent: Sendable, Equatable {
        public var event: RightsEvent
        public var logIndex: UInt64
        public var salt: String
    }

    public func events(subject: String? = nil, target: String? = nil) async throws -> [StoredEvent] {
        try await database.read { db in
            let rows: [any SQLRow]
            if let subject {
                rows = try await db.raw("SELECT * FROM rights_events WHERE subject_id = \(bind: subject) ORDER BY log_index").all()
            } else if let target {
                rows = try await db.raw("SELECT * FROM rights_events WHERE target = \(bind: target) ORDER BY log_index").all()
            } else {
                rows = try await db.raw("SELECT * FROM rights_events ORDER BY log_index").all()
            }
            return try rows.map { row in
                let detail = try JSONDecoder().decode([String: String].self, from: Data(try row.decode(column: "detail", as: String.self).utf8))
                let event = RightsEvent(
                    id: try row.decode(column: "id", as: String.self),
                    kind: RightsEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .objection,
                    tenant: try row.decode(column: "tenant", as: String.self), subjectID: try row.decode(column: "subject_id", as: String?.self),
                    target: try row.decode(column: "target", as: String.self), actor: try row.decode(column: "actor", as: String.self), detail: detail,
                    at: Date(millisecondsSince1970: try row.decode(column: "at_ms", as: Int64.self))
                )
                return StoredEvent(
                    event: event, logIndex: UInt64(try row.decode(column: "log_index", as: Int64.self)),
                    salt: try row.decode(column: "commitment_salt", as: String.self)
                )
            }
        }
    }

    // MARK: - Objections

    /// Records a person's objection. A standing objection already active for the same subject and use case is
    /// returned as it is (objecting twice changes nothing and logs nothing).
    public func object(tenant: String, useCase: String, subject: String, scope: Objection.Scope, actor: String, at now: Date = Date()) async throws
        -> Objection
    {
        if scope == .standing, let active = try await standingObjection(tenant: tenant, useCase: useCase, subject: subject) { return active }
        let objection = Objection(
            id: RightsToken.make(prefix: "obj_", count: 24), tenant: tenant, useCase: useCase, subjectID: subject, scope: scope, createdAt: now
        )
        try await database.transaction { db in
            try await db.raw("""
                INSERT INTO subject_objections (id, tenant, use_case, subject_id, scope, decision_ref, created_at_ms, withdrawn_at_ms)
                VALUES (\(bind: objection.id), \(bind: tenant), \(bind: useCase), \(bind: subject), \(bind: scope.label), \(bind: scope.decisionRef),
                        \(bind: now.millisecondsSince1970), NULL)
                """).run()
            try await self.record(
                RightsEvent(
                    kind: .objection, tenant: tenant, subjectID: subject, target: objection.id, actor: actor,
                    detail: ["scope": scope.label, "use_case": useCase], at: now
                ), on: db
            )
        }
        return objection
    }

    /// Withdraws an objection of this subject; false when there is no such active objection.
    public func withdrawObjection(id: String, subject: String, actor: String, at now: Date = Date()) async throws -> Bool {
        try await database.transaction { db in
            guard let row = try await db.raw("""
                SELECT tenant, use_case FROM subject_objections WHERE id = \(bind: id) AND subject_id = \(bind: subject) AND withdrawn_at_ms IS NULL
                """).first() else { return false }
            try await db.raw("UPDATE subject_objections SET withdrawn_at_ms = \(bind: now.millisecondsSince1970) WHERE id = \(bind: id)").run()
            try await self.record(
                RightsEvent(
                    kind: .objectionWithdrawn, tenant: try row.decode(column: "tenant", as: String.self), subjectID: subject, target: id, actor: actor,
                    detail: ["use_case": try row.decode(column: "use_case", as: String.self)], at: now
                ), on: db
            )
            return true
        }
    }

    public func standingObjection(tenant: String, useCase: String, subject: String) async throws -> Objection? {
        try await objections(subject: subject).first { $0.tenant == tenant && $0.useCase == useCase && $0.scope == .standing && $0.isActive }
    }

    public func objections(subject: String) async throws -> [Objection] {
        try await database.read { db in
            try await db.raw("SELECT * FROM subject_objections WHERE subject_id = \(bind: subject) ORDER BY created_at_ms, id").all().map { row in
                let ref = try row.decode(column: "decision_ref", as: String?.self)
                return Objection(
                    id: try row.decode(column: "id", as: String.self), tenant: try row.decode(column: "tenant", as: String.self),
                    useCase: try row.decode(column: "use_case", as: String.self), subjectID: subject,
                    scope: try row.decode(column: "scope", as: String.self) == "decision" ? .decision(ref ?? "") : .standing,
                    createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at_ms", as: Int64.self)),
                    withdrawnAt: try row.decode(column: "withdrawn_at_ms", as: Int64?.self).map(Date.init(millisecondsSince1970:))
                )
            }
        }
    }

    // MARK: - Contestations

    static func messageAD(_ id: String) -> [UInt8] { Sealing.associatedData(table: "case_messages", rowID: id, purpose: "case-message") }

    /// Opens a case on an interaction, with the person's reason as its first message; returns the case and its
    /// reference (shown once to the person; only its hash is stored).
    public func openCase(
        interaction: InteractionRecord, reason: String, language: String, deadlineDays: Int, at now: Date = Date()
    ) async throws -> (ContestationCase, reference: String) {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...4000).contains(trimmed.count) else {
            throw Failure(.invalid, "reason: say why you contest this answer, in 10 to 4000 characters, in any language")
        }
        let open = try await database.read { db in
            try await db.raw("SELECT id FROM contestation_cases WHERE interaction_id = \(bind: interaction.id) AND state <> 'closed'").first()
        }
        guard open == nil else {
            throw Failure(.conflict, "receipt: this answer is already contested; follow the open case with its reference")
        }
        let reference = ContestationCase.issueReference()
        let item = ContestationCase(
            id: RightsToken.make(prefix: "cas_", count: 24), tenant: interaction.tenant.rawValue, useCase: interaction.useCase.rawValue,
            subjectID: interaction.subjectID, interactionID: interaction.id, language: language, openedAt: now,
            deadline: now.addingTimeInterval(TimeInterval(deadlineDays) * 86_400)
        )
        let message = CaseMessage(author: .person, principal: nil, text: trimmed, at: now, state: .received)
        let sealedMessage = try await self.sealMessage(message, subject: item.subjectID, caseDeadline: item.deadline)
        try await database.transaction { db in
            try await db.raw("""
                INSERT INTO contestation_cases (id, reference_hash, tenant, use_case, subject_id, interaction_id, state, language, opened_at_ms,
                    deadline_at_ms, assigned_to, replacement, updated_at_ms)
                VALUES (\(bind: item.id), \(bind: RightsToken.hash(reference)), \(bind: item.tenant), \(bind: item.useCase), \(bind: item.subjectID),
                        \(bind: item.interactionID), \(bind: item.state.rawValue), \(bind: language), \(bind: now.millisecondsSince1970),
                        \(bind: item.deadline.millisecondsSince1970), NULL, NULL, \(bind: now.millisecondsSince1970))
                """).run()
            try await Self.insert(sealedMessage, caseID: item.id, subject: item.subjectID, on: db)
            try await self.record(
                RightsEvent(
                    kind: .contestationOpened, tenant: item.tenant, subjectID: item.subjectID, target: item.id, actor: "person",
                    detail: ["state": item.state.rawValue, "use_case": item.useCase, "interaction_id": item.interactionID], at: now
                ), on: db
            )
        }
        return (item, reference)
    }

    struct SealedMessage: Sendable {
        var id: String
        var keyID: String
        var sealed: String
        var message: CaseMessage
    }

    func sealMessage(_ message: CaseMessage, subject: String?, caseDeadline: Date) async throws -> SealedMessage {
        let id = RightsToken.make(prefix: "msg_", count: 24)
        // A case without a subject keeps its messages two years past its deadline, under a key of their own.
        let (keyID, sealed) = try await keys.sealText(
            message.text, subject: subject, expiresAt: caseDeadline.addingTimeInterval(2 * 365 * 86_400), associatedData: Self.messageAD(id)
        )
        return SealedMessage(id: id, keyID: keyID, sealed: sealed, message: message)
    }

    static func insert(_ message: SealedMessage, caseID: String, subject: String?, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO case_messages (id, case_id, subject_id, key_id, sealed, author, principal, state, at_ms)
            VALUES (\(bind: message.id), \(bind: caseID), \(bind: subject), \(bind: message.keyID), \(bind: message.sealed),
                    \(bind: message.message.author.rawValue), \(bind: message.message.principal), \(bind: message.message.state.rawValue),
                    \(bind: message.message.at.millisecondsSince1970))
            """).run()
    }

    public func findCase(reference: String) async throws -> ContestationCase? {
        guard RightsToken.isWellFormed(reference, prefix: ContestationCase.referencePrefix) else { return nil }
        return try await database.read { db in
            try await db.raw("SELECT * FROM contestation_cases WHERE reference_hash = \(bind: RightsToken.hash(reference))").first().map(Self.decodeCase)
        }
    }

    public func findCase(id: String) async throws -> ContestationCase? {
        try await database.read { db in
            try await db.raw("SELECT * FROM contestation_cases WHERE id = \(bind: id)").first().map(Self.decodeCase)
        }
    }

    /// Cases, oldest deadline first; `state` nil lists the open ones.
    public func cases(state: CaseState? = nil) async throws -> [ContestationCase] {
        try await database.read { db in
            let rows: [any SQLRow]
            if let state {
                rows = try await db.raw("SELECT * FROM contestation_cases WHERE state = \(bind: state.rawValue) ORDER BY deadline_at_ms, id").all()
            } else {
                rows = try await db.raw("SELECT * FROM contestation_cases WHERE state <> 'closed' ORDER BY deadline_at_ms, id").all()
            }
            return try rows.map(Self.decodeCase)
        }
    }

    /// The case's messages, opened. A message whose key was erased with its subject is shown as unreadable.
    public func messages(caseID: String) async throws -> [CaseMessage] {
        let rows = try await database.read { db in
            try await db.raw("SELECT * FROM case_messages WHERE case_id = \(bind: caseID) ORDER BY at_ms, id").all()
        }
        var messages: [CaseMessage] = []
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let text = try await keys.openText(
                try row.decode(column: "sealed", as: String.self), keyID: try row.decode(column: "key_id", as: String.self),
                associatedData: Self.messageAD(id)
            )
            messages.append(
                CaseMessage(
                    author: CaseMessage.Author(rawValue: try row.decode(column: "author", as: String.self)) ?? .staff,
                    principal: try row.decode(column: "principal", as: String?.self), text: text,
                    at: Date(millisecondsSince1970: try row.decode(column: "at_ms", as: Int64.self)),
                    state: CaseState(rawValue: try row.decode(column: "state", as: String.self)) ?? .received
                )
            )
        }
        return messages
    }

    /// Takes a step on a case (``ContestationCase/applying(_:at:)`` decides whether it may), with an optional
    /// message to the person; the step and the new state are logged. `expectedState` makes concurrent steps safe.
    @discardableResult
    public func apply(_ action: CaseAction, caseID: String, actor: String, message: String?, at now: Date = Date()) async throws -> ContestationCase {
        guard let current = try await findCase(id: caseID) else { throw Failure(.notFound, "case \(caseID): no such contestation case") }
        let next: ContestationCase
        do {
            next = try current.applying(action, at: now)
        } catch {
            throw Failure(.conflict, error.description)
        }
        var text = message?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch action {
        case .uphold(let explanation), .overturn(let explanation, _): text = [explanation, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        default: break
        }
        let author: CaseMessage.Author = action == .withdraw ? .person : .staff
        let sealed = try await text.flatMap { $0.isEmpty ? nil : $0 }.asyncMap {
            try await self.sealMessage(
                CaseMessage(author: author, principal: author == .staff ? actor : nil, text: $0, at: now, state: next.state), subject: current.subjectID,
                caseDeadline: current.deadline
            )
        }
        try await database.transaction { db in
            try await db.raw("""
                UPDATE contestation_cases SET state = \(bind: next.state.rawValue), assigned_to = \(bind: next.assignedTo),
                    replacement = \(bind: next.replacement), updated_at_ms = \(bind: now.millisecondsSince1970)
                WHERE id = \(bind: caseID) AND state = \(bind: current.state.rawValue)
                """).run()
            guard try await db.raw("SELECT state FROM contestation_cases WHERE id = \(bind: caseID)").first(decodingColumn: "state", as: String.self)
                == next.state.rawValue
            else { throw Failure(.conflict, "case \(caseID) changed while this step was taken; read it again") }
            if let sealed { try await Self.insert(sealed, caseID: caseID, subject: current.subjectID, on: db) }
            var detail = ["action": action.name, "from": current.state.rawValue, "state": next.state.rawValue]
            if let replacement = next.replacement, case .overturn = action { detail["replacement"] = replacement }
            try await self.record(
                RightsEvent(kind: .contestationStep, tenant: current.tenant, subjectID: current.subjectID, target: caseID, actor: actor, detail: detail, at: now),
                on: db
            )
        }
        return next
    }

    /// A message to the person on an open case, without a change of state (a question, an acknowledgement).
    public func addMessage(caseID: String, text: String, by principal: String, at now: Date = Date()) async throws {
        guard let current = try await findCase(id: caseID) else { throw Failure(.notFound, "case \(caseID): no such contestation case") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 4000 else { throw Failure(.invalid, "text: 1 to 4000 characters") }
        let sealed = try await sealMessage(
            CaseMessage(author: .staff, principal: principal, text: trimmed, at: now, state: current.state), subject: current.subjectID,
            caseDeadline: current.deadline
        )
        try await database.transaction { db in
            try await Self.insert(sealed, caseID: caseID, subject: current.subjectID, on: db)
        }
    }

    static func decodeCase(_ row: any SQLRow) throws -> ContestationCase {
        ContestationCase(
            id: try row.decode(column: "id", as: String.self), tenant: try row.decode(column: "tenant", as: String.self),
            useCase: try row.decode(column: "use_case", as: String.self), subjectID: try row.decode(column: "subject_id", as: String?.self),
            interactionID: try row.decode(column: "interaction_id", as: String.self),
            state: CaseState(rawValue: try row.decode(column: "state", as: String.self)) ?? .received,
            language: try row.decode(column: "language", as: String.self),
            openedAt: Date(millisecondsSince1970: try row.decode(column: "opened_at_ms", as: Int64.self)),
            deadline: Date(millisecondsSince1970: try row.decode(column: "deadline_at_ms", as: Int64.self)),
            assignedTo: try row.decode(column: "assigned_to", as: String?.self), replacement: try row.decode(column: "replacement", as: String?.self),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at_ms", as: Int64.self))
        )
    }

    // MARK: - Access

    public struct AccessRequest: Sendable, Equatable {
        public var id: String
        public var tenant: String
        public var subjectID: String?
        public var status: String
        public var requestedAt: Date
        public var identityCheckedBy: String?
        public var identityProof: IdentityProof?
        public var releasedAt: Date?
    }

    /// The person asks for their file; returns the request and its token (shown once), with which they later
    /// fetch the file once a DPO has checked their identity and released it.
    public func requestAccess(tenant: String, subject: String, at now: Date = Date()) async throws -> (AccessRequest, token: String) {
        let token = RightsToken.make(prefix: "acc_")
        let request = AccessRequest(
            id: RightsToken.make(prefix: "req_", count: 24), tenant: tenant, subjectID: subject, status: "requested", requestedAt: now
        )
        try await database.transaction { db in
            try await db.raw("""
                INSERT INTO subject_requests (id, token_hash, tenant, subject_id, kind, status, requested_at_ms)
                VALUES (\(bind: request.id), \(bind: RightsToken.hash(token)), \(bind: tenant), \(bind: subject), 'access', 'requested',
                        \(bind: now.millisecondsSince1970))
                """).run()
            try await self.record(
                RightsEvent(kind: .accessRequested, tenant: tenant, subjectID: subject, target: request.id, actor: "person", at: now), on: db
            )
        }
        return (request, token)
    }

    public func accessRequest(token: String) async throws -> AccessRequest? {
        guard RightsToken.isWellFormed(token, prefix: "acc_") else { return nil }
        return try await database.read { db in
            try await db.raw("SELECT * FROM subject_requests WHERE token_hash = \(bind: RightsToken.hash(token))").first().map(Self.decodeRequest)
        }
    }

    public func accessRequests(status: String? = "requested") async throws -> [AccessRequest] {
        try await database.read { db in
            let rows: [any SQLRow]
            if let status {
                rows = try await db.raw("SELECT * FROM subject_requests WHERE status = \(bind: status) ORDER BY requested_at_ms, id").all()
            } else {
                rows = try await db.raw("SELECT * FROM subject_requests ORDER BY requested_at_ms, id").all()
            }
            return try rows.map(Self.decodeRequest)
        }
    }

    /// A DPO releases the file after checking the person's identity: who checked, and with what kind of proof, is
    /// recorded with the request and logged.
    public func release(requestID: String, checkedBy principal: String, proof: IdentityProof, at now: Date = Date()) async throws -> AccessRequest {
        try await database.transaction { db in
            guard let row = try await db.raw("SELECT * FROM subject_requests WHERE id = \(bind: requestID)").first() else {
                throw Failure(.notFound, "request \(requestID): no such access request")
            }
            var request = try Self.decodeRequest(row)
            guard request.status == "requested" else { throw Failure(.conflict, "request \(requestID) is already \(request.status)") }
            try await db.raw("""
                UPDATE subject_requests SET status = 'released', identity_checked_by = \(bind: principal), identity_proof = \(bind: proof.rawValue),
                    released_at_ms = \(bind: now.millisecondsSince1970)
                WHERE id = \(bind: requestID) AND status = 'requested'
                """).run()
            try await self.record(
                RightsEvent(
                    kind: .accessReleased, tenant: request.tenant, subjectID: request.subjectID, target: requestID, actor: principal,
                    detail: ["identity_proof": proof.rawValue], at: now
                ), on: db
            )
            request.status = "released"
            request.identityCheckedBy = principal
            request.identityProof = proof
            request.releasedAt = now
            return request
        }
    }

    static func decodeRequest(_ row: any SQLRow) throws -> AccessRequest {
        AccessRequest(
            id: try row.decode(column: "id", as: String.self), tenant: try row.decode(column: "tenant", as: String.self),
            subjectID: try row.decode(column: "subject_id", as: String?.self), status: try row.decode(column: "status", as: String.self),
            requestedAt: Date(millisecondsSince1970: try row.decode(column: "requested_at_ms", as: Int64.self)),
            identityCheckedBy: try row.decode(column: "identity_checked_by", as: String?.self),
            identityProof: try row.decode(column: "identity_proof", as: String?.self).flatMap(IdentityProof.init(rawValue:)),
            releasedAt: try row.decode(column: "released_at_ms", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }

    // MARK: - Rectification

    static func rectificationAD(_ id: String) -> [UInt8] { Sealing.associatedData(table: "subject_rectifications", rowID: id, purpose: "rectification") }

    /// Records a correction of something the person supplied (a message they sent, kept content). Records the log
    /// committed to are never rewritten: the correction is kept beside them, sealed, exported with the subject's
    /// file and shown wherever the corrected item is.
    public func rectify(
        tenant: String, subject: String, table: String, rowID: String, correction: String, by principal: String, at now: Date = Date()
    ) async throws -> String {
        let trimmed = correction.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 4000 else { throw Failure(.invalid, "correction: 1 to 4000 characters") }
        let tables = try await subjectTables()
        guard tables.contains(where: { $0.name == table }) else {
            throw Failure(.invalid, "table: '\(table)' holds no subject data (tables: \(tables.map(\.name).joined(separator: ", ")))")
        }
        let id = RightsToken.make(prefix: "rec_", count: 24)
        let (keyID, sealed) = try await keys.sealText(trimmed, subject: subject, expiresAt: nil, associatedData: Self.rectificationAD(id))
        try await database.transaction { db in
            try await db.raw("""
                INSERT INTO subject_rectifications (id, tenant, subject_id, target_table, target_id, key_id, sealed, recorded_by, at_ms)
                VALUES (\(bind: id), \(bind: tenant), \(bind: subject), \(bind: table), \(bind: rowID), \(bind: keyID), \(bind: sealed),
                        \(bind: principal), \(bind: now.millisecondsSince1970))
                """).run()
            try await self.record(
                RightsEvent(kind: .rectification, tenant: tenant, subjectID: subject, target: id, actor: principal, detail: ["table": table], at: now),
                on: db
            )
        }
        return id
    }

    // MARK: - Schema: where subject data is

    public struct SubjectTable: Sendable, Equatable {
        public var name: String
        /// Column names and declared types, in order.
        public var columns: [(name: String, type: String)]
        public static func == (lhs: SubjectTable, rhs: SubjectTable) -> Bool {
            lhs.name == rhs.name && lhs.columns.map(\.name) == rhs.columns.map(\.name)
        }
    }

    /// Every table with a `subject_id` column, read from the database's own catalogue: the export and the
    /// erasure cover a table added by any later migration without being told about it.
    public func subjectTables() async throws -> [SubjectTable] {
        try await database.read { db in
            switch database.dialect {
            case .sqlite:
                let names = try await db.raw("""
                    SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                    WHERE m.type = 'table' AND p.name = 'subject_id' ORDER BY m.name
                    """).all().map { try $0.decode(column: "name", as: String.self) }
                var tables: [SubjectTable] = []
                for name in names {
                    let columns = try await db.raw("SELECT name, type FROM pragma_table_info(\(bind: name)) ORDER BY cid").all().map {
                        (name: try $0.decode(column: "name", as: String.self), type: try $0.decode(column: "type", as: String.self))
                    }
                    tables.append(SubjectTable(name: name, columns: columns))
                }
                return tables
            case .postgres:
                let rows = try await db.raw("""
                    SELECT c.table_name::text AS name, c.column_name::text AS column_name, c.data_type::text AS type
                    FROM information_schema.columns c
                    WHERE c.table_schema = current_schema() AND c.table_name IN (
                        SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'subject_id')
                    ORDER BY c.table_name, c.ordinal_position
                    """).all()
                var tables: [SubjectTable] = []
                for row in rows {
                    let name = try row.decode(column: "name", as: String.self)
                    let column = (name: try row.decode(column: "column_name", as: String.self), type: try row.decode(column: "type", as: String.self))
                    if tables.last?.name == name { tables[tables.count - 1].columns.append(column) } else { tables.append(SubjectTable(name: name, columns: [column])) }
                }
                return tables
            }
        }
    }

    /// How each table's sealed values are bound (purpose, and the row id their associated data names).
    static let sealedBindings: [String: (purpose: String, rowID: @Sendable (JSONValue) -> String?)] = [
        "kept_contents": ("content", { $0["interaction_id"]?.stringValue }),
        "case_messages": ("case-message", { $0["id"]?.stringValue }),
        "subject_rectifications": ("rectification", { $0["id"]?.stringValue }),
        "conversation_vaults": ("pseudonym-mapping", { row in
            guard let tenant = row["tenant"]?.stringValue, let useCase = row["use_case"]?.stringValue, let owner = row["owner"]?.stringValue,
                let conversation = row["conversation_id"]?.stringValue
            else { return nil }
            return SQLPseudonymVaultRepository.scopedID(tenant: tenant, useCase: useCase, owner: owner, conversation: conversation)
        }),
    ]

    // MARK: - Export

    /// Everything held on a subject, table by table, as JSON (RFC 8785 bytes): every row of every table with a
    /// `subject_id` column, with sealed values opened (`opened`), and the subject's log leaves' indexes. Recorded
    /// and logged as an access (the file is personal data itself; the caller hands it only to the person).
    public func export(subject: String, at now: Date = Date()) async throws -> [UInt8] {
        var tables: [String: JSONValue] = [:]
        for table in try await subjectTables() {
            let rows = try await database.read { db in
                try await db.raw("SELECT * FROM \(ident: table.name) WHERE subject_id = \(bind: subject)").all()
            }
            var items: [JSONValue] = []
            for row in rows {
                var object: [String: JSONValue] = [:]
                for column in table.columns {
                    object[column.name] = try Self.value(row, column: column.name, type: column.type)
                }
                if case .string(let sealed)? = object["sealed"], case .string(let keyID)? = object["key_id"] {
                    object["opened"] = await self.open(sealed: sealed, keyID: keyID, table: table.name, row: .object(object))
                }
                items.append(.object(object))
            }
            tables[table.name] = .array(items)
        }
        let document: JSONValue = [
            "format": "thiqa.subject-export/v1", "subject_id": .string(subject), "generated_at_ms": .int(now.millisecondsSince1970),
            "tables": .object(tables),
        ]
        var out: [UInt8] = []
        try JSONWriter.write(document, style: .canonical, into: &out)
        return out
    }

    func open(sealed: String, keyID: String, table: String, row: JSONValue) async -> JSONValue {
        guard let binding = Self.sealedBindings[table], let rowID = binding.rowID(row) else {
            return ["error": "sealed with a binding this version of Thiqa does not know"]
        }
        do {
            let text = try await keys.openText(sealed, keyID: keyID, associatedData: Sealing.associatedData(table: table, rowID: rowID, purpose: binding.purpose))
            // Content and mappings are JSON documents; messages and corrections are text.
            if let parsed = try? JSONValue.parse(Array(text.utf8)), case .object = parsed { return parsed }
            return .string(text)
        } catch {
            return ["error": .string("\(error)")]
        }
    }

    /// A column's value by its declared type: SQLite and PostgreSQL report types differently, and neither driver
    /// turns an integer into text or back.
    static func value(_ row: any SQLRow, column: String, type: String) throws -> JSONValue {
        if try row.decodeNil(column: column) { return .null }
        let upper = type.uppercased()
        if upper.contains("INT") { return .int(try row.decode(column: column, as: Int64.self)) }
        if upper.contains("DOUBLE") || upper.contains("REAL") || upper.contains("FLOAT") || upper.contains("NUMERIC") {
            return .double(try row.decode(column: column, as: Double.self))
        }
        return .string(try row.decode(column: column, as: String.self))
    }

    // MARK: - Erasure

    /// Tables whose rows stay after an erasure, unlinked from the subject (their `subject_id` cleared): what the
    /// log commits to and what accountability needs (a case was decided, a request was answered). Rows of every
    /// other table with a `subject_id` are deleted. `rights_events` keeps its rows as they are: the record that
    /// the rights, this erasure included, were exercised.
    /// Determinations and their review history stay too (what the log commits to: a decision was made and reviewed),
    /// while their sealed held content, outcome and webhook bodies are deleted with the rest.
    static let unlinkedOnErasure: Set<String> = [
        "interactions", "contestation_cases", "subject_requests", "determinations", "determination_events",
    ]
    static let keptOnErasure: Set<String> = ["rights_events"]
    /// Free text about the person in rows that stay unlinked: cleared with the link (a reviewer's reason may name or
    /// describe them; the log holds only its digest).
    static let clearedOnErasure: [String: [String]] = ["determination_events": ["reason"]]

    public struct ErasureReport: Sendable, Equatable {
        public var subjectID: String
        public var keyDestroyed: Bool
        public var deleted: [String: Int]
        public var unlinked: [String: Int]
        public var logIndex: UInt64
    }

    /// Erases a subject: destroys their key first (from then on nothing sealed under it opens, in this database
    /// or any copy of it), then deletes their rows and unlinks the records that must stay, logs the erasure, and
    /// compacts both databases so no copy of the key or the rows stays in their files.
    public func erase(tenant: String, subject: String, by principal: String, at now: Date = Date()) async throws -> ErasureReport {
        let destroyed = try await keys.destroySubjectKey(subject)
        let tables = try await subjectTables()
        let (deleted, unlinked, index) = try await database.transaction { db in
            var deleted: [String: Int] = [:]
            var unlinked: [String: Int] = [:]
            for table in tables where !Self.keptOnErasure.contains(table.name) {
                let count = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table.name) WHERE subject_id = \(bind: subject)")
                    .first(decodingColumn: "n", as: Int.self) ?? 0
                guard count > 0 else { continue }
                if Self.unlinkedOnErasure.contains(table.name) {
                    for column in Self.clearedOnErasure[table.name] ?? [] {
                        try await db.raw("UPDATE \(ident: table.name) SET \(ident: column) = NULL WHERE subject_id = \(bind: subject)").run()
                    }
                    try await db.raw("UPDATE \(ident: table.name) SET subject_id = NULL WHERE subject_id = \(bind: subject)").run()
                    unlinked[table.name] = count
                } else {
                    try await db.raw("DELETE FROM \(ident: table.name) WHERE subject_id = \(bind: subject)").run()
                    deleted[table.name] = count
                }
            }
            var detail = ["key_destroyed": destroyed ? "true" : "false"]
            for (table, count) in deleted { detail["deleted.\(table)"] = String(count) }
            for (table, count) in unlinked { detail["unlinked.\(table)"] = String(count) }
            let index = try await self.record(
                RightsEvent(kind: .erasure, tenant: tenant, subjectID: subject, target: subject, actor: principal, detail: detail, at: now), on: db
            )
            return (deleted, unlinked, index)
        }
        try await database.compactAfterErasure()
        return ErasureReport(subjectID: subject, keyDestroyed: destroyed, deleted: deleted, unlinked: unlinked, logIndex: index)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
