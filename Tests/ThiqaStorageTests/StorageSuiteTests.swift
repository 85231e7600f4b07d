import Foundation
import Testing
import ThiqaCore
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
            let repository = SQLInteractionRepository(database: database)
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
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func hostileInputIsBoundNotConcatenated(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let keys = SQLAPIKeyRepository(database: database)
            #expect(try await keys.find(id: "x' OR '1'='1") == nil)
            #expect(try await keys.find(id: "'; DROP TABLE api_keys; --") == nil)
            #expect(try await keys.list(tenant: nil).isEmpty)
        }
    }
}
