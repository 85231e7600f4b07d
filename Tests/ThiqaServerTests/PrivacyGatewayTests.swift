import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing
import ThiqaCore
import ThiqaPrivacy
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// Personal data on the request path: the model sees placeholders only, the user reads real values back.
@Suite struct PrivacyGatewayTests {
    static let message = "Salam, ana smiti Karim, CIN dyali BE123456 w nmra dyali 06 12 34 56 78, 3afak"

    func chat(_ content: String, stream: Bool = false) -> ByteBuffer {
        let encoded = String(decoding: try! JSONEncoder().encode(content), as: UTF8.self)
        return ByteBuffer(string: #"{"model":"scripted","messages":[{"role":"user","content":\#(encoded)}],"stream":\#(stream)}"#)
    }

    @Test(arguments: [false, true])
    func modelSeesPlaceholdersAndUserReadsRealValues(stream: Bool) async throws {
        let model = ScriptedUpstream(.echo)
        try await model.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "echo")], useCase: { $0.contentRetentionSeconds = 600 }) { client, fixture in
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: chat(Self.message, stream: stream))
                #expect(response.status == .ok)
                let seen = try #require(model.receivedBodies.withLockedValue { $0.last })
                #expect(!seen.contains("BE123456"))
                #expect(!seen.contains("06 12 34 56 78"))
                #expect(seen.contains("<CIN_1>"))
                #expect(seen.contains("<PHONE_1>"))
                let body = String(buffer: response.body)
                if stream {
                    // Reassemble the streamed text: placeholders split across 3-character chunks were restored.
                    var text = ""
                    for event in body.components(separatedBy: "\n\n") where event.hasPrefix("data: {") {
                        let json = try JSONValue.parse(Array(event.dropFirst(6).utf8))
                        for choice in json["choices"]?.arrayValue ?? [] {
                            text += choice["delta"]?["content"]?.stringValue ?? ""
                        }
                    }
                    #expect(text == Self.message)
                } else {
                    let json = try JSONValue.parse(Array(body.utf8))
                    #expect(json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue == Self.message)
                }
                let id = try #require(response.headers[HTTPField.Name("X-Thiqa-Interaction-Id")!])
                let record = try #require(try await Gateway.record(id, in: fixture.interactions))
                #expect(record.decisions.contains("privacy:CIN:mask"))
                #expect(record.decisions.contains("privacy:PHONE:mask"))
                let kept = try #require(try await fixture.interactions.content(interactionID: id))
                #expect(!kept.request.contains("BE123456"), "kept content is pseudonymised")
                #expect(!kept.response.contains("BE123456"))
            }
        }
    }

    @Test func blockedTypeIsRefusedWithoutEchoingTheValue() async throws {
        let model = ScriptedUpstream(.echo)
        try await model.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "echo")],
                useCase: { $0.privacyPolicy = PrivacyPolicy(defaultAction: .mask, actions: [.CIN: .block]) }
            ) { client, fixture in
                let response = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: chat(Self.message))
                #expect(response.status == .badRequest)
                let error = try OpenAIError.decode(response)
                #expect(error.code == "personal_data_blocked")
                #expect(error.param == "messages[0].content")
                #expect(error.message.contains("CIN"))
                #expect(!String(buffer: response.body).contains("BE123456"))
                #expect(model.requests.withLockedValue { $0 } == 0)
            }
        }
    }

    @Test func placeholdersStayConsistentAcrossAConversation() async throws {
        let model = ScriptedUpstream(.echo)
        try await model.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "echo")]) { client, fixture in
                let headers = fixture.auth([HTTPField.Name("X-Thiqa-Conversation-Id")!: "dossier-42"])
                _ = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: headers, body: chat("nmra dyali 0612345678"))
                _ = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: headers, body: chat("CIN BE123456 w nmra 0612345678 w 0661000000"))
                let second = try #require(model.receivedBodies.withLockedValue { $0.last })
                #expect(second.contains("<PHONE_1>"), "the number from the first turn keeps its placeholder")
                #expect(second.contains("<PHONE_2>"))
                let bad = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth([HTTPField.Name("X-Thiqa-Conversation-Id")!: "bad id!"]),
                    body: chat("x")
                )
                #expect(bad.status == .badRequest)
                #expect(try OpenAIError.decode(bad).param == "X-Thiqa-Conversation-Id")
            }
        }
    }

    @Test func sensitiveDataNeverGoesAbroad() async throws {
        let abroad = ScriptedUpstream(.answer)
        try await abroad.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "paris", jurisdiction: "FR")],
                useCase: { $0.allowedJurisdictions = [.sovereign, try! Jurisdiction("FR")] }
            ) { client, fixture in
                // Ordinary text may go to the allowed foreign backend…
                let plain = try await client.execute(uri: "/v1/chat/completions", method: .post, headers: fixture.auth(), body: chat("Quels documents pour un passeport ?"))
                #expect(plain.status == .ok)
                // …health data may not, and no sovereign backend is there: 503 with the reason, nothing sent.
                let before = abroad.requests.withLockedValue { $0 }
                let sensitive = try await client.execute(
                    uri: "/v1/chat/completions", method: .post, headers: fixture.auth(),
                    body: chat("Ana mrid b diabète w 3andi rendez-vous f sbitar, wach n9der nakhod congé maladie?")
                )
                #expect(sensitive.status == .serviceUnavailable)
                let error = try OpenAIError.decode(sensitive)
                #expect(error.message.contains("sensitive"))
                #expect(abroad.requests.withLockedValue { $0 } == before)
            }
        }
    }

    @Test func analyzeAndAnonymizeEndpoints() async throws {
        try await Gateway.run(backends: []) { client, fixture in
            let analyze = try await client.execute(
                uri: "/v1/privacy/analyze", method: .post, headers: fixture.auth(), body: ByteBuffer(string: #"{"text":"CIN BE123456, tel +212 6 12 34 56 78"}"#)
            )
            #expect(analyze.status == .ok)
            let found = try JSONValue.parse(Array(analyze.body.readableBytesView))
            let types = found["entities"]?.arrayValue?.compactMap { $0["entity_type"]?.stringValue } ?? []
            #expect(types == ["CIN", "PHONE"])
            let anonymize = try await client.execute(
                uri: "/v1/privacy/anonymize", method: .post, headers: fixture.auth(), body: ByteBuffer(string: #"{"text":"رقم البطاقة الوطنية BE١٢٣٤٥٦ شكرا"}"#)
            )
            #expect(anonymize.status == .ok)
            let result = try JSONValue.parse(Array(anonymize.body.readableBytesView))
            let text = try #require(result["text"]?.stringValue)
            #expect(text.contains("<CIN_1>"))
            let item = try #require(result["items"]?.arrayValue?.first)
            let scalars = Array(text.unicodeScalars)
            let start = Int(try #require(item["start"]?.intValue))
            let end = Int(try #require(item["end"]?.intValue))
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "<CIN_1>")
            let bad = try await client.execute(uri: "/v1/privacy/analyze", method: .post, headers: fixture.auth(), body: ByteBuffer(string: #"{"text":5}"#))
            #expect(bad.status == .badRequest)
            #expect(try OpenAIError.decode(bad).param == "text")
        }
    }
}
