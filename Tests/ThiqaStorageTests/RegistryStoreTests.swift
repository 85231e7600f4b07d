import Crypto
import Foundation
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaPrivacy
import ThiqaStorage
import ThiqaTesting

/// The registry's tables on SQLite and PostgreSQL: versions, history, log leaves, staff credentials.
@Suite struct RegistryStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)
    static let dpo = StaffPrincipal(id: PrincipalID("stf_dpo"), name: "Youssef Bennani", roles: [.dpo], createdAt: t0)
    static let reviewer = StaffPrincipal(id: PrincipalID("stf_rev"), name: "Omar Tazi", roles: [.reviewer], createdAt: t0)

    static func declaration(status: DeclarationStatus = .draft, purpose: String = "Répondre aux questions des citoyens sur l’état civil") -> Declaration {
        Declaration(
            tenant: try! TenantID("commune-rabat"), id: try! UseCaseID("etat-civil"), name: "Assistant état civil", purpose: purpose,
            legalBasis: .publicInterest, dataCategories: [.identification, .contact], dataSubjects: [.citizens], personalDataTypes: [.PHONE],
            allowedModels: ["gemma-3-270m"], valueChain: ValueChain(developer: "Google", deployer: "Commune de Rabat"),
            cndp: CNDPRegistration(status: status, number: status == .draft ? nil : "D-GC-1/2026"),
            lifecycle: LifecycleDates(createdAt: t0)
        )
    }

    @Test(arguments: TestStores.Kind.allCases)
    func everyDeclarationChangeIsVersionedAndLogged(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let registry = SQLRegistryRepository(database: database)
            let log = SQLTransparencyLog(database: database)
            #expect(try await registry.version() == 0)
            let first = try #require(try await registry.save(Self.declaration(), reason: "created", by: Self.dpo.id, at: Self.t0))
            #expect(first.change.version == 1)
            #expect(try await registry.version() == 1)
            #expect(try await registry.save(Self.declaration(), reason: "again", by: Self.dpo.id, at: Self.t0) == nil, "no change, no version")
            #expect(try await registry.version() == 1, "a save that changes nothing is rolled back, version included")

            let edited = Self.declaration(purpose: "Répondre aux questions des citoyens sur l’état civil et les actes de naissance")
            let second = try #require(try await registry.save(edited, reason: "purpose widened", by: Self.reviewer.id, at: Self.t0.addingTimeInterval(60)))
            #expect(second.change.version == 2)
            #expect(second.change.changes.map(\.field) == ["purpose"])
            #expect(try await registry.version() == 2)

            // The log leaf is the change's canonical bytes, at the index the version row points to.
            let entry = try #require(try await log.entry(at: second.logIndex))
            #expect(entry.data == second.change.canonicalBytes)
            #expect(String(decoding: entry.data, as: UTF8.self).contains("\"kind\":\"thiqa.registry.declaration_change\""))

            // Replaying the history reproduces each recorded hash.
            let history = try await registry.history(edited.ref)
            #expect(history.map(\.change.version) == [1, 2])
            #expect(history.map(\.change.principal) == [Self.dpo.id, Self.reviewer.id])
            #expect(history.map(\.change.reason) == ["created", "purpose widened"])
            #expect(history[1].declaration.canonicalSHA256 == history[1].change.declarationSHA256)
            #expect(history.last?.declaration == edited)

            await #expect(throws: RegistryStoreError.self) {
                try await registry.save(Self.declaration(), reason: "stale", by: Self.dpo.id, at: Self.t0, expectedVersion: 1)
            }
            let contents = try await registry.load()
            #expect(contents.version == 2)
            #expect(contents.declarations == [edited])
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func controllersAndAssessmentsAreStoredAndLogged(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let registry = SQLRegistryRepository(database: database)
            let log = SQLTransparencyLog(database: database)
            let controller = Controller(id: try TenantID("commune-rabat"), legalName: "Commune de Rabat", dpo: DPOContact(name: "Youssef Bennani", email: "dpo@rabat.ma"))
            let index = try #require(try await registry.save(controller, by: Self.dpo.id, at: Self.t0))
            let leaf = String(decoding: try #require(try await log.entry(at: index)).data, as: UTF8.self)
            #expect(leaf.contains("thiqa.registry.controller_change"))
            #expect(!leaf.contains("Bennani") && !leaf.contains("dpo@rabat.ma"), "no contact details in the public log")
            #expect(try await registry.save(controller, by: Self.dpo.id, at: Self.t0) == nil)

            let ref = Self.declaration().ref
            let answers = Answers(automation: .informationOnly, effect: .minor, data: .personal, scale: .thousandToHundredThousand, interaction: [.conversesWithPeople])
            let submitted = try ImpactAssessment.submit(for: ref, answers: answers, by: Self.dpo, at: Self.t0)
            try await registry.save(submitted, by: Self.dpo.id, at: Self.t0)
            let approved = try submitted.approved(by: Self.reviewer, at: Self.t0.addingTimeInterval(3600))
            let approvalIndex = try await registry.save(approved, by: Self.reviewer.id, at: Self.t0.addingTimeInterval(3600))
            #expect(try await registry.assessment(ref) == approved)
            #expect(try #require(try await log.entry(at: approvalIndex)).data == approved.canonicalBytes)
            let contents = try await registry.load()
            #expect(contents.assessments[ref]?.isApproved == true)
            #expect(contents.controllers[controller.id] == controller)
            #expect(contents.version == 3)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func staffTokensAuthenticateUntilRevoked(_ kind: TestStores.Kind) async throws {
        try await TestStores.withDatabase(kind) { (database) async throws -> Void in
            let registry = SQLRegistryRepository(database: database)
            let first = StaffToken.issue(for: Self.dpo.id, now: Self.t0)
            try await registry.create(Self.dpo, credential: first.credential)
            let second = StaffToken.issue(for: Self.dpo.id, now: Self.t0)
            try await registry.add(second.credential)
            #expect(try await registry.authenticate(first.token)?.id == Self.dpo.id)
            #expect(try await registry.authenticate(second.token)?.id == Self.dpo.id)
            #expect(try await registry.authenticate(first.token + "x") == nil)
            #expect(try await registry.authenticate("thq_staff_" + String(repeating: "A", count: 43)) == nil)
            let stored = try await registry.credentials()
            #expect(stored.allSatisfy { $0.tokenHash.count == 64 && !$0.tokenHash.contains("thq_") }, "only hashes are stored")

            #expect(try await registry.revoke(first.credential.id, at: Self.t0))
            #expect(try await registry.authenticate(first.token) == nil)
            #expect(try await registry.authenticate(second.token)?.id == Self.dpo.id, "revoking one credential keeps the other")
            #expect(try await registry.revoke(Self.dpo.id.rawValue, at: Self.t0))
            #expect(try await registry.authenticate(second.token) == nil, "revoking the principal disables it")
            #expect(try await registry.principals().first?.isActive == false)
            #expect(try await registry.revoke("stc_nosuch", at: Self.t0) == false)
        }
    }
}
