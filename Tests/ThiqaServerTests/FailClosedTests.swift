import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Testing
import ThiqaCore
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// When a record cannot be made durable, Thiqa refuses rather than answers without a trace.
@Suite struct FailClosedTests {
    @Test(arguments: TestStores.Kind.allCases)
    func requestsAreRefusedBeforeAnyModelIsCalledWhileRecordsCannotBeStored(_ storage: TestStores.Kind) async throws {
        let model = ScriptedUpstream(.answer)
        try await model.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")], storage: storage) { client, fixture in
                let body = Gateway.chatBody(model: "scripted")
                #expect(try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body).status == .ok)

                // The records' table disappears behind the server's back (as a full disk or a lost database would fail writes).
                try await fixture.sql { try await $0.raw("ALTER TABLE interactions RENAME TO interactions_away").run() }

                // This call reached the model, but its record could not be stored: the answer is withheld.
                let lost = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body)
                #expect(lost.status == .serviceUnavailable)
                #expect(!String(buffer: lost.body).contains("scripted answer"))
                let calls = model.requests.withLockedValue { $0 }

                // From now on no model is called at all.
                let refused = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body)
                #expect(refused.status == .serviceUnavailable)
                #expect(try OpenAIError.decode(refused).message.contains("no model is called"))
                #expect(model.requests.withLockedValue { $0 } == calls)

                // Once writes work again, so does the gateway.
                try await fixture.sql { try await $0.raw("ALTER TABLE interactions_away RENAME TO interactions").run() }
                #expect(try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: body).status == .ok)
            }
        }
    }

    /// Without its key store a replica cannot seal or open what belongs to a person: it says it is not ready.
    @Test func aReplicaWhoseKeyStoreIsGoneIsNotReady() async throws {
        let model = ScriptedUpstream(.answer)
        try await model.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "local")]) { client, fixture in
                func readiness() async throws -> (HTTPResponse.Status, [String: String]) {
                    let response = try await client.execute(uri: "/readyz", method: .get)
                    let object = try JSONValue.parse(response.body.readableBytesView).objectValue ?? [:]
                    return (response.status, object.compactMapValues(\.stringValue))
                }
                let (before, fields) = try await readiness()
                #expect(before == .ok)
                #expect(fields["key_store"] == "up")
                try await fixture.keyStore.database.transaction { try await $0.raw("ALTER TABLE thiqa_keys RENAME TO thiqa_keys_away").run() }
                let (without, down) = try await readiness()
                #expect(without == .serviceUnavailable)
                #expect(down["key_store"] == "down" && down["database"] == "up" && down["status"] == "not_ready")
                try await fixture.keyStore.database.transaction { try await $0.raw("ALTER TABLE thiqa_keys_away RENAME TO thiqa_keys").run() }
                #expect(try await readiness().0 == .ok)
            }
        }
    }
}
