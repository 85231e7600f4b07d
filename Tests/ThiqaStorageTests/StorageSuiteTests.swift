import Foundation
import Logging
import SQLKit
import Testing
import ThiqaCore
import ThiqaRights
import ThiqaStorage
import ThiqaTesting

/// One suite, run against SQLite and against a real PostgreSQL server.
@Suite struct StorageSuiteTests {
    @Test(arguments: TestStores.Kind.allCases)
    func migrationsAreIdempotent(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let again = try await Migrations.run(on: database)
            #expect(again.isEmpty)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func keysRoundTripAndRevoke(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let useCases = SQLUseCaseRepository(database: database)
            let keys = SQLAPIKeyRepository(database: database)
            let tenant = try TenantID("ministere-interieur")
            let useCase = UseCase(tenant: tenant, id: try UseCaseID("etat-civil"), contentRetentionSeconds: 3600, allowedJurisdictions: [.sovereign, try Jurisdiction("FR")], rateLimitPerMinute: 42)
            try await useCases.upsert(useCase)
            let stored = try #require(try await useCases.find(tenant: tenant, id: useCase.id))
            #expect(stored.contentRetentionSeconds == 3600)
            #expect(stored.allowedJurisdictions.map(\.code) == ["MA", "FR"])
            #expect(stored.rateLimitPerMinute == 42)

            var changed = stored
            changed.contentRetentionSeconds = nil
            try await useCases.upsert(changed)
            #expect(try await useCases.find(tenant: tenant, id: useCase.id)?.contentRetentionSeconds == nil)
            #expect(try await useCases.list(tenant: nil).count == 1)

            let issued = APIKeyFormat.issue(tenant: tenant, useCase: useCase.id, label: "prod")
            try await keys.create(issued.record)
            let found = try #require(try await keys.find(id: issued.record.id))
            #expect(found.secretHash == issued.record.secretHash)
            #expect(found.label == "prod")
            #expect(!found.isRevoked)
            #expect(try await keys.revoke(id: issued.record.id, at: Date()))
            #expect(try await keys.find(id: issued.record.id)?.isRevoked == true)
            #expect(try await keys.revoke(id: "nosuchkey", at: Date()) == false)
            #expect(try await keys.list(tenant: tenant).count == 1)
            #expect(try await keys.list(tenant: try TenantID("other")).isEmpty)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func duplicateKeyIdIsRejectedAndNothingIsLost(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let tenant = try TenantID("t")
            try await SQLUseCaseRepository(database: database).upsert(UseCase(tenant: tenant, id: try UseCaseID("u")))
            let keys = SQLAPIKeyRepository(database: database)
            let issued = APIKeyFormat.issue(tenant: tenant, useCase: try UseCaseID("u"))
            try await keys.create(issued.record)
            var clash = issued.record
            clash.secretHash = "other"
            await #expect(throws: (any Error).self) { try await keys.create(clash) }
            #expect(try await keys.find(id: issued.record.id)?.secretHash == issued.record.secretHash)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func interactionsAndContentRetention(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            // Kept content is sealed under keys of the key store, a database of its own.
            let keyPath = try TestStores.temporaryDirectory().appendingPathComponent("keys.sqlite").path
            try await ThiqaDatabase.with(.sqlite(path: keyPath), logger: Logger(label: "test")) { keyDatabase in
            let keys = SubjectKeyStore(database: keyDatabase, master: Sealing.makeKey())
            try await keys.migrate()
            let repository = SQLInteractionRepository(database: database, keys: keys)
            let now = Date()
            let kept = InteractionRecord(
                tenant: try TenantID("t"), useCase: try UseCaseID("u"), apiKeyID: "k", endpoint: "/v1/chat/completions", model: "m",
                backend: "b", backendJurisdiction: "MA", latencyMs: 12.5, upstreamLatencyMs: 3.25, promptTokens: 5, completionTokens: 7,
                totalTokens: 12, decisions: ["privacy:CIN:mask"]
            )
            let expired = InteractionRecord(tenant: try TenantID("t"), useCase: try UseCaseID("u"), apiKeyID: "k", endpoint: "/v1/chat/completions", outcome: .rejected, httpStatus: 400, errorType: "invalid_request")
            try await repository.recordBatch([
                (kept, InteractionContent(interactionID: kept.id, request: "{}", response: "salam", expiresAt: now.addingTimeInterval(3600))),
                (expired, InteractionContent(interactionID: expired.id, request: "{}", response: "old", expiresAt: now.addingTimeInterval(-1))),
            ])
            let found = try #require(try await repository.find(id: kept.id))
            #expect(found.latencyMs == 12.5)
            #expect(found.totalTokens == 12)
            #expect(found.decisions == ["privacy:CIN:mask"])
            #expect(found.backendJurisdiction == "MA")
            #expect(try await repository.find(id: expired.id)?.outcome == .rejected)
            #expect(try await repository.recent(limit: 10).count == 2)
            #expect(try await repository.purgeExpiredContent(now: now) == 1)
            #expect(try await repository.content(interactionID: expired.id) == nil)
            #expect(try await repository.content(interactionID: kept.id)?.response == "salam")
            #expect(try await repository.find(id: expired.id) != nil, "purging content keeps the record")
            // Content is never written without its key store.
            await #expect(throws: StorageError.self) {
                try await SQLInteractionRepository(database: database).record(expired, content: InteractionContent(interactionID: "x", request: "", response: "", expiresAt: now))
            }
            }
        }
    }

    /// With rows present, so that a payload which escaped its binding would match them: the same payload pasted
    /// into the SQL text matches every row (shown first, so this test fails if the payloads stop being hostile),
    /// while the repositories bind it and match none, revoke none, and leave the table whole.
    @Test(arguments: TestStores.Kind.allCases)
    func hostileInputIsBoundNotConcatenated(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let tenant = try TenantID("t")
            try await SQLUseCaseRepository(database: database).upsert(UseCase(tenant: tenant, id: try UseCaseID("u")))
            let keys = SQLAPIKeyRepository(database: database)
            // One id the tautology starts with, so `id = 'x' OR …` would also have a literal match to find.
            let stored = [
                APIKeyRecord(id: "x", secretHash: "h-x", tenant: tenant, useCase: try UseCaseID("u"), label: "first"),
                APIKeyFormat.issue(tenant: tenant, useCase: try UseCaseID("u"), label: "second").record,
                APIKeyFormat.issue(tenant: tenant, useCase: try UseCaseID("u"), label: "third").record,
            ]
            for key in stored { try await keys.create(key) }
            let tautology = "x' OR '1'='1"
            let dropTable = "'; DROP TABLE api_keys; --"

            let pasted = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM api_keys WHERE id = '\(unsafeRaw: tautology)'")
                    .first(decodingColumn: "n", as: Int.self)
            }
            #expect(pasted == stored.count, "the tautology pasted into SQL matches every row")

            #expect(try await keys.find(id: tautology) == nil)
            #expect(try await keys.find(id: dropTable) == nil)
            #expect(try await keys.revoke(id: tautology, at: Date()) == false)
            #expect(try await keys.revoke(id: dropTable, at: Date()) == false)
            #expect(try await SQLInteractionRepository(database: database).find(id: tautology) == nil)

            let after = try await keys.list(tenant: nil)
            #expect(Set(after.map(\.id)) == Set(stored.map(\.id)), "the table is intact")
            #expect(after.allSatisfy { !$0.isRevoked }, "no key was revoked")
            #expect(try await keys.find(id: "x")?.secretHash == "h-x")
        }
    }
}
