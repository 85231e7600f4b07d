import Crypto
import Foundation
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaOversight
import ThiqaPrivacy
import ThiqaStorage
import ThiqaTesting

/// Oversight's tables on SQLite and PostgreSQL: a determination opened with its leaf, reviewed with compare-and-swap,
/// held content deleted when final (or kept by retention), outcomes expiring, settings, webhook deliveries.
@Suite struct OversightStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let reviewer = StaffPrincipal(id: PrincipalID("stf_rev"), name: "Salma Tazi", roles: [.reviewer], createdAt: t0)

    static func determination(subject: String? = "sub_a1") throws -> Determination {
        Determination(
            tenant: try TenantID("commune"), useCase: try UseCaseID("aide"), interactionID: "int_1", receiptHash: "ab12", subjectID: subject,
            hold: .afterModel, holdReason: "human_oversight", createdAt: t0, reviewDeadline: .seconds(600), requiresSecondReview: false,
            facts: ExplanationFacts(
                useCaseName: "Aide", controller: "Commune", model: "m", modelVersion: nil, backend: "local", jurisdiction: "MA", registryVersion: 2,
                tier: .high, actions: []
            ),
            language: .fr
        )
    }

    static func logged(_ event: ReviewEvent, _ determination: Determination) throws -> LoggedReviewEvent {
        let record = try DeterminationLeaf.committedRecord(event, of: determination)
        let salt = PublicLeaf.makeSalt()
        return LoggedReviewEvent(event: event, committedRecord: record, salt: salt, leaf: try PublicLeaf.encode(record: record, salt: salt, tenantKey: SymmetricKey(size: .bits256)))
    }

    @Test(arguments: TestStores.Kind.allCases)
    func aDeterminationIsOpenedReviewedAndItsHeldContentGoesWhenFinal(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            try await Migrations.run(on: database)
            let store = SQLOversightRepository(database: database)
            let log = SQLTransparencyLog(database: database)
            var determination = try Self.determination()
            let opening = try Self.logged(determination.openingEvent, determination)
            let index = try await store.open(determination, opening: opening, heldContent: Data("sealed-draft".utf8), outcome: nil)
            #expect(try await log.entry(at: index)?.data == opening.leaf, "the opening event is a leaf, in the same transaction")
            #expect(try await store.find(receiptHash: "ab12")?.id == determination.id)
            #expect(try await store.heldContent(determination.id) == Data("sealed-draft".utf8))
            #expect(try await store.queue(useCase: determination.ref, statuses: [.held]).map(\.id) == [determination.id])
            #expect(try await store.queue(useCase: nil, statuses: [.approved]).isEmpty)

            let (read, revision) = try #require(try await store.find(determination.id))
            #expect(read == determination)
            let event = try determination.apply(.approve(note: nil), by: Self.reviewer, at: Self.t0.addingTimeInterval(30))
            let webhook = WebhookDelivery(determination: determination.id, url: "http://127.0.0.1:9/hook", body: "{}", subjectID: "sub_a1", now: Self.t0)
            try await store.update(
                determination, readAt: revision, event: try Self.logged(event, determination), sealed: .finish(keepUntil: nil),
                outcome: (Data("released".utf8), Self.t0.addingTimeInterval(3600)), webhook: webhook, now: Self.t0
            )
            #expect(try await store.heldContent(determination.id) == nil, "held content is deleted when final")
            #expect(try await store.outcome(determination.id, now: Self.t0) == Data("released".utf8))
            #expect(try await store.find(determination.id)?.determination.status == .approved)
            let events = try await store.events(determination.id)
            #expect(events.map(\.kind) == [.held, .approved])
            #expect(events.map(\.sequence) == [1, 2])
            #expect(events[1].principal == Self.reviewer.id)

            // A second writer that read the old revision loses.
            await #expect(throws: OversightStoreError.concurrentChange(determination.id)) {
                try await store.update(determination, readAt: revision, event: try Self.logged(event, determination), now: Self.t0)
            }

            // The webhook is due at once, then retried later, then delivered.
            #expect(try await store.dueDeliveries(at: Self.t0).map(\.id) == [webhook.id])
            try await store.recordAttempt(webhook.id, delivered: false, at: Self.t0, error: "status 500", nextAttemptAt: Self.t0.addingTimeInterval(10))
            #expect(try await store.dueDeliveries(at: Self.t0.addingTimeInterval(5)).isEmpty)
            #expect(try await store.dueDeliveries(at: Self.t0.addingTimeInterval(10)).first?.attempts == 1)
            try await store.recordAttempt(webhook.id, delivered: true, at: Self.t0.addingTimeInterval(10), error: nil, nextAttemptAt: nil)
            #expect(try await store.dueDeliveries(at: Self.t0.addingTimeInterval(99_999)).isEmpty)
            #expect(try await store.deliveries(determination.id).first?.deliveredAt != nil)
            #expect(try await store.deliveries(determination.id).first?.body == "", "a delivered body is not kept")

            // Released outcomes expire.
            #expect(try await store.purgeExpired(now: Self.t0.addingTimeInterval(3600)) == 1)
            #expect(try await store.outcome(determination.id, now: Self.t0) == nil)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func retentionKeepsHeldContentUntilItsTimeAndDeadlinesAreFound(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            try await Migrations.run(on: database)
            let store = SQLOversightRepository(database: database)
            var determination = try Self.determination(subject: nil)
            try await store.open(determination, opening: try Self.logged(determination.openingEvent, determination), heldContent: Data("x".utf8), outcome: nil)
            #expect(try await store.dueForEscalation(at: Self.t0.addingTimeInterval(599)).isEmpty)
            let due = try await store.dueForEscalation(at: Self.t0.addingTimeInterval(600))
            #expect(due.map(\.determination.id) == [determination.id])
            let escalation = Escalation.escalate(&determination, to: "dpo@commune.ma", at: Self.t0.addingTimeInterval(600))
            try await store.update(determination, readAt: due[0].revision, event: try Self.logged(escalation, determination), now: Self.t0)
            #expect(try await store.dueForEscalation(at: Self.t0.addingTimeInterval(9999)).isEmpty, "escalated once")

            let (_, revision) = try #require(try await store.find(determination.id))
            let event = try determination.apply(.reject(reason: "incomplet"), by: Self.reviewer, at: Self.t0)
            try await store.update(
                determination, readAt: revision, event: try Self.logged(event, determination), sealed: .finish(keepUntil: Self.t0.addingTimeInterval(100)),
                now: Self.t0
            )
            #expect(try await store.heldContent(determination.id) == Data("x".utf8), "retention keeps it")
            #expect(try await store.purgeExpired(now: Self.t0.addingTimeInterval(100)) == 1)
            #expect(try await store.heldContent(determination.id) == nil)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func settingsAreVersionedAndAStopIsLogged(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            try await Migrations.run(on: database)
            let store = SQLOversightRepository(database: database)
            let ref = UseCaseRef(tenant: try TenantID("commune"), useCase: try UseCaseID("aide"))
            #expect(try await store.settings(ref) == nil)
            #expect(try await store.settingsVersion() == 0)
            var settings = OversightSettings(secondReview: true, reviewDeadlineSeconds: 3600)
            #expect(try await store.save(settings, for: ref, by: Self.reviewer.id, at: Self.t0) == nil)
            settings.stop = StopSwitch(stopped: true, by: Self.reviewer.id, at: Self.t0, reason: "erreurs")
            let index = try await store.save(settings, for: ref, by: Self.reviewer.id, at: Self.t0, stopLeaf: Array("leaf".utf8))
            #expect(index != nil)
            #expect(try await SQLTransparencyLog(database: database).entry(at: index!)?.data == Array("leaf".utf8))
            #expect(try await store.settings(ref) == settings)
            let all = try await store.allSettings()
            #expect(all.version == 2 && all.settings[ref] == settings)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func everyTableAboutAPersonHasAnIndexedSubjectColumn(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            try await Migrations.run(on: database)
            let statements = Migrations.all.first { $0.version == 6 }!.statements(database.dialect).joined(separator: "\n")
            for table in ["determinations", "determination_events", "held_contents", "determination_outcomes", "webhook_deliveries"] {
                #expect(statements.contains("CREATE TABLE \(table) ("), "\(table)")
                #expect(statements.contains("ON \(table) (subject_id)"), "\(table) has an index on subject_id")
            }
        }
    }
}
