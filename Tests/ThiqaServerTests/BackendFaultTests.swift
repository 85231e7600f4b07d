import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing
import ThiqaBackends
import ThiqaCore
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// Backend faults handled as a production router must: each case says what the client sees, where the next calls
/// go, and what the record keeps. Scripted upstreams are the one legitimate double here: a real model server cannot
/// be made to rate-limit, reset or cut on demand.
@Suite(.serialized) struct BackendFaultTests {
    static func call(_ client: any TestClientProtocol, _ fixture: GatewayFixture, stream: Bool = false) async throws -> TestResponse {
        try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted", stream: stream))
    }

    static func record(_ response: TestResponse, _ fixture: GatewayFixture) async throws -> InteractionRecord {
        if let id = response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!], let record = try await Gateway.record(id, in: fixture.interactions) {
            return record
        }
        return try #require(try await fixture.interactions.recent(limit: 1).first)
    }

    /// The faulty backend planned first (weight), a healthy one behind it.
    static func withPair(
        _ fault: ScriptedUpstream.Behaviour, faultyTimeoutMs: Int = 60_000, configure: @escaping @Sendable (inout ThiqaConfiguration) -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol, GatewayFixture, ScriptedUpstream, ScriptedUpstream) async throws -> Void
    ) async throws {
        let faulty = ScriptedUpstream(fault)
        let healthy = ScriptedUpstream(.answer)
        try await faulty.run { faultyURL in
            try await healthy.run { healthyURL in
                let backends = [
                    try ScriptedUpstream.backend(faultyURL, id: "faulty", firstByteTimeoutMs: faultyTimeoutMs, weight: 1_000_000),
                    try ScriptedUpstream.backend(healthyURL, id: "healthy"),
                ]
                try await Gateway.run(backends: backends, configure: configure) { client, fixture in
                    try await body(client, fixture, faulty, healthy)
                }
            }
        }
    }

    @Test func a429WithRetryAfterFailsOverAndCoolsTheBackendDown() async throws {
        // 50 s: long enough that 30 calls on a loaded CI machine stay inside the cool-down (7 s once did not).
        try await Self.withPair(.refuse(status: 429, retryAfter: 50)) { client, fixture, faulty, healthy in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<30 { statuses.append(try await Self.call(client, fixture).status) }
            #expect(statuses.allSatisfy { $0 == .ok }, "no 429 reaches the client while a healthy backend has capacity")
            #expect(faulty.requests.withLockedValue { $0 } == 1, "cooled down for its Retry-After: 50 s")
            #expect(healthy.requests.withLockedValue { $0 } == 30)
            let first = try #require(try await fixture.interactions.recent(limit: 30).last)
            #expect(first.decisions.contains("failover:faulty"))
            #expect(first.decisions.contains("attempt:1:faulty:status_429"))
        }
    }

    @Test func a429WithoutRetryAfterIsCooledDownWithABackoff() async throws {
        try await Self.withPair(.refuse(status: 429, retryAfter: nil)) { client, fixture, faulty, healthy in
            for _ in 0..<5 {
                let status = try await Self.call(client, fixture).status
                #expect(status == .ok)
            }
            #expect(faulty.requests.withLockedValue { $0 } == 1, "a first 429 cools it down for a second")
            #expect(healthy.requests.withLockedValue { $0 } == 5)
        }
    }

    @Test func whenEveryBackendRateLimitsTheClientGetsThiqasOwn429() async throws {
        let limited = ScriptedUpstream(.refuse(status: 429, retryAfter: 7))
        try await limited.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "limited")]) { client, fixture in
                let response = try await Self.call(client, fixture)
                #expect(response.status == .tooManyRequests)
                let retryAfter = try #require(response.headers[.retryAfter].flatMap(Int.init))
                #expect((6...7).contains(retryAfter))
                let error = try OpenAIError.decode(response)
                #expect(error.code == "backends_rate_limited")
                #expect(!String(buffer: response.body).contains("org-42"), "never the upstream's body verbatim")
                // While it cools down, the next call does not even reach it.
                let again = try await Self.call(client, fixture)
                #expect(again.status == .tooManyRequests)
                #expect(limited.requests.withLockedValue { $0 } == 1)
                #expect((1...7).contains(try #require(again.headers[.retryAfter].flatMap(Int.init))))
                let record = try await Self.record(again, fixture)
                #expect(record.errorType == "backends_rate_limited" && record.httpStatus == 429)
            }
        }
    }

    @Test func a503WithRetryAfterIsOverloadAndTheClientGetsThiqas503() async throws {
        let busy = ScriptedUpstream(.refuse(status: 503, retryAfter: 3))
        try await busy.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "busy")]) { client, fixture in
                let response = try await Self.call(client, fixture)
                #expect(response.status == .serviceUnavailable)
                #expect(try OpenAIError.decode(response).code == "backends_unavailable")
                #expect((1...3).contains(try #require(response.headers[.retryAfter].flatMap(Int.init))))
                #expect(!String(buffer: response.body).contains("org-42"))
            }
        }
    }

    @Test func repeatedFailuresOpenTheBreakerAndTheBackendIsNoLongerTried() async throws {
        try await Self.withPair(.status(500), configure: { $0.backends.resilience.breakerConsecutiveFailures = 3 }) { client, fixture, faulty, healthy in
            for _ in 0..<10 {
                let status = try await Self.call(client, fixture).status
                #expect(status == .ok)
            }
            #expect(faulty.requests.withLockedValue { $0 } == 3, "open after three failures in a row")
            #expect(healthy.requests.withLockedValue { $0 } == 10)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(String(buffer: ready.body).contains(#""state":"open""#))
        }
    }

    @Test func aSlowFirstByteFailsOverWithinTheDeadline() async throws {
        try await Self.withPair(.slowFirstByte(.seconds(2)), faultyTimeoutMs: 300) { client, fixture, _, _ in
            let response = try await Self.call(client, fixture)
            #expect(response.status == .ok)
            let record = try await Self.record(response, fixture)
            #expect(record.backend == "healthy")
            #expect(record.decisions.contains("attempt:1:faulty:timeout"))
        }
    }

    @Test(arguments: [("malformed", "malformed_answer"), ("html", "wrong_content_type")])
    func aBodyThatIsNotTheAnswerFailsOverBeforeTheClientSeesIt(_ kind: String, _ reason: String) async throws {
        let fault: ScriptedUpstream.Behaviour = kind == "malformed" ? .malformedJSON : .wrongContentType
        try await Self.withPair(fault) { client, fixture, faulty, healthy in
            let response = try await Self.call(client, fixture)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("scripted answer"))
            let record = try await Self.record(response, fixture)
            #expect(record.backend == "healthy")
            #expect(record.decisions.contains("attempt:1:faulty:\(reason)"))
            // The next calls avoid it until a health probe finds it well.
            _ = try await Self.call(client, fixture)
            #expect(faulty.requests.withLockedValue { $0 } == 1)
            #expect(healthy.requests.withLockedValue { $0 } == 2)
        }
    }

    @Test func aStreamCutByItsBackendEndsWithAnErrorEventAndARecordThatSaysSo() async throws {
        let raw = try RawUpstream(.cutStream(chunks: 3))
        defer { raw.stop() }
        let healthy = ScriptedUpstream(.answer)
        try await healthy.run { healthyURL in
            let faulty = BackendDescriptor(id: "faulty", baseURL: raw.baseURL, models: ["scripted"], jurisdiction: .sovereign, weight: 1_000_000)
            try await Gateway.run(backends: [faulty, try ScriptedUpstream.backend(healthyURL, id: "healthy")]) { client, fixture in
                let response = try await Self.call(client, fixture, stream: true)
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(["c0 ", "c1 ", "c2 "].allSatisfy(text.contains), "every chunk the backend sent before the cut reached the client")
                #expect(!text.contains("[DONE]"), "no silent truncation: no [DONE] for an incomplete answer")
                #expect(text.contains(#""code":"upstream_stream_interrupted""#))
                let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                var record = try #require(try await Gateway.record(id, in: fixture.interactions))
                for _ in 0..<50 where record.outcome == .streaming {
                    try await Task.sleep(for: .milliseconds(50))
                    record = try #require(try await Gateway.record(id, in: fixture.interactions))
                }
                #expect(record.outcome == .failed)
                #expect(record.errorType == "upstream_stream_interrupted")
                #expect(record.completionTokens == 3, "the record counts what was relayed")
                // The next call avoids the backend that broke.
                let next = try await Self.call(client, fixture, stream: false)
                #expect(next.status == .ok)
                #expect(raw.chatRequests.withLockedValue { $0 } == 1)
                #expect(healthy.requests.withLockedValue { $0 } == 1)
            }
        }
    }

    @Test(arguments: [RawUpstream.Fault.resetBeforeHeaders, .resetMidBody])
    func aResetConnectionFailsOverToTheHealthyBackend(_ fault: RawUpstream.Fault) async throws {
        let raw = try RawUpstream(fault)
        defer { raw.stop() }
        let healthy = ScriptedUpstream(.answer)
        try await healthy.run { healthyURL in
            let broken = BackendDescriptor(id: "broken", baseURL: raw.baseURL, models: ["scripted"], jurisdiction: .sovereign, weight: 1_000_000)
            try await Gateway.run(backends: [broken, try ScriptedUpstream.backend(healthyURL, id: "healthy")]) { client, fixture in
                let response = try await Self.call(client, fixture)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("scripted answer"))
                let record = try await Self.record(response, fixture)
                #expect(record.backend == "healthy")
                // Either the call met the reset itself (and says so), or the start-up probe had met it first.
                if raw.connections.withLockedValue({ $0 }) > 0, record.decisions.contains(where: { $0.hasPrefix("attempt:") }) {
                    #expect(record.decisions.contains { $0.hasPrefix("attempt:1:broken:") })
                }
            }
        }
    }
}
