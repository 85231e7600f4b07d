import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaOversight
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// Human oversight end to end through the gateway and the bundled model: a high-risk decision held, reviewed by two
/// people (the first refused as second, even with another token of theirs), released, explained and checked against
/// the log; a stop switch holding the next call; deadlines escalating from an injected clock.
@Suite(.serialized) struct OversightGatewayTests {
    typealias Registry = RegistryGatewayTests

    /// A high-risk use case whose answers are decisions, live: declared, assessed, approved by a second DPO, authorised.
    static func highRisk(_ client: any TestClientProtocol, _ fixture: GatewayFixture) async throws -> (Registry.StaffTokens, HTTPFields) {
        let file = Registry.declarations(status: "draft", useCase: "benefits")
            .replacingOccurrences(of: "domains: none", with: "domains: [public_services]")
            .replacingOccurrences(of: "automation: information_only", with: "automation: decides_with_review")
            .replacingOccurrences(of: "effect: minor", with: "effect: significant")
            .replacingOccurrences(of: "disclosure_language: fr", with: "disclosure_language: fr\n    makes_decisions: true")
        let staff = try await Registry.staff(fixture)
        let applied = try await Self.execute(client, uri: "/admin/v1/apply", method: .post, headers: Registry.staffHeaders(staff.dpo), body: ByteBuffer(string: file))
        #expect(applied.status == .ok, "\(String(buffer: applied.body))")
        let approval = try await Self.execute(client, 
            uri: "/admin/v1/use-cases/test/benefits/approval", method: .post, headers: Registry.staffHeaders(staff.otherDPO), body: ByteBuffer(string: "{}")
        )
        #expect(approval.status == .ok, "\(String(buffer: approval.body))")
        let authorised = try await Self.execute(client, 
            uri: "/admin/v1/use-cases/test/benefits/authorise", method: .post, headers: Registry.staffHeaders(staff.dpo),
            body: ByteBuffer(string: #"{"cndp_number":"A-GC-9/2026"}"#)
        )
        #expect(authorised.status == .ok, "\(String(buffer: authorised.body))")
        let issued = APIKeyFormat.issue(tenant: try TenantID("test"), useCase: try UseCaseID("benefits"))
        try await fixture.keys.create(issued.record)
        return (staff, fixture.auth(key: issued.key))
    }

    static func json(_ response: TestResponse) throws -> JSONValue { try JSONValue.parse(response.body.readableBytesView) }

    /// The client's request, naming the route when it fails (a model queue shared by several test runs can exceed
    /// the test client's 20-second read timeout).
    static func execute(
        _ client: any TestClientProtocol, uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        let started = ContinuousClock.now
        do { return try await client.execute(uri: uri, method: method, headers: headers, body: body) } catch {
            Issue.record("\(method) \(uri) failed after \(ContinuousClock.now - started): \(error)")
            throw error
        }
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, token: String, _ body: String = "{}") async throws -> TestResponse {
        try await Self.execute(client, uri: uri, method: .post, headers: Registry.staffHeaders(token), body: ByteBuffer(string: body))
    }

    static func lookup(_ client: any TestClientProtocol, receipt: String, language: String? = nil) async throws -> JSONValue {
        let body = language.map { #"{"receipt":"\#(receipt)","language":"\#($0)"}"# } ?? #"{"receipt":"\#(receipt)"}"#
        let response = try await Self.execute(client, 
            uri: "/oversight/v1/lookup", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        )
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return try Self.json(response)
    }

    @Test(arguments: TestStores.Kind.allCases)
    func aHighRiskDecisionIsHeldReviewedByTwoPeopleReleasedAndExplainedAgainstTheLog(_ storage: TestStores.Kind) async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], storage: storage) { client, fixture in
            let (staff, key) = try await Self.highRisk(client, fixture)
            let settings = try await Self.execute(client, 
                uri: "/admin/v1/oversight/test/benefits", method: .put, headers: Registry.staffHeaders(staff.dpo),
                body: ByteBuffer(string: #"{"second_review":true,"review_deadline_seconds":3600}"#)
            )
            #expect(settings.status == .ok, "\(String(buffer: settings.body))")

            // Held: 200, an OpenAI-shaped answer whose message says a person will decide, and a thiqa.pending object.
            let response = try await Self.execute(client, 
                uri: "/v1/chat/completions", method: .post, headers: key,
                body: Gateway.chatBody(maxTokens: 2, content: "Bonjour, ai-je droit à l’aide au logement ? Mon numéro est 0612345678.")
            )
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let held = try Self.json(response)
            let pending = try #require(held["thiqa"]?["pending"])
            let id = try #require(pending["determination_id"]?.stringValue)
            let receipt = try #require(pending["receipt"]?.stringValue)
            #expect(pending["status"] == "held")
            #expect(pending["status_url"]?.stringValue == "/v1/determinations/\(id)")
            #expect(response.headers[HTTPField.Name("X-Thiqa-Receipt")!] == receipt)
            #expect(held["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue == ExplanationSummary.pendingMessage(.fr))
            #expect(held["object"] == "chat.completion")

            let before = try await Self.lookup(client, receipt: receipt)
            #expect(before["status"] == "held" && before["final"] == .bool(false) && before["answer"] == .null)

            // The queue of the use case, and the draft the reviewer reads: pseudonymised.
            let queue = try Self.json(try await Self.execute(client, 
                uri: "/admin/v1/reviews?use_case=test/benefits", method: .get, headers: Registry.staffHeaders(staff.dpo)
            ))
            #expect(queue["determinations"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [id])
            let shown = try Self.json(try await Self.execute(client, uri: "/admin/v1/reviews/\(id)", method: .get, headers: Registry.staffHeaders(staff.dpo)))
            let request = try #require(shown["content"]?["request"]?.stringValue)
            #expect(!request.contains("0612345678") && request.contains("<PHONE_1>"), "the reviewer sees placeholders")
            let draft = try #require(shown["content"]?["draft"]?.stringValue)
            let auditorRead = try await Self.execute(client, uri: "/admin/v1/reviews/\(id)/reidentify", method: .post, headers: Registry.staffHeaders(staff.auditor))
            #expect(auditorRead.status == .forbidden)
            // The DPO may see the person's values; that is itself an event, recorded and logged.
            let reidentified = try Self.json(try await Self.execute(
                client, uri: "/admin/v1/reviews/\(id)/reidentify", method: .post, headers: Registry.staffHeaders(staff.otherDPO)
            ))
            #expect(reidentified["content"]?["request"]?.stringValue?.contains("0612345678") == true)
            #expect(reidentified["events"]?.arrayValue?.last?["kind"] == "reidentified")
            #expect(reidentified["events"]?.arrayValue?.last?["principal"] == "stf_dpo2")

            // Four eyes: the first DPO proposes; their second token is still them; an auditor may not; the other DPO confirms.
            let first = try await Self.post(client, "/admin/v1/reviews/\(id)/approve", token: staff.dpo)
            #expect(first.status == .ok, "\(String(buffer: first.body))")
            #expect(try Self.json(first)["status"] == "awaiting_second_review")
            let again = try await Self.post(client, "/admin/v1/reviews/\(id)/approve", token: staff.dpoSecond)
            #expect(again.status == .forbidden)
            #expect(try OpenAIError.decode(again).code == "second_reviewer_required")
            #expect(try await Self.post(client, "/admin/v1/reviews/\(id)/approve", token: staff.auditor).status == .forbidden)
            let second = try await Self.post(client, "/admin/v1/reviews/\(id)/approve", token: staff.otherDPO, #"{"note":"conforme"}"#)
            #expect(second.status == .ok, "\(String(buffer: second.body))")
            #expect(try Self.json(second)["status"] == "approved")
            #expect(try Self.json(second)["outcome"]?["reviewers"] == ["stf_dpo", "stf_dpo2"])
            #expect(try await Self.post(client, "/admin/v1/reviews/\(id)/reject", token: staff.otherDPO, #"{"reason":"x"}"#).status == .conflict)

            // Released: the caller fetches the outcome with its key; the draft with the person's values back.
            let status = try Self.json(try await Self.execute(client, uri: "/v1/determinations/\(id)", method: .get, headers: key))
            #expect(status["status"] == "approved")
            let answer = try #require(status["answer"]?.stringValue)
            #expect(answer == draft.replacingOccurrences(of: "<PHONE_1>", with: "0612345678"))
            #expect(try await SQLOversightRepository(database: fixture.database).heldContent(DeterminationID(id)!) == nil, "held content gone")

            // Explained to the person, in French and in Darija, and checked against the log.
            let after = try await Self.lookup(client, receipt: receipt)
            #expect(after["status"] == "approved" && after["final"] == .bool(true) && after["answer"]?.stringValue == answer)
            let summary = try #require(after["explanation"]?["summary"]?["text"]?.stringValue)
            #expect(summary.contains("Deux personnes l’ont examinée et l’ont approuvée."))
            #expect(summary.contains("Assistant état civil") && summary.contains("au Maroc") && summary.contains("élevé"))
            #expect(summary.contains("Vos données personnelles ont été masquées"))
            #expect(after["explanation"]?["facts"]?["tier"] == "high")
            let darija = try await Self.lookup(client, receipt: receipt, language: "ary-Arab")
            #expect(darija["explanation"]?["summary"]?["text"]?.stringValue?.contains("شافوه جوج د الناس ووافقو عليه.") == true)
            #expect(darija["explanation"]?["summary"]?["direction"] == "rtl")

            let verifier = try #require(try LogSigningKey.load(fixture.transparency)).verifier
            let note = try #require(after["log"]?["checkpoint"]?.stringValue)
            let checkpoint = try Checkpoint.open(Array(note.utf8), log: verifier).checkpoint
            let entries = try #require(after["log"]?["entries"]?.arrayValue)
            #expect(entries.compactMap { $0["event"]?.stringValue } == ["held", "reidentified", "proposed", "approved"])
            for entry in entries {
                let record = try CanonicalJSON.encode(try CanonicalJSON.parse(try #require(entry["record"]).encoded()))
                let leaf = try CanonicalJSON.encode(try CanonicalJSON.parse(try #require(entry["leaf"]).encoded()))
                let salt = try #require(entry["salt"]?.stringValue.flatMap { Hex.decode($0) })
                #expect(PublicLeaf.commits(leaf: leaf, to: record, salt: salt), "the leaf commits to the record")
                let proof = try #require(entry["inclusion"]).encoded()
                #expect(ProofDocument.verify(proof) == .valid)
                #expect(entry["inclusion"]?["rootHash"]?.stringValue == checkpoint.rootHash.hex, "proved against the signed checkpoint")
                #expect(entry["inclusion"]?["leafHash"]?.stringValue == RFC6962.leafHash(leaf).hex)
                let index = try #require(entry["log_index"]?.intValue)
                let public_ = try Self.json(try await Self.execute(client, uri: "/log/v1/entries/\(index)", method: .get))
                #expect(try CanonicalJSON.encode(try CanonicalJSON.parse(try #require(public_["data"]).encoded())) == leaf, "the same leaf in the public log")
                #expect(!String(decoding: leaf, as: UTF8.self).contains("benefits"), "the public leaf names nothing")
            }
            let final = try #require(entries.last?["record"])
            #expect(final["status"] == "approved" && final["principal"] == "stf_dpo2" && final["determination_id"]?.stringValue == id)
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func theStopSwitchHoldsTheNextRequestUntilResumed(_ storage: TestStores.Kind) async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], storage: storage) { client, fixture in
            let staff = try await Registry.staff(fixture)
            _ = try await Self.execute(client, uri: "/admin/v1/apply", method: .post, headers: Registry.staffHeaders(staff.dpo), body: ByteBuffer(string: Registry.declarations()))
            #expect(try await Self.post(client, "/admin/v1/oversight/test/gateway/stop", token: staff.auditor, #"{"reason":"x"}"#).status == .forbidden)
            #expect(try await Self.post(client, "/admin/v1/oversight/test/gateway/stop", token: staff.dpo).status == .unprocessableContent, "a reason is required")
            let stopped = try await Self.post(client, "/admin/v1/oversight/test/gateway/stop", token: staff.dpo, #"{"reason":"réponses erronées signalées"}"#)
            #expect(stopped.status == .ok, "\(String(buffer: stopped.body))")
            let stopIndex = try #require(try Self.json(stopped)["log_index"]?.intValue)
            #expect(try await SQLTransparencyLog(database: fixture.database).entry(at: UInt64(stopIndex)) != nil, "the stop is a log leaf")

            let held = try Self.json(try await Self.execute(client, uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(maxTokens: 1)))
            let pending = try #require(held["thiqa"]?["pending"])
            #expect(pending["status"] == "held")
            let id = try #require(pending["determination_id"]?.stringValue)
            let shown = try Self.json(try await Self.execute(client, uri: "/admin/v1/reviews/\(id)", method: .get, headers: Registry.staffHeaders(staff.dpo)))
            #expect(shown["hold_reason"] == "stop_switch")

            // A stream is held too: one chunk that says so, Thiqa's final chunk, [DONE].
            let stream = try await Self.execute(client, 
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(stream: true, maxTokens: 1)
            )
            let text = String(buffer: stream.body)
            #expect(text.contains(#""pending""#) && text.hasSuffix("data: [DONE]\n\n"), "\(text)")

            // The reviewer amends and releases it with one approval (no four eyes on this use case).
            let amended = try await Self.post(
                client, "/admin/v1/reviews/\(id)/amend", token: staff.dpo, #"{"text":"Le bureau ouvre à 8 h 30.","reason":"horaires vérifiés"}"#
            )
            #expect(try Self.json(amended)["status"] == "amended", "\(String(buffer: amended.body))")
            let status = try Self.json(try await Self.execute(client, uri: "/v1/determinations/\(id)", method: .get, headers: fixture.auth()))
            #expect(status["answer"] == "Le bureau ouvre à 8 h 30.")

            #expect(try await Self.post(client, "/admin/v1/oversight/test/gateway/resume", token: staff.dpo).status == .ok)
            let resumed = try Self.json(try await Self.execute(client, uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(maxTokens: 1)))
            #expect(resumed["thiqa"]?["pending"] == nil, "resumed, a limited use case is answered at once")
        }
    }

    @Test func aHeldDeterminationPastItsDeadlineIsEscalatedToTheDPOFromTheInjectedClock() async throws {
        let clock = NIOLockedValueBox(Date())
        try await Gateway.run(
            backends: [try Gateway.modelBackend()],
            configure: { configuration in
                configuration.oversight.pollIntervalMs = 20
                configuration.oversight.escalationIntervalMs = 20
            },
            clock: { clock.withLockedValue { $0 } }
        ) { client, fixture in
            let (staff, key) = try await Self.highRisk(client, fixture)
            _ = try await Self.execute(client, 
                uri: "/admin/v1/oversight/test/benefits", method: .put, headers: Registry.staffHeaders(staff.dpo),
                body: ByteBuffer(string: #"{"review_deadline_seconds":3600}"#)
            )
            let held = try Self.json(try await Self.execute(client, uri: "/v1/chat/completions", method: .post, headers: key, body: Gateway.chatBody(maxTokens: 1)))
            let id = try #require(held["thiqa"]?["pending"]?["determination_id"]?.stringValue)
            let store = SQLOversightRepository(database: fixture.database)
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await store.find(DeterminationID(id)!)?.determination.escalatedAt == nil, "not before its deadline")
            clock.withLockedValue { $0 = $0.addingTimeInterval(3601) }
            var escalated: Determination?
            for _ in 0..<200 {
                escalated = try await store.find(DeterminationID(id)!)?.determination
                if escalated?.escalatedAt != nil { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(escalated?.escalatedTo == "dpo@test.ma")
            #expect(try await store.events(DeterminationID(id)!).map(\.kind) == [.held, .escalated])
        }
    }

    @Test func aUseCaseThatMakesDecisionsGetsAReleasedDeterminationForEveryAnswerExplainedByReceipt() async throws {
        let file = Registry.declarations().replacingOccurrences(of: "disclosure_language: fr", with: "disclosure_language: fr\n    makes_decisions: true")
        try await Gateway.run(backends: [try Gateway.modelBackend()]) { client, fixture in
            let staff = try await Registry.staff(fixture)
            let applied = try await Self.execute(client, uri: "/admin/v1/apply", method: .post, headers: Registry.staffHeaders(staff.dpo), body: ByteBuffer(string: file))
            #expect(applied.status == .ok, "\(String(buffer: applied.body))")
            let response = try await Self.execute(client, uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(maxTokens: 2))
            let answer = try Self.json(response)
            #expect(answer["thiqa"]?["pending"] == nil, "not held: a limited tier needs no human")
            let determination = try #require(answer["thiqa"]?["determination"])
            #expect(determination["status"] == "released")
            let receipt = try #require(response.headers[HTTPField.Name("X-Thiqa-Receipt")!])
            let person = try await Self.lookup(client, receipt: receipt, language: "en")
            #expect(person["determination_id"] == determination["determination_id"] && person["status"] == "released")
            #expect(person["answer"]?.stringValue == answer["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            let summary = try #require(person["explanation"]?["summary"]?["text"]?.stringValue)
            #expect(summary.contains("No person reviewed it: this service does not require it."))
            #expect(summary.contains("Risk level: limited."))
            #expect(person["log"]?["entries"]?.arrayValue?.map { $0["event"] } == ["released"])
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func undeclaredDataHeldForReviewReachesNoModelAndTheReviewerWritesTheAnswer(_ storage: TestStores.Kind) async throws {
        let file = Registry.declarations().replacingOccurrences(of: "purpose_limitation: refuse", with: "purpose_limitation: hold_for_review")
        try await Gateway.run(backends: [try Gateway.modelBackend()], storage: storage) { client, fixture in
            let staff = try await Registry.staff(fixture)
            let applied = try await Self.execute(client, uri: "/admin/v1/apply", method: .post, headers: Registry.staffHeaders(staff.dpo), body: ByteBuffer(string: file))
            #expect(applied.status == .ok, "\(String(buffer: applied.body))")
            // A CIN number, which the declaration does not cover: held before any model reads it.
            let response = try await Self.execute(
                client, uri: "/v1/chat/completions", method: .post, headers: fixture.auth(),
                body: Gateway.chatBody(maxTokens: 1, content: "Ma CIN est BJ204581, où en est mon dossier ?")
            )
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let id = try #require(try Self.json(response)["thiqa"]?["pending"]?["determination_id"]?.stringValue)
            let interaction = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            let record = try #require(try await Gateway.record(interaction, in: fixture.interactions))
            #expect(record.backend == nil, "no backend was called")
            #expect(record.decisions.contains("govern:held:data_category_not_declared"))
            let shown = try Self.json(try await Self.execute(client, uri: "/admin/v1/reviews/\(id)", method: .get, headers: Registry.staffHeaders(staff.dpo)))
            #expect(shown["hold"] == "before_model" && shown["content"]?["draft"] == .null)
            let approve = try await Self.post(client, "/admin/v1/reviews/\(id)/approve", token: staff.dpo)
            #expect(approve.status == .unprocessableContent)
            #expect(try OpenAIError.decode(approve).code == "draft_required")
            let amended = try await Self.post(
                client, "/admin/v1/reviews/\(id)/amend", token: staff.dpo,
                #"{"text":"Votre dossier est en cours d’instruction au guichet.","reason":"réponse rédigée par l’agent"}"#
            )
            #expect(try Self.json(amended)["status"] == "amended", "\(String(buffer: amended.body))")
            let receipt = try #require(response.headers[HTTPField.Name("X-Thiqa-Receipt")!])
            let person = try await Self.lookup(client, receipt: receipt)
            #expect(person["answer"] == "Votre dossier est en cours d’instruction au guichet.")
            let summary = try #require(person["explanation"]?["summary"]?["text"]?.stringValue)
            #expect(summary.contains("Aucun système d’intelligence artificielle n’a préparé la réponse"))
            #expect(summary.contains("Motif donné\u{00A0}: réponse rédigée par l’agent"))
        }
    }

    /// A receiver for webhook calls: fails the first `failures` attempts with 500, then keeps what it is sent.
    final class WebhookReceiver: Sendable {
        let failures: Int
        let attempts = NIOLockedValueBox(0)
        let received = NIOLockedValueBox<[(signature: String, body: [UInt8])]>([])
        init(failures: Int) { self.failures = failures }

        func run(_ body: @Sendable (String) async throws -> Void) async throws {
            let router = Router()
            router.post("hook") { request, _ -> Response in
                var request = request
                let bytes = Array(try await request.collectBody(upTo: 1 << 20).readableBytesView)
                let attempt = self.attempts.withLockedValue { count in
                    count += 1
                    return count
                }
                if attempt <= self.failures { return Response(status: .internalServerError) }
                let signature = request.headers[HTTPField.Name("Thiqa-Signature")!] ?? ""
                self.received.withLockedValue { $0.append((signature, bytes)) }
                return Response(status: .ok)
            }
            var logger = Logger(label: "webhook-receiver")
            logger.logLevel = .critical
            try await Application(router: router, logger: logger).test(.live) { client in
                try await body("http://localhost:\(client.port!)/hook")
            }
        }
    }

    @Test func theCallerIsCalledBackWithASignedBodyAndFailuresAreRetried() async throws {
        let receiver = WebhookReceiver(failures: 1)
        try await receiver.run { url in
            try await Gateway.run(
                backends: [try Gateway.modelBackend()],
                configure: { configuration in
                    configuration.oversight.webhookIntervalMs = 20
                    configuration.oversight.webhookRetryBaseMs = 50
                }
            ) { client, fixture in
                let staff = try await Registry.staff(fixture)
                _ = try await Self.execute(client, uri: "/admin/v1/apply", method: .post, headers: Registry.staffHeaders(staff.dpo), body: ByteBuffer(string: Registry.declarations()))
                let set = try await Self.execute(client, 
                    uri: "/admin/v1/oversight/test/gateway", method: .put, headers: Registry.staffHeaders(staff.dpo),
                    body: ByteBuffer(string: #"{"webhook_url":"\#(url)"}"#)
                )
                #expect(set.status == .ok, "\(String(buffer: set.body))")
                let secret = try #require(try Self.json(set)["webhook_secret"]?.stringValue)
                let shownAgain = try Self.json(try await Self.execute(client, uri: "/admin/v1/oversight/test/gateway", method: .get, headers: Registry.staffHeaders(staff.dpo)))
                #expect(shownAgain["webhook_secret"] == .null, "the secret is shown once")
                let refused = try await Self.execute(client, 
                    uri: "/admin/v1/oversight/test/gateway", method: .put, headers: Registry.staffHeaders(staff.dpo),
                    body: ByteBuffer(string: #"{"webhook_url":"http://example.ma/hook"}"#)
                )
                #expect(refused.status == .unprocessableContent, "plain http only on loopback")
                _ = try await Self.post(client, "/admin/v1/oversight/test/gateway/stop", token: staff.dpo, #"{"reason":"contrôle"}"#)

                let held = try Self.json(try await Self.execute(client, uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(maxTokens: 1)))
                let id = try #require(held["thiqa"]?["pending"]?["determination_id"]?.stringValue)
                let rejected = try await Self.post(client, "/admin/v1/reviews/\(id)/reject", token: staff.dpo, #"{"reason":"demande hors du champ du service"}"#)
                #expect(rejected.status == .ok, "\(String(buffer: rejected.body))")

                for _ in 0..<250 where receiver.received.withLockedValue({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(20)) }
                let (signature, body) = try #require(receiver.received.withLockedValue { $0.first })
                #expect(receiver.attempts.withLockedValue { $0 } == 2, "the first attempt failed and was retried")
                try WebhookSignature.verify(header: signature, body: body, secret: Array(secret.utf8), now: Int64(Date().timeIntervalSince1970))
                let payload = try JSONValue.parse(body)
                #expect(payload["determination_id"]?.stringValue == id && payload["status"] == "rejected")
                #expect(payload["answer"]?.stringValue?.contains("demande hors du champ du service") == true, "the person is told why")
                // The attempt is recorded once the receiver has answered.
                var deliveries: [WebhookDelivery] = []
                for _ in 0..<100 {
                    deliveries = try await SQLOversightRepository(database: fixture.database).deliveries(DeterminationID(id)!)
                    if deliveries.first?.deliveredAt != nil { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(deliveries.first?.attempts == 2 && deliveries.first?.deliveredAt != nil)
                #expect(deliveries.first?.body == "", "the answer is not kept for the delivery once delivered")
            }
        }
    }
}
