import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing
import ThiqaCore
import ThiqaServer
import ThiqaTesting

/// Model `thiqa-assistant` through the gateway: answered from the knowledge base by the Assist step, recorded like
/// any call; rephrased by the real bundled model only when configured, and then checked against the sources.
@Suite struct AssistantGatewayTests {
    static let knowledgePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("knowledge/procedures").path

    static func body(_ text: String, stream: Bool = false) -> ByteBuffer {
        let value: JSONValue = ["model": "thiqa-assistant", "stream": .bool(stream), "messages": [["role": "user", "content": .string(text)]]]
        return ByteBuffer(bytes: try! value.encoded())
    }

    static func json(_ response: TestResponse) throws -> JSONValue { try JSONValue.parse(response.body.readableBytesView) }

    @Test func darijaQuestionGetsThePassportProcedureWithItsSourcesAndIsRecorded() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], configure: { $0.assistant.knowledgePath = Self.knowledgePath }) { client, fixture in
            let models = try Self.json(try await client.execute(uri: "/v1/models", method: .get, headers: fixture.auth()))
            #expect(models["data"]?.arrayValue?.contains { $0["id"]?.stringValue == "thiqa-assistant" } == true)

            let response = try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Self.body("kifach n9ad passport?"))
            #expect(response.status == .ok)
            let answer = try Self.json(response)
            let content = try #require(answer["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            #expect(content.hasPrefix("Salam!"))
            #expect(content.contains("https://www.passeport.ma/"))
            #expect(content.contains("1. Remplir la pré-demande en ligne"))
            let source = try #require(answer["thiqa"]?["sources"]?.arrayValue?.first)
            #expect(source["procedure_id"]?.stringValue == "passport")
            #expect(source["url"]?.stringValue == "https://www.passeport.ma/")
            #expect(answer["thiqa"]?["assistant"]?["language"]?.stringValue == "ary-Latn")
            #expect(answer["thiqa"]?["assistant"]?["decision"]?.stringValue == "assistant:extractive")

            let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            let record = try #require(try await Gateway.record(id, in: fixture.interactions))
            #expect(record.outcome == .completed)
            #expect(record.model == "thiqa-assistant")
            #expect(record.backend == "thiqa-assistant", "no model was called")
            #expect(record.decisions.contains("assistant:extractive"))
            #expect(record.decisions.contains("assistant:procedure:passport"))
            #expect(record.responseSHA256 != nil)
        }
    }

    @Test func streamedAnswerCarriesSourcesFirstAndTheReceiptLast() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], configure: { $0.assistant.knowledgePath = Self.knowledgePath }) { client, fixture in
            let response = try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(),
                body: Self.body("Comment obtenir un extrait du casier judiciaire ?", stream: true))
            #expect(response.status == .ok)
            let events = String(buffer: response.body).components(separatedBy: "\n\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
            #expect(events.last == "[DONE]")
            let chunks = try events.dropLast().map { try JSONValue.parse(Array($0.utf8)) }
            #expect(chunks.first?["thiqa"]?["sources"]?.arrayValue?.first?["procedure_id"]?.stringValue == "criminal-record-extract")
            let text = chunks.compactMap { $0["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue }.joined()
            #expect(chunks.count > 10, "streamed in pieces")
            #expect(text.hasPrefix("Bonjour !"))
            #expect(text.contains("https://casier-judiciaire.justice.gov.ma/"))
            #expect(chunks.last?["thiqa"]?["receipt"]?.stringValue?.hasPrefix("rcp_") == true)
            let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            let record = try #require(try await Gateway.record(id, in: fixture.interactions))
            #expect(record.decisions.contains("assistant:extractive"))
        }
    }

    @Test func followUpInTheSameConversationIsAboutTheSameProcedure() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], configure: { $0.assistant.knowledgePath = Self.knowledgePath }) { client, fixture in
            let conversation: HTTPFields = [HTTPField.Name("X-Thiqa-Conversation-Id")!: "conv-1"]
            _ = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(conversation), body: Self.body("kifach n9ad passport?"))
            let followUp = try Self.json(try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(conversation), body: Self.body("w bchhal?")))
            let content = try #require(followUp["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            #expect(content.contains("500 DH (timbre)"))
            #expect(followUp["thiqa"]?["assistant"]?["basis"]?.stringValue == "follow_up_conversation")
            // Another conversation does not know what this one was about.
            let other = try Self.json(try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth([HTTPField.Name("X-Thiqa-Conversation-Id")!: "conv-2"]),
                body: Self.body("w bchhal?")))
            #expect(other["thiqa"]?["assistant"]?["basis"]?.stringValue == "abstained")
        }
    }

    /// The bundled base model rephrases; whatever it writes, the person gets either a rephrasing the check accepted
    /// or the extractive answer, and the record says which.
    @Test func rephrasingByTheRealModelIsCheckedAndRecorded() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], configure: {
            $0.assistant.knowledgePath = Self.knowledgePath
            $0.assistant.rephraseModel = TestModel.name
            // Within the test client's own deadline; the shared model server may be busy with other suites.
            $0.assistant.rephraseTimeoutMs = 12_000
        }) { client, fixture in
            let response = try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Self.body("Combien coûte le passeport ?"))
            #expect(response.status == .ok)
            let answer = try Self.json(response)
            let content = try #require(answer["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            let decision = try #require(answer["thiqa"]?["assistant"]?["decision"]?.stringValue)
            let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            let record = try #require(try await Gateway.record(id, in: fixture.interactions))
            #expect(record.decisions.contains(decision))
            #expect(
                decision == "assistant:rephrased" || decision.hasPrefix("assistant:rephrase_rejected:") || decision == "assistant:rephrase_failed",
                "\(decision)")
            // The record names the model that wrote the body, or Thiqa when the model did not answer in time.
            #expect(record.backend == (decision == "assistant:rephrase_failed" ? "thiqa-assistant" : "local"))
            #expect(content.contains("https://www.passeport.ma/"), "the sources are Thiqa's, whoever wrote the body")
            if decision != "assistant:rephrased" {
                #expect(content.contains("500 DH (timbre) pour un majeur"), "the extractive answer")
            }
        }
    }

    /// A model that adds a fee to the answer: its rephrasing is replaced by the extractive answer, and the record says why.
    @Test func aRephrasingThatInventsAFeeIsReplacedByTheExtractiveAnswer() async throws {
        let upstream = ScriptedUpstream(.reply("Salam! Lpassport kaytkhelles 900 DH f l-caïdat."))
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "scripted")], configure: {
                $0.assistant.knowledgePath = Self.knowledgePath
                $0.assistant.rephraseModel = "scripted"
            }) { client, fixture in
                let response = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Self.body("kifach n9ad passport?"))
                let answer = try Self.json(response)
                #expect(answer["thiqa"]?["assistant"]?["decision"]?.stringValue == "assistant:rephrase_rejected:fee")
                let content = try #require(answer["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
                #expect(!content.contains("900"))
                #expect(content.contains("1. Remplir la pré-demande en ligne"))
                let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                #expect(record.decisions.contains("assistant:rephrase_rejected:fee"))
                #expect(record.backend == "scripted")
                #expect(upstream.requests.withLockedValue { $0 } == 1)
            }
        }
    }

    @Test func withoutAKnowledgeBaseTheAssistantIsAnUnknownModel() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()]) { client, fixture in
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Self.body("kifach n9ad passport?"))
            #expect(response.status == .notFound)
        }
    }

    @Test func webChatPageIsServedAndAnswersWithoutAKeyInThePage() async throws {
        let directory = try TestStores.temporaryDirectory()
        try await Gateway.run(backends: [try Gateway.modelBackend()], configure: { configuration in
            configuration.assistant.knowledgePath = Self.knowledgePath
            configuration.assistant.webKeyFile = directory.appendingPathComponent("web.key").path
        }, prepare: { fixture in
            try Data(fixture.key.utf8).write(to: directory.appendingPathComponent("web.key"))
        }) { client, fixture in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("/web/assets/chat.js") && !html.contains("thq_"), "no key in the page")
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
            for asset in ["chat.js", "chat.css", "tifinagh.woff2"] {
                #expect(try await client.execute(uri: "/web/assets/\(asset)", method: .get).status == .ok, "\(asset)")
            }
            let body = ByteBuffer(string: #"{"conversation_id":"web-test-1","message":"kifach n9ad passport?","language":"ary-Latn"}"#)
            let answer = try await client.execute(uri: "/web/v1/chat", method: .post, headers: [.contentType: "application/json"], body: body)
            #expect(answer.status == .ok)
            let text = String(buffer: answer.body)
            #expect(text.contains("passeport.ma"))
            #expect(text.contains("\"procedure_id\":\"passport\""))
            let bad = try await client.execute(
                uri: "/web/v1/chat", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"conversation_id":"x","message":""}"#))
            #expect(bad.status == .badRequest)
        }
    }
}

/// The knowledge base is swapped in while the gateway runs: an edit of a procedure file reaches the next answer
/// without a restart, and an edit that does not validate leaves the base in service as it was.
@Suite struct KnowledgeReloadGatewayTests {
    static func copyOfTheKnowledgeBase() throws -> URL {
        let directory = try TestStores.temporaryDirectory().appendingPathComponent("procedures")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: AssistantGatewayTests.knowledgePath), to: directory)
        return directory
    }

    static func ask(_ client: any TestClientProtocol, _ fixture: GatewayFixture) async throws -> String {
        let response = try await client.execute(
            uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: AssistantGatewayTests.body("kifach n9ad passport?"))
        #expect(response.status == .ok)
        return try #require(try AssistantGatewayTests.json(response)["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
    }

    /// Polls the gateway until `condition` holds for its answer (the reload is asynchronous), at most 10 s.
    static func answer(
        _ client: any TestClientProtocol, _ fixture: GatewayFixture, until condition: (String) -> Bool
    ) async throws -> String {
        var last = ""
        for _ in 0..<100 {
            last = try await ask(client, fixture)
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    @Test func anEditedProcedureIsAnsweredWithoutARestartAndABrokenEditIsNot() async throws {
        let directory = try Self.copyOfTheKnowledgeBase()
        let file = directory.appendingPathComponent("passport.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try await Gateway.run(backends: [try Gateway.modelBackend()], configure: {
            $0.assistant.knowledgePath = directory.path
            $0.assistant.reloadIntervalMs = 50
        }) { client, fixture in
            let before = try await Self.ask(client, fixture)
            #expect(before.contains("1. Remplir la pré-demande en ligne"))

            // An official change of the first step, written into the served directory.
            let edited = original.replacingOccurrences(of: "Remplir la pré-demande en ligne", with: "Prendre rendez-vous en ligne")
            #expect(edited != original)
            try edited.write(to: file, atomically: true, encoding: .utf8)
            let after = try await Self.answer(client, fixture) { $0.contains("1. Prendre rendez-vous en ligne") }
            #expect(after.contains("1. Prendre rendez-vous en ligne"), "the edit is answered without a restart")

            // A broken edit (no id) that also rewrites the step is refused: were it swapped in, the step would read
            // "Texte non validé". The last good base keeps answering.
            let broken = edited.replacingOccurrences(of: "id: passport\n", with: "")
                .replacingOccurrences(of: "Prendre rendez-vous en ligne", with: "Texte non validé")
            #expect(broken.contains("Texte non validé") && !broken.contains("id: passport\n"))
            try broken.write(to: file, atomically: true, encoding: .utf8)
            try await Task.sleep(for: .milliseconds(500))
            let kept = try await Self.ask(client, fixture)
            #expect(kept.contains("1. Prendre rendez-vous en ligne"), "the base in service stays")
            #expect(!kept.contains("Texte non validé"))
        }
    }
}
