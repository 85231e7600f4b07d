import HTTPTypes
import HummingbirdTesting
import ThiqaBackends
import Testing
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// The registry's rules (with the oversight's stop switches and the key's use case) are read from memory: a call
/// through the whole gateway runs no read query, and its only write is its record and leaf, one group-commit
/// transaction (calls that share a batch share it). The gateway's own database counts every read and transaction it
/// runs; its background services are set to wake no sooner than the test ends, so that all it counts is the calls.
@Suite struct CallQueryCountTests {
    @Test(arguments: TestStores.Kind.allCases)
    func aCallThroughTheGatewayRunsNoReadAndOneWriteAtMost(storage: TestStores.Kind) async throws {
        let upstream = ScriptedUpstream(.echo)
        try await upstream.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "scripted")], storage: storage,
                configure: { configuration in
                    let hour = 3_600_000
                    configuration.authCacheTTLMs = hour
                    configuration.backends.healthCheckIntervalMs = hour
                    configuration.transparency.checkpointIntervalMs = hour
                    configuration.registry.pollIntervalMs = hour
                    configuration.oversight.pollIntervalMs = hour
                    configuration.oversight.escalationIntervalMs = hour
                    configuration.oversight.webhookIntervalMs = hour
                    configuration.purgeIntervalMs = hour
                }
            ) { client, fixture in
                let database = try #require(fixture.gatewayDatabase)
                let body = Gateway.chatBody(model: "scripted", content: "Salam, bghit n3ref l-wata2i9 dyal la carte nationale")
                // The first call reads the key (then cached) and lets the start-up passes of the services finish.
                #expect(try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body).status == .ok)
                try await Task.sleep(for: .milliseconds(300))
                let before = database.operationCount
                let calls = 20
                for _ in 0..<calls {
                    let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body)
                    #expect(response.status == .ok)
                    #expect(response.headers[HTTPField.Name("X-Thiqa-Log-Index")!] != nil)
                }
                let after = database.operationCount
                #expect(after.reads == before.reads, "calls read the database \(after.reads - before.reads) times")
                #expect(after.transactions - before.transactions >= 1, "the records were written")
                #expect(after.transactions - before.transactions <= calls, "one group-commit transaction per call at most")
            }
        }
    }
}
