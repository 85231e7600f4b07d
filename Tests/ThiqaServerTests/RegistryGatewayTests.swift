import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// The registry enforced on every call, end to end through the gateway and the bundled model: each tier, the
/// two-person rule, a suspension on the next request, registry changes as log leaves, the disclosure.
@Suite(.serialized) struct RegistryGatewayTests {
    struct StaffTokens {
        var dpo: String
        var dpoSecond: String
        var otherDPO: String
        var auditor: String
    }

    /// Two DPOs (the first holding two tokens) and an auditor, straight in the store.
    static func staff(_ fixture: GatewayFixture) async throws -> StaffTokens {
        let registry = SQLRegistryRepository(database: fixture.database)
        let now = Date()
        let dpo = StaffPrincipal(id: PrincipalID("stf_dpo"), name: "Youssef Bennani", roles: [.dpo], createdAt: now)
        let first = StaffToken.issue(for: dpo.id, now: now)
        try await registry.create(dpo, credential: first.credential)
        let second = StaffToken.issue(for: dpo.id, now: now)
        try await registry.add(second.credential)
        let other = StaffPrincipal(id: PrincipalID("stf_dpo2"), name: "Khadija Alaoui", roles: [.dpo], createdAt: now)
        let otherToken = StaffToken.issue(for: other.id, now: now)
        try await registry.create(other, credential: otherToken.credential)
        let auditor = StaffPrincipal(id: PrincipalID("stf_audit"), name: "Nadia Idrissi", roles: [.auditor], createdAt: now)
        let auditorToken = StaffToken.issue(for: auditor.id, now: now)
        try await registry.create(auditor, credential: auditorToken.credential)
        return StaffTokens(dpo: first.token, dpoSecond: second.token, otherDPO: otherToken.token, auditor: auditorToken.token)
    }

    static func declarations(status: String = "declared", assessment: String = "interaction: [converses_with_people]", useCase: String = "gateway") -> String {
        """
        version: 1
        controllers:
          - id: test
            legal_name: Commune de Test
            dpo: {name: Youssef Bennani, email: dpo@test.ma}
        use_cases:
          - tenant: test
            id: \(useCase)
            name: Assistant état civil
            purpose: Répondre aux questions des citoyens sur les démarches d’état civil
            legal_basis: public_interest
            data_categories: [identification, contact]
            data_subjects: [citizens]
            personal_data_types: [PHONE]
            recipients: [{name: Service de l’état civil, kind: internal}]
            transfers: []
            retention: {content: none, records_days: 365}
            hosting: sovereign_only
            allowed_models: [\(TestModel.name)]
            value_chain: {developer: Google, integrator: Thiqa, deployer: Commune de Test}
            cndp: {status: \(status), number: D-GC-77/2026}
            purpose_limitation: refuse
            disclosure_language: fr
            assessment:
              practices: none
              domains: none
              automation: information_only
              effect: minor
              data: personal
              scale: 1k_to_100k
              \(assessment)
        """
    }

    static func staffHeaders(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    static func json(_ response: TestResponse) throws -> JSONValue { try JSONValue.parse(response.body.readableBytesView) }

    @Test func aLimitedUseCaseRunsWithItsDisclosureAndAModelItDoesNotDeclareIsRefused() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()]) { client, fixture in
            // Before: the existing use case is a legacy draft, working with a warning until its grace period ends.
            let before = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody())
            #expect(before.status == .ok)
            #expect(before.headers[HTTPField.Name("X-Thiqa-Warning")!]?.contains("undeclared draft") == true)

            let staff = try await Self.staff(fixture)
            let applied = try await client.execute(
                uri: "/admin/v1/apply", method: .post, headers: Self.staffHeaders(staff.dpo), body: ByteBuffer(string: Self.declarations())
            )
            #expect(applied.status == .ok, "\(String(buffer: applied.body))")
            #expect(try Self.json(applied)["applied"] == .bool(true))
            // The same file again plans nothing.
            let again = try await client.execute(
                uri: "/admin/v1/apply", method: .post, headers: Self.staffHeaders(staff.dpo), body: ByteBuffer(string: Self.declarations())
            )
            #expect(try Self.json(again)["plan"]?.stringValue?.contains("nothing to change") == true)

            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody())
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("X-Thiqa-Warning")!] == nil, "declared: no more warning")
            #expect(response.headers[HTTPField.Name("X-Thiqa-Registry-Entry")!] == "http://127.0.0.1:8080/registry/test/gateway")
            let language = try #require(response.headers[HTTPField.Name("X-Thiqa-AI-Disclosure-Language")!])
            #expect(response.headers[HTTPField.Name("X-Thiqa-AI-Disclosure")!]?.hasPrefix("UTF-8'\(language)'") == true)
            let disclosure = try #require(try Self.json(response)["thiqa"]?["disclosure"])
            #expect(disclosure["text"]?.stringValue?.contains("Commune de Test") == true)
            #expect(disclosure["language"]?.stringValue == language)

            let refused = try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "gpt-4o")
            )
            #expect(refused.status == .forbidden)
            let error = try OpenAIError.decode(refused)
            #expect(error.code == "model_not_allowed")
            #expect(error.param == "model")
            #expect(error.type == "permission_error")
            #expect(try await fixture.interactions.recent(limit: 1).first?.errorType == "model_not_allowed", "the refusal is recorded")
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func aSuspensionAppliesToTheNextRequestAndIsRecordedAndLogged(_ storage: TestStores.Kind) async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], storage: storage) { client, fixture in
            let staff = try await Self.staff(fixture)
            _ = try await client.execute(uri: "/admin/v1/apply", method: .post, headers: Self.staffHeaders(staff.dpo), body: ByteBuffer(string: Self.declarations()))
            #expect(try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody()).status == .ok)

            let forbidden = try await client.execute(
                uri: "/admin/v1/use-cases/test/gateway/suspend", method: .post, headers: Self.staffHeaders(staff.auditor), body: ByteBuffer(string: #"{"reason":"x"}"#)
            )
            #expect(forbidden.status == .forbidden, "an auditor may not suspend")
            let suspended = try await client.execute(
                uri: "/admin/v1/use-cases/test/gateway/suspend", method: .post, headers: Self.staffHeaders(staff.dpo),
                body: ByteBuffer(string: #"{"reason":"complaint under review"}"#)
            )
            #expect(suspended.status == .ok, "\(String(buffer: suspended.body))")

            let refused = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody())
            #expect(refused.status == .forbidden)
            let error = try OpenAIError.decode(refused)
            #expect(error.code == "use_case_suspended")
            #expect(error.message.contains("thiqa registry reinstate test/gateway"))
            let recent = try await fixture.interactions.recent(limit: 1)
            #expect(recent.first?.httpStatus == 403)
            #expect(recent.first?.errorType == "use_case_suspended")

            // The suspension is a leaf of the transparency log, byte for byte the change in the history.
            let shown = try Self.json(try await client.execute(uri: "/admin/v1/use-cases/test/gateway", method: .get, headers: Self.staffHeaders(staff.auditor)))
            guard case .array(let history)? = shown["history"], let last = history.last, let index = last["log_index"]?.intValue else {
                Issue.record("no history in \(shown)")
                return
            }
            #expect(last["principal"]?.stringValue == "stf_dpo")
            #expect(last["reason"]?.stringValue == "complaint under review")
            let entry = try Self.json(try await client.execute(uri: "/log/v1/entries/\(index)", method: .get))
            var expected = last.objectValue ?? [:]
            expected["log_index"] = nil
            let data = try #require(entry["data"])
            #expect(data == .object(expected), "the log leaf is the change itself")
            let leaf = try #require(try await SQLTransparencyLog(database: fixture.database).entry(at: UInt64(index)))
            let stored = try await SQLRegistryRepository(database: fixture.database).history(try UseCaseRef(tenant: TenantID("test"), useCase: UseCaseID("gateway")))
            #expect(leaf.data == stored.last?.change.canonicalBytes)
            #expect(stored.last?.declaration.canonicalSHA256 == stored.last?.change.declarationSHA256)

            let reinstated = try await client.execute(
                uri: "/admin/v1/use-cases/test/gateway/reinstate", method: .post, headers: Self.staffHeaders(staff.dpo), body: ByteBuffer(string: "{}")
            )
            #expect(reinstated.status == .ok)
            #expect(try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody()).status == .ok)
        }
    }

    @Test func aHighRiskUseCaseNeedsASecondPrincipalsApprovalAndItsAuthorCannotApproveWithASecondToken() async throws {
        let file = Self.declarations(status: "draft", useCase: "benefits")
            .replacingOccurrences(of: "domains: none", with: "domains: [public_services]")
            .replacingOccurrences(of: "automation: information_only", with: "automation: decides_with_review")
            .replacingOccurrences(of: "effect: minor", with: "effect: significant")
        try await Gateway.run(backends: [try Gateway.modelBackend()]) { client, fixture in
            let staff = try await Self.staff(fixture)
            let applied = try await client.execute(uri: "/admin/v1/apply", method: .post, headers: Self.staffHeaders(staff.dpo), body: ByteBuffer(string: file))
            #expect(applied.status == .ok, "\(String(buffer: applied.body))")
            let issued = APIKeyFormat.issue(tenant: try TenantID("test"), useCase: try UseCaseID("benefits"))
            try await fixture.keys.create(issued.record)
            let key = fixture.auth(key: issued.key)

            var response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: key, body: Gateway.chatBody())
            #expect(response.status == .forbidden)
            #expect(try OpenAIError.decode(response).code == "use_case_not_declared", "a draft declared through the registry never runs")

            let early = try await client.execute(
                uri: "/admin/v1/use-cases/test/benefits/authorise", method: .post, headers: Self.staffHeaders(staff.dpo),
                body: ByteBuffer(string: #"{"cndp_number":"A-GC-9/2026"}"#)
            )
            #expect(early.status == .unprocessableContent, "not authorised before approval: \(String(buffer: early.body))")

            let selfApproval = try await client.execute(
                uri: "/admin/v1/use-cases/test/benefits/approval", method: .post, headers: Self.staffHeaders(staff.dpoSecond), body: ByteBuffer(string: "{}")
            )
            #expect(selfApproval.status == .forbidden, "the author's second token is the same principal")
            #expect(String(buffer: selfApproval.body).contains("two-person rule"))

            let approval = try await client.execute(
                uri: "/admin/v1/use-cases/test/benefits/approval", method: .post, headers: Self.staffHeaders(staff.otherDPO), body: ByteBuffer(string: "{}")
            )
            #expect(approval.status == .ok, "\(String(buffer: approval.body))")
            let authorised = try await client.execute(
                uri: "/admin/v1/use-cases/test/benefits/authorise", method: .post, headers: Self.staffHeaders(staff.dpo),
                body: ByteBuffer(string: #"{"cndp_number":"A-GC-9/2026"}"#)
            )
            #expect(authorised.status == .ok, "\(String(buffer: authorised.body))")

            // Live now; the high tier's human-oversight control holds the answer for a reviewer (OversightGatewayTests).
            response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: key, body: Gateway.chatBody())
            #expect(response.status == .ok)
            #expect(try Self.json(response)["thiqa"]?["pending"]?["status"] == "held")
        }
    }

    @Test func prohibitedAndUndeclaredUseCasesAreRefused() async throws {
        let scoring = "interaction: none"
        let file = Self.declarations(status: "draft", assessment: scoring, useCase: "scoring")
            .replacingOccurrences(of: "practices: none", with: "practices: [social_scoring]")
        try await Gateway.run(backends: [try Gateway.modelBackend()]) { client, fixture in
            let staff = try await Self.staff(fixture)
            let applied = try await client.execute(uri: "/admin/v1/apply", method: .post, headers: Self.staffHeaders(staff.dpo), body: ByteBuffer(string: file))
            #expect(applied.status == .ok, "\(String(buffer: applied.body))")
            let issued = APIKeyFormat.issue(tenant: try TenantID("test"), useCase: try UseCaseID("scoring"))
            try await fixture.keys.create(issued.record)
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(key: issued.key), body: Gateway.chatBody())
            #expect(response.status == .forbidden)
            #expect(try OpenAIError.decode(response).code == "use_case_prohibited")

            // A use case added to the old table after start, with no declaration: not declared.
            try await SQLUseCaseRepository(database: fixture.database).upsert(UseCase(tenant: try TenantID("test"), id: try UseCaseID("silent")))
            let silent = APIKeyFormat.issue(tenant: try TenantID("test"), useCase: try UseCaseID("silent"))
            try await fixture.keys.create(silent.record)
            let undeclared = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(key: silent.key), body: Gateway.chatBody())
            #expect(undeclared.status == .forbidden)
            #expect(try OpenAIError.decode(undeclared).code == "use_case_not_declared")
        }
    }
}
