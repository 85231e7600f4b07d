import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import ThiqaCore
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// End to end through the real bundled model (llama.cpp), on SQLite and PostgreSQL.
@Suite(.serialized) struct GatewayTests {
    @Test(arguments: TestStores.Kind.allCases)
    func chatCompletionIsAnsweredAndRecordedWithoutContent(_ storage: TestStores.Kind) async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], storage: storage) { client, fixture in
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody())
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("X-Thiqa-AI-Generated")!] == "true")
            let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            struct Completion: Decodable {
                struct Choice: Decodable { struct Message: Decodable { var content: String? }; var message: Message }
                var choices: [Choice]
                var usage: TokenUsage
            }
            let completion = try JSONDecoder().decode(Completion.self, from: Data(response.body.readableBytesView))
            #expect(completion.usage.completionTokens > 0)
            let record = try #require(try await Gateway.record(id, in: fixture.interactions))
            #expect(record.outcome == .completed)
            #expect(record.backend == "local")
            #expect(record.backendJurisdiction == "MA")
            #expect(record.completionTokens == completion.usage.completionTokens)
            #expect(record.promptTokens == completion.usage.promptTokens)
            #expect(record.model == TestModel.name)
            #expect(record.latencyMs > 0)
            #expect(try await fixture.interactions.content(interactionID: id) == nil, "no content is kept by default")
        }
    }

    @Test func streamEndsWithUsageInteractionIdAndDone() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()]) { client, fixture in
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(stream: true, maxTokens: 6))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            let text = String(buffer: response.body)
            let events = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.last == "data: [DONE]")
            let final = try #require(events.dropLast().last)
            #expect(final.contains(#""usage""#))
            let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            #expect(final.contains(id))
            let record = try #require(try await Gateway.record(id, in: fixture.interactions))
            #expect(record.stream)
            #expect(record.outcome == .completed)
            #expect((record.completionTokens ?? 0) > 0)
        }
    }

    @Test func contentIsKeptOnlyWhenTheUseCaseOptsInAndIsPurged() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()], useCase: { $0.contentRetentionSeconds = 3600 }) { client, fixture in
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(content: "rappel rendez-vous"))
            let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
            _ = try await Gateway.record(id, in: fixture.interactions)
            let content = try #require(try await fixture.interactions.content(interactionID: id))
            #expect(content.request.contains("rappel rendez-vous"))
            #expect(try await fixture.interactions.purgeExpiredContent(now: Date().addingTimeInterval(3601)) == 1)
            #expect(try await fixture.interactions.content(interactionID: id) == nil)
        }
    }

    @Test func embeddingsThroughTheBundledModel() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend()]) { client, fixture in
            let response = try await client.execute(
                uri: "/v1/embeddings", method: .post, headers: fixture.auth(),
                body: ByteBuffer(string: #"{"model":"\#(TestModel.name)","input":"salam"}"#)
            )
            #expect(response.status == .ok)
            let json = try JSONValue.parse(Array(response.body.readableBytesView))
            #expect(json["data"]?.arrayValue?.isEmpty == false)
            let bad = try await client.execute(uri: "/v1/embeddings", method: .post, headers: fixture.auth(), body: ByteBuffer(string: #"{"model":"\#(TestModel.name)","input":42}"#))
            #expect(bad.status == .badRequest)
            #expect(try OpenAIError.decode(bad).param == "input")
        }
    }

    @Test func modelsListsWhatTheCallerMayUse() async throws {
        try await Gateway.run(backends: [try Gateway.modelBackend(), try ScriptedUpstream.backend("http://localhost:1/v1", id: "abroad", jurisdiction: "FR", model: "foreign-only")]) { client, fixture in
            let response = try await client.execute(uri: "/v1/models", method: .get, headers: fixture.auth())
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            #expect(body.contains(TestModel.name))
            #expect(!body.contains("foreign-only"))
            let one = try await client.execute(uri: "/v1/models/\(TestModel.name)", method: .get, headers: fixture.auth())
            #expect(one.status == .ok)
            let missing = try await client.execute(uri: "/v1/models/nope", method: .get, headers: fixture.auth())
            #expect(missing.status == .notFound)
            #expect(try OpenAIError.decode(missing).code == "model_not_found")
        }
    }
}

/// Keys, limits and bad input: every error in OpenAI's shape, naming the field.
@Suite struct GatewayRejectionTests {
    func backend() throws -> BackendDescriptor {
        // Never called: every request here is refused before routing.
        try ScriptedUpstream.backend("http://localhost:1/v1", id: "unused", model: "m")
    }

    @Test func missingMalformedAndRevokedKeysGet401() async throws {
        try await Gateway.run(backends: [try backend()]) { client, fixture in
            let none = try await client.execute(uri: "/v1/models", method: .get)
            #expect(none.status == .unauthorized)
            #expect(try OpenAIError.decode(none).code == "invalid_api_key")
            let malformed = try await client.execute(uri: "/v1/models", method: .get, headers: [.authorization: "Bearer sk-not-ours"])
            #expect(malformed.status == .unauthorized)
            // One character changed (to another one: a key ending in "x" stayed right once in 62 runs).
            let wrongKey = fixture.key.dropLast() + (fixture.key.last == "x" ? "y" : "x")
            let wrongSecret = try await client.execute(uri: "/v1/models", method: .get, headers: [.authorization: "Bearer \(wrongKey)"])
            #expect(wrongSecret.status == .unauthorized)
            #expect(try await fixture.keys.revoke(id: fixture.keyID, at: Date()))
            let revoked = try await client.execute(uri: "/v1/models", method: .get, headers: fixture.auth())
            #expect(revoked.status == .unauthorized)
            #expect(try OpenAIError.decode(revoked).message.contains("revoked"))
        }
    }

    @Test func badInputNamesTheField() async throws {
        try await Gateway.run(backends: [try backend()]) { client, fixture in
            let cases: [(String, String?, String?)] = [
                ("{not json", nil, "invalid_json"),
                (#"{"model":"m","messages":[{"role":"user","content":5}]}"#, "messages[0].content", "invalid_type"),
                (#"{"model":"m"}"#, "messages", "missing_required_parameter"),
                (#"{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":"hot"}"#, "temperature", "invalid_type"),
            ]
            for (body, param, code) in cases {
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(body)")
                let error = try OpenAIError.decode(response)
                #expect(error.param == param, "\(body)")
                #expect(error.code == code, "\(body)")
                #expect(error.type == "invalid_request_error")
            }
            let unknown = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "gpt-9"))
            #expect(unknown.status == .notFound)
            #expect(try OpenAIError.decode(unknown).param == "model")
            let recent = try await fixture.interactions.recent(limit: 10)
            #expect(recent.count == 5, "refused calls are recorded too")
            #expect(recent.allSatisfy { $0.outcome == .rejected })
        }
    }

    @Test func oversizedBodyGets413() async throws {
        try await Gateway.run(backends: [try backend()], configure: { $0.limits.maxBodyBytes = 2048 }) { client, fixture in
            let big = String(repeating: "a", count: 4096)
            let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "m", content: big))
            #expect(response.status == .contentTooLarge)
            #expect(try OpenAIError.decode(response).code == "request_too_large")
        }
    }

    @Test func rateLimitGets429WithRetryAfter() async throws {
        try await Gateway.run(backends: [try backend()], useCase: { $0.rateLimitPerMinute = 2 }) { client, fixture in
            for _ in 0..<2 {
                #expect(try await client.execute(uri: "/v1/models", method: .get, headers: fixture.auth()).status == .ok)
            }
            let limited = try await client.execute(uri: "/v1/models", method: .get, headers: fixture.auth())
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(try OpenAIError.decode(limited).code == "rate_limit_exceeded")
        }
    }

    @Test func operationsEndpoints() async throws {
        try await Gateway.run(backends: [try backend()]) { client, fixture in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            _ = try await client.execute(uri: "/v1/models", method: .get, headers: fixture.auth())
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            let text = String(buffer: metrics.body)
            #expect(text.contains("http_server_request_duration"))
            let openapi = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(openapi.status == .ok)
            let route = try await client.execute(uri: "/nowhere", method: .get)
            #expect(route.status == .notFound)
            #expect(try OpenAIError.decode(route).type == "invalid_request_error")
        }
    }
}
