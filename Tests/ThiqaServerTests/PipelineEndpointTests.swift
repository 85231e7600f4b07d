import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Testing
import ThiqaCore
import ThiqaPipeline
import ThiqaPrivacy
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// Every endpoint that reaches a model goes through the one pipeline: personal data is masked before the model
/// sees it, sensitive data stays in Morocco, every call is recorded, and no answer leaves without its record.
/// The endpoints are enumerated from the router (and checked against the pipeline's list), not from a list kept
/// by hand in this file.
@Suite(.serialized) struct PipelineEndpointTests {
    /// A body for each kind of call, carrying `text` where the model would read it.
    static func body(_ endpoint: AICall.Endpoint, text: String, stream: Bool = false) -> ByteBuffer {
        let encoded = String(decoding: try! JSONValue.string(text).encoded(), as: UTF8.self)
        switch endpoint {
        case .chatCompletions:
            return ByteBuffer(string: #"{"model":"scripted","messages":[{"role":"user","content":\#(encoded)}],"max_tokens":8,"stream":\#(stream)}"#)
        case .embeddings:
            return ByteBuffer(string: #"{"model":"scripted","input":[\#(encoded)]}"#)
        }
    }

    /// The routes of the router that reach a model: every POST under /v1 but the privacy tools, which call none.
    static func modelRoutes(_ fixture: GatewayFixture) -> Set<String> {
        Set(fixture.routes.filter { $0.method == "POST" && $0.path.hasPrefix("/v1/") && !$0.path.hasPrefix("/v1/privacy/") }.map(\.path))
    }

    @Test func everyRouteThatReachesAModelIsAPipelineEndpoint() async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")]) { _, fixture in
                #expect(!fixture.routes.isEmpty)
                #expect(Self.modelRoutes(fixture) == Set(AICall.Endpoint.allCases.map(\.rawValue)))
            }
        }
    }

    @Test(arguments: AICall.Endpoint.allCases)
    func personalDataIsMaskedBeforeTheModelAndTheCallRecorded(_ endpoint: AICall.Endpoint) async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")]) { client, fixture in
                #expect(Self.modelRoutes(fixture).contains(endpoint.rawValue))
                let response = try await client.execute(
                    uri: endpoint.rawValue, method: .post, headers: fixture.auth(), body: Self.body(endpoint, text: "Ma CIN est BJ204581, merci.")
                )
                #expect(response.status == .ok)
                let seen = upstream.receivedBodies.withLockedValue { $0 }.joined()
                #expect(!seen.contains("BJ204581"), "the model never sees the real value")
                #expect(seen.contains("<CIN_1>"))
                let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                #expect(record.endpoint == endpoint.rawValue)
                #expect(record.decisions.contains("privacy:CIN:mask"))
                #expect(record.logIndex != nil)
                #expect(record.receiptHash != nil)
                #expect(response.headers[HTTPField.Name("X-Thiqa-Receipt")!].flatMap(Receipt.init(token:))?.hash == record.receiptHash)
            }
        }
    }

    @Test(arguments: AICall.Endpoint.allCases)
    func sensitiveDataReachesOnlyTheSovereignBackend(_ endpoint: AICall.Endpoint) async throws {
        let text = "Ana mrid b diabète w 3andi rendez-vous f sbitar, wach n9der nakhod congé maladie?"
        try #require(!SensitiveCategoryDetector().categories(in: text).isEmpty, "the sample must be sensitive for this test to mean anything")
        let abroad = ScriptedUpstream(.echo)
        let home = ScriptedUpstream(.echo)
        try await abroad.run { abroadURL in
            try await home.run { homeURL in
                let backends = [
                    try ScriptedUpstream.backend(abroadURL, id: "abroad", jurisdiction: "FR", weight: 1_000_000),
                    try ScriptedUpstream.backend(homeURL, id: "home", jurisdiction: "MA"),
                ]
                try await Gateway.run(backends: backends, useCase: { $0.allowedJurisdictions = [.sovereign, try! Jurisdiction("FR")] }) { client, fixture in
                    // Harmless text may go abroad (the foreign backend is planned first)...
                    let harmless = try await client.execute(uri: endpoint.rawValue, method: .post, headers: fixture.auth(), body: Self.body(endpoint, text: "Horaires du bureau?"))
                    #expect(harmless.headers[HTTPField.Name("X-Thiqa-Jurisdiction")!] == "FR")
                    let abroadCalls = abroad.requests.withLockedValue { $0 }
                    // ...sensitive text never does.
                    let response = try await client.execute(uri: endpoint.rawValue, method: .post, headers: fixture.auth(), body: Self.body(endpoint, text: text))
                    #expect(response.status == .ok)
                    #expect(response.headers[HTTPField.Name("X-Thiqa-Jurisdiction")!] == "MA")
                    #expect(abroad.requests.withLockedValue { $0 } == abroadCalls)
                    let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                    let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                    #expect(record.backend == "home")
                    #expect(record.decisions.contains("route:sovereign-only"))
                }
            }
        }
    }

    @Test(arguments: TestStores.Kind.allCases, AICall.Endpoint.allCases)
    func noAnswerLeavesWithoutItsRecord(_ storage: TestStores.Kind, _ endpoint: AICall.Endpoint) async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")], storage: storage) { client, fixture in
                try await fixture.sql { try await $0.raw("ALTER TABLE interactions RENAME TO interactions_away").run() }
                let lost = try await client.execute(uri: endpoint.rawValue, method: .post, headers: fixture.auth(), body: Self.body(endpoint, text: "secret answer 42"))
                #expect(lost.status == .serviceUnavailable)
                #expect(!String(buffer: lost.body).contains("secret answer"))
                let calls = upstream.requests.withLockedValue { $0 }
                let refused = try await client.execute(uri: endpoint.rawValue, method: .post, headers: fixture.auth(), body: Self.body(endpoint, text: "again"))
                #expect(refused.status == .serviceUnavailable)
                #expect(upstream.requests.withLockedValue { $0 } == calls, "no model is called while records cannot be stored")
                try await fixture.sql { try await $0.raw("ALTER TABLE interactions_away RENAME TO interactions").run() }
            }
        }
    }

    @Test(arguments: TestStores.Kind.allCases)
    func aStreamIsWithheldWhenItsDecisionCannotBeRecorded(_ storage: TestStores.Kind) async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")], storage: storage) { client, fixture in
                try await fixture.sql { try await $0.raw("ALTER TABLE interactions RENAME TO interactions_away").run() }
                let body = Self.body(.chatCompletions, text: "streamed secret words", stream: true)
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body)
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/json")
                let text = String(buffer: response.body)
                #expect(!text.contains("str") && !text.contains("secret"), "not one byte of the model's stream reached the client")
                try await fixture.sql { try await $0.raw("ALTER TABLE interactions_away RENAME TO interactions").run() }
                let ok = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body)
                #expect(ok.status == .ok)
            }
        }
    }

    @Test func aStreamRecordsItsDecisionAndThenItsCompletionAsTwoLeaves() async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")]) { client, fixture in
                let response = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Self.body(.chatCompletions, text: "un deux trois", stream: true)
                )
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.hasSuffix("data: [DONE]\n\n"))
                let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                #expect(record.outcome == .completed)
                let decision = try #require(record.logIndex)
                let completion = try #require(record.completionLogIndex)
                #expect(completion > decision)
                #expect(text.contains(#""completion_log_index":\#(completion)"#))
                #expect(record.responseSHA256 != nil)
            }
        }
    }

    @Test(arguments: AICall.Endpoint.allCases)
    func aBodyTooLargeOrABadConversationIdIsRefusedAndRecorded(_ endpoint: AICall.Endpoint) async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")], configure: { $0.limits.maxBodyBytes = 2048 }) { client, fixture in
                let large = try await client.execute(
                    uri: endpoint.rawValue, method: .post, headers: fixture.auth(), body: Self.body(endpoint, text: String(repeating: "a", count: 4000))
                )
                #expect(large.status == .contentTooLarge)
                let record = try #require(try await fixture.interactions.recent(limit: 1).first)
                #expect(record.errorType == "payload_too_large")
                #expect(record.httpStatus == 413)
                let bad = try await client.execute(
                    uri: endpoint.rawValue, method: .post, headers: fixture.auth([HTTPField.Name("X-Thiqa-Conversation-Id")!: "bad id!"]),
                    body: Self.body(endpoint, text: "x")
                )
                #expect(bad.status == .badRequest)
                #expect(try OpenAIError.decode(bad).param == "X-Thiqa-Conversation-Id")
                let latest = try #require(try await fixture.interactions.recent(limit: 1).first)
                #expect(latest.errorType == "invalid_request" && latest.endpoint == endpoint.rawValue)
                #expect(upstream.requests.withLockedValue { $0 } == 0)
            }
        }
    }

    @Test func anUnexpectedErrorIsRecordedAsAnInternalErrorWithoutContent() async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")]) { client, fixture in
                // The conversation vaults' table goes away: reading it fails with a storage error nobody planned for.
                try await fixture.sql { try await $0.raw("ALTER TABLE conversation_vaults RENAME TO conversation_vaults_away").run() }
                let response = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth([HTTPField.Name("X-Thiqa-Conversation-Id")!: "c-1"]),
                    body: Self.body(.chatCompletions, text: "Ma CIN est BJ204581")
                )
                #expect(response.status == .internalServerError)
                let error = try OpenAIError.decode(response)
                #expect(error.code == "internal_error")
                #expect(!String(buffer: response.body).contains("conversation_vaults"), "no internals reach the client")
                #expect(upstream.requests.withLockedValue { $0 } == 0)
                let record = try #require(try await fixture.interactions.recent(limit: 1).first)
                #expect(record.outcome == .failed)
                #expect(record.errorType == "internal_error")
                #expect(record.httpStatus == 500)
                #expect(error.message.contains(record.id), "the client can quote the record's id")
                try await fixture.sql { try await $0.raw("ALTER TABLE conversation_vaults_away RENAME TO conversation_vaults").run() }
            }
        }
    }

    @Test func embeddingsAreOnePooledNormalisedVectorPerInput() async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")]) { client, fixture in
                let response = try await client.execute(
                    uri: "/v1/embeddings", method: .post, headers: fixture.auth(), body: ByteBuffer(string: #"{"model":"scripted","input":["a","b"]}"#)
                )
                #expect(response.status == .ok)
                let data = try #require(try JSONValue.parse(Array(response.body.readableBytesView))["data"]?.arrayValue)
                #expect(data.count == 2)
                for item in data {
                    let values = item["embedding"]?.arrayValue?.compactMap { $0.doubleValue }
                    let vector = try #require(values)
                    #expect(vector.count == 3, "one flat vector, not per-token vectors")
                    // The scripted per-token vectors [3,0,0], [1,4,0], [2,2,0] average to [2,2,0]: normalised, [1/√2, 1/√2, 0].
                    #expect(abs(vector[0] - 0.5.squareRoot()) < 1e-9 && abs(vector[1] - 0.5.squareRoot()) < 1e-9 && vector[2] == 0)
                }
            }
        }
    }

    /// An echo model (`scripted`) to fill a conversation's vault, and one (`names`) that answers placeholders the
    /// caller never sent: what a model that remembers, or is told, a placeholder would do.
    static func withConversationModels(
        naming placeholders: String, _ body: @Sendable (any TestClientProtocol, GatewayFixture) async throws -> Void
    ) async throws {
        let echo = ScriptedUpstream(.echo)
        let naming = ScriptedUpstream(.reply("Dossier: \(placeholders)"))
        try await echo.run { echoURL in
            try await naming.run { namingURL in
                let backends = [
                    try ScriptedUpstream.backend(echoURL, id: "echo"), try ScriptedUpstream.backend(namingURL, id: "naming", model: "names"),
                ]
                try await Gateway.run(backends: backends) { client, fixture in try await body(client, fixture) }
            }
        }
    }

    static func content(_ response: TestResponse) throws -> String {
        try #require(try JSONValue.parse(Array(response.body.readableBytesView))["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
    }

    static func ask(_ model: String, _ text: String) -> ByteBuffer {
        let encoded = String(decoding: try! JSONValue.string(text).encoded(), as: UTF8.self)
        return ByteBuffer(string: #"{"model":"\#(model)","messages":[{"role":"user","content":\#(encoded)}],"max_tokens":8}"#)
    }

    @Test func aConversationsValuesAreRestoredOnlyForTheKeyThatCreatedIt() async throws {
        try await Self.withConversationModels(naming: "<CIN_1>") { client, fixture in
            let conversation: HTTPFields = [HTTPField.Name("X-Thiqa-Conversation-Id")!: "dossier-7"]
            let first = try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(conversation), body: Self.ask("scripted", "Ma CIN est BJ204581")
            )
            #expect(try Self.content(first).contains("BJ204581"), "the caller reads its own value back")
            // A later turn of the same key: the model names the placeholder, the caller reads the value.
            let again = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(conversation), body: Self.ask("names", "et alors?"))
            #expect(try Self.content(again) == "Dossier: BJ204581")
            // Another key of the same use case, same conversation id: placeholders only.
            let other = try await fixture.issueKey()
            let stolen = try await client.execute(
                uri: "/v1/chat/completions", method: .post, headers: fixture.auth(conversation, key: other), body: Self.ask("names", "et alors?")
            )
            #expect(stolen.status == .ok)
            #expect(try Self.content(stolen) == "Dossier: <CIN_1>")
        }
    }

    @Test func concurrentTurnsOfAConversationKeepEveryPlaceholder() async throws {
        let all = (1...6).map { "<PHONE_\($0)>" }.joined(separator: " ")
        try await Self.withConversationModels(naming: all) { client, fixture in
            let conversation: HTTPFields = [HTTPField.Name("X-Thiqa-Conversation-Id")!: "busy"]
            let phones = (0..<6).map { "+2126611122\(String(format: "%02d", $0))" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for phone in phones {
                    group.addTask {
                        let response = try await client.execute(
                            uri: "/v1/chat/completions", method: .post, headers: fixture.auth(conversation), body: Self.ask("scripted", "Mon numéro: \(phone)")
                        )
                        #expect(response.status == .ok)
                    }
                }
                try await group.waitForAll()
            }
            // The model names all six placeholders: every number comes back, none was lost to a concurrent turn.
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(conversation), body: Self.ask("names", "?"))
            let text = try Self.content(response)
            for phone in phones { #expect(text.contains(phone), "\(phone) was lost") }
        }
    }

    @Test func maxTokensDefaultsToTheUseCaseCapAndCannotExceedIt() async throws {
        let upstream = ScriptedUpstream(.answer)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")], useCase: { $0.maxTokens = 300 }) { client, fixture in
                let response = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth(),
                    body: ByteBuffer(string: #"{"model":"scripted","messages":[{"role":"user","content":"salam"}]}"#)
                )
                #expect(response.status == .ok)
                let last = upstream.receivedBodies.withLockedValue { $0.last }
                let sent = try JSONValue.parse(Array(try #require(last).utf8))
                #expect(sent["max_tokens"]?.intValue == 300)
                let tooMany = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth(),
                    body: ByteBuffer(string: #"{"model":"scripted","messages":[{"role":"user","content":"salam"}],"max_tokens":301}"#)
                )
                #expect(tooMany.status == .badRequest)
                #expect(try OpenAIError.decode(tooMany).param == "max_tokens")
            }
        }
    }
}
