import Crypto
import Foundation
import Logging
import SQLKit
import Testing
import ThiqaCore
import ThiqaLedger
import ThiqaPrivacy
import ThiqaRights
import ThiqaStorage
import ThiqaTesting

/// The rights tables, the key store and crypto-shredding, on SQLite and on PostgreSQL (the key store is a
/// database of its own in both: a second SQLite file, a second PostgreSQL database).
@Suite struct RightsStoreTests {
    struct Stores: Sendable {
        var main: ThiqaDatabase
        var mainConfiguration: StorageConfiguration
        var keyConfiguration: StorageConfiguration
        var keys: SubjectKeyStore
        var rights: SQLRightsRepository
        var interactions: SQLInteractionRepository
    }

    static let tagSecret = SymmetricKey(data: Array(repeating: UInt8(9), count: 32))

    /// A main database (migrated up to `through`, all by default) and a key store, both fresh.
    static func withStores(
        _ kind: TestStores.Kind, through version: Int = .max, _ body: (Stores) async throws -> Void
    ) async throws {
        let mainConfiguration = try await TestStores.configuration(kind)
        let keyConfiguration = try await TestStores.configuration(kind)
        let logger = Logger(label: "test")
        try await ThiqaDatabase.with(mainConfiguration, logger: logger) { main in
            try await Migrations.run(on: main, migrations: Migrations.all.filter { $0.version <= version })
            try await ThiqaDatabase.with(keyConfiguration, logger: logger) { keyDatabase in
                let keys = SubjectKeyStore(database: keyDatabase, master: Sealing.makeKey())
                try await keys.migrate()
                let rights = SQLRightsRepository(database: main, keys: keys, tenantKey: { PublicLeaf.tenantKey(secret: Self.tagSecret, tenant: $0) })
                try await body(
                    Stores(main: main, mainConfiguration: mainConfiguration, keyConfiguration: keyConfiguration, keys: keys, rights: rights, interactions: SQLInteractionRepository(database: main, keys: keys))
                )
            }
        }
    }

    static func record(subject: String?, receipt: Receipt = .issue()) throws -> InteractionRecord {
        InteractionRecord(
            tenant: try TenantID("t"), useCase: try UseCaseID("u"), apiKeyID: "k", endpoint: "/v1/chat/completions", model: "m", backend: "b",
            backendJurisdiction: "MA", receiptHash: receipt.hash, subjectID: subject
        )
    }

    static func content(_ record: InteractionRecord, _ text: String) -> InteractionContent {
        InteractionContent(interactionID: record.id, request: #"{"messages":[{"role":"user","content":"\#(text)"}]}"#, response: "réponse à \(text)", expiresAt: Date().addingTimeInterval(3600))
    }

    static let amina = "sub_" + String(repeating: "a1", count: 16)
    static let karim = "sub_" + String(repeating: "b2", count: 16)

    // MARK: - Migration from the previous version

    @Test(arguments: TestStores.Kind.allCases)
    func migrationSealsWhatThePreviousVersionKeptInClear(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind, through: 6) { stores in
            // What version 6 wrote: content in clear, a mapping sealed under a key derived from the vault master key.
            let vaultMaster = PseudonymVault.makeKey()
            let record = try Self.record(subject: nil)
            let secret = "rendez-vous-prefecture-7731"
            try await stores.main.transaction { db in
                try await db.raw("""
                    INSERT INTO interactions (id, created_at_ms, tenant, use_case, api_key_id, endpoint, outcome, http_status, stream, latency_ms, decisions)
                    VALUES (\(bind: record.id), 1, 't', 'u', 'k', '/v1/chat/completions', 'completed', 200, 0, 1.5, '[]')
                    """).run()
                try await db.raw("""
                    INSERT INTO interaction_contents (interaction_id, request, response, expires_at_ms)
                    VALUES (\(bind: record.id), \(bind: "{\"q\":\"\(secret)\"}"), 'ok', \(bind: Date().addingTimeInterval(3600).millisecondsSince1970))
                    """).run()
            }
            var mapping = PseudonymMapping()
            _ = mapping.assign(.CIN, original: "BE987654")
            let scoped = SQLPseudonymVaultRepository.scopedID(tenant: "t", useCase: "u", owner: "k", conversation: "c1")
            let legacy = try PseudonymVault.seal(mapping, key: PseudonymVault.conversationKey(master: vaultMaster, conversationID: scoped), conversationID: scoped)
            try await stores.main.transaction { db in
                try await db.raw("""
                    INSERT INTO conversation_vaults (tenant, use_case, owner, conversation_id, version, sealed, expires_at_ms)
                    VALUES ('t', 'u', 'k', 'c1', 3, \(bind: legacy.base64EncodedString()), \(bind: Date().addingTimeInterval(3600).millisecondsSince1970))
                    """).run()
            }

            let applied = try await Migrations.run(on: stores.main)
            #expect(applied.map(\.version) == [7])
            let report = try await RightsDataMigration.run(database: stores.main, keys: stores.keys, vaultMasterKey: vaultMaster, logger: Logger(label: "t"))
            #expect(report == RightsDataMigration.Report(contents: 1, conversations: 1))

            let left = try await stores.main.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM interaction_contents").first(decodingColumn: "n", as: Int.self)
            }
            #expect(left == 0)
            let sealed = try await stores.main.read { db in
                try await db.raw("SELECT sealed FROM kept_contents").first(decodingColumn: "sealed", as: String.self)
            }
            #expect(sealed?.contains(secret) == false)
            #expect(try await stores.interactions.content(interactionID: record.id)?.request.contains(secret) == true)

            let vault = SQLPseudonymVaultRepository(database: stores.main)
            let row = try #require(try await vault.load(tenant: try TenantID("t"), useCase: try UseCaseID("u"), owner: "k", conversationID: "c1", now: Date()))
            let keyID = try #require(row.keyID)
            #expect(row.version == 3, "the version a concurrent turn expects is kept")
            let opened = try await stores.keys.open(Array(row.sealed), keyID: keyID, associatedData: SQLPseudonymVaultRepository.associatedData(scopedID: scoped))
            #expect(try JSONDecoder().decode(PseudonymMapping.self, from: Data(opened)) == mapping)

            #expect(try await RightsDataMigration.run(database: stores.main, keys: stores.keys, vaultMasterKey: vaultMaster, logger: Logger(label: "t")) == .init())
            if case .sqlite(let path) = stores.mainConfiguration {
                // secure_delete zeroed the freed pages and the checkpoint emptied the WAL: the clear text is gone from the files.
                for file in [path, path + "-wal"] {
                    let bytes = FileManager.default.contents(atPath: file) ?? Data()
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) still holds the clear content")
                }
            }
        }
    }

    // MARK: - Erasure

    /// What a copy of the main database taken at one moment holds of kept content: (interaction id, key id, sealed).
    static func snapshotContents(_ database: ThiqaDatabase) async throws -> [(String, String, String)] {
        try await database.read { db in
            try await db.raw("SELECT interaction_id, key_id, sealed FROM kept_contents ORDER BY interaction_id").all().map {
                (try $0.decode(column: "interaction_id", as: String.self), try $0.decode(column: "key_id", as: String.self), try $0.decode(column: "sealed", as: String.self))
            }
        }
    }

    static func opens(_ keys: SubjectKeyStore, _ row: (String, String, String)) async -> Bool {
        (try? await keys.openText(row.2, keyID: row.1, associatedData: Sealing.associatedData(table: "kept_contents", rowID: row.0, purpose: "content"))) != nil
    }

    @Test(arguments: TestStores.Kind.allCases)
    func erasureMakesTheSubjectsDataUnreadableLiveAndInACopyTakenBefore(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind) { stores in
            let aminaRecord = try Self.record(subject: Self.amina)
            let karimRecord = try Self.record(subject: Self.karim)
            let anonymous = try Self.record(subject: nil)
            try await stores.interactions.recordBatch([
                (aminaRecord, Self.content(aminaRecord, "amina-secret")), (karimRecord, Self.content(karimRecord, "karim-secret")),
                (anonymous, Self.content(anonymous, "nobody-secret")),
            ])
            let (opened, _) = try await stores.rights.openCase(interaction: aminaRecord, reason: "Je conteste ce refus, mon dossier était complet.", language: "fr", deadlineDays: 30)
            _ = try await stores.rights.object(tenant: "t", useCase: "u", subject: Self.amina, scope: .standing, actor: "person")
            #expect(try await stores.interactions.content(interactionID: aminaRecord.id)?.request.contains("amina-secret") == true)

            // The copy taken before the erasure: the database file itself for SQLite, the rows for PostgreSQL.
            var copyPath: String?
            if case .sqlite(let path) = stores.mainConfiguration {
                try await stores.main.compactAfterErasure()
                let copy = path + ".before-erasure"
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                copyPath = copy
            }
            let rowsBefore = try await Self.snapshotContents(stores.main)
            #expect(rowsBefore.count == 3)
            for row in rowsBefore { #expect(await Self.opens(stores.keys, row), "everything opens before the erasure") }

            let wrapped = try await stores.keys.database.read { db in
                try await db.raw("SELECT wrapped FROM thiqa_keys WHERE subject_id = \(bind: Self.amina)").first(decodingColumn: "wrapped", as: String.self)
            }
            #expect(wrapped != nil)
            let report = try await stores.rights.erase(tenant: "t", subject: Self.amina, by: "stf_dpo")
            #expect(report.keyDestroyed)
            #expect(report.deleted["kept_contents"] == 1)
            #expect(report.deleted["case_messages"] == 1)
            #expect(report.deleted["subject_objections"] == 1)
            #expect(report.unlinked["interactions"] == 1)
            #expect(report.unlinked["contestation_cases"] == 1)

            // Live: gone, and the record stays, unlinked.
            #expect(try await stores.interactions.content(interactionID: aminaRecord.id) == nil)
            #expect(try await stores.interactions.find(id: aminaRecord.id)?.subjectID == nil)
            #expect(try await stores.rights.findCase(id: opened.id)?.subjectID == nil)
            #expect(try await stores.rights.standingObjection(tenant: "t", useCase: "u", subject: Self.amina) == nil)
            // The copy taken before: Amina's row is there, and does not open; the others' still do.
            var copied = rowsBefore
            if let copyPath {
                try await ThiqaDatabase.with(.sqlite(path: copyPath), logger: Logger(label: "copy")) { copy in
                    copied = try await Self.snapshotContents(copy)
                }
            }
            #expect(copied.count == 3)
            for row in copied {
                let isAmina = row.0 == aminaRecord.id
                #expect(await Self.opens(stores.keys, row) == !isAmina, "\(row.0)")
                if isAmina {
                    await #expect(throws: SealingError.self) {
                        _ = try await stores.keys.openText(row.2, keyID: row.1, associatedData: Sealing.associatedData(table: "kept_contents", rowID: row.0, purpose: "content"))
                    }
                }
            }
            #expect(try await stores.interactions.content(interactionID: karimRecord.id)?.request.contains("karim-secret") == true)
            #expect(try await stores.interactions.content(interactionID: anonymous.id)?.request.contains("nobody-secret") == true)
            // The key store keeps no copy of the destroyed key in its own files (secure_delete, then the WAL truncated).
            #expect(try await stores.keys.findSubjectKey(Self.amina) == nil)
            if case .sqlite(let path) = stores.keyConfiguration, let wrapped {
                for file in [path, path + "-wal"] {
                    let bytes = FileManager.default.contents(atPath: file) ?? Data()
                    #expect(bytes.range(of: Data(wrapped.utf8)) == nil, "\(file) still holds the destroyed key")
                }
            }
            // The log still verifies, and the erasure is one of its leaves.
            let integrity = try await SQLTransparencyLog(database: stores.main).verifyIntegrity()
            #expect(integrity.isIntact, "\(integrity.problems)")
            let erasures = try await stores.rights.events(subject: Self.amina).filter { $0.event.kind == .erasure }
            #expect(erasures.map(\.logIndex) == [report.logIndex])
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func retentionDestroysTheKeysOfExpiredContent(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind) { stores in
            let record = try Self.record(subject: nil)
            var content = Self.content(record, "short-lived")
            content.expiresAt = Date().addingTimeInterval(60)
            try await stores.interactions.record(record, content: content)
            let row = try #require(try await Self.snapshotContents(stores.main).first)
            let later = Date().addingTimeInterval(120)
            #expect(try await stores.interactions.purgeExpiredContent(now: later) == 1)
            #expect(try await stores.keys.destroyExpired(now: later) == 1)
            #expect(await !Self.opens(stores.keys, row), "a backup's copy of expired content no longer opens")
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func aBatchOfKeptContentCostsTheKeyStoreOneCommitPerNewKeyKind(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind) { stores in
            var batch: [(InteractionRecord, InteractionContent?)] = []
            for index in 0..<20 {
                let record = try Self.record(subject: index % 5 == 0 ? Self.karim : nil)
                batch.append((record, index % 2 == 0 ? Self.content(record, "item-\(index)") : nil))
            }
            let before = stores.keys.database.operationCount.transactions
            try await stores.interactions.recordBatch(batch)
            // One transaction for the records' own keys, one to create Karim's key: not one per record.
            #expect(stores.keys.database.operationCount.transactions - before == 2)
            for (index, item) in batch.enumerated() where item.1 != nil {
                #expect(try await stores.interactions.content(interactionID: item.0.id)?.request.contains("item-\(index)\"") == true)
            }
            let karimRows = try await stores.main.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM kept_contents WHERE subject_id = \(bind: Self.karim)").first(decodingColumn: "n", as: Int.self)
            }
            #expect(karimRows == 2, "items 0 and 10 are Karim's")
        }
    }

    // MARK: - Export

    @Test(arguments: TestStores.Kind.allCases)
    func theExportHoldsEveryTableWithASubjectColumnAndNothingOfAnother(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind) { stores in
            // A table a later migration adds: nobody tells the export about it.
            try await stores.main.transaction { db in
                try await db.raw("CREATE TABLE future_determinations (id TEXT PRIMARY KEY, subject_id TEXT, outcome TEXT NOT NULL, score BIGINT)").run()
                try await db.raw("INSERT INTO future_determinations VALUES ('det_1', \(bind: Self.amina), 'granted', 7), ('det_2', \(bind: Self.karim), 'refused', 3)").run()
            }
            let aminaRecord = try Self.record(subject: Self.amina)
            let karimRecord = try Self.record(subject: Self.karim)
            try await stores.interactions.recordBatch([(aminaRecord, Self.content(aminaRecord, "amina-words")), (karimRecord, Self.content(karimRecord, "karim-words"))])
            _ = try await stores.rights.openCase(interaction: aminaRecord, reason: "اعتراض على القرار، الملف كان كاملا.", language: "ar", deadlineDays: 30)
            _ = try await stores.rights.object(tenant: "t", useCase: "u", subject: Self.amina, scope: .decision(aminaRecord.id), actor: "person")
            _ = try await stores.rights.rectify(tenant: "t", subject: Self.amina, table: "kept_contents", rowID: aminaRecord.id, correction: "Mon nom est Amina, pas Amine.", by: "stf_dpo")

            let file = try await stores.rights.export(subject: Self.amina)
            let text = String(decoding: file, as: UTF8.self)
            let json = try JSONValue.parse(file)
            let tables = try #require(json["tables"]?.objectValue)
            #expect(tables["future_determinations"]?.arrayValue?.count == 1)
            #expect(tables["future_determinations"]?.arrayValue?.first?["score"] == .int(7))
            #expect(tables["interactions"]?.arrayValue?.first?["id"]?.stringValue == aminaRecord.id)
            #expect(tables["kept_contents"]?.arrayValue?.first?["opened"]?["request"]?.stringValue?.contains("amina-words") == true)
            #expect(tables["case_messages"]?.arrayValue?.first?["opened"]?.stringValue == "اعتراض على القرار، الملف كان كاملا.")
            #expect(tables["subject_rectifications"]?.arrayValue?.first?["opened"]?.stringValue == "Mon nom est Amina, pas Amine.")
            #expect(tables["subject_objections"]?.arrayValue?.first?["decision_ref"]?.stringValue == aminaRecord.id)
            #expect((tables["rights_events"]?.arrayValue?.count ?? 0) >= 3)
            for table in ["interactions", "kept_contents", "contestation_cases", "case_messages", "subject_objections", "subject_rectifications", "rights_events",
                          "conversation_vaults", "subject_requests", "future_determinations"] {
                #expect(tables[table] != nil, "\(table) is in the export")
            }
            #expect(!text.contains(Self.karim) && !text.contains("karim-words") && !text.contains("det_2"), "nothing of another subject")
        }
    }

    // MARK: - Objections, cases, access

    @Test(arguments: TestStores.Kind.allCases)
    func objectionsAndWithdrawalsAreRecordedAndLogged(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind) { stores in
            let first = try await stores.rights.object(tenant: "t", useCase: "u", subject: Self.amina, scope: .standing, actor: "person")
            let again = try await stores.rights.object(tenant: "t", useCase: "u", subject: Self.amina, scope: .standing, actor: "person")
            #expect(again.id == first.id, "objecting twice changes nothing")
            #expect(try await stores.rights.standingObjection(tenant: "t", useCase: "u", subject: Self.amina)?.id == first.id)
            #expect(try await stores.rights.standingObjection(tenant: "t", useCase: "other", subject: Self.amina) == nil)
            #expect(try await stores.rights.withdrawObjection(id: first.id, subject: Self.karim, actor: "person") == false, "only the objector withdraws")
            #expect(try await stores.rights.withdrawObjection(id: first.id, subject: Self.amina, actor: "person"))
            #expect(try await stores.rights.standingObjection(tenant: "t", useCase: "u", subject: Self.amina) == nil)
            let events = try await stores.rights.events(subject: Self.amina)
            #expect(events.map(\.event.kind) == [.objection, .objectionWithdrawn])
            let log = SQLTransparencyLog(database: stores.main)
            for stored in events {
                let leaf = try #require(try await log.entry(at: stored.logIndex)).data
                #expect(Set(try #require(try JSONValue.parse(leaf).objectValue).keys) == PublicLeaf.members, "commitments only")
                #expect(PublicLeaf.commits(leaf: leaf, to: stored.event.committedRecord, salt: try #require(Hex.decode(stored.salt))))
                #expect(PublicLeaf.belongs(leaf: leaf, tenantKey: PublicLeaf.tenantKey(secret: Self.tagSecret, tenant: "t")))
            }
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func aContestedDecisionIsOverturnedAndLinkedToItsReplacement(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind) { stores in
            let record = try Self.record(subject: Self.amina)
            try await stores.interactions.record(record, content: nil)
            let (opened, reference) = try await stores.rights.openCase(
                interaction: record, reason: "Had l9arar machi m9ad, 3endi l-wra9 kamlin.", language: "ary-Latn", deadlineDays: 15
            )
            #expect(opened.state == .received)
            #expect(abs(opened.deadline.timeIntervalSince(opened.openedAt) - 15 * 86_400) < 1)
            #expect(try await stores.rights.findCase(reference: reference)?.id == opened.id)
            #expect(try await stores.rights.findCase(reference: ContestationCase.issueReference()) == nil)
            await #expect(throws: SQLRightsRepository.Failure.self, "one open case per answer") {
                _ = try await stores.rights.openCase(interaction: record, reason: "Je conteste encore une fois.", language: "fr", deadlineDays: 15)
            }
            await #expect(throws: SQLRightsRepository.Failure.self) {
                try await stores.rights.apply(.uphold(explanation: "Le calcul est conforme."), caseID: opened.id, actor: "stf_r", message: nil)
            }
            try await stores.rights.apply(.assign(to: "stf_r"), caseID: opened.id, actor: "stf_r", message: "Nous examinons votre dossier.")
            let overturned = try await stores.rights.apply(
                .overturn(explanation: "Votre dossier était complet : la demande est acceptée.", replacement: "int_replacement"), caseID: opened.id,
                actor: "stf_r", message: nil
            )
            #expect(overturned.state == .overturned)
            #expect(overturned.replacement == "int_replacement")
            try await stores.rights.apply(.close, caseID: opened.id, actor: "stf_r", message: nil)
            let messages = try await stores.rights.messages(caseID: opened.id)
            #expect(messages.map(\.author) == [.person, .staff, .staff])
            #expect(messages.last?.text.contains("la demande est acceptée") == true)
            let steps = try await stores.rights.events(target: opened.id).map { $0.event.detail["state"] }
            #expect(steps == ["received", "under_review", "overturned", "closed"])
            #expect(try await stores.rights.events(target: opened.id).last { $0.event.detail["action"] == "overturn" }?.event.detail["replacement"] == "int_replacement")
            let sealed = try await stores.main.read { db in
                try await db.raw("SELECT sealed FROM case_messages").all().map { try $0.decode(column: "sealed", as: String.self) }
            }
            #expect(!sealed.joined().contains("l9arar"), "messages are sealed")
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func anAccessRequestIsReleasedOnceWithWhoCheckedWhichProof(_ kind: TestStores.Kind) async throws {
        try await Self.withStores(kind) { stores in
            let (request, token) = try await stores.rights.requestAccess(tenant: "t", subject: Self.amina)
            #expect(try await stores.rights.accessRequest(token: token)?.status == "requested")
            #expect(try await stores.rights.accessRequests().map(\.id) == [request.id])
            let released = try await stores.rights.release(requestID: request.id, checkedBy: "stf_dpo", proof: .cnieInPerson)
            #expect(released.identityCheckedBy == "stf_dpo")
            #expect(try await stores.rights.accessRequest(token: token)?.identityProof == .cnieInPerson)
            await #expect(throws: SQLRightsRepository.Failure.self) {
                _ = try await stores.rights.release(requestID: request.id, checkedBy: "stf_dpo", proof: .passportInPerson)
            }
            let kinds = try await stores.rights.events(subject: Self.amina).map { ($0.event.kind, $0.event.detail["identity_proof"]) }
            #expect(kinds.map(\.0) == [.accessRequested, .accessReleased])
            #expect(kinds.last?.1 == "cnie_in_person")
        }
    }
}
