import Foundation
import SQLKit
import ThiqaCore
import ThiqaGovernance
import ThiqaOversight

/// One review event as logged: the event, the record its leaf commits to, the salt, and the public leaf bytes.
public struct LoggedReviewEvent: Sendable {
    public var event: ReviewEvent
    public var committedRecord: [UInt8]
    public var salt: [UInt8]
    public var leaf: [UInt8]

    public init(event: ReviewEvent, committedRecord: [UInt8], salt: [UInt8], leaf: [UInt8]) {
        self.event = event
        self.committedRecord = committedRecord
        self.salt = salt
        self.leaf = leaf
    }
}

/// A stored review event with its log index.
public struct StoredReviewEvent: Sendable, Equatable {
    public var sequence: Int
    public var kind: ReviewEvent.Kind
    public var principal: PrincipalID?
    public var at: Date
    public var reason: String?
    public var committedRecord: [UInt8]
    public var salt: [UInt8]
    public var logIndex: UInt64
}

/// A webhook call to make: its body is signed when it is sent.
public struct WebhookDelivery: Sendable, Equatable {
    public var id: String
    public var determination: DeterminationID
    public var url: String
    /// What is sent, as the caller stores it (the gateway stores it sealed); emptied once the delivery is done.
    public var body: String
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var deliveredAt: Date?
    public var lastError: String?
    public var subjectID: String?

    public init(determination: DeterminationID, url: String, body: String, subjectID: String?, now: Date) {
        self.id = "whd_" + RandomToken.base62(count: 24)
        self.determination = determination
        self.url = url
        self.body = body
        self.attempts = 0
        self.nextAttemptAt = now
        self.subjectID = subjectID
    }
}

/// What changes in the sealed stores with a review step.
public enum SealedChange: Sendable {
    case keep
    /// Replace the held content (a reviewer's amended text sealed with it).
    case replace(Data)
    /// The determination is final: the held content goes, unless retention keeps it until `keepUntil`.
    case finish(keepUntil: Date?)
}

public enum OversightStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(DeterminationID)
    /// Someone else changed the determination since it was read.
    case concurrentChange(DeterminationID)
    case corrupt(String)

    public var description: String {
        switch self {
        case .notFound(let id): "no determination \(id)"
        case .concurrentChange(let id): "\(id) was changed by another reviewer at the same time; read it again"
        case .corrupt(let what): "corrupt oversight data: \(what)"
        }
    }
}

/// Determinations, their review events (each a transparency-log leaf, appended in the same transaction), sealed held
/// content and outcomes, per-use-case settings and webhook deliveries, on SQLite and PostgreSQL.
public struct SQLOversightRepository: Sendable {
    public let database: ThiqaDatabase
    let log: SQLTransparencyLog

    public init(database: ThiqaDatabase) {
        self.database = database
        self.log = SQLTransparencyLog(database: database)
    }

    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func encode(_ value: some Encodable) throws -> String { String(decoding: try Self.encoder.encode(value), as: UTF8.self) }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do { return try decoder.decode(type, from: Data(text.utf8)) } catch {
            throw OversightStoreError.corrupt("\(T.self): \(error)")
        }
    }

    // MARK: - Determinations

    /// Stores a new determination with its opening event (held or released) and its leaf, its sealed held content
    /// and its sealed outcome (for one released at once), in one transaction. Returns the leaf's index.
    @discardableResult
    public func open(
        _ determination: Determination, opening: LoggedReviewEvent, heldContent: Data?, outcome: (sealed: Data, expiresAt: Date)?
    ) async throws -> UInt64 {
        try await self.database.transaction { db in
            let document = try Self.encode(determination)
            try await db.raw("""
                INSERT INTO determinations (id, tenant, use_case, interaction_id, receipt_hash, subject_id, status, created_at_ms, due_at_ms,
                    escalated_at_ms, assignee, revision, document, updated_at_ms)
                VALUES (\(bind: determination.id.rawValue), \(bind: determination.tenant.rawValue), \(bind: determination.useCase.rawValue),
                    \(bind: determination.interactionID), \(bind: determination.receiptHash), \(bind: determination.subjectID),
                    \(bind: determination.status.rawValue), \(bind: determination.createdAt.millisecondsSince1970),
                    \(bind: determination.dueAt?.millisecondsSince1970), \(bind: determination.escalatedAt?.millisecondsSince1970),
                    \(bind: determination.assignee?.rawValue), \(bind: Int64(1)), \(bind: document), \(bind: determination.createdAt.millisecondsSince1970))
                """).run()
            if let heldContent {
                try await db.raw("""
                    INSERT INTO held_contents (determination_id, sealed, expires_at_ms, subject_id)
                    VALUES (\(bind: determination.id.rawValue), \(bind: heldContent.base64EncodedString()), \(bind: Int64?.none),
                        \(bind: determination.subjectID))
                    """).run()
            }
            if let outcome {
                try await Self.insertOutcome(determination, sealed: outcome.sealed, expiresAt: outcome.expiresAt, on: db)
            }
            return try await self.append(opening, sequence: 1, subjectID: determination.subjectID, on: db)
        }
    }

    /// Applies a review step read at `revision`: the new state, its event and leaf, the sealed content change, the
    /// outcome to release and a webhook to send, all or nothing. Throws `concurrentChange` when another step won.
    @discardableResult
    public func update(
        _ determination: Determination, readAt revision: Int, event: LoggedReviewEvent, sealed: SealedChange = .keep,
        outcome: (sealed: Data, expiresAt: Date)? = nil, webhook: WebhookDelivery? = nil, now: Date
    ) async throws -> UInt64 {
        let dialect = self.database.dialect
        return try await self.database.transaction { db in
            let lock = dialect == .postgres ? " FOR UPDATE" : ""
            guard let row = try await db.raw(
                "SELECT revision FROM determinations WHERE id = \(bind: determination.id.rawValue)\(unsafeRaw: lock)"
            ).first() else { throw OversightStoreError.notFound(determination.id) }
            let current = try row.decode(column: "revision", as: Int.self)
            guard current == revision else { throw OversightStoreError.concurrentChange(determination.id) }
            try await db.raw("""
                UPDATE determinations SET status = \(bind: determination.status.rawValue), due_at_ms = \(bind: determination.dueAt?.millisecondsSince1970),
                    escalated_at_ms = \(bind: determination.escalatedAt?.millisecondsSince1970), assignee = \(bind: determination.assignee?.rawValue),
                    revision = \(bind: Int64(revision + 1)), document = \(bind: try Self.encode(determination)), updated_at_ms = \(bind: now.millisecondsSince1970)
                WHERE id = \(bind: determination.id.rawValue)
                """).run()
            switch sealed {
            case .keep: break
            case .replace(let data):
                try await db.raw(
                    "UPDATE held_contents SET sealed = \(bind: data.base64EncodedString()) WHERE determination_id = \(bind: determination.id.rawValue)"
                ).run()
            case .finish(let keepUntil?):
                try await db.raw(
                    "UPDATE held_contents SET expires_at_ms = \(bind: keepUntil.millisecondsSince1970) WHERE determination_id = \(bind: determination.id.rawValue)"
                ).run()
            case .finish(nil):
                try await db.raw("DELETE FROM held_contents WHERE determination_id = \(bind: determination.id.rawValue)").run()
            }
            if let outcome {
                try await Self.insertOutcome(determination, sealed: outcome.sealed, expiresAt: outcome.expiresAt, on: db)
            }
            if let webhook { try await Self.insert(webhook, on: db) }
            let next = try await db.raw(
                "SELECT COUNT(*) AS n FROM determination_events WHERE determination_id = \(bind: determination.id.rawValue)"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
            return try await self.append(event, sequence: next + 1, subjectID: determination.subjectID, on: db)
        }
    }

    static func insertOutcome(_ determination: Determination, sealed: Data, expiresAt: Date, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO determination_outcomes (determination_id, sealed, expires_at_ms, subject_id)
            VALUES (\(bind: determination.id.rawValue), \(bind: sealed.base64EncodedString()), \(bind: expiresAt.millisecondsSince1970),
                \(bind: determination.subjectID))
            """).run()
    }

    func append(_ logged: LoggedReviewEvent, sequence: Int, subjectID: String?, on db: any SQLDatabase) async throws -> UInt64 {
        let index = try await self.log.append(leaves: [logged.leaf], on: db)[0]
        try await db.raw("""
            INSERT INTO determination_events (determination_id, sequence, kind, principal_id, at_ms, reason, committed_record, salt, log_index, subject_id)
            VALUES (\(bind: logged.event.determination.rawValue), \(bind: Int64(sequence)), \(bind: logged.event.kind.rawValue),
                \(bind: logged.event.principal?.rawValue), \(bind: logged.event.at.millisecondsSince1970), \(bind: logged.event.reason),
                \(bind: String(decoding: logged.committedRecord, as: UTF8.self)), \(bind: Hex.encode(logged.salt)), \(bind: Int64(index)),
                \(bind: subjectID))
            """).run()
        return index
    }

    /// The determination and the revision it was read at (pass it back to ``update``).
    public func find(_ id: DeterminationID) async throws -> (determination: Determination, revision: Int)? {
        try await self.database.read { db in
            guard let row = try await db.raw("SELECT document, revision FROM determinations WHERE id = \(bind: id.rawValue)").first() else { return nil }
            return (try Self.decode(Determination.self, try row.decode(column: "document", as: String.self)), try row.decode(column: "revision", as: Int.self))
        }
    }

    /// The determination an answer's receipt reaches.
    public func find(receiptHash: String) async throws -> Determination? {
        try await self.database.read { db in
            guard let row = try await db.raw("SELECT document FROM determinations WHERE receipt_hash = \(bind: receiptHash)").first() else { return nil }
            return try Self.decode(Determination.self, try row.decode(column: "document", as: String.self))
        }
    }

    /// A queue: determinations of one use case (or all), in the given statuses, oldest first.
    public func queue(useCase: UseCaseRef?, statuses: [DeterminationStatus], limit: Int = 100) async throws -> [Determination] {
        try await self.database.read { db in
            var query = SQLQueryString("SELECT document FROM determinations WHERE 1 = 1")
            if let useCase {
                query.appendInterpolation(unsafeRaw: " AND tenant = ")
                query.appendInterpolation(bind: useCase.tenant.rawValue)
                query.appendInterpolation(unsafeRaw: " AND use_case = ")
                query.appendInterpolation(bind: useCase.useCase.rawValue)
            }
            if !statuses.isEmpty {
                query.appendInterpolation(unsafeRaw: " AND status IN (")
                for (offset, status) in statuses.enumerated() {
                    if offset > 0 { query.appendInterpolation(unsafeRaw: ", ") }
                    query.appendInterpolation(bind: status.rawValue)
                }
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY created_at_ms, id LIMIT ")
            query.appendInterpolation(bind: Int64(max(1, min(limit, 1000))))
            return try await db.raw(query).all().map { try Self.decode(Determination.self, try $0.decode(column: "document", as: String.self)) }
        }
    }

    /// Held determinations past their deadline and not yet escalated.
    public func dueForEscalation(at now: Date, limit: Int = 100) async throws -> [(determination: Determination, revision: Int)] {
        try await self.database.read { db in
            try await db.raw("""
                SELECT document, revision FROM determinations
                WHERE status IN ('held', 'awaiting_second_review') AND escalated_at_ms IS NULL AND due_at_ms IS NOT NULL
                    AND due_at_ms <= \(bind: now.millisecondsSince1970)
                ORDER BY due_at_ms LIMIT \(bind: Int64(limit))
                """).all().map {
                (try Self.decode(Determination.self, try $0.decode(column: "document", as: String.self)), try $0.decode(column: "revision", as: Int.self))
            }
        }
    }

    public func events(_ id: DeterminationID) async throws -> [StoredReviewEvent] {
        try await self.database.read { db in
            try await db.raw("""
                SELECT sequence, kind, principal_id, at_ms, reason, committed_record, salt, log_index FROM determination_events
                WHERE determination_id = \(bind: id.rawValue) ORDER BY sequence
                """).all().map { row in
                let kindText = try row.decode(column: "kind", as: String.self)
                guard let kind = ReviewEvent.Kind(rawValue: kindText), let salt = Hex.decode(try row.decode(column: "salt", as: String.self)) else {
                    throw OversightStoreError.corrupt("event of \(id) has kind '\(kindText)' or a bad salt")
                }
                return StoredReviewEvent(
                    sequence: try row.decode(column: "sequence", as: Int.self), kind: kind,
                    principal: try row.decode(column: "principal_id", as: String?.self).map(PrincipalID.init),
                    at: Date(millisecondsSince1970: try row.decode(column: "at_ms", as: Int64.self)),
                    reason: try row.decode(column: "reason", as: String?.self),
                    committedRecord: Array(try row.decode(column: "committed_record", as: String.self).utf8), salt: salt,
                    logIndex: UInt64(try row.decode(column: "log_index", as: Int64.self))
                )
            }
        }
    }

    public func heldContent(_ id: DeterminationID) async throws -> Data? {
        try await self.sealed("SELECT sealed FROM held_contents WHERE determination_id = \(bind: id.rawValue)")
    }

    public func outcome(_ id: DeterminationID, now: Date) async throws -> Data? {
        try await self.sealed(
            "SELECT sealed FROM determination_outcomes WHERE determination_id = \(bind: id.rawValue) AND expires_at_ms > \(bind: now.millisecondsSince1970)"
        )
    }

    func sealed(_ query: SQLQueryString) async throws -> Data? {
        try await self.database.read { db in
            guard let row = try await db.raw(query).first() else { return nil }
            guard let data = Data(base64Encoded: try row.decode(column: "sealed", as: String.self)) else {
                throw OversightStoreError.corrupt("sealed content is not base64")
            }
            return data
        }
    }

    /// Deletes kept held content and released outcomes whose time has passed. Returns how many rows went.
    @discardableResult
    public func purgeExpired(now: Date) async throws -> Int {
        try await self.database.transaction { db in
            let ms = now.millisecondsSince1970
            let held = try await db.raw("SELECT COUNT(*) AS n FROM held_contents WHERE expires_at_ms IS NOT NULL AND expires_at_ms <= \(bind: ms)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let outcomes = try await db.raw("SELECT COUNT(*) AS n FROM determination_outcomes WHERE expires_at_ms <= \(bind: ms)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            try await db.raw("DELETE FROM held_contents WHERE expires_at_ms IS NOT NULL AND expires_at_ms <= \(bind: ms)").run()
            try await db.raw("DELETE FROM determination_outcomes WHERE expires_at_ms <= \(bind: ms)").run()
            return held + outcomes
        }
    }

    // MARK: - Settings

    public func settings(_ ref: UseCaseRef) async throws -> OversightSettings? {
        try await self.database.read { db in
            guard let row = try await db.raw(
                "SELECT document FROM oversight_settings WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue)"
            ).first() else { return nil }
            return try Self.decode(OversightSettings.self, try row.decode(column: "document", as: String.self))
        }
    }

    /// Every use case's settings and the version they were read at (replicas poll the version).
    public func allSettings() async throws -> (version: UInt64, settings: [UseCaseRef: OversightSettings]) {
        try await self.database.read { db in
            let version = try await db.raw("SELECT version FROM oversight_state WHERE id = 1").first()?.decode(column: "version", as: Int64.self) ?? 0
            var out: [UseCaseRef: OversightSettings] = [:]
            for row in try await db.raw("SELECT tenant, use_case, document FROM oversight_settings").all() {
                let ref = UseCaseRef(
                    tenant: TenantID(unchecked: try row.decode(column: "tenant", as: String.self)),
                    useCase: UseCaseID(unchecked: try row.decode(column: "use_case", as: String.self))
                )
                out[ref] = try Self.decode(OversightSettings.self, try row.decode(column: "document", as: String.self))
            }
            return (UInt64(version), out)
        }
    }

    public func settingsVersion() async throws -> UInt64 {
        try await self.database.read { db in
            UInt64(try await db.raw("SELECT version FROM oversight_state WHERE id = 1").first()?.decode(column: "version", as: Int64.self) ?? 0)
        }
    }

    /// Saves a use case's settings; a stop switch change is also a log leaf (`stopLeaf`), so nobody can deny it.
    @discardableResult
    public func save(_ settings: OversightSettings, for ref: UseCaseRef, by principal: PrincipalID, at now: Date, stopLeaf: [UInt8]? = nil) async throws -> UInt64? {
        try await self.database.transaction { db in
            try await db.raw("UPDATE oversight_state SET version = version + 1 WHERE id = 1").run()
            let document = try Self.encode(settings)
            let exists = try await db.raw(
                "SELECT 1 AS one FROM oversight_settings WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue)"
            ).first() != nil
            if exists {
                try await db.raw("""
                    UPDATE oversight_settings SET document = \(bind: document), updated_at_ms = \(bind: now.millisecondsSince1970),
                        updated_by = \(bind: principal.rawValue)
                    WHERE tenant = \(bind: ref.tenant.rawValue) AND use_case = \(bind: ref.useCase.rawValue)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO oversight_settings (tenant, use_case, document, updated_at_ms, updated_by)
                    VALUES (\(bind: ref.tenant.rawValue), \(bind: ref.useCase.rawValue), \(bind: document), \(bind: now.millisecondsSince1970),
                        \(bind: principal.rawValue))
                    """).run()
            }
            guard let stopLeaf else { return nil }
            return try await self.log.append(leaves: [stopLeaf], on: db)[0]
        }
    }

    // MARK: - Webhooks

    static func insert(_ delivery: WebhookDelivery, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO webhook_deliveries (id, determination_id, url, body, attempts, next_attempt_at_ms, delivered_at_ms, last_error, subject_id)
            VALUES (\(bind: delivery.id), \(bind: delivery.determination.rawValue), \(bind: delivery.url), \(bind: delivery.body),
                \(bind: Int64(delivery.attempts)), \(bind: delivery.nextAttemptAt?.millisecondsSince1970), \(bind: Int64?.none),
                \(bind: String?.none), \(bind: delivery.subjectID))
            """).run()
    }

    /// Deliveries whose next attempt is due.
    public func dueDeliveries(at now: Date, limit: Int = 32) async throws -> [WebhookDelivery] {
        try await self.database.read { db in
            try await db.raw("""
                SELECT id, determination_id, url, body, attempts, next_attempt_at_ms, delivered_at_ms, last_error, subject_id FROM webhook_deliveries
                WHERE delivered_at_ms IS NULL AND next_attempt_at_ms IS NOT NULL AND next_attempt_at_ms <= \(bind: now.millisecondsSince1970)
                ORDER BY next_attempt_at_ms LIMIT \(bind: Int64(limit))
                """).all().map(Self.decodeDelivery)
        }
    }

    public func deliveries(_ id: DeterminationID) async throws -> [WebhookDelivery] {
        try await self.database.read { db in
            try await db.raw("""
                SELECT id, determination_id, url, body, attempts, next_attempt_at_ms, delivered_at_ms, last_error, subject_id FROM webhook_deliveries
                WHERE determination_id = \(bind: id.rawValue) ORDER BY id
                """).all().map(Self.decodeDelivery)
        }
    }

    static func decodeDelivery(_ row: any SQLRow) throws -> WebhookDelivery {
        let idText = try row.decode(column: "determination_id", as: String.self)
        guard let determination = DeterminationID(idText) else { throw OversightStoreError.corrupt("delivery for '\(idText)'") }
        var delivery = WebhookDelivery(
            determination: determination, url: try row.decode(column: "url", as: String.self), body: try row.decode(column: "body", as: String.self),
            subjectID: try row.decode(column: "subject_id", as: String?.self), now: Date()
        )
        delivery.id = try row.decode(column: "id", as: String.self)
        delivery.attempts = try row.decode(column: "attempts", as: Int.self)
        delivery.nextAttemptAt = try row.decode(column: "next_attempt_at_ms", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        delivery.deliveredAt = try row.decode(column: "delivered_at_ms", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        delivery.lastError = try row.decode(column: "last_error", as: String?.self)
        return delivery
    }

    /// Records an attempt: delivered, or failed with the next attempt (nil: given up). A delivery that is done
    /// (delivered or given up) keeps no body: the answer it carried is not kept for it.
    public func recordAttempt(_ id: String, delivered: Bool, at now: Date, error: String?, nextAttemptAt: Date?) async throws {
        let done = delivered || nextAttemptAt == nil
        try await self.database.transaction { db in
            if done { try await db.raw("UPDATE webhook_deliveries SET body = '' WHERE id = \(bind: id)").run() }
            try await db.raw("""
                UPDATE webhook_deliveries SET attempts = attempts + 1,
                    delivered_at_ms = \(bind: delivered ? now.millisecondsSince1970 : nil),
                    next_attempt_at_ms = \(bind: delivered ? nil : nextAttemptAt?.millisecondsSince1970),
                    last_error = \(bind: error)
                WHERE id = \(bind: id)
                """).run()
        }
    }
}
