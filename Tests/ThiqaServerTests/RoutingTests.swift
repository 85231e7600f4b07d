import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import ThiqaStorage
import Testing
import ThiqaCore
import ThiqaServer
import ThiqaTesting

/// Routing, jurisdiction and failover. Failures a real model server cannot be made to show on demand
/// (5xx, a hang, a slow stream) come from `ScriptedUpstream`; everything else is real.
@Suite struct RoutingTests {
    @Test func foreignBackendNeverReceivesASovereignRequest() async throws {
        let abroad = ScriptedUpstream(.answer)
        try await abroad.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "paris", jurisdiction: "FR")]) { client, fixture in
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted"))
                #expect(response.status == .serviceUnavailable)
                let error = try OpenAIError.decode(response)
                #expect(error.code == "no_eligible_backend")
                #expect(error.message.contains("FR"))
                #expect(abroad.requests.withLockedValue { $0 } == 0)
            }
        }
    }

    @Test func useCaseAllowedAbroadMayUseTheForeignBackend() async throws {
        let abroad = ScriptedUpstream(.answer)
        try await abroad.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "paris", jurisdiction: "FR")],
                useCase: { $0.allowedJurisdictions = [.sovereign, try! Jurisdiction("FR")] }
            ) { client, fixture in
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted"))
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("X-Thiqa-Jurisdiction")!] == "FR")
            }
        }
    }

    @Test func connectionRefusedFailsOverToTheNextBackend() async throws {
        let healthy = ScriptedUpstream(.answer)
        try await healthy.run { url in
            let dead = try ScriptedUpstream.backend("http://127.0.0.1:9/v1", id: "dead")
            var dead10 = dead
            dead10.weight = 1000  // planned first almost always
            try await Gateway.run(backends: [dead10, try ScriptedUpstream.backend(url, id: "alive")]) { client, fixture in
                // "dead" is planned first, unless the start-up health probe already took it out of the plan (a refused
                // connection fails the probe too): either way the call is answered by "alive", and when the call did
                // try "dead" its record says so. The timeout test below makes the failover itself deterministic.
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted"))
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("X-Thiqa-Backend")!] == "alive")
                let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                #expect(record.backend == "alive")
                #expect(healthy.requests.withLockedValue { $0 } == 1)
            }
        }
    }

    @Test func noFirstByteInTimeFailsOverAndIsRecorded() async throws {
        // The hanging backend passes its health probe (it answers /v1/models) and is planned first: the failover is
        // certain, and the record must say where the call went and what it failed over from.
        let hanging = ScriptedUpstream(.hang)
        let healthy = ScriptedUpstream(.answer)
        try await hanging.run { hangingURL in
            try await healthy.run { healthyURL in
                let first = try ScriptedUpstream.backend(hangingURL, id: "hanging", firstByteTimeoutMs: 300, weight: 1_000_000)
                try await Gateway.run(backends: [first, try ScriptedUpstream.backend(healthyURL, id: "healthy")]) { client, fixture in
                    let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted"))
                    #expect(response.status == .ok)
                    #expect(hanging.requests.withLockedValue { $0 } == 1)
                    let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                    let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                    #expect(record.backend == "healthy")
                    #expect(record.decisions.contains("failover:hanging"), "the record says the call failed over, and from where")
                }
            }
        }
    }

    @Test func serverErrorFailsOverAndIsRecorded() async throws {
        let failing = ScriptedUpstream(.status(503))
        let healthy = ScriptedUpstream(.answer)
        try await failing.run { failingURL in
            try await healthy.run { healthyURL in
                var first = try ScriptedUpstream.backend(failingURL, id: "failing")
                first.weight = 1_000_000
                try await Gateway.run(backends: [first, try ScriptedUpstream.backend(healthyURL, id: "healthy")]) { client, fixture in
                    let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted"))
                    #expect(response.status == .ok)
                    #expect(failing.requests.withLockedValue { $0 } == 1)
                    let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                    let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                    #expect(record.backend == "healthy")
                    #expect(record.decisions.contains("failover:failing"))
                }
            }
        }
    }

    @Test func upstreamThatNeverAnswersTimesOutWith504() async throws {
        let hanging = ScriptedUpstream(.hang)
        try await hanging.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "slow", firstByteTimeoutMs: 300)]) { client, fixture in
                let started = ContinuousClock.now
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: Gateway.chatBody(model: "scripted"))
                #expect(response.status == .gatewayTimeout)
                #expect(try OpenAIError.decode(response).code == "upstream_timeout")
                #expect(ContinuousClock.now - started < .seconds(10))
            }
        }
    }

    @Test func clientDisconnectMidStreamCancelsTheUpstreamRequest() async throws {
        let slow = ScriptedUpstream(.slowStream(chunks: 200, interval: .milliseconds(50)))
        try await slow.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "slow")]) { client, fixture in
                let port = try #require(client.port)
                let http = HTTPClient(eventLoopGroupProvider: .singleton)
                var request = HTTPClientRequest(url: "http://localhost:\(port)/v1/chat/completions")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(fixture.key)")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(Gateway.chatBody(model: "scripted", stream: true))
                let reader = Task {
                    let response = try await http.execute(request, timeout: .seconds(30))
                    var received = 0
                    for try await chunk in response.body {
                        received += chunk.readableBytes
                        if received > 300 { break }
                    }
                }
                try await reader.value
                try await http.shutdown()
                // The gateway notices the closed connection, drops the upstream body, and the upstream's write fails.
                var cancelled = false
                for _ in 0..<100 where !cancelled {
                    try await Task.sleep(for: .milliseconds(50))
                    cancelled = slow.streamCancelled.withLockedValue { $0 }
                }
                #expect(cancelled)
                #expect(slow.streamChunksWritten.withLockedValue { $0 } < 150)
                // The completion is recorded once the relay notices; wait for it rather than race it.
                var outcome: InteractionRecord.Outcome?
                for _ in 0..<100 {
                    outcome = try await fixture.interactions.recent(limit: 1).first?.outcome
                    if outcome != .streaming { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(outcome == .cancelled)
            }
        }
    }
}
